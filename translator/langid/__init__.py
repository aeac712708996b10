"""Language of every segment, among the languages we translate (en, uk, ru), right on short turns too.

(Named `langid` so that `translator.detect` can be the library function that wraps `detect_document`.)

- `evidence`: what a text says on its own — script, letters and words only one language has, lingua's
  character statistics;
- `context`: the same speaker's other turns, then the neighbours, for segments whose own evidence is weak;
- `unsupported`: long segments clearly in another language, flagged for the reviewer.
"""

from __future__ import annotations

from translator.document import Document
from translator.langid.context import best, decide
from translator.langid.evidence import SUPPORTED, Distribution, has_cyrillic, text_evidence
from translator.langid.unsupported import unsupported_language

__all__ = ["SUPPORTED", "detect_document", "detect_text", "settled_language", "text_distribution"]


def text_distribution(text: str) -> Distribution:
    """How likely each supported language is for this text on its own."""
    return text_evidence(text).distribution()


def detect_text(text: str) -> tuple[str, float]:
    """Language and confidence of one text without context."""
    return best(text_distribution(text))


def detect_document(doc: Document, forced: str | None = None) -> None:
    """Set lang and lang_confidence on every segment and the document's main language; flag long segments
    in a language we do not translate (`lang-unsupported`)."""
    segments = doc.segments
    if forced:
        for segment in segments:
            segment.lang, segment.lang_confidence = forced, 1.0
        doc.lang = forced
        return
    evidence = [text_evidence(segment.text) for segment in segments]
    decisions = decide(evidence, [segment.speaker for segment in segments])
    letters = dict.fromkeys(SUPPORTED, 0)
    for segment, own, (lang, confidence) in zip(segments, evidence, decisions):
        segment.lang, segment.lang_confidence = lang, confidence
        letters[lang] += own.letters
        other = unsupported_language(segment.text, own)
        if other:
            segment.flag("lang-unsupported", f"this looks like {other}, which is not translated; detected as {lang}")
    doc.lang = best({code: float(count) for code, count in letters.items()})[0]


def settled_language(doc: Document, forced: str | None = None) -> str | None:
    """The main language `detect_document` will give the document, when it is certain before detection: the
    forced one, or English when no segment has a Cyrillic letter (Latin means English here, and the main
    language is the one with the most letters). None when detection must decide."""
    if forced:
        return forced
    return None if any(has_cyrillic(segment.text) for segment in doc.segments) else "en"
