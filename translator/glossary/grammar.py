"""Which grammatical case a pinned name takes in a Russian or Ukrainian translation, and whether the sentence
confirms it.

Evidence, strongest first: how the model itself inflected the name, read from the ending against the name's
own paradigm (a correct form is never made worse: a different case is written only when the model's is not
one the sentence allows, and then it is reported uncertain); the target sentence's grammar (context.py); the
case the name had in a Russian or Ukrainian source; the English source's word before the name, as a
tie-breaker only ("with" → instrumental, "Trump's" → genitive, "by" → an agent). A nominative-looking
rendering may be the model's copy of the placeholder, so it is changed only when the grammar is sure, and kept
but reported uncertain when the sentence says nothing certain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from translator.glossary.context import Evidence
from translator.glossary.government import PREPOSITIONS
from translator.glossary.paradigm import CASES

_GEN, _ACC, _INS = ("gent",), ("accs",), ("ablt",)


def _table(groups: dict[tuple[str, ...], tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {word: cases for words, cases in groups.items() for word in words}


# The English word before a name → the cases its translation most likely takes, in order of preference.
ENGLISH_HINTS: dict[str, tuple[str, ...]] = _table({
    ("with", "alongside"): _INS,
    ("by",): ("agent", "ablt", "gent"),
    ("from", "of", "without", "near", "against", "after", "among", "for", "than", "around", "despite",
     "towards", "toward", "within", "throughout", "until", "since", "before"): ("gent", "accs"),
    ("in", "at", "inside", "on", "upon"): ("loct", "loc2", "accs"),
    ("about",): ("loct", "accs"),
    ("into", "onto", "through", "via"): _ACC,
    ("to",): ("accs", "datv", "gent"),
    ("between", "behind", "under", "over", "beneath"): _INS,
})
POSSESSIVE = _GEN
_ORDER = (*CASES, "loc2", "gen2", "voct")
_UK_CASE = {"loc2": "loct", "gen2": "gent"}  # Ukrainian has no second locative or genitive
_SKIPPED = {"the", "a", "an"}
_LAST_WORD = re.compile(r"([^\W\d_][\w-]*)\s*[«\"„“]?\s*$")
# Words that make a name set off by commas in English an address: "Thank you, Ruslan", "Ruslan, welcome".
_ADDRESS = re.compile(r"\b(you|your|welcome|thank|thanks|hello|hi|please|dear|tell|explain)\b", re.I)
# The subject of an English passive ("Alaska was sold by Russia"), which a translation may turn into the object
# of an active verb at the start of the sentence ("Аляску продала Россия").
_PASSIVE = re.compile(
    r"\s+(?:was|were|is|are|been|be)\s+(?:\w+ly\s+|once\s+|also\s+|not\s+)?(?:\w+ed|sold|made|taken|given|"
    r"built|seen|known|held|done|won|shown|told|hit|led|brought|bought|paid|sent|struck|written|beaten|left)\b",
    re.I,
)


def word_before(text: str, start: int, skip: frozenset[str] | set[str] = frozenset()) -> str:
    """The word right before `start`, lower case, with only spaces (or an opening quote) between; words in
    `skip` (articles) are stepped over. Empty when punctuation intervenes."""
    head = text[:start]
    while True:
        found = _LAST_WORD.search(head)
        if not found:
            return ""
        word = found.group(1).lower()
        if word not in skip:
            return word
        head = head[: found.start()]


def english_hint(source: str, start: int, end: int) -> tuple[str, ...]:
    """Cases an English source suggests for the term at [start, end): its possessive, the preposition
    before it, or "voct" when it is set off by commas in a sentence that speaks to someone; "passive" marks
    the subject of an English passive."""
    if re.match(r"['’]s(?!\w)", source[end:]):
        return POSSESSIVE
    before, after = source[:start].rstrip(), source[end:].lstrip()
    opened = not before or before[-1] in ",.!?:;—"
    closed = not after or after[0] in ",.!?…"
    if opened and closed and _ADDRESS.search(source):
        return ("voct",)
    passive = ("passive",) if _PASSIVE.match(source, end) else ()
    return ENGLISH_HINTS.get(word_before(source, start, _SKIPPED), ()) + passive


def source_case(lang: str, preposition: str, cases: frozenset[str]) -> str:
    """The case a name has in a Russian/Ukrainian source, narrowed by the preposition before it
    ("у Криму": gent/datv/loct → loct)."""
    ordered = [c for c in _ORDER if c in cases]
    allowed = PREPOSITIONS.get(lang, {}).get(preposition, ())
    return ([c for c in allowed if c in cases] or ordered or ["nomn"])[0]


def _same(case: str, other: str) -> bool:
    return case == other or {case, other} in ({"loct", "loc2"}, {"gent", "gen2"})


def _allowed(candidates: list[str], allowed: list[str]) -> str | None:
    """The first candidate the sentence allows, spelt as the sentence's case (loct → loc2 after в)."""
    return next((a for c in candidates for a in allowed if _same(a, c)), None)


@dataclass(frozen=True)
class Choice:
    """The case to write, and whether the sentence (or the model's own inflection) confirms it."""

    case: str
    sure: bool


def choose_case(
    lang: str, evidence: Evidence, rendered: frozenset[str], source: frozenset[str], hints: tuple[str, ...]
) -> Choice:
    """The case to write a pinned name in.

    `evidence`: what the translation's grammar says; `rendered`: the cases the model's rendering shows against
    the name's own paradigm; `source`: the cases of the name in a Russian/Ukrainian source; `hints`: from an
    English source.
    """
    allowed = [_UK_CASE.get(c, c) if lang == "uk" else c for c in evidence.cases]
    from_source = [_UK_CASE.get(c, c) if lang == "uk" else c for c in _ORDER if c in source]
    # A tie-breaker: the source's own case, else the case the English word before the name most often means.
    preferred = [*from_source, *(h for h in hints[:1] if h in _ORDER)]
    if "nomn" not in rendered and rendered:
        # The model inflected the name itself: its case stands unless the sentence allows none of its readings.
        agree = [c for c in allowed if any(_same(c, r) for r in rendered)]
        if agree:
            return Choice(agree[0], True)
        own = [c for c in [*preferred, *_ORDER] if c in rendered]
        return Choice(own[0], evidence.strength < 2 or not allowed)
    if allowed and evidence.strength == 2:
        return Choice(_allowed(preferred, allowed) or allowed[0], True)
    if allowed and evidence.strength == 1:
        # A Russian/Ukrainian source's own case, where the preposition allows it, confirms the guess.
        confirmed = _allowed(from_source, allowed)
        return Choice(confirmed or _allowed(preferred, allowed) or allowed[0], confirmed is not None)
    if from_source and from_source[0] not in ("loct", "loc2"):
        return Choice(from_source[0], True)
    # A nominative-looking rendering the sentence does not explain: keep it (it may be right), flag it.
    kept = next((c for c in allowed if c in rendered), "nomn")
    return Choice(kept, False)
