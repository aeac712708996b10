"""Sentence alignment between a source segment and its translation.

Machine translation goes sentence by sentence, so its alignment is one-to-one. A reviewer's correction may
merge or split sentences; then a small length-based dynamic programme (Gale & Church's idea: translated
sentences keep roughly proportional lengths) pairs them with 1–1, 1–2 and 2–1 beads. A sentence the
programme could only skip (a correction that dropped or added one) joins its neighbouring bead, so every
sentence of both sides is in some pair and the pairs never cross.
"""

from __future__ import annotations

Alignment = list[tuple[int, int]]

_BEADS = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1))
_BEAD_PENALTY = {(1, 1): 0.0, (1, 2): 0.4, (2, 1): 0.4, (1, 0): 2.0, (0, 1): 2.0}


def _cost(src_len: int, tgt_len: int, ratio: float) -> float:
    expected = src_len * ratio
    return abs(tgt_len - expected) / (expected + tgt_len + 1.0)


def _covered(pairs: set[tuple[int, int]], sources: int, targets: int) -> set[tuple[int, int]]:
    """Each unpaired source sentence joins the target of the bead before it (after it, at the start); then
    each unpaired target sentence likewise. Monotone pairs stay monotone."""
    for i in range(sources):
        if not any(s == i for s, _ in pairs):
            before = [t for s, t in pairs if s < i]  # pragma: no mutate (no pair has s == i here, so <= is <)
            after = [t for s, t in pairs if s > i]  # pragma: no mutate (no pair has s == i here, so >= is >)
            pairs.add((i, max(before) if before else min(after, default=0)))
    for j in range(targets):
        if not any(t == j for _, t in pairs):
            before = [s for s, t in pairs if t < j]  # pragma: no mutate (no pair has t == j here, so <= is <)
            after = [s for s, t in pairs if t > j]  # pragma: no mutate (no pair has t == j here, so >= is >)
            pairs.add((max(before) if before else min(after, default=0), j))
    return pairs


def align_sentences(source: list[str], target: list[str]) -> Alignment:
    """Sorted pairs (source index, target index) in which every sentence of both sides appears, and no two
    pairs cross; empty when either side is."""
    if len(source) == len(target):
        return [(i, i) for i in range(len(source))]
    if not source or not target:
        return []
    ratio = sum(map(len, target)) / max(1, sum(map(len, source)))
    inf = float("inf")
    best = [[inf] * (len(target) + 1) for _ in range(len(source) + 1)]
    step: dict[tuple[int, int], tuple[int, int]] = {}
    best[0][0] = 0.0
    for i in range(len(source) + 1):
        for j in range(len(target) + 1):
            if best[i][j] == inf:
                continue
            for di, dj in _BEADS:
                ni, nj = i + di, j + dj
                if ni > len(source) or nj > len(target):
                    continue
                cost = best[i][j] + _BEAD_PENALTY[(di, dj)] + _cost(
                    sum(len(s) for s in source[i:ni]), sum(len(t) for t in target[j:nj]), ratio
                )
                if cost < best[ni][nj]:
                    best[ni][nj], step[(ni, nj)] = cost, (di, dj)
    pairs: set[tuple[int, int]] = set()
    i, j = len(source), len(target)
    while (i, j) != (0, 0):
        di, dj = step[(i, j)]
        i, j = i - di, j - dj
        pairs.update((si, tj) for si in range(i, i + di) for tj in range(j, j + dj))
    return sorted(_covered(pairs, len(source), len(target)))
