"""What SubRip and WebVTT share: timing lines, cue blocks, the repairs report, and the Document they become.

Reading is line by line and lenient where the file has one clear reading (a missing blank line, `.` for `,`,
no milliseconds, `->` for `-->`), each repair reported with its line. In SubRip, text that belongs to no cue and
timing lines that cannot be read are refused with the line number. WebVTT has a specified parser that skips a
bad cue or stray block and keeps the rest, as browsers do: we do the same and report each with its line. Either
way nothing is dropped without a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from translator.document import Document, Notice, Segment, Timing
from translator.errors import InputError
from translator.subtitles import markup as cue_markup

_TIMING = re.compile(r"^(?P<start>\d[^\s<>-]*)\s*(?P<arrow>-{1,3}>)\s*(?P<end>[^\s<>-]+)(?P<rest>.*)$")
_TIMESTAMP = re.compile(r"(?:(?P<h>\d+):)?(?P<m>\d{1,2}):(?P<s>\d{1,2})(?:(?P<sep>[.,])(?P<frac>\d+))?")
# Two full timestamps and nothing between them: a timing line that lost its arrow (refused, with its line).
_ARROWLESS = re.compile(r"^(?:\d+:)?\d{1,2}:\d{2}[.,]\d{3}\s+(?:\d+:)?\d{1,2}:\d{2}[.,]\d{3}$")
_DIGITS = re.compile(r"^\d+$")
MAX_HOURS = 99


@dataclass(frozen=True)
class Dialect:
    """The differences between SubRip and WebVTT that the shared reader needs to know."""

    name: Literal["srt", "vtt"]
    separator: str  # before the milliseconds
    hours_required: bool
    numbered: bool  # SRT: a number line before the timing line, even without a blank line above it
    skips_bad_cues: bool  # WebVTT's parser drops a cue it cannot read and goes on; SubRip has no such rule
    allows_overlaps: bool  # WebVTT shows overlapping cues together; SubRip players expect one cue at a time


SRT = Dialect("srt", ",", True, True, False, False)
VTT = Dialect("vtt", ".", False, False, True, True)


class Report:
    """Repairs and notes for the user. Repeated format-wide ones are told once, with a count."""

    def __init__(self) -> None:
        self._notices: list[Notice] = []
        self._first: dict[str, Notice] = {}
        self._more: dict[str, int] = {}

    def add(self, line: int, message: str) -> None:
        self._notices.append(Notice(line, message))

    def once(self, kind: str, line: int, message: str) -> None:
        if kind in self._first:
            self._more[kind] = self._more.get(kind, 0) + 1
        else:
            self._first[kind] = Notice(line, message)

    def notices(self) -> list[Notice]:
        grouped = [
            Notice(n.line, f"{n.message} (and {self._more[kind]} more like it)" if kind in self._more else n.message)
            for kind, n in self._first.items()
        ]
        return sorted(self._notices + grouped, key=lambda n: n.line)


@dataclass
class RawCue:
    """A cue as read, before the timing repairs."""

    line: int  # its number/identifier line, or its timing line
    start_ms: int
    end_ms: int
    payload: list[str] = field(default_factory=list)
    settings: str = ""  # WebVTT cue settings, kept as written
    identifier: str = ""  # WebVTT cue identifier, kept as written

    def form(self) -> cue_markup.Markup:
        return cue_markup.parse("\n".join(self.payload))


def _refuse(path: str, line: int, what: str) -> InputError:
    return InputError(f"{path}: line {line}: {what}")


def parse_timestamp(token: str, line: int, dialect: Dialect, report: Report, path: str) -> int:
    """Milliseconds of one timestamp, tolerating the variants that have one reading."""
    match = _TIMESTAMP.fullmatch(token)
    if not match:
        raise _refuse(path, line, f"cannot read the time '{token}'")
    if len(match["h"] or "") > len(str(MAX_HOURS)) + 4:  # int() refuses 4,300 digits and more with a ValueError
        raise _refuse(path, line, f"time '{_clip(token)}' is past {MAX_HOURS} hours")
    hours, minutes, seconds = int(match["h"] or 0), int(match["m"]), int(match["s"])
    if minutes > 59 or seconds > 59:
        raise _refuse(path, line, f"minutes or seconds over 59 in '{token}'")
    if hours > MAX_HOURS:
        raise _refuse(path, line, f"time '{token}' is past {MAX_HOURS} hours (SRT holds two digits of hours)")
    fraction = match["frac"] or ""
    if len(fraction) > 3:
        raise _refuse(path, line, f"more than 3 digits after the seconds in '{token}'")
    if match["h"] is None and dialect.hours_required:
        report.once("no-hours", line, f"time '{token}' has no hours: read as minutes:seconds")
    if not fraction:
        report.once("no-millis", line, f"time '{token}' has no milliseconds: read as {dialect.separator}000")
    elif len(fraction) < 3:
        report.once("short-millis", line, f"time '{token}' read as {fraction.ljust(3, '0')} milliseconds")
    if match["sep"] and match["sep"] != dialect.separator:
        report.once("separator", line, f"'{match['sep']}' before the milliseconds read as '{dialect.separator}'")
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + int(fraction.ljust(3, "0") or 0)


def is_timing_line(stripped: str, dialect: Dialect = SRT) -> bool:
    """A line that is meant as a timing line (and is refused, or in WebVTT skipped, if it cannot be read).
    WebVTT's parser takes any line holding `-->` for one."""
    return bool(_TIMING.match(stripped) or _ARROWLESS.match(stripped)) or (dialect is VTT and "-->" in stripped)


def parse_timing_line(
    stripped: str, line: int, dialect: Dialect, report: Report, path: str
) -> tuple[int, int, str]:
    """(start, end) in milliseconds and what follows the times: WebVTT cue settings, kept; SubRip coordinates,
    reported and not kept."""
    match = _TIMING.match(stripped)
    if "-->" in stripped and (not match or match["arrow"] not in ("-->", "--->") or "-->" in match["rest"]):
        raise _refuse(path, line, f"cannot read the timing line '{_clip(stripped)}'")
    if not match:
        raise _refuse(path, line, f"timing line without '-->': '{stripped}'")
    if match["arrow"] != "-->":
        report.add(line, f"arrow '{match['arrow']}' read as '-->'")
    start = parse_timestamp(match["start"], line, dialect, report, path)
    end = parse_timestamp(match["end"], line, dialect, report, path)
    rest = match["rest"].strip()
    if rest and dialect is SRT:
        report.once("settings", line, f"text after the times '{rest}' not carried over")
    return start, end, rest


@dataclass
class _Scan:
    """State of the line scanner: cues so far, and the lines of a block not yet known to belong to a cue."""

    dialect: Dialect
    report: Report
    path: str
    cues: list[RawCue] = field(default_factory=list)
    labels: list[str | None] = field(default_factory=list)
    block: list[tuple[int, str]] = field(default_factory=list)
    kept_blocks: list[tuple[int, str]] = field(default_factory=list)  # WebVTT blocks: (first line, text)
    raw: dict[int, str] = field(default_factory=dict)  # lines outside cues as written (a STYLE block's indents)
    in_cue: bool = False
    skipping: bool = False  # inside a WebVTT cue whose timing line could not be read

    def timing(self, number: int, stripped: str) -> None:
        label: tuple[int, str] | None = None
        if self.in_cue:
            payload = [] if self.skipping else self.cues[-1].payload  # a skipped cue was never added
            if self.dialect.numbered and payload and _DIGITS.match(payload[-1]):
                label = (number - 1, payload.pop())
            self.report.add(number, "no blank line before this cue: a new cue starts here")
        elif self.block:
            last = self.block[-1][1]
            if _DIGITS.match(last) or (not self.dialect.numbered and len(self.block) == 1 and not _comment(last)):
                label = self.block.pop()
            self.orphans()
        try:
            start, end, settings = parse_timing_line(stripped, number, self.dialect, self.report, self.path)
        except InputError as error:
            if not self.dialect.skips_bad_cues:
                raise
            self.report.add(number, f"cue skipped: {str(error).split(': ', 2)[-1]}")
            self.in_cue, self.skipping = True, True
            return
        identifier = label[1] if label and self.dialect is VTT else ""
        self.cues.append(RawCue(label[0] if label else number, start, end, settings=settings, identifier=identifier))
        self.labels.append(label[1] if label else None)
        self.in_cue, self.skipping = True, False

    def text(self, number: int, stripped: str, raw: str = "") -> None:
        if self.skipping:
            return
        if self.in_cue:
            self.cues[-1].payload.append(stripped)
        else:
            self.block.append((number, stripped))
            self.raw[number] = raw.rstrip() or stripped

    def blank(self) -> None:
        self.in_cue = self.skipping = False
        self.orphans()

    def orphans(self) -> None:
        """Lines outside every cue: WebVTT's NOTE, STYLE and REGION blocks are kept; other text is refused in
        SubRip and skipped in WebVTT, with its line."""
        if not self.block:
            return
        first_line, first = self.block[0]
        if self.dialect is VTT and _comment(first):
            self.vtt_block(first_line, first)
        elif self.dialect is VTT:
            where = "before the first cue" if not self.cues else "outside any cue (a cue without its timing line?)"
            self.report.add(first_line, f"text {where} skipped: '{_clip(first)}'")
        elif not self.cues:
            raise _refuse(self.path, first_line, f"text before the first cue: '{_clip(first)}'")
        else:
            what = "text outside any cue (a cue without its timing line?)"
            raise _refuse(self.path, first_line, f"{what}: '{_clip(first)}'")
        self.block = []

    def vtt_block(self, first_line: int, first: str) -> None:
        """A NOTE block is kept where it is; STYLE and REGION blocks belong before the first cue, and WebVTT
        players ignore them anywhere else, so there they are skipped."""
        kind = first.split()[0]
        if kind != "NOTE" and self.cues:
            self.report.add(first_line, f"{kind} block after the first cue skipped (WebVTT players ignore it)")
            return
        lines = [text if number == first_line else self.raw.get(number, text) for number, text in self.block]
        self.kept_blocks.append((first_line, "\n".join(lines)))  # its first line as the keyword, the rest as written


def _comment(line: str) -> bool:
    """A WebVTT NOTE, STYLE or REGION block starts with that word (`line` is stripped and not empty)."""
    return line.split(maxsplit=1)[0] in ("NOTE", "STYLE", "REGION")


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def scan(
    lines: list[str], first_line: int, dialect: Dialect, report: Report, path: str
) -> tuple[list[RawCue], list[str | None], list[tuple[int, str]]]:
    """Cue blocks of `lines` (numbered from `first_line`), with each cue's number or identifier, and the
    WebVTT blocks to keep."""
    state = _Scan(dialect, report, path)
    for number, raw in enumerate(lines, start=first_line):
        stripped = raw.strip()
        if not stripped:
            state.blank()
        elif is_timing_line(stripped, dialect):
            state.timing(number, stripped)
        else:
            state.text(number, stripped, raw)
    state.blank()
    return state.cues, state.labels, state.kept_blocks


def check_labels(cues: list[RawCue], labels: list[str | None], dialect: Dialect, report: Report) -> None:
    """Report missing or out-of-order cue numbers (the output is numbered afresh) and identifiers not kept."""
    for index, (cue, label) in enumerate(zip(cues, labels), start=1):
        if label is None:
            if dialect.numbered:
                report.once("unnumbered", cue.line, "cue without a number: cues numbered in order")
        elif not _DIGITS.match(label):
            if dialect is SRT:
                report.once("identifier", cue.line, f"cue identifier '{_clip(label)}' not carried over to the output")
        elif dialect is SRT and (len(label) > len(str(index)) + 8 or int(label) != index):  # int() of 4,300+ digits
            report.once("numbering", cue.line,  # raises, and no cue number is that long
                        f"cue number {_clip(label)} where {index} was expected: cues renumbered from 1")


def split_lines(text: str) -> list[str]:
    """Lines of a file with LF, CRLF or CR endings (mixed ones too); a stray BOM character is dropped."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def build(path: str, dialect: Dialect, cues: list[RawCue], report: Report) -> Document:
    """The Document of repaired cues: plain text, markup when the cue had tags, speaker from `<v Name>`."""
    segments = []
    for number, cue in enumerate(cues, start=1):
        form = cue.form()
        raw = "\n".join(cue.payload)
        if any(match["time"] for match in cue_markup.TAG.finditer(raw)):
            report.once("inline-times", cue.line, "inline timestamps (karaoke timing) not carried over")
        voices = set(form.voices)
        segments.append(
            Segment(
                id=number,
                kind="cue",
                text=form.text,
                speaker=voices.pop() if len(voices) == 1 else None,
                line=cue.line,
                markup=raw if form.text != raw else None,
                cue_id=cue.identifier or None,
                cue_settings=cue.settings or None,
                timing=Timing(cue.start_ms, cue.end_ms),
            )
        )
    return Document(path=path, format=dialect.name, segments=segments, notices=report.notices())
