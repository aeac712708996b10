"""Subtitle logic shared by the pipeline and the SRT/WebVTT writers.

- `group_cues` / `group_text`: which cues form whole sentences, translated together;
- `distribute`: a translated group cut back over its cues;
- `estimate_timings`: reading-speed times for a transcript;
- `layout_document` / `layout_subtitles`: the cues of each language, computed once and handed to QA and every
  writer (`SubtitleLayout`); `flag_subtitles`: reading-speed, line-length and cue-split flags;
- `wrap_lines` / `max_line_chars`: subtitle line wrapping.
"""

from translator.subtitles.cues import OutCue
from translator.subtitles.distribute import distribute
from translator.subtitles.group import group_cues, group_text
from translator.subtitles.layout import SubtitleLayout, layout_document, layout_subtitles
from translator.subtitles.options import SubtitleOptions
from translator.subtitles.qa import flag_subtitles
from translator.subtitles.timing import estimate_timings
from translator.subtitles.wrap import max_line_chars, wrap_lines

__all__ = [
    "OutCue",
    "SubtitleLayout",
    "SubtitleOptions",
    "distribute",
    "estimate_timings",
    "flag_subtitles",
    "group_cues",
    "group_text",
    "layout_document",
    "layout_subtitles",
    "max_line_chars",
    "wrap_lines",
]
