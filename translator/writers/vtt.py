"""WebVTT output: the `WEBVTT` header, `HH:MM:SS.mmm` times, UTF-8, text escaped as the format requires."""

from __future__ import annotations

from translator.document import Document
from translator.subtitles.cues import subtitle_cues
from translator.subtitles.markup import to_dialect
from translator.timecode import format_timestamp


def render(doc: Document, lang: str) -> bytes:
    """`S.L.vtt`: the same cues and times as `S.L.srt`."""
    blocks = ["WEBVTT\n"]
    for cue in subtitle_cues(doc, lang):
        lines = [text for text in (to_dialect(line, "vtt").strip() for line in cue.marked) if text]
        timing = f"{format_timestamp(cue.start_ms, '.')} --> {format_timestamp(cue.end_ms, '.')}"
        blocks.append("\n".join([timing, *lines]) + "\n")
    return "\n".join(blocks).encode("utf-8")
