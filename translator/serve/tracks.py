"""WebVTT text tracks made from a page's current rows: the translation, the source, or both (source above), one
cue per row that has a timing, so the video preview shows what the next run will write the moment it is saved."""

from __future__ import annotations

import html
import re

from translator.serve.documents import Row
from translator.timecode import format_timestamp

SIDES = ("translation", "source", "both")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def cue_text(text: str) -> str:
    """Text as a cue's payload: `&`, `<`, `>` escaped (no `-->` can then appear) and no blank line, which would
    end the cue."""
    return html.escape(_BLANK_LINES.sub("\n", text.strip()), quote=False)


def side_text(row: Row, side: str) -> str:
    if side == "source":
        return row.source
    if side == "both":
        return f"{row.source}\n{row.translation}"
    return row.translation


def webvtt(rows: tuple[Row, ...], side: str) -> str:
    """A WebVTT file of the rows with a timing, each cue named by its segment id."""
    cues = ["WEBVTT\n"]
    for row in rows:
        if row.start_ms is None or row.end_ms is None:
            continue
        text = cue_text(side_text(row, side)) or "\u00a0"  # an empty payload would end the cue at its timing line
        cues.append(f"{row.id}\n{format_timestamp(row.start_ms, '.')} --> {format_timestamp(row.end_ms, '.')}\n"
                    f"{text}\n")
    return "\n".join(cues)
