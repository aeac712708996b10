"""WebVTT (.vtt) input: the `WEBVTT` header, then cue blocks (optional identifier, timing line with optional
settings, text), NOTE/STYLE/REGION blocks.

Read as the WebVTT parsing algorithm reads it: a cue whose timing cannot be read, or text outside any cue, is
skipped and reported with its line, and the rest is kept; NUL characters become U+FFFD. What a translation
does not touch is kept for the output as written: the header, STYLE, REGION and NOTE blocks, each cue's
identifier, settings and times (overlapping cues are legal in WebVTT and stay as they are).
"""

from __future__ import annotations

import re

from translator.document import Document
from translator.errors import InputError
from translator.readers.cuerepair import repair
from translator.readers.cuetext import VTT, Report, build, check_labels, is_timing_line, scan, split_lines

_SIGNATURE = re.compile(r"^WEBVTT(?:[ \t].*)?$", re.IGNORECASE)
SIGNATURE = "WEBVTT"


def guess(text: str) -> bool:
    """WebVTT when the first non-blank line is the `WEBVTT` signature."""
    first = next((line.strip() for line in split_lines(text) if line.strip()), "")
    return bool(_SIGNATURE.match(first))


def _header_end(lines: list[str], path: str, report: Report) -> tuple[int, str | None]:
    """Index of the first line after the header block, and the header as written (None without one); a file
    without the signature is read only when it starts straight away with a cue."""
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    signature = lines[first].strip()
    if not _SIGNATURE.match(signature):
        block = [line.strip() for line in lines[first:first + 2]]
        if any(is_timing_line(line, VTT) for line in block):
            report.add(first + 1, "no 'WEBVTT' header: read as WebVTT cues")
            return first, None
        raise InputError(f"{path}: line {first + 1}: not a WebVTT file (it should start with 'WEBVTT')")
    if not signature.startswith(SIGNATURE):
        report.add(first + 1, f"header '{signature}' read as '{SIGNATURE}'")
    header = [SIGNATURE + signature[len(SIGNATURE):]]
    end = first + 1
    while end < len(lines) and lines[end].strip():
        if is_timing_line(lines[end].strip(), VTT):
            report.add(end + 1, "no blank line after the header")
            break
        header.append(lines[end].strip())
        end += 1
    return end, "\n".join(header)


def parse(text: str, path: str) -> Document:
    """Read a WebVTT file into cue segments (see translator.readers.cuetext for the repairs)."""
    report = Report()
    if "\0" in text:
        line = len(split_lines(text[:text.index("\0")]))
        report.add(line, "NUL characters replaced with U+FFFD, as WebVTT players do")
        text = text.replace("\0", "\ufffd")
    lines = split_lines(text)
    start, header = _header_end(lines, path, report)
    cues, labels, blocks = scan(lines[start:], start + 1, VTT, report, path)
    skipped = next((notice for notice in report.notices() if notice.message.startswith("cue skipped")), None)
    if not cues and skipped:  # nothing left to read: say why, at the first cue that was skipped
        raise InputError(f"{path}: line {skipped.line}: no cue could be read: {skipped.message.split(': ', 1)[1]}")
    check_labels(cues, labels, VTT, report)
    doc = build(path, VTT, repair(cues, report, path, VTT), report)
    doc.header = header
    doc.blocks = [(sum(1 for s in doc.segments if s.line < line), block) for line, block in blocks]
    return doc
