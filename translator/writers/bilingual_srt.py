"""Bilingual SubRip (`S.SRC-L.srt`): each cue shows the source line(s) above the translation."""

from __future__ import annotations

from translator.document import Document
from translator.subtitles.voices import dialogue_dash
from translator.writers.language import source_language
from translator.writers.srt import compose
from translator.writers.views import Views


def render(doc: Document, lang: str, views: Views) -> bytes:
    """Same cues and times as `S.L.srt`, source text on top."""
    return compose(views.layout.bilingual, (dialogue_dash(source_language(doc)), dialogue_dash(lang)))
