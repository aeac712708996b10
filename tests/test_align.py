"""Sentence alignment of a correction against its source."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from translator.align import align_sentences


def test_equal_counts_align_one_to_one() -> None:
    assert align_sentences(["a.", "b."], ["x.", "y."]) == [(0, 0), (1, 1)]


def test_merged_translation_pairs_both_sources_with_it() -> None:
    source = ["Short one.", "Another short one."]
    target = ["Short one and another short one, merged into one sentence."]
    assert align_sentences(source, target) == [(0, 0), (1, 0)]


def test_split_translation() -> None:
    source = ["A rather long source sentence that the reviewer split in two."]
    target = ["A rather long source sentence.", "The reviewer split it in two."]
    assert align_sentences(source, target) == [(0, 0), (0, 1)]


def test_a_sentence_the_correction_dropped_or_added_joins_its_neighbour() -> None:
    # Before: the third source sentence, and the third target sentence, were left out of every pair.
    source = ["I met him in Moscow in the spring of that year.", "He said no.", "We left."]
    assert align_sentences(source, ["Я зустрів його в Москві навесні того року."]) == [(0, 0), (1, 0), (2, 0)]
    target = ["Дякую.", "Дуже дякую вам за запрошення, мені приємно бути тут.", "Так."]
    assert align_sentences(["Thank you."], target) == [(0, 0), (0, 1), (0, 2)]


def test_an_empty_side_pairs_nothing() -> None:
    assert align_sentences([], ["x."]) == align_sentences(["x."], []) == []


sentences = st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=8)


@settings(max_examples=300)
@given(sentences, sentences)
def test_every_sentence_of_both_sides_is_paired_and_no_pairs_cross(source: list[str], target: list[str]) -> None:
    pairs = align_sentences(source, target)
    assert {i for i, _ in pairs} == set(range(len(source)))
    assert {j for _, j in pairs} == set(range(len(target)))
    assert len(set(pairs)) == len(pairs)
    assert not [(a, b) for a, b in itertools.combinations(pairs, 2) if (a[0] - b[0]) * (a[1] - b[1]) < 0]
