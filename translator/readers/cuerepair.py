"""Timing repairs that give every subtitle file the shape editors need: cues in time order, none empty, none
of zero length, and in SubRip none overlapping. Every repair keeps all text and is reported with the cue's line.

WebVTT allows overlapping cues (two people talking at once): they are kept as written, and a cue that ends
before it starts is skipped, as WebVTT players skip it, instead of refusing the file.
"""

from __future__ import annotations

import itertools

from translator.errors import InputError
from translator.readers.cuetext import Dialect, RawCue, Report
from translator.subtitles.timing import cue_duration_ms
from translator.timecode import format_timestamp


def _drop_empty(cues: list[RawCue], report: Report) -> list[RawCue]:
    kept = []
    for cue in cues:
        if cue.form().text:
            kept.append(cue)
        else:
            report.add(cue.line, "empty cue (no text) removed")
    return kept


def _backwards(cues: list[RawCue], report: Report, path: str, dialect: Dialect) -> list[RawCue]:
    """Cues that end before they start: refused in SubRip (either time may be the wrong one), skipped in WebVTT."""
    kept = []
    for cue in cues:
        if cue.end_ms >= cue.start_ms:
            kept.append(cue)
            continue
        start, end = (format_timestamp(ms, dialect.separator) for ms in (cue.start_ms, cue.end_ms))
        what = f"the cue ends ({end}) before it starts ({start})"
        if not dialect.skips_bad_cues:
            raise InputError(f"{path}: line {cue.line}: {what}")
        report.add(cue.line, f"cue skipped: {what}")
    return kept


def _in_time_order(cues: list[RawCue], report: Report) -> list[RawCue]:
    latest = -1
    for cue in cues:
        if cue.start_ms < latest:
            report.add(cue.line, "cue starts before the cue above it: moved to its place in time")
        latest = max(latest, cue.start_ms)
    return sorted(cues, key=lambda cue: cue.start_ms)


def _merge_simultaneous(cues: list[RawCue], report: Report) -> list[RawCue]:
    """Cues that start together are shown together: one cue holds both texts (the later one's lines below)."""
    merged: list[RawCue] = []
    for cue in cues:
        if merged and merged[-1].start_ms == cue.start_ms:
            into = merged[-1]
            into.payload.extend(cue.payload)
            into.end_ms = max(into.end_ms, cue.end_ms)
            report.add(cue.line, f"starts with the cue at line {into.line}: merged into that cue")
        else:
            merged.append(cue)
    return merged


def _trim_overlaps(cues: list[RawCue], report: Report, separator: str) -> None:
    for cue, following in itertools.pairwise(cues):
        if cue.end_ms > following.start_ms:
            report.add(
                cue.line,
                f"overlaps the next cue (line {following.line}) by {cue.end_ms - following.start_ms} ms: "
                f"now ends at {format_timestamp(following.start_ms, separator)}",
            )
            cue.end_ms = following.start_ms


def _lengthen_zero(cues: list[RawCue], report: Report) -> None:
    """A zero-length cue gets its reading time, up to the next cue's start."""
    for index, cue in enumerate(cues):
        if cue.end_ms == cue.start_ms:
            room = cues[index + 1].start_ms - cue.start_ms if index + 1 < len(cues) else None
            wanted = cue_duration_ms(cue.form().text)
            duration = wanted if room is None else min(wanted, room)
            cue.end_ms = cue.start_ms + duration
            report.add(cue.line, f"zero-length cue: now shown for {duration} ms")


def repair(cues: list[RawCue], report: Report, path: str, dialect: Dialect) -> list[RawCue]:
    """Cues sorted, lengthened and (SubRip only) merged and trimmed as above; refuse a file with no text."""
    if not cues:
        raise InputError(f"{path}: line 1: no subtitle cues (no 'start --> end' timing line)")
    first_line = cues[0].line
    cues = _backwards(_drop_empty(cues, report), report, path, dialect)
    if not cues:
        raise InputError(f"{path}: line {first_line}: no cue has any text")
    cues = _in_time_order(cues, report)
    if not dialect.allows_overlaps:
        cues = _merge_simultaneous(cues, report)
        _trim_overlaps(cues, report, dialect.separator)
    _lengthen_zero(cues, report)
    return cues
