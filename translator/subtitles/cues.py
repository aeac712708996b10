"""One output cue, as every subtitle writer prints it."""

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
