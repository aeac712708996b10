"""One output cue, and the timestamps every subtitle format prints."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OutCue:
    """One output cue. `lines` is what a viewer reads; `marked` holds the same lines with their formatting
    (neutral form: escaped text plus tags, see `markup.to_dialect`). `segment` indexes `doc.segments`.
    `identifier` and `settings` are a WebVTT cue's own, kept as written."""

    start_ms: int
    end_ms: int
    lines: tuple[str, ...]
    marked: tuple[str, ...]
    segment: int
    identifier: str = ""
    settings: str = ""


def format_timestamp(ms: int, separator: str) -> str:
    """`HH:MM:SS,mmm` (SRT, separator ",") or `HH:MM:SS.mmm` (WebVTT, separator ".")."""
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"
