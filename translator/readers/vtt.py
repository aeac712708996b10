"""WebVTT (.vtt) input: the `WEBVTT` header, then cue blocks (optional identifier, timing line with optional
settings, text), NOTE/STYLE/REGION blocks.

Header lines, comments, styles, regions, cue settings and identifiers do not survive translation; each kind
is reported once with its first line, so nothing is dropped silently.
"""

from __future__ import annotations

import re

from translator.document import Document
from translator.errors import InputError
from translator.readers.cuerepair import repair
from translator.readers.cuetext import VTT, Report, build, check_labels, is_timing_line, scan, split_lines

_SIGNATURE = re.compile(r"^WEBVTT(?:[ \t].*)?$", re.IGNORECASE)


def guess(text: str) -> bool:
    """WebVTT when the first non-blank line is the `WEBVTT` signature."""
    first = next((line.strip() for line in split_lines(text) if line.strip()), "")
    return bool(_SIGNATURE.match(first))


def _header_end(lines: list[str], path: str, report: Report) -> int:
    """Index of the first line after the header block; a file without the signature is read only when it
    starts straight away with a cue."""
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    signature = lines[first].strip()
    if not _SIGNATURE.match(signature):
        block = [line.strip() for line in lines[first:first + 2]]
        if any(is_timing_line(line) for line in block):
            report.add(first + 1, "no 'WEBVTT' header: read as WebVTT cues")
            return first
        raise InputError(f"{path}: line {first + 1}: not a WebVTT file (it should start with 'WEBVTT')")
    if not signature.startswith("WEBVTT"):
        report.add(first + 1, f"header '{signature}' read as 'WEBVTT'")
    elif signature != "WEBVTT":
        report.once("header", first + 1, f"header text '{signature[6:].strip()}' not carried over to the output")
    end = first + 1
    while end < len(lines) and lines[end].strip():
        if is_timing_line(lines[end].strip()):
            report.add(end + 1, "no blank line after the header")
            break
        report.once("header", end + 1, f"header line '{lines[end].strip()}' not carried over to the output")
        end += 1
    return end


def parse(text: str, path: str) -> Document:
    """Read a WebVTT file into cue segments (see translator.readers.cuetext for the repairs)."""
    report = Report()
    lines = split_lines(text)
    start = _header_end(lines, path, report)
    cues, labels = scan(lines[start:], start + 1, VTT, report, path)
    check_labels(cues, labels, VTT, report)
    return build(path, VTT, repair(cues, report, path, VTT.separator), report)
