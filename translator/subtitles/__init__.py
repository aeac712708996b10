"""Subtitle logic shared by the pipeline and the SRT/WebVTT writers.

- `group_cues` / `group_text`: which cues form whole sentences, translated together;
- `distribute`: a translated group cut back over its cues;
- `estimate_timings`: reading-speed times for a transcript;
- `subtitle_cues`: the cues every subtitle writer writes; `flag_subtitles`: reading-speed and line-length flags;
- `wrap_lines` / `max_line_chars`: subtitle line wrapping.
"""

from translator.subtitles.cues import OutCue, subtitle_cues
from translator.subtitles.distribute import distribute
from translator.subtitles.group import group_cues, group_text
from translator.subtitles.qa import flag_subtitles
from translator.subtitles.timing import estimate_timings
from translator.subtitles.wrap import max_line_chars, wrap_lines

__all__ = [
    "OutCue",
    "distribute",
    "estimate_timings",
    "flag_subtitles",
    "group_cues",
    "group_text",
    "max_line_chars",
    "subtitle_cues",
    "wrap_lines",
]
