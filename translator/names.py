"""The anthroponym adapter: personal names declined by the libraries made for them, petrovich (Russian) and
shevchenko (Ukrainian), both MIT and pure Python. Nothing else imports them.

`person_forms` gives the case forms of one word of a person's name in the role it plays (given name, patronymic,
surname) and gender; `all_person_forms` gives every surface any role and gender could give it, which is what
tells a correct form of a name ("Умерова", "Бербок") from one to rewrite.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
ROLES = ("given", "patronymic", "family")
GENDERS = ("masc", "femn")


@cache
def _petrovich() -> Any:
    from petrovich.main import Petrovich

    return Petrovich()


def _russian(word: str, role: str, gender: str) -> dict[str, str]:
    from petrovich.enums import Case, Gender

    cases = {"gent": Case.GENITIVE, "datv": Case.DATIVE, "accs": Case.ACCUSATIVE,
             "ablt": Case.INSTRUMENTAL, "loct": Case.PREPOSITIONAL}
    engine = _petrovich()
    method = {"given": engine.firstname, "patronymic": engine.middlename, "family": engine.lastname}[role]
    sex = Gender.MALE if gender == "masc" else Gender.FEMALE
    out = {"nomn": word, **{case: str(method(word, code, sex)) for case, code in cases.items()}}
    if role == "given" and sex == Gender.MALE and set(out.values()) == {word} and _FIRST_DECLENSION.search(word):
        # petrovich 2.0.1 leaves a man's first name in -а/-я undeclined (Саша, Никита, Фома, Бахаулла); such a
        # name declines as a woman's does (Саши, Никиты, Бахауллы: UD dev), with и, not ы, after к, г, х and
        # the hushing letters (Луки).
        out = {"nomn": word, **{case: _SPELLING.sub(r"\1и", str(method(word, code, Gender.FEMALE)))
                                for case, code in cases.items()}}
    return out


# A first-declension ending after a consonant (Саша, Фома; not Илья, which petrovich declines, nor Лия).
_FIRST_DECLENSION = re.compile(r"[бвгджзклмнпрстфхцчшщ][ая]$", re.IGNORECASE)
_SPELLING = re.compile(r"([гкхжшщч])ы$", re.IGNORECASE)


def _ukrainian(word: str, role: str, gender: str) -> dict[str, str]:
    import shevchenko

    field = {"given": "given_name", "patronymic": "patronymic_name", "family": "family_name"}[role]
    sex = shevchenko.MASCULINE if gender == "masc" else shevchenko.FEMININE
    names = {"nomn": "nominative", "gent": "genitive", "datv": "dative", "accs": "accusative",
             "ablt": "ablative", "loct": "locative", "voct": "vocative"}
    out = {}
    for case, name in names.items():
        out[case] = str(shevchenko.in_case(name, gender=sex, **{field: word})[field])
    return out


@cache
def _ukrainian_given_names() -> dict[str, str]:
    """shevchenko's own list of Ukrainian given names (about 1,100) and their genders."""
    import json
    from importlib.resources import files

    names: dict[str, str] = json.loads((files("shevchenko") / "data" / "given-names.json").read_text("utf-8"))
    return names


def given_name_gender(word: str, lang: str) -> str | None:
    """masc or femn for a Ukrainian given name (Богдан, Олена) in shevchenko's list, else None: pymorphy3's
    Ukrainian dictionary marks no word a first name, so without it Богдан reads as a thing."""
    if lang != "uk":
        return None
    return {"masculine": "masc", "feminine": "femn"}.get(_ukrainian_given_names().get(word.lower(), ""))


@cache
def person_forms(word: str, lang: str, role: str, gender: str) -> dict[str, str]:
    """`word` (a nominative, as written) in each case as a `role` of a person of `gender` (masc or femn); the
    Ukrainian vocative too. Empty when the library rejects the word."""
    try:
        return _russian(word, role, gender) if lang == "ru" else _ukrainian(word, role, gender)
    except (ValueError, KeyError, IndexError):
        return {}


@cache
def all_person_forms(word: str, lang: str, gender: str | None = None) -> frozenset[str]:
    """Every surface (lower case) the word takes in any case, as any role of a man's or a woman's name (or of
    a `gender`'s only)."""
    return frozenset(
        form.lower()
        for role in ROLES
        for sex in ((gender,) if gender else GENDERS)
        for form in person_forms(word, lang, role, sex).values()
    )
