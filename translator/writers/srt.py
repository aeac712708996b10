"""SubRip output for video editors: numbered from 1, `HH:MM:SS,mmm`, CRLF, UTF-8 without BOM.

No text can break the file: a blank line inside a cue would end it early in every SRT reader, so none is
written, and an arrow `-->` in the text (a transcript quoting a timing line) is written `→`, so no line of text
can be read as a timing line.
"""

from __future__ import annotations

from collections.abc import Iterable

from translator.document import Document
from translator.subtitles.cues import OutCue
from translator.subtitles.markup import to_dialect
from translator.timecode import format_timestamp
from translator.writers.views import Views

ARROW = "-->"
SAFE_ARROW = "→"


def text_lines(cue: OutCue) -> list[str]:
    """The cue's lines in SRT form: tags SubRip knows, no empty line, no timing arrow."""
    lines = (to_dialect(line, "srt").strip().replace(ARROW, SAFE_ARROW) for line in cue.marked)
    return [line for line in lines if line]


def compose(cues: Iterable[OutCue]) -> bytes:
    """The SRT file for these cues."""
    blocks = []
    for number, cue in enumerate(cues, start=1):
        timing = f"{format_timestamp(cue.start_ms, ',')} --> {format_timestamp(cue.end_ms, ',')}"
        blocks.append("\r\n".join([str(number), timing, *text_lines(cue)]) + "\r\n")
    return "\r\n".join(blocks).encode("utf-8")


def render(doc: Document, lang: str, views: Views) -> bytes:
    """`S.L.srt`: the translation into `lang`; a subtitle input's cues keep the source's exact times (a cue split
    to fit two lines spans exactly its source cue)."""
    return compose(views.layout.cues)
