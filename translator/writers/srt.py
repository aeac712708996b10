"""SubRip output for video editors: numbered from 1, `HH:MM:SS,mmm`, CRLF, UTF-8 without BOM.

No text can break the file: a blank line inside a cue would end it early in every SRT reader, so none is
written, and an arrow `-->` in the text (a transcript quoting a timing line) is written `→`, and a line quoting two
timestamps has their colons written `∶`, so no line of text can be read as a timing line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from translator.document import Document
from translator.subtitles.cues import OutCue
from translator.subtitles.markup import to_dialect
from translator.timecode import format_timestamp
from translator.writers.views import Views

ARROW = "-->"
SAFE_ARROW = "→"
TIMESTAMP = re.compile(r"\d{1,2}:\d{1,2}:\d{1,2}[.,]\d{1,3}")  # pysubs2's own pattern
SAFE_COLON = "∶"


def text_lines(cue: OutCue) -> list[str]:
    """The cue's lines in SRT form: tags SubRip knows, no empty line, nothing a reader takes for a timing line."""
    lines = (_no_timing(to_dialect(line, "srt").strip()) for line in cue.marked)
    return [line for line in lines if line]


def _no_timing(line: str) -> str:
    """An arrow becomes `→`; a line quoting two timestamps gets `∶` (U+2236) for their colons, since pysubs2 reads
    any line with exactly two as a timing line (`From 00:00:05,000 to 00:00:09,000.` made a cue of its own)."""
    line = line.replace(ARROW, SAFE_ARROW)
    if len(TIMESTAMP.findall(line)) >= 2:
        line = TIMESTAMP.sub(lambda stamp: stamp[0].replace(":", SAFE_COLON), line)
    return line


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
