"""Reading back an edited `S.L.srt` or `S.L.vtt` (corrected in a subtitle editor), cue by cue, by time.

A subtitle file has no segment ids: a transcript's segment may have become several cues, and a subtitle
input's cues keep their times. So the cues are matched to segments through the time each segment covered in
the run that wrote this very file (the run ledger keeps it with each delivery; `S.json` beside the file is
read only for a memory older than that): each cue belongs to the segment whose time holds the cue's midpoint,
and a segment's cues joined are its returned translation. A cue a reviewer made of several (merged cues)
covers each segment whose midpoint it holds: its text is cut back over them as delivered where it agrees
(`cuts.cut_like`). Markup (`<i>`, `{\\an8}`) and line breaks are not text.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translator.document import LANGUAGES
from translator.errors import InputError
from translator.readers import reader_for
from translator.review_readers.cuts import cut_like
from translator.review_readers.rows import ReturnedRow, Target, clean
from translator.textio import decode_bytes

NAME = re.compile(rf"^(?P<key>.+)\.(?P<tgt>{'|'.join(LANGUAGES)})\.(?:srt|vtt)$", re.IGNORECASE)
_MARKUP = re.compile(r"<[^>]*>|\{\\[^}]*\}")


@dataclass(frozen=True)
class TimedSegment:
    """A segment as a run delivered it in one language, with the time its cues covered."""

    start_ms: int
    end_ms: int
    id: int
    source: str
    delivered: str


@dataclass(frozen=True)
class Cue:
    """A cue of the returned file: its number (1-based, in the file's order), time and text without markup."""

    number: int
    start_ms: int
    end_ms: int
    text: str


def words(text: str) -> str:
    return " ".join(_MARKUP.sub("", text).split())


def subtitle_target(path: Path) -> tuple[str, str]:
    """(document name, target language) of a subtitle file by the name the run gave it."""
    name = NAME.match(path.name)
    if name is None:
        raise InputError(f"{path}: a subtitle file is imported by the name the run gave it (S.L.srt or S.L.vtt); "
                         "a bilingual S.SRC-L.srt cannot be: correct the review file S.SRC-L.csv instead")
    return name["key"], name["tgt"].lower()


def read_cues(path: Path, data: bytes) -> list[Cue]:
    text, _ = decode_bytes(data)
    cues = []
    for number, cue in enumerate(reader_for(path, text).parse(text, str(path)).segments, start=1):
        assert cue.timing is not None  # subtitle readers time every cue
        cues.append(Cue(number, cue.timing.start_ms, cue.timing.end_ms, words(cue.text)))
    return cues


def _result(path: Path, key: str) -> dict[str, Any]:
    result = path.parent / f"{key}.json"
    try:
        data = json.loads(result.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cues are matched to segments through the run's {result.name} beside the file, "
                         f"which cannot be read ({exc}); import the run's {key}.SRC-L.csv instead") from None
    if not isinstance(data, dict) or not isinstance(data.get("segments"), list):
        raise InputError(f"{path}: {result} is not a translator result file")
    return data


def timed_from_result(path: Path, key: str, tgt: str) -> tuple[str, list[TimedSegment]]:
    """(source language, timed segments) from the run's `S.json` beside the file: for a memory whose ledger
    predates keeping segment times. A result file edited into another shape is refused in one line, naming the
    segment."""
    result = _result(path, key)
    timed = []
    for number, segment in enumerate(result["segments"], start=1):
        try:
            timing, translations = segment.get("timing"), segment.get("translations") or {}
            if not timing or tgt not in translations:
                continue
            start, end, segment_id = timing["start_ms"], timing["end_ms"], segment["id"]
            text, delivered = segment["text"], translations[tgt]["text"]
        except (AttributeError, KeyError, TypeError):
            raise InputError(f"{path}: the run's result file beside it is damaged (segment {number} lacks its "
                             "id, text, timing or translation); import the run's S.SRC-L.csv instead") from None
        if not (all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end, segment_id))
                and isinstance(text, str) and isinstance(delivered, str)):
            raise InputError(f"{path}: the run's result file beside it is damaged (segment {number} has a "
                             "value of the wrong kind); import the run's S.SRC-L.csv instead")
        timed.append(TimedSegment(start, end, segment_id, text, delivered))
    return str(result.get("source") or ""), sorted(timed, key=lambda s: (s.start_ms, s.end_ms, s.id))


def _covered(cue: Cue, timed: list[TimedSegment], starts: list[int]) -> list[int]:
    """Indexes (in time order) of the segments a cue belongs to: the one whose time holds its midpoint, and,
    when its text is not that segment's alone, every other segment whose midpoint it holds (cues merged)."""
    middle = (cue.start_ms + cue.end_ms) / 2
    index = bisect.bisect_right(starts, middle) - 1
    own = [index] if index >= 0 and middle < timed[index].end_ms else []
    if own and cue.text == words(timed[own[0]].delivered):
        return own
    held = [i for i, s in enumerate(timed) if cue.start_ms <= (s.start_ms + s.end_ms) / 2 < cue.end_ms]
    return sorted(set(own + held))


def cue_rows(path: Path, cues: list[Cue], timed: list[TimedSegment]) -> list[ReturnedRow]:
    """One row per segment that cues fell on: the cues' text joined, or the delivered text itself when only
    wrapped or marked up again. Cues merged over several segments are cut back over them; cues that tie
    segments that are not neighbours in time are refused with their numbers."""
    starts = [segment.start_ms for segment in timed]
    parent: dict[int, int] = {}  # segments tied by a cue, as a union-find forest of time-order indexes

    def root(index: int) -> int:
        while parent.setdefault(index, index) != index:
            index = parent[index]
        return index

    placed = []
    for cue in cues:
        covered = _covered(cue, timed, starts)
        if covered:
            placed.append((cue, root(covered[0])))
            for other in covered[1:]:
                parent[root(other)] = root(covered[0])
    members: dict[int, list[int]] = {}
    for index in list(parent):
        members.setdefault(root(index), []).append(index)
    on_group: dict[int, list[Cue]] = {}
    for cue, index in placed:
        on_group.setdefault(root(index), []).append(cue)
    groups = sorted(((sorted(members[top]), on) for top, on in on_group.items()), key=lambda group: group[0])
    rows = []
    for indexes, on in groups:
        if indexes != list(range(indexes[0], indexes[-1] + 1)):
            numbers = ", ".join(str(cue.number) for cue in sorted(on, key=lambda c: c.number))
            raise InputError(f"{path}: cue(s) {numbers} join segments that are not neighbours in time; nothing "
                             "imported: split them again, or correct the review file S.SRC-L.csv instead")
        segments = [timed[i] for i in indexes]
        text = " ".join(cue.text for cue in sorted(on, key=lambda c: (c.start_ms, c.number)) if cue.text)
        delivered = [words(segment.delivered) for segment in segments]
        parts = cut_like(text, delivered, [segment.source for segment in segments])
        for segment, part, before in zip(segments, parts, delivered, strict=True):
            kept = part == before  # only wrapped or marked up again: the delivered text itself
            rows.append(ReturnedRow(segment.id, clean(segment.source), clean(segment.delivered if kept else part),
                                    approved=False))
    return rows


def read(path: Path, data: bytes) -> tuple[Target, list[ReturnedRow]]:
    """The rows of a subtitle file, timed through `S.json` beside it (review.py times them through the ledger
    instead, as the run that wrote the file recorded them)."""
    key, tgt = subtitle_target(path)
    src, timed = timed_from_result(path, key, tgt)
    return Target(key, src, tgt), cue_rows(path, read_cues(path, data), timed)
