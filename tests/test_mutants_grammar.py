"""Case choice for pinned names, table by table (issue #24: mutation testing killed 61 % of grammar.py's mutants):
the English word before a name, the source's own case, and how the model's inflection, the sentence's evidence
and the hints rank."""

from __future__ import annotations

import pytest

from translator.glossary.context import Evidence
from translator.glossary.grammar import Choice, choose_case, english_hint, source_case, word_before


@pytest.mark.parametrize(
    ("text", "skip", "word"),
    [
        ("He spoke with Ruslan", (), "with"),
        ("He spoke WITH Ruslan", (), "with"),
        ("He spoke with the Ruslan", ("the",), "with"),
        ("He spoke with the Ruslan", (), "the"),
        ("the Ruslan", ("the",), ""),
        ("He spoke, Ruslan", (), ""),
        ('He said "Ruslan', (), "said"),
        ("He said «Ruslan", (), "said"),
        ("a well-known Ruslan", (), "well-known"),
        ("in 2014 Ruslan", (), ""),
        ("Ruslan", (), ""),
        ("говорил с  Русланом", (), "с"),
    ],
)
def test_word_before(text: str, skip: tuple[str, ...], word: str) -> None:
    name = text.rindex("Rusl") if "Rusl" in text else text.rindex("Русл")
    assert word_before(text, name, frozenset(skip)) == word


def _hint(source: str, name: str) -> tuple[str, ...]:
    start = source.index(name)
    return english_hint(source, start, start + len(name))


@pytest.mark.parametrize(
    ("source", "name", "hint"),
    [
        ("Trump's policy failed.", "Trump", ("gent",)),
        ("Trump’s policy failed.", "Trump", ("gent",)),
        ("Thank you, Ruslan.", "Ruslan", ("voct",)),
        ("Ruslan, welcome to the show!", "Ruslan", ("voct",)),
        ("Ruslan, tell us more.", "Ruslan", ("voct",)),
        ("You, Ruslan", "Ruslan", ("voct",)),
        ("Ruslan… thank you", "Ruslan", ("voct",)),  # an ellipsis sets it off too
        ("Ruslan.", "Ruslan", ()),  # set off, but nothing speaks to anyone
        ("I met Ruslan, thank you.", "Ruslan", ()),  # not set off before
        ("Thank you, Ruslan and Anna.", "Ruslan", ()),  # not set off after
        ("He spoke with Ruslan.", "Ruslan", ("ablt",)),
        ("He came from the Kremlin.", "Kremlin", ("gent", "accs")),
        ("He lives in Moscow.", "Moscow", ("loct", "loc2", "accs")),
        ("He talked about Moscow.", "Moscow", ("loct", "accs")),
        ("He went into Moscow.", "Moscow", ("accs",)),
        ("He went to Moscow.", "Moscow", ("accs", "datv", "gent")),
        ("It stood between Moscow and Kyiv.", "Moscow", ("ablt",)),
        ("Alaska was sold by Russia.", "Russia", ("agent", "ablt", "gent")),
        ("Alaska was sold by Russia.", "Alaska", ("passive",)),
        ("Alaska was once sold by Russia.", "Alaska", ("passive",)),
        ("Alaska is big.", "Alaska", ()),
        ("He saw Moscow.", "Moscow", ()),
        ("Thank you MAX Ruslan.", "Ruslan", ()),  # only punctuation sets a name off
        ("Ruslan X thanks you", "Ruslan", ()),
        ("Ruslan , thank you.", "Ruslan", ("voct",)),
    ],
)
def test_english_hint(source: str, name: str, hint: tuple[str, ...]) -> None:
    assert _hint(source, name) == hint


@pytest.mark.parametrize(
    ("lang", "preposition", "cases", "case"),
    [
        ("uk", "у", {"gent", "datv", "loct"}, "loct"),  # у Криму
        ("ru", "в", {"accs", "loct"}, "accs"),  # the preposition's own order
        ("ru", "", {"datv", "gent"}, "gent"),  # no preposition: the order of the cases
        ("ru", "", {"loc2", "ablt"}, "ablt"),
        ("ru", "", set(), "nomn"),
        ("xx", "в", {"datv"}, "datv"),
        ("ru", "в", {"datv"}, "datv"),  # the preposition allows none of them
    ],
)
def test_source_case(lang: str, preposition: str, cases: set[str], case: str) -> None:
    assert source_case(lang, preposition, frozenset(cases)) == case


def _choose(
    cases: tuple[str, ...], strength: int, rendered: set[str], source: set[str], hints: tuple[str, ...], lang: str
) -> Choice:
    return choose_case(lang, Evidence(cases, strength), frozenset(rendered), frozenset(source), hints)


@pytest.mark.parametrize(
    ("cases", "strength", "rendered", "source", "hints", "lang", "choice"),
    [
        # the model inflected the name: its case stands where the sentence allows it
        (("ablt",), 2, {"ablt"}, set(), (), "ru", Choice("ablt", True)),
        (("gent", "ablt"), 2, {"ablt", "datv"}, set(), (), "ru", Choice("ablt", True)),
        (("loct",), 2, {"loc2"}, set(), (), "ru", Choice("loct", True)),
        (("gen2",), 1, {"gent"}, set(), (), "ru", Choice("gen2", True)),
        (("loc2",), 2, {"loct"}, set(), (), "uk", Choice("loct", True)),  # Ukrainian has no loc2
        (("accs",), 2, {"gent"}, set(), (), "ru", Choice("gent", False)),  # allowed none: kept, reported
        (("accs",), 1, {"gent"}, set(), (), "ru", Choice("gent", True)),
        ((), 2, {"gent"}, set(), (), "ru", Choice("gent", True)),
        (("accs",), 2, {"gent", "datv"}, {"datv"}, (), "ru", Choice("datv", False)),  # the source's reading first
        (("accs",), 2, {"gent", "datv"}, set(), ("datv",), "ru", Choice("datv", False)),
        (("accs",), 2, {"datv", "gent"}, set(), (), "ru", Choice("gent", False)),  # else the cases' order
        # a nominative-looking rendering: the grammar decides when it is sure
        (("gent", "accs"), 2, {"nomn"}, {"accs"}, (), "ru", Choice("accs", True)),
        (("gent", "accs"), 2, set(), set(), ("accs",), "ru", Choice("accs", True)),
        (("gent", "accs"), 2, set(), set(), ("datv", "accs"), "ru", Choice("gent", True)),  # the first hint only
        (("gent", "accs"), 2, set(), set(), ("agent",), "ru", Choice("gent", True)),
        (("gent", "accs"), 2, {"nomn"}, set(), (), "ru", Choice("gent", True)),
        (("loct",), 2, {"nomn"}, {"loc2"}, (), "ru", Choice("loct", True)),
        # a guess among cases: the source's own case confirms it
        (("gent", "accs"), 1, {"nomn"}, {"accs"}, (), "ru", Choice("accs", True)),
        (("gent", "accs"), 1, {"nomn"}, set(), ("accs",), "ru", Choice("accs", False)),
        (("gent", "accs"), 1, {"nomn"}, set(), (), "ru", Choice("gent", False)),
        (("gent", "accs"), 1, {"nomn"}, {"datv"}, (), "ru", Choice("gent", False)),
        # no evidence: a source's case other than a locative, else the rendering kept and reported
        ((), 0, {"nomn"}, {"datv", "gent"}, (), "ru", Choice("gent", True)),
        ((), 0, {"nomn"}, {"gen2"}, (), "uk", Choice("gent", True)),
        ((), 0, {"nomn"}, {"gen2"}, (), "ru", Choice("gen2", True)),  # Russian keeps its second genitive
        ((), 0, {"nomn"}, {"datv"}, (), "uk", Choice("datv", True)),
        ((), 0, {"nomn"}, {"loct"}, (), "ru", Choice("nomn", False)),
        ((), 0, {"nomn"}, {"loc2"}, (), "ru", Choice("nomn", False)),
        (("accs",), 0, {"nomn", "accs"}, set(), (), "ru", Choice("accs", False)),
        (("accs",), 0, {"nomn"}, set(), ("accs",), "ru", Choice("nomn", False)),
        ((), 0, set(), set(), (), "ru", Choice("nomn", False)),
    ],
)
def test_choose_case(
    cases: tuple[str, ...], strength: int, rendered: set[str], source: set[str], hints: tuple[str, ...], lang: str,
    choice: Choice,
) -> None:
    assert _choose(cases, strength, rendered, source, hints, lang) == choice
