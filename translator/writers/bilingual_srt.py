"""Bilingual SubRip (`S.SRC-L.srt`): each cue shows the source line(s) above the translation."""

from __future__ import annotations

from translator.document import Document
from translator.subtitles.cues import subtitle_cues
from translator.writers.srt import compose


def render(doc: Document, lang: str) -> bytes:
    """Same cues and times as `S.L.srt`, source text on top."""
    return compose(subtitle_cues(doc, lang, bilingual=True))
