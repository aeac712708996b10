"""Finding terms in a source: case-insensitive, word boundaries, longest first, through Russian/Ukrainian
inflection, abbreviations only in capitals."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.glossary import Glossary, load_glossaries, parse_glossary
from translator.glossary.match import find_terms

SHIPPED = Path(__file__).resolve().parents[1] / "glossaries" / "interview-aisin.tsv"
GLOSSARY = load_glossaries([SHIPPED])


@pytest.fixture
def glossary() -> Glossary:
    return GLOSSARY


def found(glossary: Glossary, text: str, lang: str, tgt: str = "uk") -> list[tuple[str, str]]:
    return [(m.text, glossary.entries[m.entry].label) for m in find_terms(glossary, text, lang, tgt)]


def test_longest_match_wins_and_both_spellings_are_one_concept(glossary: Glossary) -> None:
    assert found(glossary, "Ruslan Aysin met Ruslan Aisin, then Aysin left; thanks, Ruslan.", "en") == [
        ("Ruslan Aysin", "Ruslan Aisin"), ("Ruslan Aisin", "Ruslan Aisin"), ("Aysin", "Aisin"), ("Ruslan", "Ruslan"),
    ]
    assert found(glossary, "the Odesa region, Odesa, Eastern Europe and Europe", "en") == [
        ("Odesa region", "Odesa region"), ("Odesa", "Odesa"),
        ("Eastern Europe", "Eastern Europe"), ("Europe", "Europe"),
    ]


def test_case_insensitive_on_word_boundaries(glossary: Glossary) -> None:
    assert found(glossary, "ZELENSKY in the white house", "en") == [
        ("ZELENSKY", "Zelensky"), ("white house", "White House"),
    ]
    assert found(glossary, "Azerbaijani pipelines, Russian pressure, Putinism", "en") == []
    assert found(glossary, "Russia’s strikes on Sakhalin-1", "en") == [
        ("Russia", "Russia"), ("Sakhalin-1", "Sakhalin-1"),
    ]


def test_abbreviations_match_only_in_capitals(glossary: Glossary) -> None:
    assert found(glossary, "Thank you for joining us in the US and the EU.", "en") == [("US", "US"), ("EU", "EU")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Мы говорили с Русланом Айсиным и Путиным в Крыму.", "ru",
         [("Русланом Айсиным", "Ruslan Aisin"), ("Путиным", "Putin"), ("Крыму", "Crimea")]),
        ("Зустріч із Русланом Айсіним в Одеській області та у Білому домі.", "uk",
         [("Русланом Айсіним", "Ruslan Aisin"), ("Одеській області", "Odesa region"), ("Білому домі", "White House")]),
        ("Пашиняна поддерживает Баку, а Кремлём недовольны.", "ru",
         [("Пашиняна", "Pashinyan"), ("Баку", "Baku"), ("Кремлём", "Kremlin")]),
    ],
)
def test_russian_and_ukrainian_sources_match_through_inflection(
    glossary: Glossary, text: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    assert found(glossary, text, lang, "en") == expected


def test_source_case_is_recorded(glossary: Glossary) -> None:
    (aisin,) = find_terms(glossary, "с Русланом Айсиным", "ru", "uk")
    assert aisin.cases == frozenset({"ablt"})


def test_only_entries_with_a_target_form_are_matched() -> None:
    entries, _ = parse_glossary("en\tuk\tru\nPutin\tПутін\t\n", "g.tsv")
    glossary = Glossary(tuple(entries))
    assert len(find_terms(glossary, "Putin", "en", "uk")) == 1
    assert find_terms(glossary, "Putin", "en", "ru") == []


FILLER = st.lists(st.sampled_from(["the", "talks", "with", "and", "said", "in", "of", "today"]), max_size=4)


TERMS = {"Ruslan Aysin": "Ruslan Aisin", "Sakhalin-1": "Sakhalin-1", "Budapest Memorandum": "Budapest Memorandum",
         "Odesa region": "Odesa region", "Kremlin": "Kremlin"}


@settings(deadline=None)  # the first example compiles the glossary's patterns
@given(FILLER, st.sampled_from(sorted(TERMS)), FILLER, st.lists(st.booleans(), min_size=30, max_size=30))
def test_any_capitalisation_of_a_term_among_other_words_is_found_once(
    before: list[str], term: str, after: list[str], upper: list[bool]
) -> None:
    cased = "".join(ch.upper() if flip else ch.lower() for ch, flip in zip(term, upper))
    # a word the glossary capitalises must start with its capital; the rest may be in any case
    cased = " ".join(w[0].upper() + w[1:] if t[:1].isupper() else w for w, t in zip(cased.split(" "), term.split(" ")))
    text = " ".join([*before, cased, *after]) + "."
    assert found(GLOSSARY, text, "en") == [(cased, TERMS[term])]


@pytest.mark.parametrize("text", ["We ate turkey.", "He played his trump card.", "They live in a white house.",
                                  "The kremlin of Novgorod.", "a russia-wide ban"])
def test_lower_case_words_are_not_names_unless_the_entry_opts_in(text: str) -> None:
    glossary = parse_glossary("en\tru\nTurkey\tТурция\nTrump\tТрамп\nWhite House\tБелый дом\n"
                              "Kremlin\tКремль\nRussia\tРоссия\n", "g.tsv")[0]
    assert found(Glossary(tuple(glossary)), text, "en", "ru") == []
    assert found(Glossary(tuple(glossary)), text.title(), "en", "ru") != []  # the same words as names
    opted = parse_glossary("en\tru\nwhite house|White House\tБелый дом\n", "g.tsv")[0]
    assert found(Glossary(tuple(opted)), "Zelensky in the white house", "en", "ru") == [("white house", "white house")]
