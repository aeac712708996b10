"""Reviewer round trip: import a corrected CSV, XLIFF or DOCX back into the translation memory.

Each row of the returned file (read by translator/review_readers/) is matched to a segment of the last run,
as the run ledger recorded it, by id when its source text agrees, else by its source text; a row whose
translation differs from what was delivered, or whose status says approved, is stored as an approved
correction. All of one file is stored, or none of it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from translator.database import DEFAULT_OUT, MEMORY_NAME, Database
from translator.errors import InputError, UsageError
from translator.ledger import Delivered, RunLedger, StatusCounts
from translator.memory import TranslationMemory
from translator.review_readers import read_review
from translator.review_readers.rows import ReturnedRow, Target, clean
from translator.subtitles.distribute import distribute

DEFAULT_MEMORY = DEFAULT_OUT / MEMORY_NAME


@dataclass(frozen=True)
class ImportResult:
    """What an import did, for the CLI to print."""

    path: Path
    target: Target
    rows: int
    approved: int  # corrections stored
    unchanged: int  # rows as delivered and not marked approved
    empty: int  # rows with no translation
    unmatched: int  # rows that match no segment of the last run

    def __str__(self) -> str:
        t = self.target
        return (f"{self.path.name}: {self.approved} correction(s) stored as approved for {t.doc_key} {t.src}→{t.tgt}"
                f" ({self.rows} rows: {self.unchanged} unchanged, {self.empty} empty, {self.unmatched} unmatched);"
                " they apply from the next run")


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def match_segment(row: ReturnedRow, delivered: dict[int, Delivered]) -> tuple[int, str] | None:
    """(segment id, source text to store) for a row, or None: by id when the source agrees, else by source.

    A row whose id exists but whose source matches no segment keeps its own source text, so the next run
    sees the source changed and flags the correction instead of applying it.
    """
    by_id = delivered.get(row.id)
    if by_id is not None and (row.source is None or _same(row.source, by_id.source_text)):
        return row.id, by_id.source_text
    if row.source is not None:
        same_source = [i for i, seg in delivered.items() if _same(row.source, seg.source_text)]
        if len(same_source) == 1:
            return same_source[0], delivered[same_source[0]].source_text
    if by_id is not None and row.source is not None:
        return row.id, row.source
    return None


def spread_over_cues(row: ReturnedRow, delivered: dict[int, Delivered]) -> list[ReturnedRow]:
    """A unit of whole sentences over cues `id`..`last` as one row per cue: the translation cut over the cues as
    the run cut it (`distribute`, in proportion to the cues' source text), so an unedited unit gives back exactly
    what each cue delivered."""
    if row.last is None:
        return [row]
    cues = [number for number in range(row.id, row.last + 1) if number in delivered]
    parts = distribute(row.translation, [delivered[number].source_text for number in cues])
    return [ReturnedRow(number, None, part, row.approved) for number, part in zip(cues, parts)]


def import_review(path: Path | str, memory: Path | str = DEFAULT_MEMORY) -> ImportResult:
    """Store the corrections of a returned CSV, XLIFF or DOCX file as approved in the memory at `memory`."""
    with Database(Path(memory)) as db:
        return store_corrections(Path(path), db)


def review_status(memory: Path | str = DEFAULT_MEMORY) -> list[StatusCounts]:
    """How the last run's segments stand (machine, approved, flagged) per document and target language."""
    memory = Path(memory)
    if not memory.is_file():
        raise UsageError(f"no translation memory at {memory} (run `translator run` first, or pass --memory)")
    with Database(memory) as db:
        return RunLedger(db).status()


def store_corrections(path: Path, db: Database) -> ImportResult:
    """Store the corrections of a returned CSV, XLIFF or DOCX file in an open memory as approved."""
    path = Path(path)
    target, rows = read_review(path)
    memory, ledger = TranslationMemory(db), RunLedger(db)
    delivered = ledger.outputs(target.doc_key, target.tgt)
    if not delivered:
        raise InputError(f"{path}: the memory {db.path} has no run of {target.doc_key} into {target.tgt}; "
                         "translate it first, or pass the --memory that run used")
    approved = unchanged = empty = unmatched = 0
    with db.transaction():
        for row in [cue_row for unit in rows for cue_row in spread_over_cues(unit, delivered)]:
            match = match_segment(row, delivered)
            if match is None:
                unmatched += 1
            elif not row.translation:
                empty += 1
            elif row.approved or row.translation != clean(delivered[match[0]].translation):
                memory.approve(target.doc_key, match[0], target.src, target.tgt, match[1], row.translation)
                approved += 1
            else:
                unchanged += 1
        # Its corrections are in the memory now, so the next run may write this file anew.
        ledger.record_files({str(path.resolve()): hashlib.sha256(path.read_bytes()).hexdigest()})
    return ImportResult(path, target, len(rows), approved, unchanged, empty, unmatched)
