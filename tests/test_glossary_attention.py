"""The attention fallback for a name the model translated into some other word (issue #3).

Real tiny CTranslate2 models (tests/tiny_argos.py) whose lexicons translate a placeholder the way real models
translate names ("Айсін" → "камінь", like Argos's "Roger Stone" → "Piedra"): the engine's forced alignment reads
their cross-attention, and the occurrence comes out pinned in the case the sentence needs. The span rules are
tested on hand-made links (data, not a fake engine).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.tiny_argos import build_package
from translator.database import Database
from translator.engine.alignment import compose
from translator.engine.argos import ArgosEngine, EngineSettings
from translator.engine.packages import install_file, installed_packages
from translator.engine.tokenizer import load_tokenizer
from translator.glossary import load_glossaries, protect, restore, restore_all
from translator.glossary.attention import attended_span
from translator.memory import TranslationMemory
from translator.pipeline import DocumentSettings, prepare, translate_document
from translator.spans import AlignedTranslation, Link

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = load_glossaries([ROOT / "glossaries" / "interview-aisin.tsv"])

# Keys that are glossary forms (placeholders) make the model translate the name into an unrelated word.
LEXICONS = {
    ("en", "uk"): {"i": "я", "met": "зустрівся", "with": "з", "he": "він", "spoke": "говорив", "about": "про",
                   "visited": "відвідав", "stone": "камінь", "boston": "бостон",
                   "Айсін": "камінь", "Путін": "піедра", "Крим": "…"},
    ("en", "ru"): {"i": "я", "met": "встретился", "with": "с", "we": "мы", "talked": "говорили", "stone": "камнем",
                   "Айсин": "камень"},
    ("uk", "en"): {"ми": "we", "говорили": "talked", "з": "with", "айсиным": "stone"},
}
PREFIX = {("en", "ru"): "<ru>"}  # a package with a target prefix, which the forced decoding must lead with


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> ArgosEngine:
    built = tmp_path_factory.mktemp("attention-models")
    folder = tmp_path_factory.mktemp("attention-packages")
    for (src, tgt), lexicon in LEXICONS.items():
        install_file(build_package(built, src, tgt, lexicon, target_prefix=PREFIX.get((src, tgt), "")), folder)
    return ArgosEngine(EngineSettings(threads=1), installed_packages(folder))


def pinned(engine: ArgosEngine, sentence: str, src: str, tgt: str) -> tuple[str, list[tuple[str, str]], str]:
    """Through the engine and `restore_all` as the pipeline does: the final text, (target, status) per hit,
    and what plain `restore` (no attention) made of it."""
    protected = protect(GLOSSARY, sentence, src, tgt)
    [raw] = engine.translate([protected.text], src, tgt)
    plain, _ = restore(GLOSSARY, protected, raw, tgt)
    [(text, hits)] = restore_all(GLOSSARY, [protected], [raw], tgt, lambda s, t: engine.align(s, t, src, tgt))
    return text, [(h.target_text, h.status) for h in hits], plain


@pytest.mark.parametrize(
    ("sentence", "src", "tgt", "model_wrote", "expected", "hits"),
    [
        ("I met with Ruslan Aysin.", "en", "uk", "Я зустрівся з Руслан Камінь.",
         "Я зустрівся з Русланом Айсіним.", [("Русланом Айсіним", "pinned")]),
        ("He spoke about Putin.", "en", "uk", "Він говорив про Піедра.",  # про + animate → accusative
         "Він говорив про Путіна.", [("Путіна", "pinned")]),
        ("I met with Aisin.", "en", "ru", "Я встретился с Камень.",
         "Я встретился с Айсиным.", [("Айсиным", "pinned")]),
        # uk→en→ru: the English leg made "Stone" of the placeholder and the Russian leg "Камнем" of that
        ("Ми говорили з Айсіним.", "uk", "ru", "Мы говорили с Камнем.",
         "Мы говорили с Айсиным.", [("Айсиным", "pinned")]),
        ("Aisin met Aysin.", "en", "uk", "Камінь зустрівся Камінь.",
         "Айсін зустрівся Айсін.", [("Айсін", "pinned"), ("Айсін", "uncertain")]),
    ],
)
def test_a_name_the_model_translated_is_pinned_through_attention(
    engine: ArgosEngine, sentence: str, src: str, tgt: str, model_wrote: str, expected: str, hits: list[tuple[str, str]]
) -> None:
    text, found, plain = pinned(engine, sentence, src, tgt)
    assert plain == model_wrote  # without the attention the name is lost: nothing spelt like it is left
    assert (text, found) == (expected, hits)


def test_a_dropped_name_is_still_reported_missed(engine: ArgosEngine) -> None:
    text, found, plain = pinned(engine, "He visited Crimea.", "en", "uk")
    assert text == plain == "Він відвідав …."  # the attention points at "…": no word to pin
    assert found == [("", "missed")]


def test_the_pipeline_pins_through_attention_and_again_from_the_memory(engine: ArgosEngine, tmp_path: Path) -> None:
    source = tmp_path / "talk.txt"
    source.write_text("Vitaliy Barvynenko: I met with Ruslan Aysin. He visited Crimea.\n", "utf-8")
    for run in range(2):  # the second run takes the raw translation from the memory and aligns it all the same
        doc = prepare(source, "en")
        memory = TranslationMemory(Database(tmp_path / "tm.sqlite"))
        done = translate_document(doc, DocumentSettings(("uk",), GLOSSARY), engine, memory)
        [segment] = [s for s in doc.segments if s.kind == "turn"]
        assert segment.translations["uk"].text == "Я зустрівся з Русланом Айсіним. Він відвідав …."
        assert [(h.target_text, h.status) for h in segment.glossary] == [("Русланом Айсіним", "pinned"), ("", "missed")]
        assert (done.translated, done.from_memory) == ((2, 0) if run == 0 else (0, 2))


# --- the engine's alignment on the real model --------------------------------------------------------

WORDS = ["I", "met", "with", "he", "spoke", "about", "Stone", "stone", "Boston", "Roger", "ok", "Киев", "42"]


def translation_of(word: str) -> str:
    """What the word-by-word model writes for one whole word (lexicon words keep their capitalisation)."""
    found = LEXICONS[("en", "uk")].get(word.lower())
    if found is None:
        return word
    return found[:1].upper() + found[1:] if word[:1].isupper() else found


@settings(deadline=None, max_examples=25)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", ", ", "  ", " - "])), min_size=1, max_size=8))
def test_each_word_links_to_what_the_model_made_of_it(engine: ArgosEngine, parts: list[tuple[str, str]]) -> None:
    sentence = "".join(word + gap for word, gap in parts).strip() + "."
    [output] = engine.translate([sentence], "en", "uk")
    [aligned] = engine.align([sentence], [output], "en", "uk")
    assert aligned.text == output
    source_words = [(m.start(), m.end()) for m in re.finditer(r"\w+", sentence)]
    target_words = [(m.start(), m.end()) for m in re.finditer(r"\w+", output)]
    assert len(source_words) == len(target_words) == len(parts)
    for (s0, s1), (t0, t1) in zip(source_words, target_words):
        linked = {link.target for link in aligned.links if s0 <= link.source[0] and link.source[1] <= s1}
        assert min(linked)[0] == t0 and max(linked)[1] == t1  # the word's pieces became exactly its translation
        assert output[t0:t1] == translation_of(sentence[s0:s1])


@settings(deadline=None, max_examples=60)
@given(st.text(alphabet="ab Stone…😀_ \u00a0Айсін,.!", max_size=40))
def test_piece_spans_cover_every_visible_character_once(engine: ArgosEngine, text: str) -> None:
    pkg = engine.route("en", "uk")[0]
    tokenizer = load_tokenizer(pkg.path, pkg.from_code, pkg.to_code)
    pieces, spans = tokenizer.spans(text)
    assert pieces == tokenizer.encode(text)  # the very pieces `translate` sends
    real = [span for span in spans if span[0] < span[1]]
    assert all(b[0] >= a[1] for a, b in itertools.pairwise(real))  # in order, never overlapping
    covered = {i for start, end in real for i in range(start, end)}
    assert covered == {i for i, ch in enumerate(text) if not ch.isspace()}  # no whitespace, nothing visible lost


def by_target(links: set[Link]) -> tuple[Link, ...]:
    return tuple(sorted(links, key=lambda link: (link.target, link.source)))


@given(st.lists(st.integers(1, 4), min_size=1, max_size=12).flatmap(
    lambda lengths: st.tuples(st.just(lengths), st.lists(st.tuples(st.integers(0, len(lengths) - 1),
                                                                   st.integers(0, len(lengths) - 1))))))
def test_composing_with_an_identity_leg_changes_nothing(case: tuple[list[int], list[tuple[int, int]]]) -> None:
    lengths, pairs = case
    ends = [sum(lengths[: i + 1]) for i in range(len(lengths))]
    pieces = [(end - length, end) for end, length in zip(ends, lengths)]  # a text cut into pieces
    links = by_target({Link(pieces[a], pieces[b]) for a, b in pairs})
    identity = by_target({Link(piece, piece) for piece in pieces})
    assert compose(identity, links) == links == compose(links, identity)


# --- which spans the attention may give ---------------------------------------------------------------

TEXT = "Я зустрівся з Руслан Камінь учора."  # words: Я 0-1, зустрівся 2-11, з 12-13, Руслан 14-20, Камінь 21-27
NAME = (10, 22)  # the placeholder's characters in the protected text


@pytest.mark.parametrize(
    ("targets", "taken", "expected"),
    [
        ([(14, 20), (21, 27)], [], (14, 27)),
        ([(14, 20), (21, 24)], [], (14, 27)),  # "Кам" is half of "Камінь": the case ending may come from elsewhere
        ([(14, 20), (21, 23)], [], (14, 20)),  # two of six letters do not make "Камінь" the name's
        ([(14, 20), (28, 33)], [], None),  # not one run: "Камінь" between is another word's
        ([(33, 34)], [], None),  # only the full stop: nothing to pin
        ([], [], None),
        ([(14, 20), (21, 27)], [(21, 27)], None),  # overlaps a span already pinned
        ([(2, 11), (12, 13), (14, 20), (21, 27), (28, 33)], [], None),  # five words for a two-word name
    ],
)
def test_only_a_plausible_span_is_taken(
    targets: list[tuple[int, int]], taken: list[tuple[int, int]], expected: tuple[int, int] | None
) -> None:
    links = [Link(NAME, target) for target in targets] + [Link((0, 1), (0, 1)), Link((2, 5), (2, 11))]
    assert attended_span(links, NAME, 2, TEXT, taken) == expected


@pytest.mark.parametrize(
    ("text", "span", "lang"),
    [
        ("Зеленського раскритиковал Трамп.", (12, 25), "ru"),  # a verb
        ("Я зустрівся з ним учора.", (12, 17), "uk"),  # a preposition and a pronoun
        ("Він сказав, що і вона прийде.", (12, 18), "uk"),  # a conjunction and a particle
        ("He met with him yesterday.", (7, 16), "en"),  # English function words
    ],
)
def test_a_span_holding_a_verb_preposition_conjunction_particle_or_pronoun_is_refused(
    text: str, span: tuple[int, int], lang: str
) -> None:
    links = [Link(NAME, span)]
    words = len(text[span[0]:span[1]].split())
    assert attended_span(links, NAME, words, text, [], lang) is None
    noun = "Зеленського раскритиковал Камень."
    assert attended_span([Link(NAME, (26, 32))], NAME, 1, noun, [], "ru") == (26, 32)  # a noun is taken


def test_the_case_of_the_word_the_model_wrote_carries_over() -> None:
    protected = protect(GLOSSARY, "Aisin we talked.", "en", "ru")  # no preposition to go by
    text = "Камнем мы говорили."
    alignment = AlignedTranslation(text, (Link(protected.occurrences[0].span, (0, 6)),))
    assert restore(GLOSSARY, protected, text, "ru", alignment)[0] == "Айсиным мы говорили."


def test_an_alignment_of_another_text_is_refused() -> None:
    protected = protect(GLOSSARY, "He spoke about Putin.", "en", "uk")
    with pytest.raises(ValueError, match="another translation"):
        restore(GLOSSARY, protected, "Він говорив про Піедра.", "uk", AlignedTranslation("Інший текст.", ()))


# --- property: whatever the attention says, pinning only gains and never writes a name it cannot see -----

TERMS = ["Ruslan Aysin", "Aisin", "Putin", "Moscow", "Crimea", "Europe", "Zelensky"]
FILLER = ["he", "said", "that", "talks"]
RENDERINGS = ["copy", "Камінь", "Піедра Стоун", "…"]
ATTENTION = ["own", "next", "previous", "none"]


@settings(deadline=None)  # the first example loads pymorphy3's dictionaries
@given(
    st.lists(st.tuples(st.sampled_from(FILLER), st.sampled_from(TERMS), st.sampled_from(RENDERINGS),
                       st.sampled_from(ATTENTION)), min_size=1, max_size=4),
    st.sampled_from(["uk", "ru"]),
)
def test_attention_only_adds_pins_and_every_pin_is_in_the_text(
    parts: list[tuple[str, str, str, str]], tgt: str
) -> None:
    protected = protect(GLOSSARY, " ".join(f"{filler} {term}" for filler, term, _, _ in parts) + ".", "en", tgt)
    assert len(protected.occurrences) == len(parts)
    output, spans = "", []  # the "model" copies each filler word and renders each placeholder its way
    for (filler, _, rendering, _), occurrence in zip(parts, protected.occurrences):
        output += filler + " "
        text = occurrence.placeholder if rendering == "copy" else rendering
        spans.append((len(output), len(output) + len(text)))
        output += text + " "
    output = output.rstrip() + "."
    links = []
    for i, ((_, _, _, attention), occurrence) in enumerate(zip(parts, protected.occurrences)):
        j = {"own": i, "next": i + 1, "previous": i - 1}.get(attention, -1)
        if 0 <= j < len(spans):
            links.append(Link(occurrence.span, spans[j]))
    alignment = AlignedTranslation(output, tuple(sorted(links, key=lambda link: (link.target, link.source))))

    plain_text, plain = restore(GLOSSARY, protected, output, tgt)
    text, hits = restore(GLOSSARY, protected, output, tgt, alignment)
    assert len(hits) == len(parts)
    assert all(h.status == "pinned" for h, p in zip(hits, plain) if p.status == "pinned")
    assert all(h.target_text in text for h in hits if h.status == "pinned")
    if plain == hits:
        assert text == plain_text
    # a dropped name ("…") is never written in: at most one pin per rendering the model left
    assert sum(h.status == "pinned" for h in hits) <= sum(rendering != "…" for _, _, rendering, _ in parts)
