"""Sentence alignment of a correction against its source."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from translator.align import align_sentences


def test_equal_counts_align_one_to_one():
    assert align_sentences(["a.", "b."], ["x.", "y."]) == [(0, 0), (1, 1)]


def test_merged_translation_pairs_both_sources_with_it():
    source = ["Short one.", "Another short one."]
    target = ["Short one and another short one, merged into one sentence."]
    assert align_sentences(source, target) == [(0, 0), (1, 0)]


def test_split_translation():
    source = ["A rather long source sentence that the reviewer split in two."]
    target = ["A rather long source sentence.", "The reviewer split it in two."]
    assert align_sentences(source, target) == [(0, 0), (0, 1)]


sentences = st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=6)


@given(sentences, sentences)
def test_alignment_is_monotone_and_covers_both_sides(source, target):
    pairs = align_sentences(source, target)
    assert pairs == sorted(pairs)
    assert {i for i, _ in pairs} <= set(range(len(source)))
    assert {j for _, j in pairs} <= set(range(len(target)))
    for (i1, j1), (i2, j2) in itertools.pairwise(pairs):
        assert i2 >= i1 and j2 >= j1
