"""Offline sentence splitting never loses text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from translator.sentences import pysbd_pieces, razdel_pieces, split_long, split_sentences


def test_english_abbreviations():
    assert split_sentences("Mr. Smith went to Washington. He met Dr. Jones!", "en") == [
        "Mr. Smith went to Washington.", "He met Dr. Jones!"]


def test_russian_and_ukrainian_abbreviations():
    assert split_sentences("В 1938 г. было подписано соглашение. Спасибо!", "ru") == [
        "В 1938 г. было подписано соглашение.", "Спасибо!"]
    assert split_sentences("Він сказав: «Де Європа?» Питання лишилося.", "uk") == [
        "Він сказав: «Де Європа?»", "Питання лишилося."]


@given(st.text(alphabet=st.sampled_from("ab Яі.!?… \n«»\"Mr"), max_size=80), st.sampled_from(["en", "uk", "ru", None]))
def test_sentences_join_back_to_the_text(text, lang):
    sentences = split_sentences(text, lang)
    assert " ".join(sentences) == " ".join(text.split())
    assert all(s and s == s.strip() for s in sentences)


ROOT = Path(__file__).resolve().parents[1]
SENTENCE = st.builds(
    lambda words, end: " ".join(words).capitalize() + end,
    st.lists(st.text(alphabet="abcdeяіо", min_size=1, max_size=9), min_size=1, max_size=40),
    st.sampled_from([".", "!", "?", "…", ""]),
)


def test_a_long_text_splits_as_one_splitter_call_on_the_whole_would():
    text = " ".join((ROOT / "examples" / "interview-aisin.en.txt").read_text("utf-8").split())
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)
    whole = [piece.strip() for piece in segmenter.segment(text) if piece.strip()]
    assert len(text) > 10 * 500
    assert split_long(text, pysbd_pieces, chunk=500) == whole


@settings(max_examples=40, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=50), st.integers(30, 300))
def test_splitting_reads_each_character_at_most_about_twice_in_bounded_calls(sentences, chunk):
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


def test_a_word_longer_than_a_chunk_is_kept_whole():
    text = "Start here. " + "x" * 120 + " and the end."
    assert split_long(text, razdel_pieces, chunk=50) == ["Start here.", "x" * 120, "and the end."]


_WORD_CHARACTERS = st.characters(categories=("L", "N", "Pc"))  # what \w matches


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_WORD_CHARACTERS | st.sampled_from(",-–—"), min_size=1, max_size=12),
                min_size=1, max_size=30))
def test_a_text_without_sentence_punctuation_is_one_sentence_for_both_splitters(words):
    # split_sentences skips the splitters for such texts (most cues of a film): they must agree.
    text = " ".join(words)
    assert split_long(text, pysbd_pieces) == [text]
    assert split_long(text, razdel_pieces) == [text]
    assert split_sentences(text, "en") == split_sentences(text, "uk") == [text]
