"""Recognising a name a model spelt its own way: the spellings of one name compare alike, other words do not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translator.glossary.fuzzy import find_spelt
from translator.glossary.spelling import similarity, skeleton


def test_the_romanisations_and_cyrillic_spellings_of_one_name_share_a_skeleton() -> None:
    assert {skeleton(w) for w in ("Aisin", "Aysin", "Айсін", "Айсин", "Айсын")} == {"aisin"}
    assert skeleton("Donbass") == skeleton("Донбас")
    assert similarity("Johnson", "Джонсон", endings=False) > 0


@pytest.mark.parametrize(
    ("word", "form", "endings", "alike"),
    [
        ("Айсиным", "Айсин", True, True),  # a case ending
        ("Айзіним", "Айсін", True, True),  # a different spelling and a case ending
        ("Aysin", "Aisin", False, True),
        ("Ukrainians", "Ukraine", False, False),  # English has no case endings to strip
        ("Піедра", "Стоун", True, False),
        ("США", "ЄС", True, False),  # short forms must match exactly
        ("Клэо", "Клео", True, True),  # too short a stem to strip an ending from, but spelt alike
        # a short Russian or Ukrainian name respelt by one vowel inside it, at its own length (IU dev: Тадд, Мойя)
        ("Тадд", "Тодд", True, True),
        ("Мойя", "Майя", True, True),
        ("Майе", "Майя", True, False),  # (its last letter may be an ending: not a respelling)
        ("Тадди", "Тодд", True, False),
        ("Тадеуд", "Тодд", True, False),  # (at its own length only)
        ("Tim", "Tom", False, False),  # an English name must match
        ("Олла", "Алла", True, False),  # nor a first letter changed
    ],
)
def test_similarity(word: str, form: str, endings: bool, alike: bool) -> None:
    assert bool(similarity(word, form, endings)) is alike


def test_a_dictionary_word_is_not_taken_for_a_name_but_a_misspelling_is() -> None:
    known = frozenset({"україна"})
    assert find_spelt("Українці живуть тут.", 0, ["Україна"], known, "uk") == []
    [match] = find_spelt("Живуть в Украіні.", 0, ["Україна"], known, "uk")
    assert (match.text, match.cases) == ("Украіні", frozenset({"datv", "loct"}))


NAME = st.text(alphabet="абвгдежзклмнопрстуфхцчшщ", min_size=3, max_size=8).map(lambda s: "А" + s + "ин")


@given(NAME, st.sampled_from(["", "а", "у", "ым", "ом", "е"]))
def test_a_name_with_a_case_ending_stays_alike(name: str, ending: str) -> None:
    assert similarity(name + ending, name, endings=True) > 0


def test_a_dictionary_word_written_as_a_name_inside_a_sentence_is_a_respelling() -> None:
    # Кома (a coma), Мартом (March) capitalised mid-sentence are the model's spellings of Кама, Морт (UD dev)
    [match] = find_spelt("С ним граничат города Иидзука, Кома.", 0, ["Кама"], frozenset({"кама"}), "ru")
    assert match.text == "Кома"
    assert find_spelt("Кома длилась неделю.", 0, ["Кама"], frozenset({"кама"}), "ru") == []  # a sentence start
    [match] = find_spelt("Двор императора Карла IV (Прога).", 0, ["Прага"], frozenset({"прага"}), "ru")
    assert match.text == "Прога"  # a word opening parentheses
    # an adjective stays another word even so: Московский is not Москва
    assert find_spelt("Он поступил в Московский университет.", 0, ["Москва"], frozenset({"москва"}), "ru") == []


def test_a_respelling_is_found_inside_a_hyphenated_word_but_a_whole_word_wins() -> None:
    [match] = find_spelt("Пиво производилось в городке Бад-Кёстрыц.", 0, ["Кёстриц"], frozenset(), "ru")
    assert match.text == "Кёстрыц"
    found = find_spelt("Озеро Лаго-Маджоре и река Моджо.", 0, ["Маджо"], frozenset(), "ru")
    assert max(found, key=lambda m: m.score).text == "Моджо"
    assert find_spelt("Консул Seine-et-Marne.", 0, ["Марна"], frozenset(), "ru") == []  # Latin letters
    [match] = find_spelt("Победа над Волан-де-Мартом.", 0, ["Морт"], frozenset({"морт"}), "ru")
    assert match.text == "Мартом"  # a dictionary word (март), but a capitalised part of a hyphenated name
