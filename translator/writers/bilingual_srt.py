"""Bilingual SubRip (`S.SRC-L.srt`): each cue shows the source line(s) above the translation."""

from __future__ import annotations

from translator.document import Document
from translator.subtitles.layout import SubtitleLayout
from translator.writers.srt import compose


def render(doc: Document, lang: str, layout: SubtitleLayout) -> bytes:
    """Same cues and times as `S.L.srt`, source text on top."""
    return compose(layout.bilingual)
