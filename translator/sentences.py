"""Offline sentence splitting: pysbd for English, razdel for Ukrainian and Russian.

Both are rule-based and ship no model, so nothing is downloaded at run time (argostranslate's default
MiniSBD splitter downloads one on first use). Splitting never loses text: the sentences, joined with
single spaces, are the segment's text with its whitespace runs collapsed.

Both also slow down faster than the text grows (a single 20k-word line took 6.0 s against 0.75 s for 5k
words), so a long text is split a bounded chunk at a time: each chunk's sentences are kept but its last,
which the chunk's end may have cut, and the next chunk starts where that sentence starts. Total work stays
within about twice the text's length.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from translator.document import Document

CHUNK_CHARS = 2000
# pysbd and razdel end sentences only at punctuation: a text of letters, digits, spaces, commas, colons, dashes
# and apostrophes inside words, with at most one . ? ! or … at its very end, is one sentence for both
# (tests/test_sentences.py checks it on generated and real text; two dots, quotes and brackets are not safe:
# pysbd splits "a) … b) …" lists and "x.." ). Most cues of a film, and most sentence groups made of them, are
# such a text; the splitters cost a millisecond or more a call (pysbd's patterns outnumber re's cache), so
# these skip them.
_ONE_SENTENCE = re.compile(r"(?:[\w ,\-–—:]|(?<=\w)['’](?=\w))*[.?!…]?")
Splitter = Callable[[str], list[str]]


@lru_cache(maxsize=1)
def _english_segmenter():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def pysbd_pieces(text: str) -> list[str]:
    """English sentences by pysbd's rules."""
    return list(_english_segmenter().segment(text))


def razdel_pieces(text: str) -> list[str]:
    """Ukrainian and Russian sentences by razdel's rules."""
    from razdel import sentenize

    return [span.text for span in sentenize(text)]


def split_sentences(text: str, lang: str | None) -> list[str]:
    """The sentences of one segment's text, stripped, none empty."""
    return list(_split_cached(" ".join(text.split()), lang))


def split_chunk(text: str, splitter: Splitter) -> list[str]:
    """One splitter call on a text of single-spaced words; the whole text as one sentence if the pieces
    would not join back to it."""
    sentences = [piece.strip() for piece in splitter(text) if piece.strip()]
    return sentences if " ".join(sentences) == text else [text]


def split_long(text: str, splitter: Splitter, chunk: int = CHUNK_CHARS) -> list[str]:
    """Sentences of a single-spaced text of any length, from splitter calls on at most `chunk` characters."""
    sentences: list[str] = []
    start = 0
    while len(text) - start > chunk:
        window = text[start : start + chunk].rstrip(" ")
        pieces = split_chunk(window, splitter)
        if len(pieces) > 1:
            kept = pieces[:-1]
            start += len(" ".join(kept)) + 1
        else:  # one sentence longer than a chunk: end it at the window's last space (with none, at the next)
            cut = window.rfind(" ")
            if cut <= 0:
                cut = text.find(" ", start + chunk) - start
                cut = cut if cut > 0 else len(text) - start
            kept = [text[start : start + cut]]
            start += cut + 1
        sentences.extend(kept)
    if start < len(text):
        sentences.extend(split_chunk(text[start:], splitter))
    return sentences


@lru_cache(maxsize=1 << 16)
def _split_cached(text: str, lang: str | None) -> tuple[str, ...]:
    """Subtitle layout asks for the same texts' sentences again and again; pysbd takes ~1 ms a call."""
    if not text:
        return ()
    if len(text) <= CHUNK_CHARS and _ONE_SENTENCE.fullmatch(text):
        return (text,)
    return tuple(split_long(text, pysbd_pieces if lang == "en" else razdel_pieces))


def split_document(doc: Document) -> None:
    """Fill in `sentences` for every segment, in the segment's own language."""
    for segment in doc.segments:
        segment.sentences = split_sentences(segment.text, segment.lang)
