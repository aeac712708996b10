"""Where a cue sits on screen, as the numeric keypad counts it (ASS `{\\anN}`): 1-3 bottom, 4-6 middle, 7-9 top;
left, centre, right within each row. Default 2, bottom centre.

A cue carries its position as the source wrote it: an SRT or ASS override `{\\an8}` at the start of its text, or
WebVTT settings (`line:0` is the top line, `line:10%` a tenth down; a negative line counts from the bottom;
`align:start`/`end` move it left/right). TTML, iTT and ASS writers read it from here, so a caption placed at
the top stays at the top in every format.
"""

from __future__ import annotations

import re

from translator.subtitles.cues import OutCue

BOTTOM = 2
TOP = 8
_AN = re.compile(r"\{[^{}]*\\an([1-9])[^{}]*\}")
_LINE = re.compile(r"(?:^|\s)line:(-?\d+(?:\.\d+)?)(%?)")
_ALIGN = re.compile(r"(?:^|\s)align:(start|left|end|right)")


def alignment(cue: OutCue) -> int:
    """The cue's keypad position: its `{\\anN}` override first, else what its WebVTT settings say."""
    for line in cue.marked:
        found = _AN.search(line)
        if found:
            return int(found[1])
    return settings_alignment(cue.settings)


def settings_alignment(settings: str) -> int:
    """The keypad position WebVTT cue settings ask for: a non-negative `line` number or a percentage under 50
    puts the cue at the top (row 7-9), else it stays at the bottom."""
    row = 1
    line = _LINE.search(settings or "")
    if line:
        value = float(line[1])
        if (line[2] == "%" and value < 50) or (not line[2] and value >= 0):
            row = 7
    align = _ALIGN.search(settings or "")
    column = {"start": 0, "left": 0, "end": 2, "right": 2}.get(align[1], 1) if align else 1
    return row + column


def is_top(position: int) -> bool:
    return position >= 7


def strip_overrides(text: str) -> str:
    """Text without ASS override blocks (`{\\an8}`, `{\\b1}`): what a format without them shows."""
    return re.sub(r"\{\\[^{}]*\}", "", text)
