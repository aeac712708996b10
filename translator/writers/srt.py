"""SubRip output for video editors: numbered from 1, `HH:MM:SS,mmm`, CRLF, UTF-8 without BOM.

No blank line ever appears inside a cue (it would end the cue early in every SRT reader).
"""

from __future__ import annotations

from collections.abc import Iterable

from translator.document import Document
from translator.subtitles.cues import OutCue, subtitle_cues
from translator.subtitles.markup import to_dialect
from translator.timecode import format_timestamp


def compose(cues: Iterable[OutCue]) -> bytes:
    """The SRT file for these cues."""
    blocks = []
    for number, cue in enumerate(cues, start=1):
        lines = [text for text in (to_dialect(line, "srt").strip() for line in cue.marked) if text]
        timing = f"{format_timestamp(cue.start_ms, ',')} --> {format_timestamp(cue.end_ms, ',')}"
        blocks.append("\r\n".join([str(number), timing, *lines]) + "\r\n")
    return "\r\n".join(blocks).encode("utf-8")


def render(doc: Document, lang: str) -> bytes:
    """`S.L.srt`: the translation into `lang`, one cue per source cue with the source's exact times."""
    return compose(subtitle_cues(doc, lang))
