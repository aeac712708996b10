"""What kind of name a glossary entry is — a person (and which gender), a place, or anything else — and the
locative usage fixes for it, worked out once from both language columns and the note.

Inflection depends on it: a woman's name declines as feminine ("Кая Каллас" → "Каей Каллас", never the
masculine "Каяом Калласом"), people take the animate accusative (Путина) and, in Ukrainian address, the vocative
(Руслане); places take the Russian second locative (в Крыму). A note can say what the forms cannot: "she",
"woman", "city", or the locative usage has fixed ("у Криму").

The forms are read through their words' paradigms (paradigm.py); a first name's gender (`name_gender`) is also
what phrase inflection (morph.py) declines a form's other words by.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from translator.glossary.paradigm import PARTICLES, is_fixed, nominatives, word_cases
from translator.morphology import parse
from translator.names import given_name_gender

_FEMININE = re.compile(
    r"\b(she|her|woman|female|ms|mrs|madam|actress|chairwoman|spokeswoman|жінка|женщина|вона|она)\b", re.I
)
_MASCULINE = re.compile(r"\b(he|his|him|man|male|mr|чоловік|мужчина|він|он)\b", re.I)
_PERSON = re.compile(
    r"\b(person|president|minister|pm|premier|chancellor|host|guest|activist|politician|leader|journalist|"
    r"expert|spokesman|spokeswoman|general|senator|mayor|king|queen|pope|ceo|founder|author|prime)\b", re.I
)
_PLACE = re.compile(
    r"\b(city|town|village|region|oblast|country|capital|state|province|island|peninsula|river)\b", re.I
)
# "в Крыму", "у Криму": the note shows the locative usage has fixed.
_LOCATIVE = re.compile(r"(?<!\w)(?:в|во|у|на)\s+([^\W\d_][\w'’ʼ-]*)", re.I)


@dataclass(frozen=True)
class Profile:
    """`kind`: person, place or thing; `gender` (masc/femn) for people; `locatives`: lang → the locative of the
    whole form where the note fixes it."""

    kind: str = "thing"
    gender: str | None = None
    gender_known: bool = False  # False: a man's by default, nothing said so (a woman's name in a consonant)
    locatives: dict[str, str] = field(default_factory=dict)

    @property
    def person(self) -> bool:
        return self.kind == "person"

    @property
    def animacy(self) -> str:
        return "anim" if self.person else "inan"


_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын|ский|цкий|ская|ова|ева|ина|енко|ук|юк|ич|ський|цький|ська)$")


PATRONYMIC_ENDINGS = ("ович", "евич", "йович", "івна", "ївна", "овна", "евна", "ьич", "ич")
_FEMININE_PATRONYMIC = ("івна", "ївна", "овна", "евна")
# A man's surname: a woman's of the same family ends in -а/-я (Умерова, Зеленська)
# (not -ин: Жасмин, Катрин; not -ович: a woman's Петрович is written so too)
_MASCULINE_SURNAME = ("ов", "ев", "ёв", "єв", "ий", "ій")


def surname_first(words: list[str] | tuple[str, ...]) -> bool:
    """A name written officially, surname first: Констанкевич Ірина Мирославівна (a patronymic last)."""
    return len(words) == 3 and words[-1].lower().endswith(PATRONYMIC_ENDINGS)


def _full_name(form: str, lang: str) -> bool:
    """A first name and a surname pymorphy3 does not know as one (Рустем Умеров, Август Бебель, Эммануэль
    Макрон): capitalised words, the first not an adjective (Верховна Рада), the last with a surname's ending or
    the first a known first name, particles aside (Шарль де Голль)."""
    words = [w for w in form.split(" ") if w not in PARTICLES]  # Шарль де Голль, Людвиг ван Бетховен
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and not is_fixed(w) for w in words):
        return False
    first = parse(words[0], lang)
    if first and first[0].tag.POS in ("ADJF", "ADJS"):
        return False
    # a known first name before any word: Август Бебель (a month too), Джон Данкуорт, Эммануэль Макрон (a
    # macaron to the dictionary), Мария Шретер (hers: her surname in a consonant is written as it is; so is that of
    # Кароль and Эммануэль, women's to pymorphy3, unless the note says he)
    named = any(p.is_known and "Name" in p.tag.grammemes for p in nominatives(words[0], lang))
    return bool(_SURNAME.search(words[-1].lower())) or named


def _kind(note: str, written: list[tuple[str, str]]) -> str:
    """A person when the note says so, or a form is a known first name or surname (a first name and a surname
    in two-word forms); a place when the dictionary knows it as one; else a thing (Білий дім, Верховна Рада)."""
    if _PLACE.search(note):
        return "place"
    if _PERSON.search(note) or _FEMININE.search(note) or _MASCULINE.search(note):
        return "person"

    def tagged(word: str, lang: str, grammemes: set[str], known: bool = True) -> bool:
        return not is_fixed(word) and any(
            p.tag.grammemes & grammemes and (p.is_known or not known) for p in nominatives(word, lang)
        )

    def first_name(word: str, lang: str) -> bool:  # pymorphy3's, or shevchenko's list (Богдан)
        return tagged(word, lang, {"Name"}) or given_name_gender(word, lang) is not None

    def person(form: str, lang: str, known: bool) -> bool:
        words = form.split(" ")
        if surname_first(words):
            return first_name(words[1], lang)
        if len(words) == 1:
            first = words[0].split("-")[0]
            if first != words[0] and not tagged(words[0], lang, {"Name", "Surn"}) and not tagged(
                    first, lang, {"Name", "Surn"}):
                return False  # Санта-Барбара, Сен-Жермен: a place whose last part is a name (not Петров-Водкин)
            return tagged(words[0], lang, {"Name", "Surn"}, known)
        return first_name(words[0], lang) and tagged(words[-1], lang, {"Surn", "Name"}, known)

    single = [(lang, form) for lang, form in written if " " not in form]
    if any(tagged(form, lang, {"Geox"}) for lang, form in single):
        return "place"
    if any(person(form, lang, True) for lang, form in written):
        return "person"
    if any(person(form, lang, False) for lang, form in written):
        return "person"
    if any(_full_name(form, lang) for lang, form in written):
        return "person"
    return "place" if any(tagged(form, lang, {"Geox"}, False) for lang, form in written) else "thing"


def _gender(note: str, forms: list[tuple[str, str]]) -> tuple[str, bool]:
    """A woman when the note says so, or a first name in either column is only feminine, or a surname has
    a feminine ending in both; otherwise a man (a woman's name in a consonant needs the note: "she"). And
    whether anything said so: the note, a first name of one gender, a surname's gendered ending (Умеров,
    Зеленська); a man by default is not known to be one."""
    if _FEMININE.search(note):
        return "femn", True
    if _MASCULINE.search(note):
        return "masc", True
    known = False
    # the columns' first names disagree (Эммануэль, only a woman's to pymorphy3; Емманюель, a man's too in its
    # Ukrainian dictionary): neither tells
    told = set().union(*({p.tag.gender for p in nominatives(form.split(" ")[0], lang)
                          if p.is_known and "Name" in p.tag.grammemes} | {given_name_gender(form.split(" ")[0], lang)}
                         for lang, form in forms)) - {None}
    disagree = {"masc", "femn"} <= told
    for lang, form in forms:
        words = form.split(" ")
        if surname_first(words):
            return ("femn" if words[-1].lower().endswith(_FEMININE_PATRONYMIC) else "masc"), True
        readings = [p for p in nominatives(words[0], lang) if "Name" in p.tag.grammemes]
        listed = {given_name_gender(words[0], lang)} - {None}
        names = {p.tag.gender for p in readings} | listed
        if names == {"femn"} and not disagree:
            return "femn", True
        # a surname the dictionary knows: only as a woman's (Меркель), or also as a man's (Рейган, Стефанчук; its
        # feminine twin is listed for every surname in a consonant)
        surnames = {p.tag.gender for p in nominatives(words[-1], lang) if p.is_known and "Surn" in p.tag.grammemes}
        if surnames == {"femn"} and not names:
            return "femn", True
        # (a first name the dictionary only guesses tells nothing: Гаррард)
        first = {p.tag.gender for p in readings if p.is_known} | listed
        known = known or (first == {"masc"} and not disagree) or "masc" in surnames or words[-1].lower().endswith(
            _MASCULINE_SURNAME)
    endings = ("ова", "ева", "єва", "ина", "іна", "ская", "ська", "цкая", "цька")
    last_words = [form.split(" ")[-1].lower() for _, form in forms]
    if last_words and all(w.endswith(endings) for w in last_words):
        return "femn", True
    return "masc", known


def _locatives(note: str, forms: list[tuple[str, str]]) -> dict[str, str]:
    """lang → a one-word form's locative, when the note shows one of its oblique forms after в/у/на."""
    out: dict[str, str] = {}
    for found in _LOCATIVE.finditer(note):
        word = found.group(1)
        for lang, form in forms:
            oblique = word.lower() != form.lower() and word.lower() in word_cases(form, lang)
            if lang not in out and " " not in form and oblique:
                out[lang] = word
    return out


def name_gender(word: str, lang: str) -> str | None:
    """The gender of `word` read as a first name (its likeliest first-name reading), or None when it is none."""
    return next((p.tag.gender for p in nominatives(word, lang) if "Name" in p.tag.grammemes), None)


def names_a_person(forms: Iterable[tuple[str, str]]) -> bool:
    """Whether any Russian/Ukrainian form holds a first name or a surname pymorphy3 knows."""
    return any(
        p.tag.grammemes & {"Name", "Surn", "Patr"} and "Geox" not in p.tag.grammemes
        for lang, form in forms
        for word in form.split(" ")
        if not is_fixed(word)
        for p in nominatives(word, lang)[:1]
    )


def entry_profile(written: list[tuple[str, str]], note: str) -> Profile:
    """The profile of an entry from its written Russian/Ukrainian forms (lang, form) and its note."""
    kind = _kind(note, written)
    gender, known = _gender(note, written) if kind == "person" else (None, False)
    return Profile(kind, gender, known, _locatives(note, written))
