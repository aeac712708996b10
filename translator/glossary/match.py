"""Finding glossary terms in a text: case-insensitive, except that abbreviations match only in capitals and
English and kept forms written with capitals only where they are capitalised (every word's first letter), on
word boundaries, longest match first, and for Russian and Ukrainian through inflection (every case form of
a glossary form counts as that form)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import reduce

from translator.glossary.model import Glossary
from translator.glossary.paradigm import INFLECTED, word_cases

STRICT = r"\s+"
# Between the words of a name in a translation: a model may break a name with punctuation ("Руслан. Айсін").
LOOSE = r"[\s.,;:!?…—–-]+"


@dataclass(frozen=True)
class Match:
    """A span of text that is one of an entry's forms, the grammatical cases its words show (empty when the
    form does not inflect or the text gives no clue), and how closely it is spelt like the form (1: exactly)."""

    entry: int
    start: int
    end: int
    text: str
    cases: frozenset[str] = frozenset()
    score: float = 1.0


@dataclass(frozen=True)
class FormPattern:
    """One glossary form compiled for searching: per word, every surface it may take and the cases of each."""

    entry: int
    tables: tuple[dict[str, frozenset[str]], ...]
    regex: re.Pattern[str]

    def cases(self, matched: str) -> frozenset[str]:
        """Cases shared by the inflecting words of a matched span (the last word's when they disagree)."""
        words = re.split(LOOSE, matched.strip())
        sets = [t.get(w.lower().replace("ё", "е"), frozenset()) for t, w in zip(self.tables, words) if len(t) > 1]
        return (reduce(frozenset.__and__, sets) or sets[-1]) if sets else frozenset()


def _abbreviation(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _capitalised(word: str) -> str:
    """An English (or kept) word written with a capital matches only where it is written with one: "Turkey"
    is a name, "turkey" a bird. A glossary form in lower case opts in to matching in any case."""
    if not word[:1].isupper():
        return f"(?:{re.escape(word)})"
    return f"(?-i:{re.escape(word[0])})(?:{re.escape(word[1:])})"


def _compile(entry: int, lang: str, form: str, separator: str) -> FormPattern:
    words = form.split(" ")
    if lang in INFLECTED:
        tables = tuple(word_cases(w, lang) for w in words)
    else:
        tables = tuple({w.lower(): frozenset()} for w in words)
    alternatives = ["|".join(re.escape(s) for s in sorted(t, key=lambda s: (-len(s), s))) for t in tables]
    # An abbreviation matches only in capitals: "US" is a name, "us" is not.
    groups = [
        f"(?-i:{re.escape(w)})" if _abbreviation(w) else _capitalised(w) if lang not in INFLECTED else f"(?:{alt})"
        for w, alt in zip(words, alternatives)
    ]
    body = separator.join(groups)
    return FormPattern(entry, tables, re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE))


def patterns(glossary: Glossary, entry: int, lang: str, form: str, separator: str) -> FormPattern:
    """The compiled pattern of one form, built once per glossary."""
    return glossary.memo(("pattern", entry, lang, form, separator), lambda: _compile(entry, lang, form, separator))


def longest_first(candidates: list[Match]) -> list[Match]:
    """Non-overlapping matches, preferring longer ones, then earlier ones; returned in text order."""
    chosen: list[Match] = []
    for m in sorted(candidates, key=lambda m: (m.start - m.end, m.start)):
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def _scan(glossary: Glossary, text: str, forms: list[tuple[int, str, str]], separator: str) -> list[Match]:
    candidates = []
    for entry, lang, form in forms:
        pattern = patterns(glossary, entry, lang, form, separator)
        for found in pattern.regex.finditer(text):
            candidates.append(Match(entry, found.start(), found.end(), found.group(), pattern.cases(found.group())))
    return longest_first(candidates)


def find_terms(glossary: Glossary, text: str, lang: str, tgt: str) -> list[Match]:
    """Occurrences in a `lang` text of every entry that has a form to write in `tgt`."""
    forms = [
        (i, "keep" if form in entry.keep else lang, form)
        for i, entry in enumerate(glossary.entries)
        if entry.written(tgt)
        for form in entry.recognised(lang)
    ]
    return _scan(glossary, text, forms, STRICT)


def find_renderings(glossary: Glossary, text: str, entries: set[int]) -> list[Match]:
    """Where a translation shows any form of the given entries, in any language and any case: a model may
    keep the placeholder, inflect it, or write the name the way another language spells it."""
    forms = [(i, lang, form) for i in sorted(entries) for lang, form in glossary.entries[i].all_forms()]
    return _scan(glossary, text, forms, LOOSE)
