"""Where a subtitle text may be cut: line breaks, cue boundaries and cut points of a translation share one cost.

Subtitle style guides (Netflix, BBC) agree: break after punctuation, before a conjunction or preposition,
never after an article or preposition, never inside a name or between a number and its unit, and never put a
dash at the start of a line unless it marks a new speaker (viewers read it as one). A cost below zero is a good
place to break.
"""

from __future__ import annotations

import re

# Conjunctions and prepositions a new line may start with (and a line should not end with).
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "and but or nor so yet for because that which who whom whose when while if although though as than "
        "of to in on at by with from into onto about over after before under between through without within "
        "during against among until".split()
    ),
    "uk": frozenset(
        "і й та а але або чи що щоб як коли якщо бо тому хоча ніж в у на з із зі до від для про по за під "
        "над між через без після перед при біля серед".split()
    ),
    "ru": frozenset(
        "и а но или либо что чтобы как когда если потому хотя чем в во на с со к ко до от для о об обо про "
        "по за под над между через без после перед при у из около среди".split()
    ),
}
# The conjunctions among them start a clause (`or`, `чи`, `или` more often join two words, and are left out): a cut
# before one is as good as after a comma (a time split falls
# at `… is at stake | and nobody in Moscow …`, not at `… and nobody | in Moscow …`).
CONJUNCTIONS: dict[str, frozenset[str]] = {
    "en": frozenset("and but so yet because that which who whom whose when while if although though than".split()),
    "uk": frozenset("і й та а але що щоб як коли якщо бо тому хоча ніж".split()),
    "ru": frozenset("и а но что чтобы как когда если потому хотя чем".split()),
}
ALL_CONJUNCTIONS = frozenset().union(*CONJUNCTIONS.values())
ARTICLES = frozenset({"the", "a", "an"})
ALL_FUNCTION_WORDS = frozenset().union(*FUNCTION_WORDS.values())
_CLOSERS = "\"'”’»)]}"
_OPENERS = "\"'“‘«([{"
SENTENCE_END = frozenset(".!?…")
CLAUSE_END = frozenset(",;:")
DASHES = frozenset({"-", "–", "—"})
NAME_COST = 10.0  # inside a name, a number and its unit, or before a dash that does not start a speaker
# `Mr.`, `Dr.`, initials (`O.`, `О.В.`): they belong to the name after them, though they end with a full stop.
_TITLE = re.compile(r"^(?:(?:mr|mrs|ms|dr|prof|st|mt|gen|col|sen|rep|г|гн|д-р|проф)\.|(?:\w\.){1,3})$",
                    re.IGNORECASE)
_NUMBER = re.compile(r"^[(\[«\"'“$€£₴₽№#~±+-]*\d[\d.,:/\u00a0]*$")


def _core(word: str) -> str:
    return word.strip(_CLOSERS + _OPENERS).lower()


def _last_mark(word: str) -> str:
    """The word's last character before closing quotes and brackets ("end." in `end.”`)."""
    return word.rstrip(_CLOSERS)[-1:]


def ends_sentence(word: str) -> bool:
    return _last_mark(word) in SENTENCE_END


def ends_clause(word: str) -> bool:
    return _last_mark(word) in CLAUSE_END


def capitalised(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return bool(letters) and letters[0].isupper()


def starts_with_dash(word: str) -> bool:
    """`-`, `–`, `—` alone or glued to the word (`-Who?`): at a line start, a new speaker."""
    return word[:1] in DASHES


def inside_name(left: str, right: str) -> bool:
    """Two capitalised words with no punctuation between them read as one name ("Ruslan Aysin"); a title or
    initial before a capitalised word belongs to it ("Dr. Aysin", "О. Ляшко")."""
    if not capitalised(right):
        return False
    return (capitalised(left) and left[-1:].isalnum()) or bool(_TITLE.match(left))


def number_and_unit(left: str) -> bool:
    """`5 km`, `10 %`, `1 000 000`, `2014 року`: a number (`left`) is read with the word after it."""
    return bool(_NUMBER.match(left)) and not (ends_clause(left) or ends_sentence(left))


def break_cost(left: str, right: str, lang: str | None = None, *, dialogue: bool = False) -> float:
    """The cost of cutting between two neighbouring words (negative: a natural place to cut).

    In a `dialogue` (the text starts with a speaker dash) a dash is the best place to cut, before it, never after
    it; anywhere else a line must not start with one.
    """
    words = FUNCTION_WORDS.get(lang or "", ALL_FUNCTION_WORDS)
    if starts_with_dash(right):
        return -3.0 if dialogue else NAME_COST
    if inside_name(left, right) or number_and_unit(left):
        return NAME_COST
    if ends_sentence(left):
        return -3.0
    if dialogue and left in DASHES:  # a speaker's dash left alone at a line end, their words on the next
        return NAME_COST
    if ends_clause(left) or left in DASHES:
        return -2.0
    if left[-1:].isalnum() and (_core(left) in words or _core(left) in ARTICLES):
        return 2.0
    if _core(right) in CONJUNCTIONS.get(lang or "", ALL_CONJUNCTIONS):
        return -2.0  # a new clause
    if _core(right) in words:
        return -1.0
    return 0.0


class BreakCosts:
    """`break_cost` remembered for one document: wrapping, cue cutting and every language's layout ask for the
    same word pairs again and again. Lives as long as the document's layout, not the process."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, str, str | None, bool], float] = {}

    def __call__(self, left: str, right: str, lang: str | None = None, *, dialogue: bool = False) -> float:
        key = (left, right, lang, dialogue)
        cost = self._known.get(key)
        if cost is None:
            cost = self._known[key] = break_cost(left, right, lang, dialogue=dialogue)
        return cost
