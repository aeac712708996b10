"""Subtitle checks: cues too fast to read or too long for two lines are flagged for a reviewer, never cut."""

from __future__ import annotations

from translator.document import Document
from translator.subtitles.cues import OutCue, subtitle_cues
from translator.subtitles.timing import reading_speed
from translator.subtitles.wrap import MAX_LINES, max_line_chars


def characters_per_second(cue: OutCue) -> float:
    """Reading speed of a cue: every character a viewer reads (spaces and punctuation too) per second shown."""
    chars = sum(len(line) for line in cue.lines)
    seconds = (cue.end_ms - cue.start_ms) / 1000
    return chars / seconds if seconds > 0 else float("inf")


def _where(cue: OutCue, cues_of_segment: list[OutCue]) -> str:
    if len(cues_of_segment) == 1:
        return ""
    return f"cue {cues_of_segment.index(cue) + 1} of {len(cues_of_segment)}: "


def flag_subtitles(doc: Document, lang: str) -> None:
    """Flag `reading-speed` (over 17 characters a second, 20 for English) and `line-length` (more than 2 lines
    of 42 characters, 39 for Russian) on the segments whose `lang` subtitles break those limits."""
    cues = subtitle_cues(doc, lang)
    by_segment: dict[int, list[OutCue]] = {}
    for cue in cues:
        by_segment.setdefault(cue.segment, []).append(cue)
    limit, speed = max_line_chars(lang), reading_speed(lang)
    for cue in cues:
        segment = doc.segments[cue.segment]
        where = _where(cue, by_segment[cue.segment])
        cps = characters_per_second(cue)
        if round(cps, 1) > speed:  # as the message shows it: estimated times sit exactly at the limit
            segment.flag("reading-speed", f"{where}{cps:.1f} characters a second (limit {speed})", lang)
        longest = max((len(line) for line in cue.lines), default=0)
        if len(cue.lines) > MAX_LINES or longest > limit:
            segment.flag(
                "line-length",
                f"{where}needs {len(cue.lines)} lines, the longest {longest} characters "
                f"(limit {MAX_LINES} lines of {limit})",
                lang,
            )
