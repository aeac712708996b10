"""Russian and Ukrainian inflection of glossary forms with pymorphy3.

Names inflect ("Айсин" → "Айсиным"), so a pinned form must be recognised in every case and written in the case
the sentence needs. pymorphy3 guesses paradigms for unknown surnames from their endings, which is what makes
pinning names outside its dictionary possible. Its analyzers take a noticeable time to load: one per language,
loaded on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

INFLECTED = ("ru", "uk")
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_FALLBACK = {"loc2": "loct", "gen2": "gent", "voct": "nomn"}
_FIXED = re.compile(r"[0-9A-Za-z]")
_PROBE = ("а", "я", "у")


@cache
def analyzer(lang: str) -> Any:
    """The pymorphy3 analyzer for `lang`, loaded once."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


def is_fixed(word: str) -> bool:
    """Abbreviations, codes and Latin-script words (ЄС, США, Сахалін-1, SOCAR) are written as they are."""
    return bool(_FIXED.search(word)) or (len(word) > 1 and word.isupper())


def _key(tag: Any) -> tuple[Any, ...]:
    """What must stay the same across a word's case forms: part of speech, gender, number, declinability."""
    return (tag.POS, tag.gender, tag.number, "Fixd" in tag.grammemes, "Supr" in tag.grammemes)


def _nominatives(word: str, lang: str) -> list[Any]:
    """Singular nominative noun or adjective readings of `word`, in pymorphy3's order of likelihood.

    When a homonym hides the name (pymorphy3 reads "Пашинян" only as a genitive plural, like "армян"), the
    paradigm is found through an oblique form whose lemma is the word itself ("Пашиняна" → пашинян)."""
    readings = [p for p in analyzer(lang).parse(word) if _nominative(p)]
    if readings:
        return readings
    lemma = word.lower()
    probed = (
        p.inflect({"nomn"})
        for ending in _PROBE
        for p in analyzer(lang).parse(word + ending)
        if p.normal_form == lemma
    )
    unique = {str(p.tag): p for p in probed if p is not None and _nominative(p)}
    return list(unique.values())


def _nominative(parse: Any) -> bool:
    tag = parse.tag
    return tag.case == "nomn" and tag.POS in ("NOUN", "ADJF") and tag.number != "plur"


def _forms(parse: Any) -> dict[str, list[str]]:
    """case → surface forms (lower case) of the paradigm the reading belongs to."""
    base = _key(parse.tag)
    out: dict[str, list[str]] = {}
    for form in parse.lexeme:
        if _key(form.tag) == base and form.tag.case:
            out.setdefault(form.tag.case, []).append(form.word)
    return out


def _pick(parse: Any, variants: list[str], case: str, animacy: str | None) -> str:
    """One surface among a case's variants: the accusative follows animacy; the locative takes the form a
    place name takes after у/в (Кремлі, not Кремлеві; Білому, not Білім)."""
    if len(variants) == 1:
        return variants[0]
    if case == "accs":
        same = [v for v in variants if v == parse.word]
        other = [v for v in variants if v != parse.word]
        return ((other if animacy == "anim" else same) or variants)[0]
    if case == "loct":
        plain = [v for v in variants if not v.endswith(("ові", "еві", "єві"))] or variants
        return max(plain, key=len)
    return variants[0]


def _choose(word: str, lang: str, last: bool, animacy: str | None, gender: str | None) -> Any | None:
    """The reading to inflect: a noun at the end of the phrase, adjectives before it; then animacy, gender,
    declinable over indeclinable, then pymorphy3's own order."""
    candidates = _nominatives(word, lang)

    def rank(item: tuple[int, Any]) -> tuple[int, ...]:
        index, p = item
        tag = p.tag
        return (
            0 if (tag.POS == "NOUN") == last else 1,
            0 if animacy is None or tag.POS != "NOUN" or tag.animacy in (None, animacy) else 1,
            0 if gender is None or tag.gender in (None, gender) else 1,
            1 if "Fixd" in tag.grammemes else 0,
            index,
        )

    return min(enumerate(candidates), key=rank)[1] if candidates else None


@dataclass(frozen=True)
class PhraseReading:
    """How each word of a nominative phrase inflects; None for a word written as it is."""

    words: tuple[str, ...]
    readings: tuple[Any | None, ...]
    animacy: str | None

    def inflect(self, case: str, prefer: frozenset[str] = frozenset()) -> str:
        """The phrase in `case`, keeping each word's capitalisation (and ё only where the glossary has it).
        Where a case has variants (у Криму, у Кримі), one in `prefer` (lower case: the model's own words) wins.
        The second locative (в Крыму) is used for place names only: в Белом доме, not в Белом дому."""
        out = []
        for word, parse in zip(self.words, self.readings):
            if parse is None or case == "nomn":
                out.append(word)
                continue
            forms = _forms(parse)
            usable = case in forms and (case != "loc2" or "Geox" in parse.tag.grammemes)
            wanted = case if usable else _FALLBACK.get(case, "nomn")
            variants = forms.get(wanted) or [parse.word]
            chosen = [v for v in variants if v in prefer] or [_pick(parse, variants, wanted, self.animacy)]
            out.append(_match_case(word, chosen[0]))
        return " ".join(out)


def _match_case(model: str, word: str) -> str:
    """Copy the capitalisation of `model` onto `word`, letter by letter over their common length."""
    if "ё" not in model.lower():
        word = word.replace("ё", "е")
    if len(model) > 1 and model.isupper():
        return word.upper()
    return "".join(ch.upper() if m.isupper() else ch for m, ch in zip(model, word)) + word[len(model):]


def read_phrase(form: str, lang: str, animacy: str | None) -> PhraseReading:
    """Choose how a nominative glossary form inflects. Only the leading run of nominative words inflects:
    a dependent in another case ("Організація Договору ...") and everything after it stays as written."""
    words = tuple(form.split(" "))
    gender = None
    readings: list[Any | None] = []
    running = True
    for i, word in enumerate(words):
        parse = None
        if running and not is_fixed(word):
            parse = _choose(word, lang, i == len(words) - 1, animacy, gender)
            running = parse is not None
            if parse is not None and "Name" in parse.tag.grammemes and gender is None:
                gender = parse.tag.gender
        readings.append(parse)
    return PhraseReading(words, tuple(readings), animacy)


def entry_animacy(forms: Iterable[tuple[str, str]]) -> str | None:
    """Whether a concept names a being or a thing, voted over its Russian and Ukrainian forms: a first name
    anywhere, or a head noun read only one way, decides; disagreement or no evidence gives None."""
    votes: set[str] = set()
    for lang, form in forms:
        words = [w for w in form.split(" ") if not is_fixed(w)]
        if not words:
            continue
        if any("Name" in p.tag.grammemes for w in words for p in _nominatives(w, lang)):
            votes.add("anim")
            continue
        kinds = {p.tag.animacy for p in _nominatives(words[-1], lang) if p.tag.POS == "NOUN"} - {None}
        if len(kinds) == 1:
            votes |= kinds
    return votes.pop() if len(votes) == 1 else None


def word_cases(word: str, lang: str) -> dict[str, frozenset[str]]:
    """Every surface (lower case) of every singular nominative reading of `word` → the cases it can be in.
    Used to recognise a form in any case; the word itself always counts as nominative."""
    table: dict[str, set[str]] = {word.lower(): {"nomn"}}
    if not is_fixed(word):
        for parse in _nominatives(word, lang):
            for case, variants in _forms(parse).items():
                for variant in variants:
                    table.setdefault(variant, set()).add(case)
                    table.setdefault(variant.replace("ё", "е"), set()).add(case)
    return {surface: frozenset(cases) for surface, cases in table.items()}


# Readings that do not make a word "another common word": proper names, and spellings the dictionary itself
# marks as distorted or erroneous (the Ukrainian dictionary knows "Украіна").
_NOT_COMMON = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Dist", "Erro"})


def lemmas(word: str, lang: str, common_only: bool = False) -> frozenset[str]:
    """Dictionary lemmas of `word` (none when pymorphy3 only guesses); with `common_only`, only those of
    common-word readings. Tells a known other word ("Українці": українець) from a misspelt name."""
    return frozenset(
        p.normal_form
        for p in analyzer(lang).parse(word)
        if p.is_known and not (common_only and p.tag.grammemes & _NOT_COMMON)
    )


def inflection_problem(form: str, lang: str) -> str | None:
    """Why a written Russian/Ukrainian form cannot be inflected, or None when it can."""
    reading = read_phrase(form, lang, None)
    first_word, first = reading.words[0], reading.readings[0]
    if first is None and not is_fixed(first_word):
        return f"'{form}' ({lang}): '{first_word}' is not a nominative form pymorphy3 can inflect"
    for word, parse in zip(reading.words, reading.readings):
        if parse is not None and "Fixd" not in parse.tag.grammemes:
            missing = [c for c in CASES if c not in _forms(parse)]
            if missing:
                return f"'{form}' ({lang}): '{word}' has no {', '.join(missing)} form"
    return None
