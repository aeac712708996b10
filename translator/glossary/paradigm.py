"""One Russian or Ukrainian word's paradigm (its case forms), read from pymorphy3 (translator/morphology.py).

Names inflect ("Айсин" → "Айсиным"), so a glossary form must be recognised in every case (`word_cases`) and
written in the case a sentence needs (morph.py, which chooses among a word's paradigms). pymorphy3 guesses
paradigms for unknown surnames from their endings; an unknown woman's first name it would read as a man's
("Кая" as a form of "Кай") is declined by analogy with a known one ("Рая": `by_analogy`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from translator.glossary.spelling import similarity
from translator.morphology import inflect, parse
from translator.names import all_person_forms

INFLECTED = ("ru", "uk")
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_FIXED = re.compile(r"[0-9A-Za-z]")
_PROBE = ("а", "я", "у")
# Known women's names an unknown one declines like, by their shared ending.
_FEMININE_MODELS = {"ru": ("Рая", "Мария", "Анна", "Таня"), "uk": ("Рая", "Марія", "Анна", "Таня")}


def is_fixed(word: str) -> bool:
    """Abbreviations, codes, Latin-script words and words with a capital inside (ЄС, США, Сахалін-1, SOCAR,
    СПбГПУ) are written as they are."""
    inner_capital = re.search(r"[^\W\d_][A-ZА-ЯЁІЇЄҐ]", word)  # СПбГПУ, МакКартни, not Нью-Йорк
    return bool(_FIXED.search(word)) or (len(word) > 1 and word.isupper()) or bool(inner_capital)


@dataclass(frozen=True)
class Paradigm:
    """One word's case forms (lower case, variants in pymorphy3's order) and what kind of word it is."""

    word: str
    forms: dict[str, tuple[str, ...]]
    name: bool = False  # a first name: it has a vocative in Ukrainian address
    place: bool = False  # a place name: Russian second locative (в Крыму)
    guessed: bool = False  # pymorphy3 does not know the word; its paradigm is inferred from the ending
    library: bool = False  # a person's name declined by petrovich or shevchenko (translator/names.py)

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
        # One letter apart from a form: a respelt stem keeps that form's case (Зеленській for Зеленський, not the
        # feminine dative the dictionary reads; Олєксандре for Олександре), the forms ending in the token's own
        # last letter first (Донбасе: Донбассе, not Донбасс).
        near = [(c, v[-1:] == low[-1:]) for c, variants in self.forms.items() for v in variants
                if one_letter_apart(low, v.replace("ё", "е"))]
        if near:
            same_end = frozenset(c for c, ends in near if ends)
            return same_end or frozenset(c for c, _ in near)
        stem = common_prefix([v for variants in self.forms.values() for v in variants])
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


def one_letter_apart(word: str, other: str) -> bool:
    """Whether one letter changed, added or dropped makes `other` of `word` (a stem of at least four letters)."""
    if min(len(word), len(other)) < 4 or word == other:
        return False  # (two letters' difference in length never compares equal below)
    head = 0
    while head < min(len(word), len(other)) and word[head] == other[head]:
        head += 1
    return word[head + (len(word) >= len(other)):] == other[head + (len(other) >= len(word)):]


def common_prefix(words: list[str]) -> str:
    prefix = words[0] if words else ""
    for word in words[1:]:
        while not word.startswith(prefix):
            prefix = prefix[:-1]
    return prefix


def _key(tag: Any) -> tuple[Any, ...]:
    """What must stay the same across a word's case forms: part of speech, gender, number, declinability."""
    return (tag.POS, tag.gender, tag.number, "Fixd" in tag.grammemes, "Supr" in tag.grammemes)


def _nominative(reading: Any) -> bool:
    tag = reading.tag
    return tag.case == "nomn" and tag.POS in ("NOUN", "ADJF") and tag.number != "plur"


def nominatives(word: str, lang: str) -> list[Any]:
    """Singular nominative noun or adjective readings of `word`, in pymorphy3's order of likelihood.

    When a homonym hides the name (pymorphy3 reads "Пашинян" only as a genitive plural, like "армян"), the
    paradigm is found through an oblique form whose lemma is the word itself ("Пашиняна" → пашинян)."""
    readings = [p for p in parse(word, lang) if _nominative(p)]
    if readings:
        return readings
    lemma = word.lower()
    probed = (
        inflect(p, {"nomn"})
        for ending in _PROBE
        for p in parse(word + ending, lang)
        if p.normal_form == lemma
    )
    unique = {str(p.tag): p for p in probed if p is not None and _nominative(p)}
    return list(unique.values())


def paradigm_of(reading: Any) -> Paradigm:
    """The case forms of the paradigm a reading belongs to."""
    base = _key(reading.tag)
    out: dict[str, list[str]] = {}
    for form in reading.lexeme:
        if _key(form.tag) == base and form.tag.case:
            out.setdefault(form.tag.case, []).append(form.word)
    grammemes = reading.tag.grammemes
    # The Ukrainian dictionary also lists spellings of the 2019 orthography (Вашинґтон): keep the glossary's.
    foreign = {ch for ch in "ґ" if ch not in reading.word}
    forms = {
        case: tuple(dict.fromkeys(w for w in v if not foreign & set(w)) or v) for case, v in out.items()
    }
    # a reading from pymorphy3's guesser is a guess even where the word itself is known as another (Кая: каять)
    guessed = not reading.is_known or type(reading.methods_stack[0][0]).__name__ == "FakeDictionary"
    if guessed:
        forms = _keep_the_vowel(reading.word, forms)
    return Paradigm(reading.word, forms, "Name" in grammemes, "Geox" in grammemes, guessed)


# Slavic suffixes whose vowel does drop in a name too (Крушевец → Крушевца, Макаровец → Макаровца).
_SLAVIC_FLEETING = ("ец", "ок", "ёк", "ек", "ець")


def _keep_the_vowel(word: str, forms: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """A guessed paradigm that drops the last stem vowel of a name ending in a consonant (Липшень → Липшня,
    as if it were день) rebuilt on the whole stem: an unknown foreign name keeps its vowel (Липшеня, UD dev).
    Only where every oblique form drops it: Поликлет's guessed лёт paradigm (поликлёта) and Перл-Харбор's
    перла-харбора drop nothing."""
    low = word.lower()
    stem = low[:-1] if low.endswith("ь") else low
    oblique = [v for case, variants in forms.items() if case != "nomn" for v in variants if v != low]
    if not oblique or low[-1:] in "аеёиоуыэюяйіїє" or len(stem) < 3 or low.endswith(_SLAVIC_FLEETING):
        return forms
    dropped = stem[:-2] + stem[-1:]
    if not all(v.startswith(dropped) for v in oblique):
        return forms  # no vowel dropped: Зегерс → Зегерса
    return {case: tuple(v if v == low else stem + v[len(dropped):] for v in variants)
            for case, variants in forms.items()}


def by_analogy(word: str, lang: str) -> Paradigm | None:
    """A woman's first name pymorphy3 does not know, declined like the known name sharing its longest ending."""
    low = word.lower()

    def shared(model: str) -> int:
        return len(common_prefix([low[::-1], model.lower()[::-1]]))

    model = max(_FEMININE_MODELS[lang], key=shared)
    if not shared(model):
        return None
    reading = next((p for p in parse(model, lang) if "Name" in p.tag.grammemes and _nominative(p)), None)
    if reading is None:
        return None
    paradigm = paradigm_of(reading)
    stem = common_prefix([v for variants in paradigm.forms.values() for v in variants])
    own = low[: len(low) - (len(model) - len(stem))]
    forms = {case: tuple(_spelt(own + v[len(stem):], lang) for v in variants)
             for case, variants in paradigm.forms.items()}
    return Paradigm(low, forms, name=True, guessed=True)


def _spelt(form: str, lang: str) -> str:
    """Russian spelling: и, not ы, after к, г, х and the hushing letters (Олиба → Олибы, but Лука → Луки)."""
    return re.sub(r"([гкхжшщч])ы$", r"\1и", form) if lang == "ru" else form


# Consonants a Russian masculine noun of the second declension may end in (not ь: masculine or feminine).
_HARD_END = re.compile(r"[бвгджзклмнпрстфхцчшщ]$")


def maybe_nominative(word: str, lang: str) -> bool:
    """Whether a word pymorphy3 reads no nominative of may still be one: the dictionary knows it as no
    singular form of another word (Трампа, Ивана are genitives; Усам only a plural of "Усама")."""
    return not any(p.is_known and p.tag.number != "plur" for p in parse(word, lang))


@cache
def plural_only(word: str, lang: str) -> Paradigm | None:
    """The paradigm of a plural the dictionary knows (Гималаи, Святки, Афины), or None."""
    plural = [p for p in parse(word, lang)
              if p.is_known and p.tag.POS == "NOUN" and p.tag.case == "nomn" and p.tag.number == "plur"]
    return paradigm_of(plural[0]) if plural else None


@cache
def unread(word: str, lang: str) -> Paradigm | None:
    """The paradigm of a name pymorphy3 reads no singular nominative of (it takes Олиба for a genitive of
    "Олиб", Олаф for one of "Олафа"; Гималаи, Святки are plurals only), which was written as it is in every
    case (UD dev declines them): a plural's own lexeme, where the dictionary knows it (not a guess: Мопертюи);
    a word in -а/-я declined like a woman's first name
    (by_analogy: the first declension, whatever the gender); in Russian, a word in a consonant declined as a
    masculine noun of the second declension (Олафа, Олафу, Олафом, Олафе; the accusative either way, as
    animacy says). None for an abbreviation, a short word, a word with a nominative reading, or an oblique
    form of a word the dictionary knows (Трампа: `glossary check` says it cannot inflect)."""
    low = word.lower()
    if lang not in INFLECTED or is_fixed(word) or len(low) < 3 or nominatives(word, lang):
        return None
    plural = plural_only(word, lang)
    if plural is not None:
        return plural
    if not maybe_nominative(word, lang):
        return None  # a form of a word the dictionary knows (Трампа, Ивана): not a nominative to decline
    if low[-1] in "ая":
        return by_analogy(word, lang)
    return second_declension(word, lang)


def second_declension(word: str, lang: str) -> Paradigm | None:
    """A Russian word in a hard consonant declined as a masculine noun of the second declension (Олаф: Олафа,
    Олафу, Олафом, Олафе; the accusative either way, as animacy says); None for any other word."""
    low = word.lower()
    if lang != "ru" or len(low) < 3 or not _HARD_END.search(low):
        return None
    soft = "е" if low[-1] in "жшщчц" else "о"
    forms = {"nomn": (low,), "gent": (low + "а",), "datv": (low + "у",), "accs": (low, low + "а"),
             "ablt": (low + soft + "м",), "loct": (low + "е",)}
    return Paradigm(low, forms, guessed=True)


@cache
def word_cases(word: str, lang: str) -> dict[str, frozenset[str]]:
    """Every surface (lower case) of every singular nominative reading of `word` → the cases it can be in.
    Used to recognise a form in any case; the word itself always counts as nominative."""
    table: dict[str, set[str]] = {word.lower(): {"nomn"}}
    if not is_fixed(word):
        paradigms = [paradigm_of(p) for p in nominatives(word, lang)]
        analogy = by_analogy(word, lang) if word[-1:].lower() in "ая" else None
        fallback = unread(word, lang)
        for paradigm in paradigms + [p for p in (analogy, fallback) if p is not None]:
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
        for p in parse(word, lang)
        if p.is_known and not (common_only and p.tag.grammemes & _NOT_COMMON)
    )


# Particles of foreign names, written as they are in every case (Урсула фон дер Ляйен, Омар аль-Башир).
PARTICLES = frozenset({"фон", "дер", "де", "ван", "да", "ди", "дель", "ла", "ле", "бен", "бин", "ибн", "аль", "эль",
                       "ель", "ду", "дю", "оф", "цу", "тер", "ден"})


@cache
def any_form(word: str, lang: str) -> frozenset[str]:
    """Every surface (lower case, е for ё) `word` takes in any case and number: the whole lexeme of each of
    its nominative readings in pymorphy3, a woman's name declined by analogy, and the forms the anthroponym
    libraries give it as any part of a man's or a woman's name. A text showing one of them holds a correct
    form of the word, which is never rewritten."""
    low = word.lower().replace("ё", "е")
    if is_fixed(word) or low in PARTICLES or ("-" in word and low.split("-")[0] in PARTICLES):
        return frozenset({low})
    surfaces = {low}
    # An adjectival surname written in one gender names a person of that gender: Зеленській is Зеленська's,
    # not a form of Зеленський (the glossary writes a woman's surname in her own nominative).
    gender = "masc" if low.endswith(_MASCULINE_ADJECTIVAL) else "femn" if low.endswith(_FEMININE_ADJECTIVAL) else None
    plural = [p for p in parse(word, lang) if p.tag.case == "nomn" and p.tag.number == "plur"]  # Балканы
    for reading in nominatives(word, lang) + plural:
        surfaces |= {form.word.replace("ё", "е") for form in reading.lexeme
                     if gender is None or form.tag.gender in (None, gender)}
    analogy = by_analogy(word, lang) if low[-1:] in "ая" else None
    for guess in (analogy, unread(word, lang)):
        if guess is not None:
            surfaces |= {v.replace("ё", "е") for variants in guess.forms.values() for v in variants}
    surfaces |= {form.replace("ё", "е") for form in all_person_forms(word, lang, gender)}
    return frozenset(surfaces)


_MASCULINE_ADJECTIVAL = ("ский", "цкий", "ськый", "ський", "цький", "зький", "ской", "цкой")
_FEMININE_ADJECTIVAL = ("ская", "цкая", "ська", "цька", "зька")


def plural_of(form: str, shown: str, lang: str) -> str | None:
    """The plural of a one-word glossary `form` whose ending the respelt `shown` has, where only a plural has
    that ending (Умойядах → Умайядах, Тэлакуровых → Телакуровых: a dynasty, a family), capitalised as `form`
    is; None where a singular ending fits as well or better, or none fits."""
    if " " in form or is_fixed(form) or lang not in INFLECTED or any(
        p.tag.case == "nomn" and p.tag.number == "plur" for p in parse(form, lang)
    ):
        return None  # Балканы, Дарданеллы: a plural already, declined as one
    low, token = form.lower(), shown.lower().replace("ё", "е")
    forms: list[tuple[str, str | None]] = [
        (str(f.word).replace("ё", "е"), f.tag.number) for r in nominatives(form, lang) for f in r.lexeme]
    if not any(number == "plur" for _, number in forms) or any(w == token for w, _ in forms):
        return None  # a surface of the paradigm itself is read as it is (Харьков, not "Харьковов")
    stem = common_prefix([low] + [w for w, _ in forms])
    best: tuple[int, set[str]] = (-1, set())
    for word, number in forms:
        ending = word[len(stem):]
        head = token[: len(token) - len(ending)] if ending else token
        if token.endswith(ending) and abs(len(head) - len(stem)) <= 1 and similarity(head or token, stem, False):
            if len(ending) > best[0]:
                best = (len(ending), {number or "sing"})
            elif len(ending) == best[0]:
                best[1].add(number or "sing")
    if best[1] != {"plur"}:
        return None
    plural: str = next(w for w, number in forms if number == "plur" and token.endswith(w[len(stem):])
                       and len(w) - len(stem) == best[0])
    return form[:1] + plural[1:] if form[:1].isupper() else plural
