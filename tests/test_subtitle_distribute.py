"""A translated sentence group split back over its cues: proportional, at word boundaries, names kept whole."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from translator.subtitles.breaks import break_cost
from translator.subtitles.distribute import (
    BREAK_WEIGHT,
    DISTANCE_WEIGHT,
    EMPTY_PART,
    PUNCTUATION_MATCH,
    WINDOW_WORDS,
    _punctuation,
    distribute,
)

LOWER_WORDS = st.text("bcdfghjklmnpqrstvwxz", min_size=1, max_size=9)  # no function words among them
ANY_WORDS = st.sampled_from(["Ruslan", "Aysin", "said,", "that", "the", "war.", "Москва", "і", "—", "ок", "x"])


def test_one_cue_takes_the_whole_translation() -> None:
    assert distribute("  Привіт,\n світе  ", ["Hello, world"]) == ["Привіт, світе"]
    assert distribute("anything", []) == []


def test_parts_follow_the_source_proportions() -> None:
    source = ["I believe the EU has", "the resources to counter Russia"]
    parts = distribute("Я вважаю що ЄС має ресурси протидіяти Росії", source)
    assert parts == ["Я вважаю що ЄС має", "ресурси протидіяти Росії"]


def test_a_cut_prefers_the_same_punctuation_as_the_source_cue_end() -> None:
    parts = distribute(
        "Дякую, Руслане, за цю розмову. Мій гість сьогодні був політолог.",
        ["Thank you, Ruslan, for this insightful discussion.", "My guest today was a political scientist."],
    )
    assert parts == ["Дякую, Руслане, за цю розмову.", "Мій гість сьогодні був політолог."]


def test_a_name_is_not_cut_in_two() -> None:
    parts = distribute("Сьогодні мій гість Руслан Айсін з Туреччини", ["Today my guest is Ruslan", "Aysin from Turkey"])
    assert not parts[0].endswith("Руслан") and "Руслан Айсін" in " | ".join(parts)


def test_fewer_words_than_cues_leaves_the_fewest_cues_empty() -> None:
    parts = distribute("Так", ["Yes", "I", "do"])
    assert len(parts) == 3 and parts.count("") == 2 and "Так" in parts


@given(st.lists(st.lists(LOWER_WORDS, min_size=1, max_size=6).map(" ".join), min_size=1, max_size=5))
def test_the_source_itself_is_split_back_exactly(parts: list[str]) -> None:
    """With no punctuation or names to pull the cuts, proportional cuts fall exactly on the source's boundaries."""
    assert distribute(" ".join(parts), parts) == parts


@given(
    st.lists(ANY_WORDS, max_size=25).map(" ".join),
    st.lists(st.lists(ANY_WORDS, min_size=1, max_size=5).map(" ".join), min_size=1, max_size=5),
)
def test_every_word_lands_in_exactly_one_part_in_order(translation: str, source_parts: list[str]) -> None:
    parts = distribute(translation, source_parts)
    assert len(parts) == len(source_parts)
    assert " ".join(part for part in parts if part) == " ".join(translation.split())
    if len(translation.split()) >= len(source_parts):
        assert all(parts)


def _exhaustive(translation: str, source_parts: list[str]) -> list[str]:
    """The cuts by trying every boundary for every cut against every start (the first implementation, cubic):
    the oracle for the windowed, linear one."""
    words, parts = translation.split(), [" ".join(part.split()) for part in source_parts]
    if len(parts) == 1:
        return [" ".join(words)]
    offsets = [0]
    for word in words:
        offsets.append(offsets[-1] + len(word) + 1)
    total = max(1, offsets[-1] - 1)
    scale = total / len(" ".join(parts))
    targets, running = [], 0
    for piece in parts[:-1]:
        running += len(piece) + 1
        targets.append(running * scale)
    kinds = [_punctuation(part) for part in parts]

    def cost(part: int, boundary: int, previous: int) -> float:
        value = DISTANCE_WEIGHT * abs(offsets[boundary] - targets[part]) / total
        if boundary == previous:
            return value + EMPTY_PART
        if 0 < boundary < len(words):
            value += BREAK_WEIGHT * break_cost(words[boundary - 1], words[boundary])
            if kinds[part] and _punctuation(words[boundary - 1]) == kinds[part]:
                value -= PUNCTUATION_MATCH
        return value

    count, cuts = len(words), len(parts) - 1
    best = [[float("inf")] * (count + 1) for _ in range(cuts + 1)]
    back = [[0] * (count + 1) for _ in range(cuts + 1)]
    best[0][0] = 0.0
    for part in range(cuts):
        for previous in range(count + 1):
            for boundary in range(previous, count + 1):
                value = best[part][previous] + cost(part, boundary, previous)
                if value < best[part + 1][boundary]:
                    best[part + 1][boundary], back[part + 1][boundary] = value, previous
    bounds = [count, min(range(count + 1), key=lambda b: best[cuts][b] + (EMPTY_PART if b == count and count else 0))]
    for part in range(cuts, 1, -1):
        bounds.append(back[part][bounds[-1]])
    bounds.append(0)
    bounds.reverse()
    return [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]


@settings(max_examples=300)
@given(
    st.lists(ANY_WORDS | LOWER_WORDS, max_size=40).map(" ".join),
    st.lists(st.lists(ANY_WORDS | LOWER_WORDS, min_size=1, max_size=8).map(" ".join), min_size=1, max_size=8),
)
def test_the_linear_search_finds_the_cuts_trying_everything_finds(translation: str, source_parts: list[str]) -> None:
    assert distribute(translation, source_parts) == _exhaustive(translation, source_parts)


def test_a_single_long_line_is_cut_near_its_proportional_places() -> None:
    """20,000 words over 2,500 cues: every cue gets its share, each within the window of its proportional place
    (trying every boundary for every cut would take hours here)."""
    source = [f"part {n} of the line, said Aysin." for n in range(2500)]
    words = " ".join(source).split()
    parts = distribute(" ".join(words), source)
    assert parts == source
    shifted = distribute(" ".join(["Так,", *words]), source)
    assert all(shifted) and " ".join(shifted) == " ".join(["Так,", *words])
    assert all(abs(len(" ".join(shifted[:n]).split()) - 7 * n) <= WINDOW_WORDS for n in range(0, 2500, 100))
