"""Split a translated sentence group back over the cues it came from, at word boundaries.

Each cut is placed near the point where the source parts' share of characters says it should be, pulled toward
good break points (after the same kind of punctuation the source part ends with, before a conjunction) and away
from bad ones (inside a name, after an article). Dynamic programming over the word boundaries finds the cheapest
set of cuts; a part is left empty only when the translation has fewer words than there are cues. Each cut is
looked for within WINDOW_WORDS of its proportional place, so a long text costs time in proportion to its length.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from dataclasses import dataclass

from translator.subtitles.breaks import break_cost, ends_clause, ends_sentence

DISTANCE_WEIGHT = 100.0  # cost of a cut one whole translation length away from its proportional place
BREAK_WEIGHT = 2.0
PUNCTUATION_MATCH = 4.0  # a cut after "." where the source part also ends with "."
EMPTY_PART = 10_000.0
# A cut is looked for at most this many words from its proportional place, so a single 20,000-word line costs
# linear time (trying every boundary for every cut took minutes at 2,500 words). Further away, the distance
# alone costs more than the best break gains in any text shorter than about 500 words, so there the cuts are
# those an exhaustive search finds (tests/test_subtitle_distribute.py checks it against one).
WINDOW_WORDS = 100
_INF = float("inf")


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

    # What a cut costs at each boundary, whatever the part: computed once, the DP asks for it many times.
    part_kinds = [_punctuation(part) for part in parts]
    word_kinds = [_punctuation(word) for word in words]
    boundary_costs = [0.0] + [BREAK_WEIGHT * break_cost(a, b) for a, b in itertools.pairwise(words)] + [0.0]

    def cut_costs(part: int, boundary: int) -> tuple[float, float]:
        """What ending source part `part` at word boundary `boundary` costs: after a non-empty part (distance
        from its proportional place and the words the cut falls between), and leaving the part empty."""
        cost = DISTANCE_WEIGHT * abs(offsets[boundary] - targets[part]) / total
        empty = cost + EMPTY_PART
        if 0 < boundary < len(words):
            cost += boundary_costs[boundary]
            kind = part_kinds[part]
            if kind and word_kinds[boundary - 1] == kind:
                cost -= PUNCTUATION_MATCH
        return cost, empty

    rows = _cheapest_cuts(len(words), [_nearest(offsets, target) for target in targets], cut_costs)
    bounds = _bounds(rows, len(words))
    return [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]


@dataclass(frozen=True)
class _Row:
    """The cheapest way to make the first cuts ending at each boundary from `first` on: its cost and the
    boundary the cut before it was made at."""

    first: int
    costs: list[float]
    back: list[int]

    def cost(self, boundary: int) -> float:
        index = boundary - self.first
        return self.costs[index] if 0 <= index < len(self.costs) else _INF

    def previous(self, boundary: int) -> int:
        return self.back[boundary - self.first]


def _nearest(offsets: list[int], target: float) -> int:
    """The word boundary whose place in the translation is nearest `target` characters."""
    index = bisect.bisect_left(offsets, target)
    if index == len(offsets) or (index and target - offsets[index - 1] <= offsets[index] - target):
        return index - 1
    return index


def _cheapest_cuts(count: int, centres: list[int],
                   cut_costs: Callable[[int, int], tuple[float, float]]) -> list[_Row]:
    """Dynamic programming over the word boundaries, each cut within WINDOW_WORDS of its proportional place
    (`centres`). A cut ending a non-empty part costs the same whatever boundary the part started at, so one
    running minimum over the row before serves every boundary, and the work is linear in the cuts."""
    rows = [_Row(0, [0.0], [0])]
    for part, centre in enumerate(centres):
        before = rows[-1]
        first = max(centre - WINDOW_WORDS, before.first)
        last = min(centre + WINDOW_WORDS, count)
        costs, back = [], []
        cheapest, origin = _INF, -1  # over the boundaries before the current one: a non-empty part
        folded = before.first
        for boundary in range(first, last + 1):
            while folded < boundary:
                value = before.cost(folded)
                if value < cheapest:
                    cheapest, origin = value, folded
                folded += 1
            ending, leaving_empty = cut_costs(part, boundary)
            best, best_origin = _INF, 0
            if origin >= 0:
                best, best_origin = cheapest + ending, origin
            empty = before.cost(boundary) + leaving_empty
            if empty < best:
                best, best_origin = empty, boundary
            costs.append(best)
            back.append(best_origin)
        rows.append(_Row(first, costs, back))
    return rows


def _bounds(rows: list[_Row], count: int) -> list[int]:
    """Where each part starts and ends (count + 1 bounds for count parts), from the DP's rows."""
    final = rows[-1]
    last = min(range(final.first, final.first + len(final.costs)),
               key=lambda b: final.cost(b) + (EMPTY_PART if b == count and count else 0))
    bounds = [count, last]
    for part in range(len(rows) - 1, 1, -1):
        bounds.append(rows[part].previous(bounds[-1]))
    bounds.append(0)
    bounds.reverse()
    return bounds
