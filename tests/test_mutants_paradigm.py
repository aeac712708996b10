"""A word's paradigm read against a rendering (paradigm.py, issue #25): one letter apart from a form keeps that
form's case, the forms ending like the rendering first; exact forms before near ones, near ones before endings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translator.glossary.paradigm import Paradigm, one_letter_apart

LETTERS = "абвгдеклмнопрстуіїє"


@given(st.text(alphabet=LETTERS, min_size=4, max_size=12), st.integers(min_value=0), st.sampled_from(LETTERS))
def test_one_letter_changed_added_or_dropped(word: str, at: int, letter: str) -> None:
    at %= len(word)
    assert not one_letter_apart(word, word)
    changed = word[:at] + letter + word[at + 1:]
    assert one_letter_apart(word, changed) == (changed != word)
    assert one_letter_apart(word, word[:at] + letter + word[at:])  # added
    assert one_letter_apart(word[:at] + letter + word[at:], word)  # dropped
    assert not one_letter_apart(word + "ов", word)  # two letters apart


@pytest.mark.parametrize(
    ("word", "other", "apart"),
    [
        ("зеленській", "зеленський", True),
        ("донбасе", "донбассе", True),
        ("донбасе", "донбасс", True),
        ("трамп", "трампа", True),
        ("абв", "абвг", False),  # under four letters: too short to tell a respelling
        ("абвг", "абв", False),
        ("абвгд", "абвгд", False),
        ("абвгде", "абвгеж", False),  # two letters changed
        ("абвгд", "абвгдеж", False),  # two added
        ("абвгдж", "бвгдж", True),  # the first dropped
        ("бвгдж", "абвгдж", True),  # the first added
        ("абвгд", "бавгд", False),  # the first two swapped: two changes
        ("абвгдеж", "абвгд", False),  # two dropped
    ],
)
def test_one_letter_apart_examples(word: str, other: str, apart: bool) -> None:
    assert one_letter_apart(word, other) is apart


DONBAS = Paradigm("донбасс", {"nomn": ("донбасс",), "gent": ("донбасса",), "datv": ("донбассу",),
                              "accs": ("донбасс",), "ablt": ("донбассом",), "loct": ("донбассе",)})
ZELENSKY = Paradigm("зеленський", {"nomn": ("зеленський",), "gent": ("зеленського",), "datv": ("зеленському",),
                                   "accs": ("зеленського",), "ablt": ("зеленським",),
                                   "loct": ("зеленськім", "зеленському"), "voct": ("зеленський",)})


KOROLEV = Paradigm("королёв", {"nomn": ("королёв",), "gent": ("королёва",), "datv": ("королёву",)})
# two cases written alike, and a later one whose empty ending fits any token
TIED = Paradigm("эгбвд", {"gent": ("эгбвда",), "accs": ("эгбвда",), "voct": ("эгбвд",)})
# a long ending: the stem before it is what must be alike, not the whole token
LONG = Paradigm("эгбвд", {"nomn": ("эгбвд",), "ablt": ("эгбвдовыми",)})


@pytest.mark.parametrize(
    ("paradigm", "token", "cases"),
    [
        (KOROLEV, "Королева", {"gent"}),  # ё in the form, е in the text
        (KOROLEV, "Каролеву", {"datv"}),  # one letter apart once ё is е
        (KOROLEV, "Королеве", {"nomn", "gent", "datv"}),  # one letter from three forms once ё is е, none in е
        (KOROLEV, "Корролэв", {"nomn"}),  # two letters off, alike in sound: the empty ending is the only fit
        (LONG, "Ехбвдовыми", {"ablt"}),
        (DONBAS, "Донбассо", {"nomn", "accs", "gent", "datv", "loct", "ablt"}),  # near all, none ending in о
        (TIED, "Ехбвда", {"gent", "accs"}),  # two letters off, alike in sound: the ending tells, both cases
        (DONBAS, "Донбассе", {"loct"}),  # exact
        (DONBAS, "ДОНБАССЁ", {"loct"}),  # ё read as е, capitals as small letters
        (DONBAS, "Донбасе", {"loct"}),  # near two forms: the one ending like the token
        (DONBAS, "Донбас", {"nomn", "accs"}),  # near two forms, neither ending alike: both
        (DONBAS, "Дорбассу", {"datv"}),
        (ZELENSKY, "Зеленській", {"nomn", "voct"}),  # not the feminine dative the dictionary reads
        (ZELENSKY, "ЗЕЛЕНСЬКОГО", {"gent", "accs"}),
        (ZELENSKY, "Зеленскього", {"gent", "accs"}),  # two letters off, the stem alike: the ending tells
        (ZELENSKY, "Зилинського", set()),  # a stem too far from the name's: no case
    ],
)
def test_cases_a_rendering_shows(paradigm: Paradigm, token: str, cases: set[str]) -> None:
    assert paradigm.cases_of(token) == cases
