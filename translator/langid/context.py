"""Every segment's language in its document: its own evidence first, context only where that is weak.

Context that overrides a clear segment turns a mixed interview into a monolingual one (a Russian guest's
"Согласен." labelled uk because the host speaks Ukrainian). So a segment whose own evidence is confident
keeps it; a weak one (a word or two, names only, digits and punctuation) adds the evidence of the same
speaker's nearest other turns — a guest's language is best told by the guest — or, when its speaker has no
other turns, of its nearest neighbours. Nearer turns count more, so a guest who switches language once is
followed. Context never crosses the script: Cyrillic is never English, Latin never Ukrainian or Russian.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict

from translator.langid.evidence import SUPPORTED, Distribution, Evidence, softmax

CONFIDENT = 0.9  # below this top probability a segment's own evidence is weak
REACH = 4  # turns considered on each side
DECAY = 0.5  # the k-th nearest turn on a side counts DECAY**(k-1)
CLIP = 4.0  # no single other turn counts for more than this, in log-odds


def best(dist: Distribution) -> tuple[str, float]:
    """The likeliest language (ties go to the first in SUPPORTED) and its probability."""
    lang = max(SUPPORTED, key=lambda code: (dist[code], -SUPPORTED.index(code)))
    return lang, dist[lang]


def is_weak(evidence: Evidence) -> bool:
    """No letters, names only, or no language above CONFIDENT."""
    return not evidence.letters or evidence.names_only or best(evidence.distribution())[1] < CONFIDENT


def _log_probabilities(evidence: Evidence) -> dict[str, float]:
    return {code: max(math.log(p), -CLIP) if p else -CLIP for code, p in evidence.distribution().items()}


def _nearest(candidates: list[int], index: int) -> list[tuple[int, float]]:
    """Up to REACH candidates on each side of `index` (candidates sorted), with their weights."""
    position = bisect_left(candidates, index)
    before = candidates[max(0, position - REACH) : position][::-1]
    after = [j for j in candidates[position : position + REACH + 1] if j != index][:REACH]
    return [(j, DECAY**rank) for side in (before, after) for rank, j in enumerate(side)]


def decide(evidence: list[Evidence], speakers: list[str | None]) -> list[tuple[str, float]]:
    """Language and confidence of every segment, given each one's own evidence and speaker."""
    informative = [i for i, ev in enumerate(evidence) if ev.letters and not ev.names_only]
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i in informative:
        speaker = speakers[i]
        if speaker is not None:
            by_speaker[speaker].append(i)
    logs = {i: _log_probabilities(evidence[i]) for i in informative}
    decisions = []
    for index, own in enumerate(evidence):
        if not is_weak(own):
            decisions.append(best(own.distribution()))
            continue
        speaker = speakers[index]
        context = _nearest(by_speaker[speaker], index) if speaker is not None else []
        context = context or _nearest(informative, index)
        prior = dict.fromkeys(own.log_odds, 0.0) if own.names_only else own.log_odds
        scores = {code: score + sum(w * logs[j][code] for j, w in context) for code, score in prior.items()}
        decisions.append(best(softmax(scores)))
    return decisions
