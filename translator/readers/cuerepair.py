"""Timing repairs that give every subtitle file the shape editors need: cues in time order, none empty, none
overlapping, none of zero length. Every repair keeps all text and is reported with the cue's line.
"""

from __future__ import annotations

import itertools

from translator.errors import InputError
from translator.readers.cuetext import RawCue, Report
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


def _refuse_backwards(cues: list[RawCue], path: str, separator: str) -> None:
    for cue in cues:
        if cue.end_ms < cue.start_ms:
            start, end = format_timestamp(cue.start_ms, separator), format_timestamp(cue.end_ms, separator)
            raise InputError(f"{path}: line {cue.line}: the cue ends ({end}) before it starts ({start})")


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


def repair(cues: list[RawCue], report: Report, path: str, separator: str) -> list[RawCue]:
    """Cues sorted, merged, trimmed and lengthened as above; refuse a file with no text or a cue ending before
    it starts (no single reading: either time may be the wrong one)."""
    if not cues:
        raise InputError(f"{path}: line 1: no subtitle cues (no 'start --> end' timing line)")
    first_line = cues[0].line
    cues = _drop_empty(cues, report)
    if not cues:
        raise InputError(f"{path}: line {first_line}: no cue has any text")
    _refuse_backwards(cues, path, separator)
    cues = _merge_simultaneous(_in_time_order(cues, report), report)
    _trim_overlaps(cues, report, separator)
    _lengthen_zero(cues, report)
    return cues
