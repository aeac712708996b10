"""Line wrapping for subtitles: at most 42 characters a line (39 in Russian), lines balanced, good break points.

One line when the text fits; otherwise the fewest lines that fit, chosen by dynamic programming over word
boundaries to minimise (distance of each line from the average length) + BREAK_WEIGHT × break cost. A single
word longer than the limit gets a line of its own: text is never cut, QA flags it instead.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from math import ceil

from translator.subtitles.breaks import DASHES, break_cost

LINE_CHARS = 42
LINE_CHARS_BY_LANG = {"ru": 39}
MAX_LINES = 2
BREAK_WEIGHT = 8.0  # one unit of break cost is worth this many characters of imbalance
DIALOGUE_BONUS = 100.0  # "- Who? - Me." puts each speaker on a line of their own


def max_line_chars(lang: str | None) -> int:
    """Characters a subtitle line may hold in `lang` (Netflix: 42; Russian 39)."""
    return LINE_CHARS_BY_LANG.get(lang or "", LINE_CHARS)


def _split(words: list[str], lines: int, limit: int, lang: str | None) -> list[int] | None:
    """Cut points (word indices) for exactly `lines` lines that fit, or None when no such wrap exists."""
    count = len(words)
    prefix = [0]
    for word in words:
        prefix.append(prefix[-1] + len(word) + 1)
    average = (prefix[count] - 1) / lines
    dialogue = words[0] in DASHES
    inf = float("inf")
    best = [[inf] * (count + 1) for _ in range(lines + 1)]
    back = [[0] * (count + 1) for _ in range(lines + 1)]
    best[0][0] = 0.0
    for line in range(1, lines + 1):
        for end in range(line, count + 1):
            for start in range(end - 1, line - 2, -1):
                size = prefix[end] - prefix[start] - 1
                if size > limit and end - start > 1:
                    break
                if best[line - 1][start] == inf:
                    continue
                cost = best[line - 1][start] + abs(size - average)
                if start > 0:
                    cost += BREAK_WEIGHT * break_cost(words[start - 1], words[start], lang)
                    if dialogue and words[start] in DASHES:
                        cost -= DIALOGUE_BONUS
                if cost < best[line][end]:
                    best[line][end], back[line][end] = cost, start
    if best[lines][count] == inf:
        return None
    cuts, end = [], count
    for line in range(lines, 0, -1):
        end = back[line][end]
        cuts.append(end)
    return sorted(cuts)[1:]


def wrap_lines(text: str, lang: str | None) -> list[str]:
    """`text` as subtitle lines: balanced, broken after punctuation or before conjunctions and prepositions."""
    return list(_wrap_cached(text, lang))


@lru_cache(maxsize=1 << 14)
def _wrap_cached(text: str, lang: str | None) -> tuple[str, ...]:
    """Every subtitle writer lays out the same texts; the wrap is a pure function, so it is computed once."""
    words = text.split()
    if not words:
        return ()
    limit = max_line_chars(lang)
    joined = " ".join(words)
    dialogue = words[0] in DASHES and any(w in DASHES for w in words[1:])
    if len(joined) <= limit and not dialogue:
        return (joined,)
    lines = min(max(2, ceil(len(joined) / limit)), len(words))
    cuts = _split(words, lines, limit, lang)
    while cuts is None:  # ends at the latest with one word a line
        lines += 1
        cuts = _split(words, lines, limit, lang)
    bounds = [0, *cuts, len(words)]
    return tuple(" ".join(words[a:b]) for a, b in itertools.pairwise(bounds))


def fits(text: str, lang: str | None) -> bool:
    """Whether `text` fits a subtitle: at most 2 lines, each within the line limit."""
    words = text.split()
    limit = max_line_chars(lang)
    if words and words[0] in DASHES:  # dialogue puts each speaker on a line: ask the wrapper itself
        lines = wrap_lines(text, lang)
        return len(lines) <= MAX_LINES and all(len(line) <= limit for line in lines)
    return _fits_two_lines(words, limit)


def _fits_two_lines(words: list[str], limit: int) -> bool:
    """Some word boundary leaves both lines within the limit (linear: cue cutting asks this very often)."""
    total = len(" ".join(words))
    if total <= limit:
        return True
    first = -1
    for word in words[:-1]:
        first += len(word) + 1
        if first > limit:
            return False
        if total - first - 1 <= limit:
            return True
    return False
