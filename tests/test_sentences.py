"""Offline sentence splitting never loses text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.sentences import (
    _ONE_SENTENCE,
    CHUNK_CHARS,
    PYSBD_ABBREVIATIONS,
    plain_english_sentences,
    pysbd_pieces,
    razdel_pieces,
    split_chunk,
    split_long,
    split_sentences,
)


def test_english_abbreviations() -> None:
    assert split_sentences("Mr. Smith went to Washington. He met Dr. Jones!", "en") == [
        "Mr. Smith went to Washington.", "He met Dr. Jones!"]


def test_russian_and_ukrainian_abbreviations() -> None:
    assert split_sentences("В 1938 г. было подписано соглашение. Спасибо!", "ru") == [
        "В 1938 г. было подписано соглашение.", "Спасибо!"]
    assert split_sentences("Він сказав: «Де Європа?» Питання лишилося.", "uk") == [
        "Він сказав: «Де Європа?»", "Питання лишилося."]


@given(st.text(alphabet=st.sampled_from("ab Яі.!?… \n«»\"Mr"), max_size=80), st.sampled_from(["en", "uk", "ru", None]))
def test_sentences_join_back_to_the_text(text: str, lang: str | None) -> None:
    sentences = split_sentences(text, lang)
    assert " ".join(sentences) == " ".join(text.split())
    assert all(s and s == s.strip() for s in sentences)


ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SENTENCE = st.builds(
    lambda words, end: " ".join(words).capitalize() + end,
    st.lists(st.text(alphabet="abcdeяіо", min_size=1, max_size=9), min_size=1, max_size=40),
    st.sampled_from([".", "!", "?", "…", ""]),
)


def test_a_long_text_splits_as_one_splitter_call_on_the_whole_would() -> None:
    text = " ".join((ROOT / "examples" / "interview-aisin.en.txt").read_text("utf-8").split())
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)
    whole = [piece.strip() for piece in segmenter.segment(text) if piece.strip()]
    assert len(text) > 10 * 500
    assert split_long(text, pysbd_pieces, chunk=500) == whole


@settings(max_examples=40, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=50), st.integers(30, 300))
def test_splitting_reads_each_character_at_most_about_twice_in_bounded_calls(sentences: list[str], chunk: int) -> None:
    """Linear cost, shown by counting work: no splitter call sees more than a chunk, and all calls together see
    at most about twice the text, however long it is."""
    text = " ".join(" ".join(sentences).split())
    calls: list[int] = []

    def counting(piece: str) -> list[str]:
        calls.append(len(piece))
        return razdel_pieces(piece)

    sentences_found = split_long(text, counting, chunk)
    assert " ".join(sentences_found) == text
    assert max(calls, default=0) <= chunk
    assert sum(calls) <= 2 * len(text) + chunk


def test_a_word_longer_than_a_chunk_is_kept_whole() -> None:
    text = "Start here. " + "x" * 120 + " and the end."
    assert split_long(text, razdel_pieces, chunk=50) == ["Start here.", "x" * 120, "and the end."]


_WORD_CHARACTERS = st.characters(categories=("L", "N", "Pc"))  # what \w matches
_WORDS = st.text(alphabet=_WORD_CHARACTERS, min_size=1, max_size=12) | st.sampled_from(
    ["Mr", "Dr", "U", "S", "e", "g", "etc", "Inc", "ii", "a", "No", "St", "т", "д", "тис", "ст", "ім", "вул", "млн"])
_JOINERS = st.sampled_from([" ", " ", " ", ", ", " - ", " — ", ": ", "-", "'", "’"])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_WORDS, _JOINERS), min_size=1, max_size=30), st.sampled_from(["", ".", "?", "!", "…"]))
def test_a_text_without_inner_sentence_punctuation_is_one_sentence_for_both_splitters(
    words: list[tuple[str, str]], end: str
) -> None:
    # split_sentences skips the splitters for such texts (most cues of a film): they must agree.
    text = "".join(word + joiner for word, joiner in words[:-1]) + words[-1][0] + end
    assert split_long(text, pysbd_pieces) == [text]
    assert split_long(text, razdel_pieces) == [text]
    assert split_sentences(text, "en") == split_sentences(text, "uk") == [text]


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside the checkout")
def test_real_texts_the_splitters_are_skipped_for_are_one_sentence_for_them() -> None:
    """Every line of the seed interview, lingua's sentences and Tatoeba's pairs, alone and two by two."""
    corpus = ROOT.parent / "shared" / "corpus"
    lines = [*(ROOT / "examples" / "interview-aisin.en.txt").read_text("utf-8").splitlines()]
    for lang in ("en", "uk", "ru"):
        lines += (corpus / "langid-lingua" / "sentences" / f"{lang}.txt").read_text("utf-8").splitlines()
    for pair in ("en-uk", "en-ru"):
        for row in (corpus / "parallel" / f"{pair}.tatoeba.tsv").read_text("utf-8").splitlines():
            lines += row.split("\t")[:2]
    texts = [" ".join(line.split()) for line in lines if line.strip()]
    texts += [f"{a} {b}" for a, b in zip(texts[::2], texts[1::2])]
    skipped = [text for text in texts if _ONE_SENTENCE.fullmatch(text)]
    assert len(skipped) > 1000
    for text in skipped:
        assert split_chunk(text, pysbd_pieces) == split_chunk(text, razdel_pieces) == [text], text


# Words pysbd's rules treat apart before a period: its abbreviations, list items, exclamation words, acronyms.
_TRICKY = ["Mr", "Dr", "No", "no", "is", "me", "man", "may", "St", "Co", "KG", "e", "g", "etc", "Inc", "U", "S", "I",
           "a", "A", "ii", "IV", "xx", "vi", "mix", "Yahoo", "Yum", "pm", "PM", "am", "p", "5", "12", "1999", "USA",
           "It", "The", "He", "However", "And", "Millions", "don't", "well-known"]
_ENGLISH_WORD = st.sampled_from(_TRICKY) | st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                                   min_size=1, max_size=9)
_SENTENCE = st.tuples(st.lists(st.tuples(_ENGLISH_WORD, st.sampled_from([" ", " ", ", ", " - ", ": "])), min_size=1,
                               max_size=8), st.sampled_from([".", ".", "?", "!", "…", ""]))


@settings(max_examples=500, deadline=None)
@given(st.lists(_SENTENCE, min_size=2, max_size=5))
def test_plain_english_sentences_are_pysbds_sentences(sentences: list[tuple[list[tuple[str, str]], str]]) -> None:
    text = " ".join("".join(w + j for w, j in words[:-1]) + words[-1][0] + end for words, end in sentences)
    plain = plain_english_sentences(text)
    if plain is not None:
        assert list(plain) == split_chunk(text, pysbd_pieces)


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside the checkout")
def test_real_english_turns_are_split_without_pysbd_as_pysbd_splits_them() -> None:
    """Runs of one to six consecutive lines of the seed interview, lingua's English and Tatoeba's English."""
    corpus = ROOT.parent / "shared" / "corpus"
    lines = [*(ROOT / "examples" / "interview-aisin.en.txt").read_text("utf-8").splitlines(),
             *(corpus / "langid-lingua" / "sentences" / "en.txt").read_text("utf-8").splitlines()]
    for pair in ("en-uk", "en-ru"):
        rows = (corpus / "parallel" / f"{pair}.tatoeba.tsv").read_text("utf-8").splitlines()
        lines += [row.split("\t")[0] for row in rows]
    lines = [" ".join(line.split()) for line in lines if line.strip()]
    texts = [" ".join(lines[i:i + size]) for size in range(1, 7) for i in range(0, len(lines), size)]
    plain = [(text, pieces) for text in texts if len(text) <= CHUNK_CHARS and (pieces := plain_english_sentences(text))]
    assert sum(len(pieces) > 1 for _, pieces in plain) > 500
    for text, pieces in plain:
        assert list(pieces) == split_chunk(text, pysbd_pieces), text


def test_the_abbreviations_are_pysbds() -> None:
    from pysbd.lang.common.standard import Standard

    assert set(Standard.Abbreviation.ABBREVIATIONS) == PYSBD_ABBREVIATIONS


def test_inner_punctuation_quotes_and_lists_go_to_the_splitters() -> None:
    steps = ["Steps:", "1) mix the flour", "2) add water"]
    assert split_sentences(" ".join(steps), "en") == steps
    assert split_sentences("Він прийшов. Вона пішла.", "uk") == ["Він прийшов.", "Вона пішла."]


def test_an_unpunctuated_text_longer_than_a_chunk_is_cut_at_spaces_not_sent_whole() -> None:
    text = " ".join(["word"] * 1500)  # 7,499 characters, no punctuation: auto-generated captions
    pieces = split_sentences(text, "en")
    assert len(pieces) > 1 and " ".join(pieces) == text
    assert all(len(piece) <= CHUNK_CHARS for piece in pieces)
