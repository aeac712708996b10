"""Reading back an edited `S.L.srt` or `S.L.vtt` (corrected in a subtitle editor), cue by cue, by time.

A subtitle file has no segment ids: a transcript's segment may have become several cues, and a subtitle
input's cues keep their times. So the run's `S.json`, beside the file in its --out folder, says which segment
covers which stretch of time; each cue belongs to the segment whose time holds the cue's midpoint, and a
segment's cues joined are its returned translation. Markup (`<i>`, `{\\an8}`) and line breaks are not text.
"""

from __future__ import annotations

import bisect
import json
import re
from pathlib import Path
from typing import Any

from translator.document import LANGUAGES
from translator.errors import InputError
from translator.readers import reader_for
from translator.review_readers.rows import ReturnedRow, Target, clean
from translator.textio import decode_bytes

NAME = re.compile(rf"^(?P<key>.+)\.(?P<tgt>{'|'.join(LANGUAGES)})\.(?:srt|vtt)$", re.IGNORECASE)
_MARKUP = re.compile(r"<[^>]*>|\{\\[^}]*\}")


def _words(text: str) -> str:
    return " ".join(_MARKUP.sub("", text).split())


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


def _timed(path: Path, result: dict[str, Any], tgt: str) -> list[tuple[int, int, int, str, str]]:
    """(start, end, id, source text, delivered translation) of every timed segment translated into `tgt`, in
    time order; a result file edited into another shape is refused in one line, naming the segment."""
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
        timed.append((start, end, segment_id, text, delivered))
    return sorted(timed)


def read(path: Path, data: bytes) -> tuple[Target, list[ReturnedRow]]:
    name = NAME.match(path.name)
    if name is None:
        raise InputError(f"{path}: a subtitle file is imported by the name the run gave it (S.L.srt or S.L.vtt); "
                         "a bilingual S.SRC-L.srt cannot be: correct the review file S.SRC-L.csv instead")
    key, tgt = name["key"], name["tgt"].lower()
    result = _result(path, key)
    timed = _timed(path, result, tgt)
    starts = [start for start, *_ in timed]
    text, _ = decode_bytes(data)
    cues = reader_for(path, text).parse(text, str(path)).segments
    parts: dict[int, list[str]] = {}
    for cue in cues:
        assert cue.timing is not None  # subtitle readers time every cue
        middle = (cue.timing.start_ms + cue.timing.end_ms) / 2
        index = bisect.bisect_right(starts, middle) - 1
        if index >= 0 and middle < timed[index][1]:
            parts.setdefault(timed[index][2], []).append(cue.text)
    rows = []
    for _, _, segment_id, source, delivered in timed:
        if segment_id in parts:
            returned = " ".join(_words(part) for part in parts[segment_id])
            kept = returned == _words(delivered)  # only wrapped or marked up again: the delivered text itself
            rows.append(ReturnedRow(segment_id, clean(source), clean(delivered if kept else returned),
                                    approved=False))
    return Target(key, str(result.get("source") or ""), tgt), rows
