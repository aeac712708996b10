"""What the TTML and ASS readers share: cues read by a reference library become the Document the SRT reader
makes of the same cues, text in SRT form (`<i>`, `<b>`, `<u>`), a position other than bottom centre as a leading
`{\\anN}`, as SRT files carry it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from translator.document import Document, Notice
from translator.readers.cuetext import SRT, RawCue, Report, build

BOTTOM = 2


@dataclass(frozen=True)
class ReadCue:
    """A cue as a library read it: times in ms, lines in SRT markup, keypad position, where it starts."""

    start_ms: int
    end_ms: int
    lines: tuple[str, ...]
    position: int = BOTTOM
    line: int = 0


def escape(text: str) -> str:
    """Plain text made safe for SRT markup: no `<` or `{\\` a reader would take for a tag."""
    return text.replace("<", "&lt;").replace(">", "&gt;").replace("{\\", "{&#92;")


def document(path: str, kind: Literal["ttml", "ass"], cues: list[ReadCue], notices: list[Notice]) -> Document:
    """The cues in time order as a Document; empty cues and cues that end before they start are left out, each
    with a notice."""
    report = Report()
    raw: list[RawCue] = []
    for number, cue in enumerate(sorted(cues, key=lambda cue: (cue.start_ms, cue.end_ms)), start=1):
        lines = [line.strip() for line in cue.lines]
        lines = [line for line in lines if line]
        where = cue.line or number
        if not lines:
            report.add(where, "empty cue left out")
            continue
        if cue.end_ms <= cue.start_ms:
            report.add(where, "cue that ends before it starts left out")
            continue
        if cue.position != BOTTOM:
            lines[0] = f"{{\\an{cue.position}}}{lines[0]}"
        raw.append(RawCue(where, cue.start_ms, cue.end_ms, lines))
    doc = build(path, SRT, raw, report)
    doc.format = kind
    doc.notices = sorted([*notices, *doc.notices], key=lambda notice: notice.line)
    return doc
