"""Offline sentence splitting: pysbd for English, razdel for Ukrainian and Russian.

Both are rule-based and ship no model, so nothing is downloaded at run time (argostranslate's default
MiniSBD splitter downloads one on first use). Splitting never loses text: the sentences, joined with
single spaces, are the segment's text with its whitespace runs collapsed.
"""

from __future__ import annotations

from functools import lru_cache

from translator.document import Document


@lru_cache(maxsize=1)
def _english_segmenter():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def split_sentences(text: str, lang: str | None) -> list[str]:
    """The sentences of one segment's text, stripped, none empty."""
    return list(_split_cached(" ".join(text.split()), lang))


@lru_cache(maxsize=1 << 16)
def _split_cached(text: str, lang: str | None) -> tuple[str, ...]:
    """Subtitle layout asks for the same texts' sentences again and again; pysbd takes ~1 ms a call."""
    if not text:
        return ()
    if lang == "en":
        pieces = _english_segmenter().segment(text)
    else:
        from razdel import sentenize

        pieces = [span.text for span in sentenize(text)]
    sentences = [piece.strip() for piece in pieces if piece.strip()]
    return tuple(sentences) if " ".join(sentences) == text else (text,)


def split_document(doc: Document) -> None:
    """Fill in `sentences` for every segment, in the segment's own language."""
    for segment in doc.segments:
        segment.sentences = split_sentences(segment.text, segment.lang)
