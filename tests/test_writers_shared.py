"""Views several writers share (translator.writers.shared): once per file set, never stale outside it."""

from __future__ import annotations

from tests.test_writers_review import sample_doc
from translator.document import Translation
from translator.writers import WRITERS
from translator.writers.review_rows import review_rows
from translator.writers.shared import shared_views


def test_inside_a_file_set_the_rows_are_computed_once_and_handed_to_every_caller() -> None:
    doc = sample_doc()
    with shared_views():
        first = review_rows(doc, "uk")
        with shared_views():  # a nested set shares the outer one's views
            assert review_rows(doc, "uk") is first
        assert review_rows(doc, "uk") is first
        assert review_rows(doc, "ru") is not first  # per language
        assert review_rows(sample_doc(), "uk") is not first  # per document


def test_outside_a_file_set_a_changed_document_is_seen() -> None:
    doc = sample_doc()
    with shared_views():
        before = review_rows(doc, "uk")
    doc.segments[0].translations["uk"] = Translation("Нове", ["Нове"], [(0, 0)])
    after = review_rows(doc, "uk")
    assert before[0].translation != "Нове"
    assert after[0].translation == "Нове"
    assert review_rows(doc, "uk") is not after  # no caching outside a set


def test_every_writer_gives_the_same_bytes_with_shared_views() -> None:
    doc = sample_doc()
    alone = {name: spec.render(doc, "uk") for name, spec in WRITERS.items()}
    with shared_views():
        together = {name: spec.render(doc, "uk") for name, spec in WRITERS.items()}
    assert together == alone
