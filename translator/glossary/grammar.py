"""Which grammatical case a pinned name takes in a Russian or Ukrainian translation.

Evidence, strongest first: the preposition the translation puts before the name (it fixes the case, or a short
list of cases); how the model itself inflected the name, when it did; the case the name had in a Russian or
Ukrainian source; the English word before the name in an English source ("with" → instrumental,
"Trump's" → genitive). With no evidence the name stays in the nominative.
"""

from __future__ import annotations

import re

from translator.glossary.morph import CASES

_GEN, _DAT, _ACC, _INS, _LOC = ("gent",), ("datv",), ("accs",), ("ablt",), ("loct",)


def _table(groups: dict[tuple[str, ...], tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {word: cases for words, cases in groups.items() for word in words}


# Each preposition → the cases it can govern, the usual one first.
PREPOSITIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "uk": _table({
        ("з", "із", "зі", "зо"): ("ablt", "gent", "accs"),
        ("в", "у", "ві", "уві"): ("loct", "accs"),
        ("на",): ("loct", "accs"),
        ("по",): ("loct", "accs", "datv"),
        ("о", "об"): ("loct", "accs"),
        ("за",): ("accs", "ablt"),
        ("до", "від", "од", "для", "без", "біля", "після", "проти", "серед", "крім", "окрім", "щодо", "навколо",
         "замість", "поблизу", "протягом", "внаслідок", "коло", "кругом", "посеред", "поза"): _GEN,
        ("завдяки", "всупереч", "назустріч"): _DAT,
        ("про", "через", "крізь", "попри", "понад"): _ACC,
        ("під",): ("ablt", "accs"),
        ("між", "поміж", "над", "перед"): _INS,
        ("при",): _LOC,
    }),
    "ru": _table({
        ("с", "со"): ("ablt", "gent", "accs"),
        ("в", "во", "на"): ("loc2", "accs"),
        ("о", "об", "обо", "при"): _LOC,
        ("за", "под"): ("ablt", "accs"),
        ("у", "от", "из", "изо", "до", "для", "без", "около", "после", "против", "среди", "кроме", "вокруг",
         "возле", "вместо", "мимо", "вдоль", "внутри", "вне", "ради", "из-за", "из-под", "насчёт", "насчет"): _GEN,
        ("к", "ко", "по", "благодаря", "согласно", "вопреки", "навстречу"): _DAT,
        ("про", "через", "сквозь", "спустя"): _ACC,
        ("между", "над", "перед", "пред"): _INS,
    }),
}

# The English word before a name → the cases its translation most likely takes, in order of preference.
ENGLISH_HINTS: dict[str, tuple[str, ...]] = _table({
    ("with", "alongside"): _INS,
    ("by",): ("ablt", "gent"),
    ("from", "of", "without", "near", "against", "after", "among", "for", "than", "around", "despite",
     "towards", "toward", "within", "throughout", "until", "since", "before"): ("gent", "accs"),
    ("in", "at", "inside", "on", "about", "upon"): ("loct", "loc2", "accs"),
    ("into", "onto", "through", "via"): _ACC,
    ("to",): ("datv", "accs", "gent"),
    ("between", "behind", "under", "over", "beneath"): _INS,
})
POSSESSIVE = _GEN
_ORDER = (*CASES, "loc2", "gen2", "voct")
_UK_CASE = {"loc2": "loct", "gen2": "gent"}  # Ukrainian has no second locative or genitive
_BARE = ("gent", "datv", "ablt")  # cases an English hint may impose without a preposition (of, to, by)
_SKIPPED = {"the", "a", "an"}
_LAST_WORD = re.compile(r"([^\W\d_][\w-]*)\s*[«\"„“]?\s*$")


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
    """Cases an English source suggests for the term at [start, end): its possessive or the preposition
    before it."""
    if re.match(r"['’]s(?!\w)", source[end:]):
        return POSSESSIVE
    return ENGLISH_HINTS.get(word_before(source, start, _SKIPPED), ())


def source_case(lang: str, preposition: str, cases: frozenset[str]) -> str:
    """The case a name has in a Russian/Ukrainian source, narrowed by the preposition before it
    ("у Криму": gent/datv/loct → loct)."""
    ordered = [c for c in _ORDER if c in cases]
    allowed = PREPOSITIONS.get(lang, {}).get(preposition, ())
    return ([c for c in allowed if c in cases] or ordered or ["nomn"])[0]


def choose_case(
    lang: str, preposition: str, rendered: frozenset[str], source: frozenset[str], hints: tuple[str, ...]
) -> str:
    """The case to write a pinned name in.

    `preposition`: the word before the name in the translation; `rendered`: the cases the model's own
    rendering shows (ignored when it is nominative-like: the model may simply have copied the placeholder);
    `source`: the cases of the name in a Russian/Ukrainian source; `hints`: from an English source.
    """
    informative = rendered if "nomn" not in rendered else frozenset()
    from_source = [_UK_CASE.get(c, c) if lang == "uk" else c for c in _ORDER if c in source]
    preferred = from_source + list(hints)
    allowed = PREPOSITIONS.get(lang, {}).get(preposition)
    if allowed:
        pool = [c for c in allowed if c in informative] or list(allowed)
    elif informative:
        pool = [c for c in _ORDER if c in informative]
    else:
        # No preposition and a nominative-looking rendering: only a case that needs no preposition applies.
        bare = [c for c in from_source if c not in ("loct", "loc2")] + [h for h in hints[:1] if h in _BARE]
        return bare[0] if bare else "nomn"
    return next((c for c in preferred if c in pool), pool[0])
