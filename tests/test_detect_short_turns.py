"""Short turns (issue #25): the issue's examples, the evidence that settles them, and every short sentence of the
public UD dev splits and of lingua's test sentences.

The examples were written here (by the issue); the figures that count come from public gold data, measured in
full by `python -m benchmarks.short_turns`.
"""

from __future__ import annotations

import pytest

from benchmarks.short_turns import FLOOR, LANGS, SHARED, lingua_items, short_ud, tatoeba
from translator.document import Document, Segment
from translator.langid import detect_document, detect_text, statistical
from translator.langid.evidence import unmix
from translator.langid.lexicon import dictionary_votes, vocative_votes

CORPUS = SHARED / "corpus"


@pytest.mark.parametrize("text", ["Добре.", "Тому що.", "Щоб знали.", "Ой леле!", "Кораблику!"])
def test_short_turns_only_ukrainian_writes(text: str) -> None:
    assert detect_text(text)[0] == "uk"


@pytest.mark.parametrize("text", ["Одесса", "Николаев", "Ильхам"])
def test_russian_forms_ukrainian_never_writes(text: str) -> None:
    assert detect_text(text)[0] == "ru"


@pytest.mark.parametrize("text", ["Одесса", "Николаев", "Ильхам"])
def test_russian_forms_stay_russian_inside_a_ukrainian_document(text: str) -> None:
    """Confident on their own (double с, the Russian dictionary, a word-initial и), so the neighbours' prior
    does not make them Ukrainian."""
    doc = Document("t.txt", "transcript", [
        Segment(1, "turn", "Добрий день, шановні колеги, сьогодні ми розглянемо важливе питання."),
        Segment(2, "turn", text),
        Segment(3, "turn", "Дякую за вашу увагу і підтримку."),
    ])
    detect_document(doc)
    assert [segment.lang for segment in doc.segments] == ["uk", "ru", "uk"]


@pytest.mark.parametrize("text", ["що", "Тому що", "щоб", "ще"])
def test_lingua_letter_rule_does_not_rule_ukrainian_out_for_shcha(text: str) -> None:
    """lingua-py 2.1 gives Russian all the probability for a word with щ; its statistics must not."""
    assert statistical.uk_ru_log_odds(text) > -3


def test_a_locative_without_a_preposition_is_no_russian() -> None:
    """Russian knows "добре" only as a locative (о добре); Ukrainian as an adverb."""
    assert dictionary_votes("Добре.") == 1
    assert dictionary_votes("Рассказал о добре.") < 1  # after a preposition the locative stands


def test_an_interjection_one_dictionary_lacks_says_nothing() -> None:
    assert dictionary_votes("Ой!") == 0


def test_a_proper_name_written_in_lower_case_is_no_evidence() -> None:
    assert dictionary_votes("Ой леле!") == 0  # Russian knows "леле" only as a form of the name Леля
    assert dictionary_votes("ой леле") == -1  # lingua's lower-cased word lists: not judged


@pytest.mark.parametrize(("text", "votes"), [
    ("Кораблику!", 1), ("За вами слово, пане Президенте.", 1), ("Друже, ходи сюди.", 1),
    ("Кораблику", 0),  # not set off as an address
    ("Спасибо, мама!", 0),  # a nominative in Russian
])
def test_ukrainian_vocative_addresses(text: str, votes: int) -> None:
    assert vocative_votes(text) == votes


@pytest.mark.parametrize(("text", "lang"), [
    ("4-а, Мамка.", "uk"), ("8-а, Мамка.", "uk"), ("4-я, Мамка.", "ru"), ("Голосуємо 21-у.", "uk"),
])
def test_ordinal_endings(text: str, lang: str) -> None:
    assert detect_text(text)[0] == lang


def test_latin_look_alikes_inside_cyrillic_words_read_as_cyrillic() -> None:
    assert unmix("Солдат дав менi води.") == "Солдат дав мені води."  # a Latin i: Ukrainian і
    assert unmix("Hello, мир. CША") == "Hello, мир. США"  # whole Latin words stay
    assert detect_text("Солдат дав менi води.")[0] == "uk"


@pytest.mark.skipif(not (CORPUS / "ud").is_dir(), reason="../shared/corpus is not beside the checkout")
@pytest.mark.parametrize("lang", LANGS)
def test_short_ud_dev_sentences_alone(lang: str) -> None:
    """Every UD dev sentence of at most 8 tokens, each alone (public gold data: the treebank's language)."""
    texts = short_ud(lang, SHARED)
    wrong = [text for text in texts if detect_text(text)[0] != lang]
    assert len(texts) >= 50
    assert 1 - len(wrong) / len(texts) >= FLOOR, wrong


@pytest.mark.skipif(not (CORPUS / "langid-lingua").is_dir(), reason="../shared/corpus is not beside the checkout")
@pytest.mark.parametrize("lang", LANGS)
def test_short_lingua_sentences_alone(lang: str) -> None:
    texts = lingua_items("sentences", lang, SHARED)
    wrong = [text for text in texts if detect_text(text)[0] != lang]
    assert 1 - len(wrong) / len(texts) >= FLOOR, wrong


@pytest.mark.skipif(not (CORPUS / "parallel").is_dir(), reason="../shared/corpus is not beside the checkout")
@pytest.mark.parametrize("lang", LANGS)
def test_short_tatoeba_sentences_alone(lang: str) -> None:
    texts = tatoeba(lang, SHARED)
    wrong = [text for text in texts if detect_text(text)[0] != lang]
    assert len(texts) >= 300
    assert 1 - len(wrong) / len(texts) >= FLOOR, wrong
