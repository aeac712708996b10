"""Offline sentence splitting never loses text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from translator.sentences import split_sentences


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
