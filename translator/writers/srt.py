"""SubRip output for video editors: numbered from 1, `HH:MM:SS,mmm`, CRLF, UTF-8 without BOM.

No text can break the file: a blank line inside a cue would end it early in every SRT reader, so none is
written, and an arrow `-->` in the text (a transcript quoting a timing line) is written `→`, and a line quoting two
timestamps has their colons written `∶`, so no line of text can be read as a timing line. A WebVTT cue placed by
its settings (`line:0`) starts with the `{\\an8}` that places it the same way in SRT players (`subtitles.position`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from translator.document import Document
from translator.subtitles.cues import OutCue
from translator.subtitles.markup import to_dialect
from translator.subtitles.position import an_of_markup, an_of_settings
from translator.timecode import format_timestamp
from translator.writers.views import Views

ARROW = "-->"
SAFE_ARROW = "→"
TIMESTAMP = re.compile(r"\d{1,2}:\d{1,2}:\d{1,2}[.,]\d{1,3}")  # pysubs2's own pattern
SAFE_COLON = "∶"


def text_lines(cue: OutCue) -> list[str]:
    """The cue's lines in SRT form: tags SubRip knows, no empty line, nothing a reader takes for a timing line."""
    lines = [line for line in (_no_timing(to_dialect(line, "srt").strip()) for line in cue.marked) if line]
    an = an_of_settings(cue.settings)
    if lines and an is not None and an_of_markup(lines[0]) is None:
        lines[0] = f"{{\\an{an}}}{lines[0]}"  # a WebVTT `line:0` cue stays at the top
    return lines


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
