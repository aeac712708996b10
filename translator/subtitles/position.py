"""Where a cue sits on screen, as the numeric keypad counts it (ASS `{\\anN}`): 7 8 9 top, 4 5 6 middle, 1 2 3
bottom; left, centre, right within each row. 2 (bottom centre) is every player's default and is written as nothing.

A cue carries its position as the source wrote it: an SRT or ASS override `{\\an8}` at the start of its text, or
WebVTT settings (`line:0` is the top line, `line:10%` a tenth down; a negative line counts from the bottom;
`align:start`/`end` move it left/right). A run writes an SRT input's `{\\an8}` as `line:0` in WebVTT and a WebVTT
`line:0` as `{\\an8}` in SRT; TTML, iTT and ASS writers read it from here, so a dateline or a speaker's name at
the top stays at the top in every format.

A positioned caption is also never joined to the speech around it into one sentence (`group_cues`): it is shown
somewhere else on the screen, so it is a text of its own.
"""

from __future__ import annotations

import re

from translator.subtitles.cues import OutCue

DEFAULT = BOTTOM = 2
_AN = re.compile(r"\{[^{}]*\\an([1-9])[^{}]*\}")
_LEAD_AN = re.compile(r"^\s*\{[^{}]*\\an([1-9])[^{}]*\}")
_ROWS = {7: "line:0", 8: "line:0", 9: "line:0", 4: "line:50%,center", 5: "line:50%,center", 6: "line:50%,center"}
_COLUMNS = {1: "align:left", 4: "align:left", 7: "align:left", 3: "align:right", 6: "align:right", 9: "align:right"}
_LINE = re.compile(r"(?:^|\s)line:(-?\d+(?:\.\d+)?)(%?)")
_ALIGN = re.compile(r"(?:^|\s)align:(\w+)")
_POSITION = re.compile(r"(?:^|\s)position:(\d+(?:\.\d+)?)%")


def alignment(cue: OutCue) -> int:
    """The cue's keypad position: its `{\\anN}` override first, else what its WebVTT settings say."""
    for line in cue.marked:
        found = _AN.search(line)
        if found:
            return int(found[1])
    return settings_alignment(cue.settings)


def settings_alignment(settings: str) -> int:
    """The keypad position WebVTT cue settings ask for (2, bottom centre, where they ask for none)."""
    return an_of_settings(settings) or DEFAULT



def an_of_markup(markup: str | None) -> int | None:
    """The `{\\anN}` a cue's text starts with, or None."""
    match = _LEAD_AN.match(markup or "")
    return int(match[1]) if match else None


def vtt_settings(an: int) -> str:
    """The WebVTT cue settings that put a cue where `{\\anN}` puts it."""
    return " ".join(part for part in (_ROWS.get(an, ""), _COLUMNS.get(an, "")) if part)


def an_of_settings(settings: str | None) -> int | None:
    """The `{\\anN}` for a WebVTT cue's settings, or None where they leave it at the bottom centre. A line number
    from the top (`line:0`, `line:1`) or a line percentage under a third is the top row, a third to two thirds the
    middle; `align:left`/`start` or a position in the left fifth is the left column, `right`/`end` the right."""
    settings = settings or ""
    line, align, position = _LINE.search(settings), _ALIGN.search(settings), _POSITION.search(settings)
    row = 0  # bottom
    if line:
        value = float(line[1])
        if line[2]:
            row = 2 if value < 100 / 3 else 1 if value < 200 / 3 else 0
        elif value >= 0:
            row = 2
    column = 1
    side = align[1] if align else ""
    if side in ("left", "start") or (position and float(position[1]) <= 20 and side != "end"):
        column = 0
    elif side in ("right", "end") or (position and float(position[1]) >= 80):
        column = 2
    an = 1 + column + 3 * row
    return None if an == DEFAULT else an


def placement(markup: str | None, settings: str | None) -> int | None:
    """Where a source cue is placed (its `{\\anN}` or its WebVTT settings as one), or None at the default."""
    an = an_of_markup(markup)
    if an is not None:
        return None if an == DEFAULT else an
    return an_of_settings(settings)
