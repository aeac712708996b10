"""SubRip output for video editors: numbered from 1, `HH:MM:SS,mmm`, CRLF, UTF-8 without BOM.

No text can break the file: a blank line inside a cue would end it early in every SRT reader, so none is
written, and an arrow `-->` in the text (a transcript quoting a timing line) is written `→`, and a line quoting two
timestamps has their colons written `∶`, so no line of text can be read as a timing line. A WebVTT cue placed by
its settings (`line:0`) starts with the `{\\an8}` that places it the same way in SRT players (`subtitles.position`).
WebVTT voices become dialogue dashes and overlapping WebVTT cues are shown one at a time (`one_at_a_time`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from translator.document import Document
from translator.subtitles.cues import OutCue
from translator.subtitles.markup import to_dialect
from translator.subtitles.position import an_of_markup, an_of_settings
from translator.subtitles.voices import dialogue_dash, is_voice_line, with_dash
from translator.timecode import format_timestamp
from translator.writers.views import Views

ARROW = "-->"
SAFE_ARROW = "→"
TIMESTAMP = re.compile(r"\d{1,2}:\d{1,2}:\d{1,2}[.,]\d{1,3}")  # pysubs2's own pattern
SAFE_COLON = "∶"


def text_lines(cue: OutCue, dashes: Sequence[str] = ("- ",)) -> list[str]:
    """The cue's lines in SRT form: tags SubRip knows, no empty line, nothing a reader takes for a timing line.
    A cue of two voices a line starts each with a dialogue dash: `dashes` holds one for each language shown,
    the source's first in a bilingual cue."""
    voiced = [is_voice_line(line) for line in cue.marked]
    count = sum(voiced) if sum(voiced) >= 2 else 0
    lines, seen = [], 0
    for line, voice in zip(cue.marked, voiced):
        text = _no_timing(to_dialect(line, "srt").strip())
        if voice and count:
            text = with_dash(text, dashes[min(seen * len(dashes) // count, len(dashes) - 1)])
            seen += 1
        if text:
            lines.append(text)
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


def one_at_a_time(cues: Iterable[tuple[int, int, list[str]]], dash: str) -> list[tuple[int, int, list[str]]]:
    """Cues that overlap (legal in WebVTT: two people talking at once) as SubRip players expect them, one at a
    time: a cue ends when the next one starts, and two cues that start together are one cue, a speaker a line."""
    out: list[tuple[int, int, list[str]]] = []
    for start, end, lines in cues:
        if out and start < out[-1][1]:
            before_start, before_end, before = out[-1]
            if start <= before_start:
                both = [with_dash(line, dash) for line in before + lines] if len(before) == len(lines) == 1 \
                    else before + lines
                out[-1] = (before_start, max(before_end, end), both)
                continue
            out[-1] = (before_start, start, before)
        out.append((start, end, lines))
    return out


def compose(cues: Iterable[OutCue], dashes: Sequence[str] = ("- ",)) -> bytes:
    """The SRT file for these cues (`dashes`: see `text_lines`)."""
    blocks = []
    timed = one_at_a_time(((cue.start_ms, cue.end_ms, text_lines(cue, dashes)) for cue in cues), dashes[-1])
    for number, (start, end, lines) in enumerate(timed, start=1):
        timing = f"{format_timestamp(start, ',')} --> {format_timestamp(end, ',')}"
        blocks.append("\r\n".join([str(number), timing, *lines]) + "\r\n")
    return "\r\n".join(blocks).encode("utf-8")


def render(doc: Document, lang: str, views: Views) -> bytes:
    """`S.L.srt`: the translation into `lang`; a subtitle input's cues keep the source's exact times (a cue split
    to fit two lines spans exactly its source cue)."""
    return compose(views.layout.cues, (dialogue_dash(lang),))
