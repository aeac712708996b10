"""Russian and Ukrainian inflection of glossary forms with pymorphy3.

Names inflect ("Айсин" → "Айсиным"), so a pinned form must be recognised in every case and written in the case
the sentence needs. Each word of a form gets one paradigm (case → surfaces), chosen with what the entry's
profile knows: a person's gender and animacy, a place's second locative. pymorphy3 guesses paradigms for
unknown surnames from their endings; an unknown woman's first name it would read as a man's ("Кая" as a form of
"Кай") is declined by analogy with a known one ("Рая"). Analyzers load on first use, one per language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from translator.glossary.profile import Profile

INFLECTED = ("ru", "uk")
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_FALLBACK = {"loc2": "loct", "gen2": "gent", "voct": "nomn"}
_FIXED = re.compile(r"[0-9A-Za-z]")
_PROBE = ("а", "я", "у")
# Known women's names an unknown one declines like, by their shared ending.
_FEMININE_MODELS = {"ru": ("Рая", "Мария", "Анна", "Таня"), "uk": ("Рая", "Марія", "Анна", "Таня")}


@cache
def analyzer(lang: str) -> Any:
    """The pymorphy3 analyzer for `lang`, loaded once."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


def is_fixed(word: str) -> bool:
    """Abbreviations, codes and Latin-script words (ЄС, США, Сахалін-1, SOCAR) are written as they are."""
    return bool(_FIXED.search(word)) or (len(word) > 1 and word.isupper())


@dataclass(frozen=True)
class Paradigm:
    """One word's case forms (lower case, variants in pymorphy3's order) and what kind of word it is."""

    word: str
    forms: dict[str, tuple[str, ...]]
    name: bool = False  # a first name: it has a vocative in Ukrainian address
    place: bool = False  # a place name: Russian second locative (в Крыму)
    guessed: bool = False  # pymorphy3 does not know the word; its paradigm is inferred from the ending

    @property
    def fixed(self) -> bool:
        """Indeclinable: every case is written alike (Баку, Тимошенко)."""
        return len({s for variants in self.forms.values() for s in variants}) <= 1

    def cases_of(self, token: str) -> frozenset[str]:
        """The cases a rendering of this word shows, read from its ending against this paradigm, so that a
        respelt stem ("Трумпу" for "Трамп") still shows its case: datv. Empty when no ending fits."""
        low = token.lower().replace("ё", "е")
        exact = frozenset(c for c, variants in self.forms.items() if low in (v.replace("ё", "е") for v in variants))
        if exact:
            return exact
        from translator.glossary.fuzzy import similarity

        stem = _common_prefix([v for variants in self.forms.values() for v in variants])
        best: tuple[int, frozenset[str]] = (-1, frozenset())
        for case, variants in self.forms.items():
            for variant in variants:
                ending = variant[len(stem):]
                fits = low.endswith(ending) and similarity(low[: len(low) - len(ending)] or low, stem, False)
                if fits and len(ending) > best[0]:
                    best = (len(ending), frozenset({case}))
                elif fits and len(ending) == best[0]:
                    best = (best[0], best[1] | {case})
        return best[1]


def _common_prefix(words: list[str]) -> str:
    prefix = words[0] if words else ""
    for word in words[1:]:
        while not word.startswith(prefix):
            prefix = prefix[:-1]
    return prefix


def _key(tag: Any) -> tuple[Any, ...]:
    """What must stay the same across a word's case forms: part of speech, gender, number, declinability."""
    return (tag.POS, tag.gender, tag.number, "Fixd" in tag.grammemes, "Supr" in tag.grammemes)


def _nominative(parse: Any) -> bool:
    tag = parse.tag
    return tag.case == "nomn" and tag.POS in ("NOUN", "ADJF") and tag.number != "plur"


def nominatives(word: str, lang: str) -> list[Any]:
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


def _paradigm(parse: Any) -> Paradigm:
    """The case forms of the paradigm a reading belongs to."""
    base = _key(parse.tag)
    out: dict[str, list[str]] = {}
    for form in parse.lexeme:
        if _key(form.tag) == base and form.tag.case:
            out.setdefault(form.tag.case, []).append(form.word)
    grammemes = parse.tag.grammemes
    # The Ukrainian dictionary also lists spellings of the 2019 orthography (Вашинґтон): keep the glossary's.
    foreign = {ch for ch in "ґ" if ch not in parse.word}
    forms = {
        case: tuple(dict.fromkeys(w for w in v if not foreign & set(w)) or v) for case, v in out.items()
    }
    return Paradigm(parse.word, forms, "Name" in grammemes, "Geox" in grammemes, not parse.is_known)


def _by_analogy(word: str, lang: str) -> Paradigm | None:
    """A woman's first name pymorphy3 does not know, declined like the known name sharing its longest ending."""
    low = word.lower()

    def shared(model: str) -> int:
        return len(_common_prefix([low[::-1], model.lower()[::-1]]))

    model = max(_FEMININE_MODELS[lang], key=shared)
    if not shared(model):
        return None
    reading = next((p for p in analyzer(lang).parse(model) if "Name" in p.tag.grammemes and _nominative(p)), None)
    if reading is None:
        return None
    paradigm = _paradigm(reading)
    stem = _common_prefix([v for variants in paradigm.forms.values() for v in variants])
    own = low[: len(low) - (len(model) - len(stem))]
    forms = {case: tuple(own + v[len(stem):] for v in variants) for case, variants in paradigm.forms.items()}
    return Paradigm(low, forms, name=True, guessed=True)


def _choose(word: str, lang: str, last: bool, profile: Profile, gender: str | None) -> Paradigm | None:
    """The paradigm to inflect `word` by: a noun at the end of the phrase, adjectives before it; then the
    person's gender (a man's surname never as an undeclined feminine), animacy, declinable over indeclinable,
    then pymorphy3's own order. A woman's unknown first name is declined by analogy."""
    candidates = nominatives(word, lang)
    gender = gender or profile.gender

    def rank(item: tuple[int, Any]) -> tuple[int, ...]:
        index, p = item
        tag = p.tag
        return (
            0 if (tag.POS == "NOUN") == last else 1,
            0 if gender is None or tag.gender is None or tag.gender == gender or "ms-f" in tag.grammemes else 1,
            0 if profile.animacy is None or tag.POS != "NOUN" or tag.animacy in (None, profile.animacy) else 1,
            0 if not profile.person or tag.POS != "NOUN" or tag.grammemes & {"Name", "Surn", "Patr"} else 1,
            1 if "Fixd" in tag.grammemes and gender != "femn" else 0,
            index,
        )

    best = min(enumerate(candidates), key=rank)[1] if candidates else None
    feminine_name = profile.person and gender == "femn" and not last and word[-1:].lower() in "ая"
    if feminine_name and (best is None or best.tag.gender != "femn" or best.tag.POS != "NOUN"):
        return _by_analogy(word, lang)
    return _paradigm(best) if best is not None else None


@dataclass(frozen=True)
class PhraseReading:
    """How each word of a nominative phrase inflects; None for a word written as it is."""

    words: tuple[str, ...]
    paradigms: tuple[Paradigm | None, ...]
    profile: Profile
    lang: str

    @property
    def fixed(self) -> bool:
        """The whole phrase reads the same in every case."""
        return all(p is None or p.fixed for p in self.paradigms)

    def inflect(self, case: str, prefer: frozenset[str] = frozenset()) -> str:
        """The phrase in `case`, keeping each word's capitalisation (and ё only where the glossary has it).
        Where a case has variants, one in `prefer` (lower case: the model's own words) wins, except for the
        Ukrainian locative, which is the entry's fixed one (у Криму) or else the -і form (у Києві, not
        у Києву). The second locative (в Крыму) is used for place names only: в Белом доме, not в Белом дому.
        The vocative changes first names only (Руслане Айсін)."""
        if case == "nomn":
            return " ".join(self.words)
        fixed_case = "loc2" if self.lang == "ru" else "loct"  # в Крыму but о Крыме; у Криму
        locative = self.profile.locatives.get(self.lang) if case == fixed_case else None
        if locative:
            return locative
        out = []
        for word, paradigm in zip(self.words, self.paradigms):
            if paradigm is None or (case == "voct" and not paradigm.name):
                out.append(word)
                continue
            forms = paradigm.forms
            usable = case in forms and (case != "loc2" or paradigm.place)
            wanted = case if usable else _FALLBACK.get(case, "nomn")
            variants = list(forms.get(wanted) or [paradigm.word])
            chosen = [] if self.lang == "uk" and wanted == "loct" else _preferred(variants, prefer)
            out.append(_match_case(word, (chosen or [_pick(paradigm, variants, wanted, self.profile.animacy)])[0]))
        return " ".join(out)

    def cases_of(self, rendering: str) -> frozenset[str]:
        """The cases a rendering of this phrase shows, read word by word against the phrase's own paradigms:
        the cases its inflecting words share (the last word's when they disagree). Empty: no inflecting word,
        or an ending no case of the paradigm has."""
        tokens = re.split(r"[\s.,;:!?…—–-]+", rendering.strip())
        sets = [
            p.cases_of(t) for p, t in zip(self.paradigms, tokens) if p is not None and not p.fixed
        ]
        sets = [s for s in sets if s]
        if not sets:
            return frozenset()
        shared = frozenset.intersection(*sets)
        return shared or sets[-1]


def _preferred(variants: list[str], prefer: frozenset[str]) -> list[str]:
    """The variants the model itself wrote, else those with the ending of a word it wrote (Трумпу → Трампу,
    not Трампові)."""
    return [v for v in variants if v in prefer] or [
        v for v in variants if len(variants) > 1 and any(len(p) > 2 and p[-2:] == v[-2:] for p in prefer)
    ]


def _pick(paradigm: Paradigm, variants: list[str], case: str, animacy: str | None) -> str:
    """One surface among a case's variants: the accusative follows animacy; the locative takes the form a
    place name takes after у/в (Кремлі, Києві, not Кремлеві, Києву; Білому, not Білім)."""
    if len(variants) == 1:
        return variants[0]
    if case == "accs":
        nominative = paradigm.forms.get("nomn", (paradigm.word,))
        same = [v for v in variants if v in nominative]
        other = [v for v in variants if v not in nominative]
        return ((other if animacy == "anim" else same) or variants)[0]
    if case == "loct":
        in_i = [v for v in variants if v.endswith("і")]
        return min(in_i, key=len) if in_i else max(variants, key=len)
    return variants[0]


def _match_case(model: str, word: str) -> str:
    """Copy the capitalisation of `model` onto `word`, letter by letter over their common length."""
    if "ё" not in model.lower():
        word = word.replace("ё", "е")
    if len(model) > 1 and model.isupper():
        return word.upper()
    return "".join(ch.upper() if m.isupper() else ch for m, ch in zip(model, word)) + word[len(model):]


def read_phrase(form: str, lang: str, profile: Profile) -> PhraseReading:
    """Choose how a nominative glossary form inflects. Only the leading run of nominative words inflects:
    a dependent in another case ("Організація Договору ...") and everything after it stays as written."""
    words = tuple(form.split(" "))
    gender = None
    paradigms: list[Paradigm | None] = []
    running = True
    for i, word in enumerate(words):
        paradigm = None
        if running and not is_fixed(word):
            paradigm = _choose(word, lang, i == len(words) - 1, profile, gender)
            running = paradigm is not None
            if paradigm is not None and paradigm.name and gender is None:
                gender = _gender(word, lang)
        paradigms.append(paradigm)
    return PhraseReading(words, tuple(paradigms), profile, lang)


def _gender(word: str, lang: str) -> str | None:
    return next((p.tag.gender for p in nominatives(word, lang) if "Name" in p.tag.grammemes), None)


@cache
def word_cases(word: str, lang: str) -> dict[str, frozenset[str]]:
    """Every surface (lower case) of every singular nominative reading of `word` → the cases it can be in.
    Used to recognise a form in any case; the word itself always counts as nominative."""
    table: dict[str, set[str]] = {word.lower(): {"nomn"}}
    if not is_fixed(word):
        paradigms = [_paradigm(p) for p in nominatives(word, lang)]
        analogy = _by_analogy(word, lang) if word[-1:].lower() in "ая" else None
        for paradigm in paradigms + ([analogy] if analogy else []):
            for case, variants in paradigm.forms.items():
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


def inflection_problem(reading: PhraseReading) -> str | None:
    """Why a written Russian/Ukrainian form cannot be inflected, or None when it can."""
    first_word, first = reading.words[0], reading.paradigms[0]
    form = " ".join(reading.words)
    if first is None and not is_fixed(first_word):
        return f"'{form}' ({reading.lang}): '{first_word}' is not a nominative form pymorphy3 can inflect"
    for word, paradigm in zip(reading.words, reading.paradigms):
        if paradigm is not None and not paradigm.fixed:
            missing = [c for c in CASES if c not in paradigm.forms]
            if missing:
                return f"'{form}' ({reading.lang}): '{word}' has no {', '.join(missing)} form"
    return None


def names_a_person(forms: Iterable[tuple[str, str]]) -> bool:
    """Whether any Russian/Ukrainian form holds a first name or a surname pymorphy3 knows."""
    return any(
        p.tag.grammemes & {"Name", "Surn", "Patr"} and "Geox" not in p.tag.grammemes
        for lang, form in forms
        for word in form.split(" ")
        if not is_fixed(word)
        for p in nominatives(word, lang)[:1]
    )
