"""Interview transcripts: a title line, an intro, section headings and `Speaker: text` turns.

Every non-empty line becomes exactly one segment, in order. Two speaker styles are read: `Name: text` on one
line, and a label line of its own (`ГОЛОВУЮЧИЙ.`, `ЛЯШКО О.В.`, as parliament records print them) followed by
the speaker's paragraphs. A speaker's short and full names (`Aysin:` / `Ruslan Aysin:`) are one speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from translator.document import Document, Segment, SegmentKind
from translator.speakers import SpeakerRegistry

# `Name: text`: up to four capitalised words (any script, initials and hyphens allowed), no sentence punctuation.
_NAME_WORD = r"[^\W\d_][\w’'\-]*"
_INITIALS = r"(?:[^\W\d_]{1,2}\.)+"
_NAME_TOKEN = rf"(?:{_INITIALS}|{_NAME_WORD})"
_INLINE_TURN = re.compile(rf"^(?P<name>{_NAME_TOKEN}(?:[ \u00a0]{_NAME_TOKEN}){{0,3}})\s*:\s+(?P<text>\S.*)$")
_SENTENCE_END = ("." , "!", "?", "…", "»", "\"", "”", ")")
HEADING_MAX_CHARS = 160


@dataclass
class _Line:
    number: int
    text: str


def guess(text: str) -> bool:
    """Anything that is not a subtitle file is read as a transcript."""
    return True


def _inline_turn(text: str) -> tuple[str, str] | None:
    match = _INLINE_TURN.match(text)
    if not match:
        return None
    name = match["name"]
    if not all(word[:1].isupper() for word in name.split()):
        return None
    return name, match["text"]


def _label(text: str) -> str | None:
    """A line holding only an upper-case speaker label (at most 5 words), without its final '.' or ':'."""
    stripped = text.strip()
    if len(stripped) > 60 or len(stripped.split()) > 5 or not any(ch.isalpha() for ch in stripped):
        return None
    letters = [ch for ch in stripped if ch.isalpha()]
    if not all(ch.isupper() for ch in letters) or len(letters) < 3:
        return None
    stripped = stripped.rstrip(":").strip()
    last = stripped.split()[-1]
    ends_with_initials = len(last.replace(".", "")) <= 3 and last.count(".") >= 1 and len(stripped.split()) > 1
    return stripped if ends_with_initials else stripped.rstrip(".").strip()


def _is_heading(text: str) -> bool:
    """Short lines that do not end a sentence introduce the next turns; longer ones continue a turn."""
    return len(text) <= HEADING_MAX_CHARS and not text.rstrip().endswith(_SENTENCE_END)


def parse(text: str, path: str) -> Document:
    """Split a transcript into title, intro, heading and turn segments (see the module docstring)."""
    lines = [_Line(n, raw.strip()) for n, raw in enumerate(text.splitlines(), start=1) if raw.strip()]
    speakers = SpeakerRegistry()
    segments: list[Segment] = []
    current_speaker: str | None = None  # whose turn a line without a name continues
    labelled = False  # inside a block opened by a label line: every line is that speaker's turn
    seen_turn = False

    kind: SegmentKind
    speaker: str | None
    for position, line in enumerate(lines):
        turn = _inline_turn(line.text)
        label = None if turn else _label(line.text)
        if label and position + 1 < len(lines) and not _inline_turn(lines[position + 1].text):
            # The label line stays a segment of its own (a heading), so no line of the input disappears;
            # the paragraphs after it are that speaker's turns.
            current_speaker, labelled, seen_turn = speakers.add(label), True, True
            kind, speaker, body = "heading", None, line.text
        elif position == 0 and turn is None:
            kind, speaker, body = "title", None, line.text
        elif turn:
            kind, speaker, body = "turn", speakers.add(turn[0]), turn[1]
            current_speaker, labelled, seen_turn = speaker, False, True
        elif not seen_turn:
            kind, speaker, body = "intro", None, line.text
        elif current_speaker and (labelled or not _is_heading(line.text)):
            kind, speaker, body = "turn", current_speaker, line.text
        else:
            kind, speaker, body = "heading", None, line.text
            current_speaker = None
        segments.append(Segment(id=len(segments) + 1, kind=kind, text=body, speaker=speaker, line=line.number))

    for segment in segments:
        if segment.speaker:
            segment.speaker = speakers.canonical(segment.speaker)
    return Document(path=path, format="transcript", segments=segments)
