"""Pinning through a model that misbehaves the way real ones do. The "model" here is a plain function over the
protected text (a fake engine, allowed for logic above the engine): it copies, inflects, respells, splits,
garbles or drops the placeholders. Every occurrence must come out pinned, in the right case where the sentence
shows it, or be reported missed — never silently wrong. tests/test_glossary_engine.py runs real models."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.document import GlossaryHit
from translator.glossary import Glossary, load_glossaries, miss_lines, pin_name, protect, restore, summary_line, written
from translator.glossary.paradigm import word_cases

SHIPPED = Path(__file__).resolve().parents[1] / "glossaries" / "interview-aisin.tsv"
GLOSSARY = load_glossaries([SHIPPED])
LABELS = {e.label: i for i, e in enumerate(GLOSSARY.entries)}


def pin(text: str, src: str, tgt: str, model: Callable[[str], str]) -> tuple[str, list[tuple[str, str, str]]]:
    protected = protect(GLOSSARY, text, src, tgt)
    out, hits = restore(GLOSSARY, protected, model(protected.text), tgt)
    return out, [(h.source_text, h.target_text, h.status) for h in hits]


def test_placeholder_is_the_glossary_form_in_the_target_language() -> None:
    protected = protect(GLOSSARY, "Ruslan Aysin met Aisin in Moscow.", "en", "uk")
    assert protected.text == "Руслан Айсін met Айсін in Москва."
    assert [o.source_text for o in protected.occurrences] == ["Ruslan Aysin", "Aisin", "Moscow"]


def test_copied_placeholders_take_the_case_their_preposition_needs() -> None:
    out, hits = pin("I met with Ruslan Aysin in Moscow.", "en", "uk",
                    lambda t: t.replace("I met with", "Я зустрівся з").replace(" in ", " у "))
    assert out == "Я зустрівся з Русланом Айсіним у Москві."
    assert hits == [("Ruslan Aysin", "Русланом Айсіним", "pinned"), ("Moscow", "Москві", "pinned")]


def test_russian_second_locative_for_places() -> None:
    out, _ = pin("He lived in Crimea and in the White House.", "en", "ru",
                 lambda t: "Он жил в Крым и в Белый дом.")
    assert out == "Он жил в Крыму и в Белом доме."


def test_a_name_the_model_inflected_keeps_the_models_case() -> None:
    out, hits = pin("Trump uses Putin as a tool.", "en", "uk", lambda t: "Трамп використовує Путіна як інструмент.")
    assert out == "Трамп використовує Путіна як інструмент."
    assert hits[1] == ("Putin", "Путіна", "kept")  # a correct form is kept as it is


def test_a_name_respelt_by_the_model_comes_out_in_the_glossary_spelling() -> None:
    out, _ = pin("I met with Ruslan Aysin.", "en", "ru", lambda t: "Я встретился с Русланом Айсыным.")
    assert out == "Я встретился с Русланом Айсиным."
    out, _ = pin("Aisin and Aysin", "en", "uk", lambda t: "Айсин і Aysin")
    assert out == "Айсін і Айсін"  # both romanisations, and the Russian spelling, come out as one form


def test_a_name_split_across_sentences_is_joined_and_inflected() -> None:
    out, hits = pin("I met with Ruslan Aysin.", "en", "uk", lambda t: "Я зустрівся з Руслан. Айсін.")
    assert out == "Я зустрівся з Русланом Айсіним."
    assert hits == [("Ruslan Aysin", "Русланом Айсіним", "pinned")]


@pytest.mark.parametrize("garbled", ["Я зустрівся з Піедра.", "Я зустрівся.", "Я зустрівся з ###T01###."])
def test_a_garbled_or_dropped_name_is_reported_missed_and_left_as_the_model_wrote(garbled: str) -> None:
    out, hits = pin("I met with Ruslan Aysin.", "en", "uk", lambda t: garbled)
    assert out == garbled
    assert hits == [("Ruslan Aysin", "", "missed")]


def test_of_two_occurrences_one_dropped_exactly_one_is_missed() -> None:
    _, hits = pin("Putin called Putin.", "en", "uk", lambda t: "Путін подзвонив.")
    assert [h[2] for h in hits] == ["kept", "missed"]


def test_possessive_becomes_genitive() -> None:
    out, _ = pin("Trump’s goal and Russia's strikes", "en", "uk", lambda t: "Мета Трамп’s і удари Росія's")
    assert out == "Мета Трампа і удари Росії"


def test_another_word_that_looks_like_the_name_is_not_taken_for_it() -> None:
    out, hits = pin("Ukrainians love Ukraine.", "en", "uk", lambda t: "Українці люблять.")
    assert out == "Українці люблять." and hits == [("Ukraine", "", "missed")]
    out, hits = pin("Українці живуть в Україні.", "uk", "en", lambda t: "Ukrainians live in Ukraina.")
    assert out == "Ukrainians live in Ukraine." and hits == [("Україні", "Ukraine", "pinned")]


def test_russian_source_case_carries_over_to_ukrainian_through_an_english_pivot() -> None:
    protected = protect(GLOSSARY, "Мы говорили с Русланом Айсиным о Крыме.", "ru", "uk")
    assert protected.text == "Мы говорили с Русланом Айсіним о Криму."  # the note fixes the locative: Криму
    # the English leg transliterated the names back; the Ukrainian leg left them in Latin letters
    out, hits = restore(GLOSSARY, protected, "Ми говорили з Ruslan Aysin про Crimea.", "uk")
    assert out == "Ми говорили з Русланом Айсіним про Крим."
    assert [h.status for h in hits] == ["pinned", "pinned"]


def test_kept_terms_and_translations_into_english() -> None:
    out, hits = pin("Удары по SOCAR и Кремлю.", "ru", "en", lambda t: "Strikes on Socar and the Kremlin.")
    assert out == "Strikes on SOCAR and the Kremlin."
    assert [h[2] for h in hits] == ["pinned", "kept"]


def test_speaker_names_and_reports() -> None:
    assert pin_name(GLOSSARY, "Aysin", "en", "uk") == "Айсін"
    assert pin_name(GLOSSARY, "Host", "en", "uk") is None
    hits = {
        "uk": [GlossaryHit("Putin", "Putin", "Путін", "uk", "pinned")],
        "ru": [GlossaryHit("Putin", "Putin", "", "ru", "missed"),
               GlossaryHit("Putin", "Putin", "Путин", "ru", "pinned")],
    }
    assert summary_line(hits) == "glossary: 1 pinned, 0 uncertain, 0 missed (uk); 1 pinned, 0 uncertain, 1 missed (ru)"


def test_miss_lines_name_the_segment() -> None:
    from translator.document import Segment

    segment = Segment(7, "turn", "Putin")
    segment.glossary = [GlossaryHit("Putin", "Putin", "", "ru", "missed")]
    assert miss_lines([segment]) == ["glossary missed: segment 7 (ru): 'Putin' (Putin)"]


# --- property: whatever the model does to each placeholder, nothing is silently wrong -------------------

TERMS = ["Ruslan Aysin", "Aisin", "Putin", "Moscow", "Crimea", "Odesa region", "Europe", "Eastern Europe", "SOCAR",
         "Budapest Memorandum", "Sakhalin-1", "Zelensky"]
FILLER = ["he", "said", "that", "with", "in", "and", "the", "talks", "about"]
BEHAVIOURS = ["copy", "inflect", "other-spelling", "garble", "drop"]
CASES = ["nomn", "gent", "datv", "accs", "ablt", "loct"]


def misbehave(glossary: Glossary, entry: int, tgt: str, placeholder: str, behaviour: str, case: str) -> str:
    item = glossary.entries[entry]
    if behaviour == "inflect":
        return written(glossary, entry, tgt, case)
    if behaviour == "other-spelling":  # the model writes the name the way another language does
        return next((f for lang, f in item.all_forms() if lang != tgt), placeholder)
    return {"copy": placeholder, "garble": "Ксилофон", "drop": ""}[behaviour]


def in_paradigm(target_text: str, form: str | None, tgt: str) -> bool:
    assert form is not None, "a pinned term has a form in the target language"
    words, forms = target_text.split(" "), form.split(" ")
    if tgt not in ("ru", "uk"):
        return target_text == form
    return len(words) == len(forms) and all(w.lower() in word_cases(f, tgt) or w == f for w, f in zip(words, forms))


@settings(deadline=None)  # the first example loads pymorphy3's dictionaries
@given(
    st.lists(st.tuples(st.lists(st.sampled_from(FILLER), max_size=3), st.sampled_from(TERMS),
                       st.sampled_from(BEHAVIOURS), st.sampled_from(CASES)), min_size=1, max_size=5),
    st.sampled_from(["uk", "ru"]),
)
def test_every_occurrence_is_pinned_or_reported_whatever_the_model_does(
    parts: list[tuple[list[str], str, str, str]], tgt: str
) -> None:
    source = " ".join(" ".join([*filler, term]) for filler, term, _, _ in parts) + "."
    protected = protect(GLOSSARY, source, "en", tgt)
    assert [o.source_text for o in protected.occurrences] == [term for _, term, _, _ in parts]

    output, position = protected.text, 0  # the model: each placeholder, in order, misbehaves its own way
    for occurrence, (_, _, behaviour, case) in zip(protected.occurrences, parts):
        start = output.index(occurrence.placeholder, position)
        rendered = misbehave(GLOSSARY, occurrence.entry, tgt, occurrence.placeholder, behaviour, case)
        output = output[:start] + rendered + output[start + len(occurrence.placeholder):]
        position = start + len(rendered)

    final, hits = restore(GLOSSARY, protected, output, tgt)
    assert len(hits) == len(parts)
    survived = Counter(o.entry for o, p in zip(protected.occurrences, parts) if p[2] not in ("garble", "drop"))
    pinned = Counter(o.entry for o, h in zip(protected.occurrences, hits) if h.status != "missed")
    assert pinned == survived
    for occurrence, hit in zip(protected.occurrences, hits):
        if hit.status != "missed":
            assert hit.target_text in final
            assert in_paradigm(hit.target_text, GLOSSARY.entries[occurrence.entry].written(tgt), tgt)
        else:
            assert hit.target_text == ""
