"""The choices a user makes about subtitle layout (`translator run --keep-cues --subtitle-headings --plain-vtt`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from translator.document import Document
from translator.subtitles.rules import DEFAULT_RULES, Rules


@dataclass(frozen=True)
class SubtitleOptions:
    """`keep_cues`: one output cue per source cue even when its translation needs more than two lines (flagged)
    instead of splitting the cue in time. `headings`: a transcript's title, intro and headings become cues too;
    by default its subtitles hold what is spoken, the turns. `rules`: the limits (`--rules`); `fps`: the frame rate
    the cues we make are snapped to (`--fps`), None to leave times in milliseconds. `plain_vtt`: WebVTT written
    without STYLE and REGION blocks (ffmpeg drops every cue of a file that has one)."""

    keep_cues: bool = False
    headings: bool = False
    rules: Rules = field(default=DEFAULT_RULES)
    fps: Fraction | None = None
    plain_vtt: bool = False

    def shown(self, doc: Document) -> list[bool]:
        """Which segments appear in the subtitles. A transcript without any turn shows everything."""
        if doc.is_subtitles or self.headings or not any(s.kind == "turn" for s in doc.segments):
            return [True] * len(doc.segments)
        return [segment.kind == "turn" for segment in doc.segments]
