"""A translated sentence group split back over its cues: proportional, at word boundaries, names kept whole."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from translator.subtitles.distribute import distribute

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
