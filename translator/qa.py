"""Flags for reviewers: uncertain language, glossary misses, untranslated text, subtitle limits.

Flags are recomputed on every run from the document's current state, so they never pile up.
"""

from __future__ import annotations

from collections.abc import Mapping

from translator.document import Document, Segment
from translator.subtitles import SubtitleLayout, flag_subtitles

UNCERTAIN_LANGUAGE = 0.8
UNTRANSLATED_MIN_WORDS = 4


def _flag_segment(segment: Segment, main_lang: str | None, targets: list[str]) -> None:
    if segment.lang_confidence < UNCERTAIN_LANGUAGE:
        segment.flag("lang-uncertain", f"language uncertain: {segment.lang} ({segment.lang_confidence:.0%})")
    if main_lang and segment.lang and segment.lang != main_lang:
        segment.flag("other-language", f"this segment is in {segment.lang}, the document in {main_lang}")
    for hit in segment.glossary:
        if hit.status == "missed":
            segment.flag("glossary-miss", f"glossary term {hit.term!r} not found in the translation", hit.lang)
        elif hit.status == "uncertain":
            segment.flag("glossary-uncertain", f"glossary term {hit.term!r} written as {hit.target_text!r}: "
                         "check its grammatical case", hit.lang)
    for lang in targets:
        translation = segment.translations.get(lang)
        if (
            translation
            and translation.origin == "machine"
            and translation.text.strip() == segment.text.strip()
            and len(segment.text.split()) >= UNTRANSLATED_MIN_WORDS
        ):
            segment.flag("untranslated", "the translation is identical to the source", lang)


def flag_document(doc: Document, layouts: Mapping[str, SubtitleLayout]) -> None:
    """Recompute every QA flag of the document (flags set earlier in the run, e.g. stale corrections, stay);
    the subtitle flags come from each target's layout, the one the writers print."""
    for segment in doc.segments:
        _flag_segment(segment, doc.lang, doc.targets)
    for lang in doc.targets:
        flag_subtitles(doc, layouts[lang])
