"""A document's reviewer notes in one target language as a spreadsheet table (`/doc/KEY/LANG/notes.csv`): every
row whose approval carries a comment, an error category or a severity, with its time in the film, its texts,
and when and by whom it was last changed. Written as the review CSV is (writers/csv_table.py): a cell that
starts like a formula is kept as text."""

from __future__ import annotations

from collections.abc import Mapping

from translator.serve.documents import Page
from translator.timecode import format_timestamp
from translator.writers.csv_table import spreadsheet_csv

COLUMNS = ("id", "start", "end", "speaker", "source", "translation", "comment", "category", "severity", "reviewer",
           "changed_at")


def notes_csv(page: Page, changes: Mapping[int, tuple[str | None, str | None]]) -> bytes:
    """The page's noted rows; `changes` is when and by whom each segment was last changed (memory.last_changes)."""
    def clock(ms: int | None) -> str:
        return "" if ms is None else format_timestamp(ms, ".")

    noted = [row for row in page.rows if row.revision and (row.comment or row.category or row.severity)]
    return spreadsheet_csv(COLUMNS, (
        (str(row.id), clock(row.start_ms), clock(row.end_ms), row.speaker, row.source, row.translation,
         row.comment, row.category, row.severity, changes.get(row.id, (None, None))[1] or "",
         changes.get(row.id, (None, None))[0] or "")
        for row in noted))
