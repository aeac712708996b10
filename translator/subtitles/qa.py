"""Subtitle checks: cues too fast to read or too long for two lines are flagged for a reviewer, and every cue
split in time to fit two lines is reported with its number."""

from __future__ import annotations

from translator.document import Document
from translator.subtitles.cues import OutCue
from translator.subtitles.layout import SubtitleLayout
from translator.subtitles.wrap import lines_fit


def characters_per_second(cue: OutCue) -> float:
    """Reading speed of a cue: every character a viewer reads (spaces and punctuation too) per second shown."""
    chars = sum(len(line) for line in cue.lines)
    seconds = (cue.end_ms - cue.start_ms) / 1000
    return chars / seconds if seconds > 0 else float("inf")


def flag_subtitles(doc: Document, layout: SubtitleLayout) -> None:
    """Flag `reading-speed` (over 17 characters a second, 20 for English), `line-length` (more than 2 lines
    of 42 characters, 39 for Russian; a single longer word is the one exception, flagged too) and `cue-split`
    on the segments whose subtitles in `layout.lang` need them."""
    lang = layout.lang
    counts: dict[int, int] = {}
    for cue in layout.cues:
        counts[cue.segment] = counts.get(cue.segment, 0) + 1
    seen: dict[int, int] = {}
    limits = layout.rules.of(lang)
    limit, speed, most = limits.line_chars, limits.cps, limits.lines
    for cue in layout.cues:
        segment = doc.segments[cue.segment]
        seen[cue.segment] = seen.get(cue.segment, 0) + 1
        where = f"cue {seen[cue.segment]} of {counts[cue.segment]}: " if counts[cue.segment] > 1 else ""
        cps = characters_per_second(cue)
        if round(cps, 1) > speed:  # as the message shows it: estimated times sit exactly at the limit
            segment.flag("reading-speed", f"{where}{cps:.1f} characters a second (limit {speed})", lang)
        longest = max((len(line) for line in cue.lines), default=0)
        if len(cue.lines) > most or longest > limit:
            what = "a single word over the line limit" if lines_fit(list(cue.lines), lang, limit) else (
                f"needs {len(cue.lines)} lines, the longest {longest} characters")
            segment.flag("line-length", f"{where}{what} (limit {most} lines of {limit})", lang)
    for split in layout.splits:
        segment = doc.segments[split.segment]
        segment.flag("cue-split", f"cue {segment.id} split in time into {split.parts} cues to keep two lines "
                     f"of {limit} characters", lang)
