"""Sentence alignment where only the dynamic programme's traceback finds the pairs (issue #24's mutation
testing: disabling the traceback passed every earlier test), and where the length ratio decides them."""

from __future__ import annotations

import pytest

from translator.align import align_sentences

SHORT, TINY = "Short one.", "Tiny."
LONG = "A much longer sentence about the war in the east of the country."


@pytest.mark.parametrize(
    ("source", "target", "pairs"),
    [
        ([LONG, SHORT, TINY], [LONG, f"{SHORT} {TINY}"], [(0, 0), (1, 1), (2, 1)]),  # 2–1 at the end
        ([SHORT, TINY, LONG], [f"{SHORT} {TINY}", LONG], [(0, 0), (1, 0), (2, 1)]),  # 2–1 at the start
        ([SHORT, LONG, TINY], [SHORT, f"{LONG} {TINY}"], [(0, 0), (1, 1), (2, 1)]),
        ([LONG, f"{SHORT} {TINY}"], [LONG, SHORT, TINY], [(0, 0), (1, 1), (1, 2)]),  # 1–2 at the end
        ([f"{SHORT} {TINY}", LONG], [SHORT, TINY, LONG], [(0, 0), (0, 1), (1, 2)]),  # 1–2 at the start
        (["x" * 10, "y" * 10, "z" * 10, "w" * 10], ["a" * 20, "b" * 10, "c" * 10], [(0, 0), (1, 0), (2, 1), (3, 2)]),
        ([SHORT, SHORT, SHORT], [SHORT * 3], [(0, 0), (1, 0), (2, 0)]),
        (["x" * 30, "y" * 30], ["a" * 30, "q", "b" * 30], [(0, 0), (1, 1), (1, 2)]),
        (["q", "x" * 30, "y" * 30], ["a" * 30, "b" * 30], [(0, 0), (1, 0), (2, 1)]),
    ],
)
def test_merges_and_splits_are_found_where_they_are(
    source: list[str], target: list[str], pairs: list[tuple[int, int]]
) -> None:
    assert align_sentences(source, target) == pairs
    assert align_sentences(target, source) == sorted((j, i) for i, j in pairs)


def test_the_length_ratio_of_the_two_languages_decides_which_sentences_merge() -> None:
    # The translation is twice as long as its source: 40 characters answer 10 + 10, not 20.
    assert align_sentences(["x" * 10, "y" * 10, "z" * 20], ["a" * 40, "b" * 40]) == [(0, 0), (1, 0), (2, 1)]
    assert align_sentences(["x" * 20, "y" * 10, "z" * 10], ["a" * 40, "b" * 40]) == [(0, 0), (1, 1), (2, 1)]


@pytest.mark.parametrize(
    ("source", "target", "pairs"),
    [
        ([1, 5, 1, 40], [40, 40], [(0, 0), (1, 0), (2, 1), (3, 1)]),
        ([2, 20], [5, 80, 10], [(0, 0), (1, 1), (1, 2)]),
        ([2, 10, 2], [5, 5], [(0, 0), (1, 1), (2, 1)]),
    ],
)
def test_a_bead_costs_its_length_mismatch_relative_to_its_size(
    source: list[int], target: list[int], pairs: list[tuple[int, int]]
) -> None:
    assert align_sentences(["x" * n for n in source], ["y" * n for n in target]) == pairs


def test_one_side_only_is_empty_and_equal_counts_pair_in_order() -> None:
    assert align_sentences(["a."], []) == align_sentences([], ["b."]) == align_sentences([], []) == []
    assert align_sentences(["a."], ["b."]) == [(0, 0)]
    assert align_sentences(["a.", "b.", "c."], ["x" * 90, "y", "z"]) == [(0, 0), (1, 1), (2, 2)]
