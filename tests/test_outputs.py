"""Outputs are never written over a person's edits, and an unchanged result is not rendered again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from translator.database import Database
from translator.document import Document, Segment, Timing, Translation
from translator.errors import UsageError
from translator.ledger import RunLedger
from translator.outputs import write_document


def _doc(translation: str = "Привіт, друзі!") -> Document:
    segment = Segment(1, "cue", "Hello, friends!", lang="en", lang_confidence=0.99, sentences=["Hello, friends!"],
                      timing=Timing(1000, 3000))
    segment.translations["uk"] = Translation(translation, [translation], [(0, 0)])
    return Document("talk.srt", "srt", [segment], lang="en", targets=["uk"])


@pytest.fixture
def memory(tmp_path: Path) -> Iterator[RunLedger]:
    with Database(tmp_path / "tm.sqlite") as db:
        yield RunLedger(db)


def test_unchanged_result_leaves_every_file_untouched(tmp_path: Path, memory: RunLedger) -> None:
    out = tmp_path / "out"
    out.mkdir()
    paths = write_document(_doc(), out, memory)
    stamps = {p: p.stat().st_mtime_ns for p in paths}
    assert write_document(_doc(), out, memory) == paths
    assert {p: p.stat().st_mtime_ns for p in paths} == stamps
    write_document(_doc("Вітаю, друзі!"), out, memory)
    assert "Вітаю" in (out / "talk.uk.srt").read_text("utf-8")


def test_a_deleted_output_is_written_again(tmp_path: Path, memory: RunLedger) -> None:
    paths = write_document(_doc(), tmp_path, memory)
    (tmp_path / "talk.uk.srt").unlink()
    write_document(_doc(), tmp_path, memory)
    assert all(p.exists() for p in paths)


def test_an_edited_output_is_never_overwritten(tmp_path: Path, memory: RunLedger) -> None:
    write_document(_doc(), tmp_path, memory)
    review = tmp_path / "talk.en-uk.csv"
    edited = review.read_bytes().replace("Привіт".encode(), "Вітаю".encode())
    review.write_bytes(edited)
    with pytest.raises(UsageError, match="translator review import"):
        write_document(_doc("Інше"), tmp_path, memory)
    assert review.read_bytes() == edited
    assert "Привіт" in (tmp_path / "talk.uk.srt").read_text("utf-8")  # nothing else was written either
