"""SubRip (.srt) input: numbered cues of `HH:MM:SS,mmm --> HH:MM:SS,mmm` and text, separated by blank lines.

Unlike pysrt, malformed cues are never skipped: each is repaired (and reported) or the file is refused with
the line that has no clear reading.
"""

from __future__ import annotations

import re

from translator.document import Document, Notice
from translator.readers import vtt
from translator.readers.cuerepair import repair
from translator.readers.cuetext import SRT, Report, build, check_labels, scan, split_lines

_SRT_TIMING = re.compile(r"^\s*\d+:\d{1,2}:\d{1,2}[,.]\d{1,3}\s*-->", re.MULTILINE)


def guess(text: str) -> bool:
    """SubRip when some line is an SRT timing line (hours always present)."""
    return bool(_SRT_TIMING.search("\n".join(split_lines(text))))


def parse(text: str, path: str) -> Document:
    """Read a SubRip file into cue segments (see translator.readers.cuetext for the repairs)."""
    if vtt.guess(text):
        doc = vtt.parse(text, path)
        doc.notices.insert(0, Notice(1, "a WebVTT file (it starts with 'WEBVTT'): read as WebVTT"))
        return doc
    report = Report()
    cues, labels, _ = scan(split_lines(text), 1, SRT, report, path)
    check_labels(cues, labels, SRT, report)
    return build(path, SRT, repair(cues, report, path, SRT), report)
