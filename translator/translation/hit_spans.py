"""Which cue of a unit spread over several cues each glossary hit belongs to: the cues whose share of the
translation holds the hit's characters (a name split across two cues belongs to both)."""

from __future__ import annotations

import re

from translator.document import GlossaryHit
from translator.spans import Span, overlaps

_WORD = re.compile(r"\S+")


def hits_per_part(restored: list[tuple[str, list[GlossaryHit]]], parts: list[str]) -> list[list[GlossaryHit]]:
    """The hits whose characters lie in each part of the joined sentences (the parts are its words in order,
    as `distribute` cuts them): a pinned name by its span in its sentence, a missed one by its whole sentence."""
    joined = " ".join(text for text, _ in restored)
    words = [m.span() for m in _WORD.finditer(joined)]
    ranges: list[Span | None] = []
    taken = 0
    for part in parts:
        count = len(part.split())
        ranges.append((words[taken][0], words[taken + count - 1][1]) if count else None)
        taken += count
    found: list[list[GlossaryHit]] = [[] for _ in parts]
    start = 0
    for text, sentence_hits in restored:
        for hit in sentence_hits:
            span = (start + hit.span[0], start + hit.span[1]) if hit.span else (start, start + len(text))
            for index, part_range in enumerate(ranges):
                if part_range is not None and overlaps(part_range, span):
                    found[index].append(hit)
        start += len(text) + 1
    return found
