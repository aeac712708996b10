"""Russian and Ukrainian inflection of glossary phrases: which paradigm each word of a form follows, and the
phrase written in the case a sentence needs.

Each word of a form gets one paradigm (paradigm.py: case → surfaces), chosen with what the entry's profile
(profile.py) knows: a person's gender and animacy, a place's second locative. Only the leading run of nominative
words inflects; an unknown woman's first name is declined by analogy with a known one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from translator.glossary.paradigm import (
    CASES,
    PARTICLES,
    Paradigm,
    by_analogy,
    is_fixed,
    maybe_nominative,
    nominatives,
    paradigm_of,
    plural_only,
    second_declension,
    unread,
)
from translator.glossary.profile import PATRONYMIC_ENDINGS, Profile, name_gender, surname_first
from translator.morphology import parse
from translator.names import person_forms

_FALLBACK = {"loc2": "loct", "gen2": "gent", "voct": "nomn"}
# A patronymic's endings, without the bare -ич many surnames also end in (Шуфрич).
_STRICT_PATRONYMIC = ("ович", "евич", "йович", "івна", "ївна", "овна", "евна", "ьич")


def _library(word: str, lang: str, role: str, gender: str) -> Paradigm | None:
    """A personal name's paradigm from petrovich or shevchenko (translator/names.py)."""
    forms = person_forms(word, lang, role, gender)
    if not forms:
        return None
    forms_by_case: dict[str, tuple[str, ...]] = {case: (form.lower(),) for case, form in forms.items()}
    return Paradigm(word.lower(), forms_by_case, name=role == "given", library=True)


def role_of(words: tuple[str, ...], i: int, lang: str) -> str:
    """The part of a person's name a word is: a patronymic by its ending, else the last word the surname and
    the others first names; a single word a first name only when pymorphy3 knows it as one."""
    word = words[i]
    if word.lower().endswith(PATRONYMIC_ENDINGS):
        return "patronymic"
    if len(words) == 1:
        return "given" if name_gender(word, lang) else "family"
    if surname_first(words):  # Бакунець Павло Андрійович
        return "family" if i == 0 else "given"
    return "family" if i == len(words) - 1 else "given"


def _choose(
    word: str, lang: str, last: bool, profile: Profile, gender: str | None, role: str = ""
) -> Paradigm | None:
    """The paradigm to inflect `word` by: a noun at the end of the phrase, adjectives before it; then the
    person's gender (a man's surname never as an undeclined feminine), animacy, declinable over indeclinable,
    then pymorphy3's own order. A woman's unknown first name is declined by analogy."""
    i = _declining_part(word, lang, profile)
    if i is not None:
        parts = word.lower().split("-")
        inner = _choose(word.split("-")[i], lang, last, profile, gender) or _fixed(parts[i])
        return _around("".join(p + "-" for p in parts[:i]), inner, "".join("-" + p for p in parts[i + 1:]))
    candidates = nominatives(word, lang)
    gender = gender or profile.gender
    plural = plural_only(word, lang)
    singular = [p for p in parse(word, lang) if p.is_known and p.tag.case == "nomn" and p.tag.number != "plur"]
    if plural is not None and not singular:
        return plural  # Афины: a plural the dictionary knows, not pymorphy3's guess of a singular (Афиныом)

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
    if profile.person and role:
        library = _library(word, lang, role, gender or "masc")
        # The anthroponym library unless pymorphy3 knows the word as a name of the person's gender: where it only
        # guesses (Умеров, not "Умерва"), knows a common noun (Макрон, a macaron) or the other gender's name
        # (Кароль, a woman's, for a man the note says he is); for every patronymic (Никитич, not its Никитович
        # lexeme); and where the library says the name does not decline (a woman's Бербок, Орочко; Кличко in
        # Russian).
        named = best is not None and best.is_known and bool(best.tag.grammemes & {"Name", "Surn", "Patr"}) and (
            best.tag.gender in (None, gender))
        if library and best is not None and (not named or library.fixed or role == "patronymic"):
            return library
    if best is None and profile.person and role and maybe_nominative(word, lang):
        library = _library(word, lang, role, gender or "masc")
        if library is not None and not library.fixed:
            return library  # Усам, Олаф: a name pymorphy3 reads only as something else
    feminine_name = profile.person and gender == "femn" and not last and word[-1:].lower() in "ая"
    if feminine_name and (best is None or best.tag.gender != "femn" or best.tag.POS != "NOUN"):
        return by_analogy(word, lang)  # Серена (she), which pymorphy3 reads only as a participle
    if best is None:
        return unread(word, lang)  # Олиба, Гималаи: no nominative reading, not left undeclined
    if not best.is_known and "Fixd" in best.tag.grammemes and gender != "femn":
        # pymorphy3's only guess leaves a man's or a thing's name in a consonant undeclined (Северус)
        declined = second_declension(word, lang)
        if declined is not None:
            return declined
    paradigm = paradigm_of(best) if best is not None else None
    if paradigm is not None and paradigm.guessed and any(
        _IMPOSSIBLE.search(v) for variants in paradigm.forms.values() for v in variants
    ):
        return None  # pymorphy3's guess gives "Авраамийа", "Акишбаяа": written as it is, and check says so
    return paradigm


def _declining_part(word: str, lang: str, profile: Profile) -> int | None:
    """The index of the one part of a hyphenated place or thing name that declines, where the dictionary does not
    know the name whole: the first before -на- (Стратфорда-на-Эйвоне), else the last (Баден-Бадена,
    Санта-Барбары, Перл-Харбора, Экс-ан-Прованса; not Бадена-Бадена as pymorphy3's word-by-word guess has it). A
    person's double surname declines whole (Петрова-Водкина), and so does a name the dictionary knows
    (Гвинеи-Бисау, Петропавловска-Камчатского)."""
    parts = word.split("-")
    if profile.person or len(parts) < 2:
        return None
    if any(type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer" for p in parse(word, lang)):
        return None
    if len(parts) > 2 and parts[1] == "на":
        return 0
    return len(parts) - 1


def _fixed(word: str) -> Paradigm:
    return Paradigm(word.lower(), {case: (word.lower(),) for case in CASES})


# Endings no Russian or Ukrainian word has: a guessed paradigm that makes them is wrong.
_IMPOSSIBLE = re.compile(r"[йяь][аоуеыі]\w{0,2}$")


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
        Where a case has variants, one in `prefer` (lower case: the model's own words) or with the ending of one
        wins (у «Вічніку» → Вічнику); else the Ukrainian locative is the entry's fixed one (у Криму) or the -і
        form (у Києві, not у Києву). The second locative (в Крыму) is used for place names only: в Белом доме,
        not в Белом дому.
        The vocative changes first names and patronymics only (Руслане Айсін, Олександре Георгійовичу)."""
        if case == "nomn":
            return " ".join(self.words)
        fixed_case = "loc2" if self.lang == "ru" else "loct"  # в Крыму but о Крыме; у Криму
        locative = self.profile.locatives.get(self.lang) if case == fixed_case else None
        if locative:
            return locative
        out = []
        for i, (word, paradigm) in enumerate(zip(self.words, self.paradigms)):
            addressed = paradigm is not None and (paradigm.name or self._patronymic(i))
            if paradigm is None or (case == "voct" and not addressed):
                out.append(word)
                continue
            forms = paradigm.forms
            usable = case in forms and (case != "loc2" or paradigm.place)
            wanted = case if usable else _FALLBACK.get(case, "nomn")
            variants = list(forms.get(wanted) or [paradigm.word])
            chosen = _preferred(variants, prefer)
            if not chosen and self.lang == "uk" and wanted == "datv" and len(self.words) > 1:
                # a whole name in the dative takes -у, not -ові, on each word (Павлу Андрійовичу: UD dev)
                chosen = [v for v in variants if not v.endswith(("ові", "еві", "єві"))]
            if not chosen and self.lang == "uk" and wanted == "loct" and self.profile.person:
                # a person's locative: -ові on the first word, -у on the rest (при Петрові Порошенку, Русланові
                # Олексійовичу Стефанчуку; not a place's Петрі)
                first = all(p is None for p in self.paradigms[:i])
                chosen = [v for v in variants if v.endswith(("ові", "еві", "єві") if first else ("у", "ю"))]
            out.append(_match_case(word, (chosen or [_pick(paradigm, variants, wanted, self.profile.animacy)])[0]))
        return " ".join(out)

    def _patronymic(self, i: int) -> bool:
        """Whether the i-th word is a person's patronymic: after the first name (Олександр Георгійович), or last
        in a name written surname first (Железняк Ярослав Іванович); not a surname in -ич (Шуфрич)."""
        words = [w.lower() for w in self.words]
        place = 2 if len(words) == 3 and words[2].endswith(_STRICT_PATRONYMIC) else 1
        return self.profile.person and i == place and words[i].endswith(_STRICT_PATRONYMIC)

    def cases_of(self, rendering: str) -> frozenset[str]:
        """The cases a rendering of this phrase shows, read word by word against the phrase's own paradigms:
        the cases its inflecting words share (the last word's when they disagree). Empty: no inflecting word,
        or an ending no case of the paradigm has."""
        tokens = [t.strip("-") for t in re.split(r"[\s.,;:!?…—–]+", rendering.strip())]  # Сэнт-Поле: one word
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
    """Copy the capitalisation of `model` onto `word`, letter by letter over their common length, part by part
    in a hyphenated name (Ростов-на-Дону → Ростовом-на-Дону)."""
    if "ё" not in model.lower():
        word = word.replace("ё", "е")
    if len(model) > 1 and model.isupper():
        return word.upper()
    parts, shapes = word.split("-"), model.split("-")
    if len(parts) == len(shapes) > 1:
        return "-".join(_match_case(shape, part) for shape, part in zip(shapes, parts))
    return "".join(ch.upper() if m.isupper() else ch for m, ch in zip(model, word)) + word[len(model):]


# A lower-case particle joined by a hyphen to a capitalised name (аль-Джадаан, эль-Сиси, ибн-Сина).
_PARTICLE = re.compile(r"[а-яёіїєґ]{1,4}-(?=[А-ЯЁІЇЄҐ])")


def _around(before: str, paradigm: Paradigm, after: str = "") -> Paradigm:
    """The paradigm of a word inside a longer one (a particle before it, the rest of a compound name after it),
    each form written with what stands around it."""
    forms = {case: tuple(before + v + after for v in variants) for case, variants in paradigm.forms.items()}
    return replace(paradigm, word=before + paradigm.word + after, forms=forms)


def read_phrase(form: str, lang: str, profile: Profile) -> PhraseReading:
    """Choose how a nominative glossary form inflects. Only the leading run of nominative words inflects:
    a dependent in another case ("Організація Договору ...") and everything after it stays as written."""
    words = tuple(form.split(" "))
    gender = None
    paradigms: list[Paradigm | None] = []
    running = True
    for i, word in enumerate(words):
        paradigm = None
        if word in PARTICLES:  # фон, дер, де, ван: written as they are, and the name goes on past them
            paradigms.append(None)
            continue
        if running and not is_fixed(word):
            role = role_of(words, i, lang) if profile.person else ""
            particle = _PARTICLE.match(word)
            if particle:  # аль-Джадаан: the particle stays as it is, the name after it declines
                paradigm = _choose(word[particle.end():], lang, i == len(words) - 1, profile, gender, role)
                paradigm = paradigm and _around(particle.group().lower(), paradigm)
            else:
                paradigm = _choose(word, lang, i == len(words) - 1, profile, gender, role)
            running = paradigm is not None
            if paradigm is not None and paradigm.name and gender is None:
                # the first name's gender, unless the entry's own is known (Кароль Шретер, he: not Кароль's femn)
                gender = profile.gender if profile.gender_known else name_gender(word, lang)
        paradigms.append(paradigm)
    return PhraseReading(words, tuple(paradigms), profile, lang)


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
