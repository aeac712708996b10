"""Pinning through REAL CTranslate2 models (tiny Argos packages built by tests/tiny_argos.py, run by the
product's engine) whose lexicons make them misbehave the way real models do: respell a name, inflect it,
split it, garble or drop the placeholder, transliterate it back on a pivot leg. Every occurrence comes out
pinned in the right case, or is reported missed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tiny_argos import build_package
from translator.document import GlossaryHit
from translator.engine.argos import ArgosEngine, EngineSettings
from translator.engine.packages import install_file, installed_packages
from translator.glossary import Glossary, load_glossaries, pin_name, protect, restore, summary_line, written
from translator.readers import read
from translator.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = load_glossaries([ROOT / "glossaries" / "interview-aisin.tsv"])
LABELS = {e.label: i for i, e in enumerate(GLOSSARY.entries)}
SAMPLE = ROOT / "examples" / "interview-aisin.en.txt"

# Each lexicon entry whose key is a placeholder (a glossary form) is a misbehaviour of the model.
LEXICONS = {
    ("en", "uk"): {
        "i": "я", "met": "зустрівся", "with": "з", "in": "у", "he": "він", "spoke": "говорив", "about": "про",
        "lives": "живе", "visited": "відвідав",
        "Айсін": "Айсин",  # respells the surname the Russian way
        "Путін": "Путіна",  # inflects the name itself (accusative after "про")
        "Руслан": "Руслан.",  # breaks the full name with a full stop
        "Пекін": "Піедра",  # translates the name into something else
        "Крим": "…",  # drops the name
    },
    ("en", "ru"): {"i": "я", "met": "встретился", "with": "с", "in": "в", "he": "он", "lives": "живёт",
                   "we": "мы", "talked": "говорили", "Айсин": "Айсын"},
    ("uk", "en"): {"ми": "we", "говорили": "talked", "з": "with", "у": "in",
                   "русланом": "ruslan", "айсиным": "aysin", "крыме": "crimea"},  # transliterates back
    ("ru", "en"): {"мы": "we", "говорили": "talked", "с": "with", "о": "about", "и": "and"},
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> ArgosEngine:
    built = tmp_path_factory.mktemp("glossary-models")
    folder = tmp_path_factory.mktemp("glossary-packages")
    for (src, tgt), lexicon in LEXICONS.items():
        install_file(build_package(built, src, tgt, lexicon), folder)
    return ArgosEngine(EngineSettings(threads=1), installed_packages(folder))


def through(
    engine: ArgosEngine, glossary: Glossary, sentences: list[str], src: str, tgt: str
) -> list[tuple[str, list[GlossaryHit]]]:
    protected = [protect(glossary, s, src, tgt) for s in sentences]
    machine = engine.translate([p.text for p in protected], src, tgt)
    return [restore(glossary, p, m, tgt) for p, m in zip(protected, machine)]


@pytest.mark.parametrize(
    ("sentence", "tgt", "expected", "statuses"),
    [
        ("I met with Ruslan Aysin in Moscow.", "uk", "Я зустрівся з Русланом Айсіним у Москві.", ["pinned"] * 2),
        # "place в" is below the 98% bar (UD dev and the other treebanks); Москва is written like no case в
        # allows, so the likelier, the locative, is written, and flagged
        ("I met with Ruslan Aisin in Moscow.", "ru", "Я встретился с Русланом Айсиным в Москве.",
         ["pinned", "uncertain"]),
        ("He spoke about Putin.", "uk", "Він говорив про Путіна.", ["kept"]),
        ("He lives in Beijing.", "uk", "Він живе у Піедра.", ["missed"]),
        ("He visited Crimea.", "uk", "Він відвідав ….", ["missed"]),
        # after a verb of being somewhere the locative is sure (живёт в Крыму)
        ("He lives in Crimea.", "ru", "Он живёт в Крыму.", ["pinned"]),
    ],
)
def test_real_model_misbehaviour_is_pinned_or_reported(
    engine: ArgosEngine, sentence: str, tgt: str, expected: str, statuses: list[str]
) -> None:
    [(text, hits)] = through(engine, GLOSSARY, [sentence], "en", tgt)
    assert text == expected
    assert [h.status for h in hits] == statuses


def test_pivot_through_english_keeps_the_source_case(engine: ArgosEngine) -> None:
    [(text, hits)] = through(engine, GLOSSARY, ["Ми говорили з Русланом Айсіним у Криму."], "uk", "ru")
    assert text == "Мы говорили с Русланом Айсиным в Крыму."
    assert [(h.source_text, h.target_text, h.status) for h in hits] == [
        ("Русланом Айсіним", "Русланом Айсиным", "pinned"), ("Криму", "Крыму", "kept"),
    ]


def test_russian_source_with_inflected_names_is_matched_and_pinned(engine: ArgosEngine) -> None:
    [(text, hits)] = through(engine, GLOSSARY, ["Мы говорили с Русланом Айсиным о Крыме и Пашиняне."], "ru", "en")
    assert text == "We talked with Ruslan Aisin about Crimea and Pashinyan."
    assert [(h.source_text, h.status) for h in hits] == [
        ("Русланом Айсиным", "kept"), ("Крыме", "kept"), ("Пашиняне", "kept"),
    ]


def test_sample_interview_pins_every_occurrence_in_both_languages(packages_dir: Path) -> None:
    engine = ArgosEngine(EngineSettings(threads=1), installed_packages(packages_dir))
    doc = read(SAMPLE)
    sentences = [s for segment in doc.segments for s in split_sentences(segment.text, "en")]
    hits_by_lang, texts = {}, {}
    for tgt in ("uk", "ru"):
        results = through(engine, GLOSSARY, sentences, "en", tgt)
        hits_by_lang[tgt] = [h for _, hits in results for h in hits]
        texts[tgt] = " ".join(text for text, _ in results)
    uk, ru = hits_by_lang["uk"], hits_by_lang["ru"]
    assert len(uk) == len(ru) > 100
    assert all(h.status != "missed" for h in uk + ru)
    counts = {lang: [sum(h.status == s for h in hits) for s in ("pinned", "uncertain", "kept")]
              for lang, hits in hits_by_lang.items()}
    assert summary_line(hits_by_lang) == (
        f"glossary: {counts['uk'][0]} pinned, {counts['uk'][1]} uncertain, 0 missed (uk); "
        f"{counts['ru'][0]} pinned, {counts['ru'][1]} uncertain, 0 missed (ru); "
        f"kept as the translation wrote them: {counts['uk'][2]} (uk), {counts['ru'][2]} (ru)"
    )
    for lang, full_name in (("uk", "Руслан Айсін"), ("ru", "Руслан Айсин")):
        aisin = [h for h in hits_by_lang[lang] if h.term == "Ruslan Aisin"]
        assert {h.source_text for h in aisin} == {"Ruslan Aisin", "Ruslan Aysin"}  # both romanisations ...
        assert {h.target_text for h in aisin} <= {written(GLOSSARY, LABELS["Ruslan Aisin"], lang, case)
                                                   for case in ("nomn", "gent", "datv", "accs", "ablt", "loct")}
        assert full_name in texts[lang] and "Aysin" not in texts[lang] and "Aisin" not in texts[lang]  # ... one form
        speakers = {pin_name(GLOSSARY, s.speaker, "en", lang) for s in doc.segments if s.speaker}
        assert speakers == {full_name, written(GLOSSARY, LABELS["Vitaliy Barvynenko"], lang)}
