"""Line wrapping for subtitles: at most 42 characters a line (39 in Russian), lines balanced, good break points.

One line when the text fits; otherwise the fewest lines that fit, chosen by dynamic programming over word
boundaries to minimise (distance of each line from the average length) + BREAK_WEIGHT × break cost. A single
word longer than the limit gets a line of its own: text is never cut, QA flags it instead. A dialogue (the text
starts with a speaker dash) gets one line per speaker.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from math import ceil

from translator.subtitles.breaks import BreakCosts, starts_with_dash

LINE_CHARS = 42
LINE_CHARS_BY_LANG = {"ru": 39}
MAX_LINES = 2
BREAK_WEIGHT = 8.0  # one unit of break cost is worth this many characters of imbalance
DIALOGUE_BONUS = 100.0  # "- Who? - Me." puts each speaker on a line of their own


def max_line_chars(lang: str | None) -> int:
    """Characters a subtitle line may hold in `lang` (Netflix: 42; Russian 39)."""
    return LINE_CHARS_BY_LANG.get(lang or "", LINE_CHARS)


def is_dialogue(words: list[str]) -> bool:
    """Two speakers or more, each introduced by a dash: `- Who? - Me.`"""
    return bool(words) and starts_with_dash(words[0]) and any(starts_with_dash(word) for word in words[1:])


def _costs_before(words: list[str], lang: str | None, costs: BreakCosts) -> list[float]:
    """What a line break costs before each word, whatever the line: the DP asks O(lines × words²) times."""
    dialogue = starts_with_dash(words[0])
    return [0.0] + [
        BREAK_WEIGHT * costs(left, right, lang, dialogue=dialogue)
        - (DIALOGUE_BONUS if dialogue and starts_with_dash(right) else 0.0)
        for left, right in itertools.pairwise(words)
    ]


def _split(words: list[str], lines: int, limit: int, before: list[float]) -> list[int] | None:
    """Cut points (word indices) for exactly `lines` lines that fit, or None when no such wrap exists."""
    count = len(words)
    prefix = [0]
    for word in words:
        prefix.append(prefix[-1] + len(word) + 1)
    average = (prefix[count] - 1) / lines
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
                cost = best[line - 1][start] + abs(size - average) + before[start]
                if cost < best[line][end]:
                    best[line][end], back[line][end] = cost, start
    if best[lines][count] == inf:
        return None
    cuts, end = [], count
    for line in range(lines, 0, -1):
        end = back[line][end]
        cuts.append(end)
    return sorted(cuts)[1:]


def wrap_lines(text: str, lang: str | None, costs: BreakCosts | None = None, limit: int | None = None) -> list[str]:
    """`text` as subtitle lines: balanced, broken after punctuation or before conjunctions and prepositions.
    `costs` remembers break costs across calls (see `chunks.TextCutter`); `limit` overrides the line length."""
    words = text.split()
    if not words:
        return []
    limit = limit or max_line_chars(lang)
    joined = " ".join(words)
    if len(joined) <= limit and not is_dialogue(words):
        return [joined]
    lines = min(max(2, ceil((len(joined) + 1) / (limit + 1))), len(words))  # n lines hold n×limit + n-1
    before = _costs_before(words, lang, costs or BreakCosts())
    cuts = _split(words, lines, limit, before)
    while cuts is None:  # ends at the latest with one word a line
        lines += 1
        cuts = _split(words, lines, limit, before)
    bounds = [0, *cuts, len(words)]
    return [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]


def lines_fit(lines: list[str], lang: str | None, limit: int | None = None) -> bool:
    """At most two lines, each within the limit (a single word longer than the limit is the one exception)."""
    limit = limit or max_line_chars(lang)
    return len(lines) <= MAX_LINES and all(len(line) <= limit or " " not in line for line in lines)


def fits(text: str, lang: str | None, costs: BreakCosts | None = None, limit: int | None = None) -> bool:
    """Whether `text` fits a subtitle: at most 2 lines, each within the line limit."""
    words = text.split()
    if is_dialogue(words):  # each speaker on a line: ask the wrapper itself
        lines = wrap_lines(text, lang, costs, limit)
        return len(lines) <= MAX_LINES and all(len(line) <= (limit or max_line_chars(lang)) for line in lines)
    return TwoLines(words, lang, limit).fit(0, len(words))


class TwoLines:
    """Answers "do words[start:end] fit in two lines?" in O(log n) from prefix sums, for cue cutting's DP."""

    def __init__(self, words: list[str], lang: str | None, limit: int | None = None) -> None:
        self.limit = limit or max_line_chars(lang)
        self.prefix = [0]
        for word in words:
            self.prefix.append(self.prefix[-1] + len(word) + 1)

    def length(self, start: int, end: int) -> int:
        """Characters of words[start:end] joined by single spaces."""
        return self.prefix[end] - self.prefix[start] - 1

    def fit(self, start: int, end: int) -> bool:
        if end <= start or self.length(start, end) <= self.limit:
            return True
        # the longest first line within the limit; the rest must fit on the second
        cut = bisect_right(self.prefix, self.prefix[start] + self.limit + 1, start, end + 1) - 1
        return start < cut < end and self.length(cut, end) <= self.limit
