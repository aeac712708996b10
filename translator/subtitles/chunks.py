"""Text cut into cue-sized pieces: whole sentences packed while they fit in two lines, longer ones cut at clause
boundaries (the same break costs as line wrapping, never inside a name).

`TextCutter` remembers the pieces and the line wraps of one document's texts, so timing, the layout of every
language, QA and the writers cut each text once; it lives as long as the document's layout, not the process.
"""

from __future__ import annotations

from translator.sentences import split_sentences
from translator.subtitles.breaks import BreakCosts, starts_with_dash
from translator.subtitles.rules import DEFAULT_RULES, Rules
from translator.subtitles.wrap import MAX_LINES, TwoLines, fits, is_dialogue, max_line_chars, wrap_lines

PIECE_COST = 1000.0  # each extra cue costs more than any choice of break points
BREAK_WEIGHT = 8.0  # as in line wrapping: one unit of break cost is worth 8 characters


def cut_sentence(sentence: str, lang: str | None, costs: BreakCosts | None = None, limit: int | None = None
                 ) -> list[str]:
    """The fewest pieces that each fit a cue, cut at the best break points (dynamic programming over words).

    Break costs are computed once per boundary. A piece that does not fit does not fit with more words either,
    so the pieces that fit and end at a word start at or after a first word that only moves forward: the
    two-line test runs O(n) times in all, and a sentence of n words costs O(n k) for pieces of up to k words.
    """
    words = sentence.split()
    costs = costs or BreakCosts()
    if is_dialogue(words):
        return _cut_dialogue(words, lang, costs, limit)
    most = MAX_LINES * (limit or max_line_chars(lang)) + MAX_LINES - 1  # n lines hold n×limit + n-1 characters
    two_lines = TwoLines(words, lang, limit)
    prefix = two_lines.prefix  # words[start:end] joined is prefix[end] - prefix[start] - 1 characters
    after = [BREAK_WEIGHT * costs(words[i], words[i + 1], lang) for i in range(len(words) - 1)] + [0.0]
    inf = float("inf")
    best = [0.0] + [inf] * len(words)
    back = [0] * (len(words) + 1)
    first = 0  # the first word of the longest piece that fits and ends at `end`
    for end in range(1, len(words) + 1):
        while end - first > 1 and (two_lines.length(first, end) > most or not two_lines.fit(first, end)):
            first += 1
        for start in range(end - 1, first - 1, -1):
            size = prefix[end] - prefix[start] - 1
            cost = best[start] + PIECE_COST + (most - size) ** 2 / most + after[end - 1]  # balance the cues
            if cost < best[end]:
                best[end], back[end] = cost, start
    pieces, end = [], len(words)
    while end:
        pieces.append(" ".join(words[back[end]:end]))
        end = back[end]
    return pieces[::-1]


def _cut_dialogue(words: list[str], lang: str | None, costs: BreakCosts, limit: int | None) -> list[str]:
    """A dialogue too long for one cue: speakers packed two to a cue, each speaker's turn cut if it is too long."""
    turns: list[list[str]] = []
    for word in words:
        if not turns or starts_with_dash(word):
            turns.append([])
        turns[-1].append(word)
    return _pack([" ".join(turn) for turn in turns], lang, costs, limit)


def _pack(texts: list[str], lang: str | None, costs: BreakCosts, limit: int | None = None) -> list[str]:
    """Texts joined in order while the join fits a cue; a text too long for one cue is cut."""
    pieces: list[str] = []
    for text in texts:
        joined = f"{pieces[-1]} {text}" if pieces else text
        if pieces and fits(joined, lang, costs, limit):
            pieces[-1] = joined
        elif fits(text, lang, costs, limit):
            pieces.append(text)
        else:
            pieces.extend(cut_sentence(text, lang, costs, limit))
    return pieces


def chunk_text(text: str, lang: str | None, costs: BreakCosts | None = None, limit: int | None = None) -> list[str]:
    """A text as cue texts: whole sentences packed while they fit in two lines, long ones cut."""
    return _pack(split_sentences(text, lang), lang, costs or BreakCosts(), limit)


class TextCutter:
    """Cue pieces, line wraps and break costs of one document's texts, each computed once (all are pure), within
    the line lengths of a rule profile (`--rules`)."""

    def __init__(self, rules: Rules = DEFAULT_RULES) -> None:
        self.rules = rules
        self._chunks: dict[tuple[str, str | None], list[str]] = {}
        self._wraps: dict[tuple[str, str | None], list[str]] = {}
        self._costs = BreakCosts()

    def chunks(self, text: str, lang: str | None) -> list[str]:
        key = (text, lang)
        if key not in self._chunks:
            self._chunks[key] = chunk_text(text, lang, self._costs, self.limit(lang))
        return list(self._chunks[key])

    def wrap(self, text: str, lang: str | None) -> list[str]:
        key = (text, lang)
        if key not in self._wraps:
            self._wraps[key] = wrap_lines(text, lang, self._costs, self.limit(lang))
        return list(self._wraps[key])

    def limit(self, lang: str | None) -> int:
        """Characters a line may hold in `lang` under the profile."""
        return self.rules.of(lang).line_chars
