"""Split a translated sentence group back over the cues it came from, at word boundaries.

Each cut is placed near the point where the source parts' share of characters says it should be, pulled toward
good break points (after the same kind of punctuation the source part ends with, before a conjunction) and away
from bad ones (inside a name, after an article). Dynamic programming over the word boundaries finds the cheapest
set of cuts; a part is left empty only when the translation has fewer words than there are cues.
"""

from __future__ import annotations

import itertools

from translator.subtitles.breaks import break_cost, ends_clause, ends_sentence

DISTANCE_WEIGHT = 100.0  # cost of a cut one whole translation length away from its proportional place
BREAK_WEIGHT = 2.0
PUNCTUATION_MATCH = 4.0  # a cut after "." where the source part also ends with "."
EMPTY_PART = 10_000.0


def _punctuation(word: str) -> str:
    return "sentence" if ends_sentence(word) else "clause" if ends_clause(word) else ""


def distribute(translation: str, source_parts: list[str]) -> list[str]:
    """`translation` cut into len(source_parts) pieces in proportion to the parts' lengths.

    Joining the non-empty pieces with spaces gives the translation with its whitespace collapsed.
    """
    if not source_parts:
        return []
    words = translation.split()
    parts = [" ".join(part.split()) for part in source_parts]
    if len(parts) == 1:
        return [" ".join(words)]
    offsets = [0]  # where each word starts in the joined translation (and one past its end)
    for word in words:
        offsets.append(offsets[-1] + len(word) + 1)
    total = max(1, offsets[-1] - 1)
    scale = total / len(" ".join(parts))
    targets, running = [], 0
    for source_part in parts[:-1]:
        running += len(source_part) + 1  # where the next source part starts in the joined source
        targets.append(running * scale)

    # What a cut costs at each boundary, whatever the part: computed once, the DP asks for it O(words²) times.
    part_kinds = [_punctuation(part) for part in parts]
    word_kinds = [_punctuation(word) for word in words]
    boundary_costs = [0.0] + [BREAK_WEIGHT * break_cost(a, b) for a, b in itertools.pairwise(words)] + [0.0]

    def cut_cost(part: int, boundary: int, previous: int) -> float:
        """Cost of ending source part `part` at word boundary `boundary` (the part started at `previous`)."""
        cost = DISTANCE_WEIGHT * abs(offsets[boundary] - targets[part]) / total
        if boundary == previous:
            return cost + EMPTY_PART
        if 0 < boundary < len(words):
            cost += boundary_costs[boundary]
            kind = part_kinds[part]
            if kind and word_kinds[boundary - 1] == kind:
                cost -= PUNCTUATION_MATCH
        return cost

    count, cuts_needed = len(words), len(parts) - 1
    inf = float("inf")
    best = [[inf] * (count + 1) for _ in range(cuts_needed + 1)]
    back = [[0] * (count + 1) for _ in range(cuts_needed + 1)]
    best[0][0] = 0.0
    for part in range(cuts_needed):
        for previous in range(count + 1):
            if best[part][previous] == inf:
                continue
            for boundary in range(previous, count + 1):
                cost = best[part][previous] + cut_cost(part, boundary, previous)
                if cost < best[part + 1][boundary]:
                    best[part + 1][boundary], back[part + 1][boundary] = cost, previous
    last = min(range(count + 1), key=lambda b: best[cuts_needed][b] + (EMPTY_PART if b == count and count else 0))
    bounds = [count, last]
    for part in range(cuts_needed, 1, -1):
        bounds.append(back[part][bounds[-1]])
    bounds.append(0)
    bounds.reverse()
    return [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]
