"""The run ledger: what runs delivered and wrote, so that nothing a person did is overwritten or re-done.

`outputs` holds each segment as the last run delivered it into the review files (so an import can tell which
rows a reviewer changed, and `review status` can count them); `files` the SHA-256 of every output file as
written (a file a person has edited since is never overwritten); `runs` what each document's last run
depended on, wrote and reported (so an unchanged re-run can stop at once). Unlike the memory, all of it can
be rebuilt by running again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from translator.database import LOOKUP_CHUNK, Database
from translator.document import Document, document_key
from translator.writers.review_rows import review_rows


@dataclass(frozen=True)
class Delivered:
    """A segment as the last run wrote it into the review files."""

    source_text: str
    translation: str
    status: str


@dataclass(frozen=True)
class LastRun:
    """A document's last completed run: what it depended on (hashed), the files it wrote, what it reported."""

    fingerprint: str
    paths: list[str]
    report: str


@dataclass(frozen=True)
class StatusCounts:
    """How the last run's segments of one document and target language stand, plus corrections not yet used."""

    doc_key: str
    tgt: str
    machine: int
    approved: int
    flagged: int
    unapplied: int  # corrections stored but not in the last run's output: imported since, or stale


class RunLedger:
    """The record of runs in an open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def record_delivered(self, doc: Document) -> None:
        """Remember what this run delivered per segment, so an import can tell edits apart and status can count."""
        key = document_key(doc)
        for lang in doc.targets:
            self.record_outputs(key, lang, [(row.id, row.source, row.translation, row.status)
                                            for row in review_rows(doc, lang)])

    def record_outputs(self, doc_key: str, tgt: str, rows: Iterable[tuple[int, str, str, str]]) -> None:
        """Replace the record of a document's delivered segments: (segment id, source, translation, status)."""
        with self.db.transaction():
            self.db.connection.execute("DELETE FROM outputs WHERE doc_key = ? AND tgt = ?", (doc_key, tgt))
            self.db.connection.executemany(
                "INSERT INTO outputs VALUES (?, ?, ?, ?, ?, ?)", [(doc_key, tgt, *row) for row in rows]
            )

    def outputs(self, doc_key: str, tgt: str) -> dict[int, Delivered]:
        rows = self.db.connection.execute(
            "SELECT segment_id, source_text, translation, status FROM outputs WHERE doc_key = ? AND tgt = ? "
            "ORDER BY segment_id",
            (doc_key, tgt),
        )
        return {segment_id: Delivered(source, translation, status) for segment_id, source, translation, status in rows}

    def file_hashes(self, paths: Iterable[str]) -> dict[str, str]:
        """The SHA-256 each of these output files had when this tool last wrote it."""
        wanted = list(paths)
        found: dict[str, str] = {}
        for start in range(0, len(wanted), LOOKUP_CHUNK):
            chunk = wanted[start:start + LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            found.update(self.db.connection.execute(f"SELECT path, sha256 FROM files WHERE path IN ({marks})", chunk))
        return found

    def record_files(self, hashes: dict[str, str]) -> None:
        with self.db.transaction():
            self.db.connection.executemany("INSERT OR REPLACE INTO files VALUES (?, ?)", sorted(hashes.items()))

    def last_run(self, doc_key: str) -> LastRun | None:
        row = self.db.connection.execute(
            "SELECT fingerprint, paths, report FROM runs WHERE doc_key = ?", (doc_key,)
        ).fetchone()
        return None if row is None else LastRun(row[0], json.loads(row[1]), row[2])

    def record_run(self, doc_key: str, run: LastRun) -> None:
        with self.db.transaction():
            self.db.connection.execute("INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?)",
                                       (doc_key, run.fingerprint, json.dumps(run.paths), run.report))

    def status(self, doc_key: str | None = None) -> list[StatusCounts]:
        """Counts per document and target language, sorted; all documents when `doc_key` is None."""
        rows = self.db.connection.execute(
            """
            SELECT o.doc_key, o.tgt,
                   sum(o.status = 'machine'), sum(o.status = 'approved'), sum(o.status = 'flagged'),
                   (SELECT count(*) FROM approvals a
                     LEFT JOIN outputs d ON d.doc_key = a.doc_key AND d.tgt = a.tgt AND d.segment_id = a.segment_id
                     WHERE a.doc_key = o.doc_key AND a.tgt = o.tgt
                       AND (d.status IS NOT 'approved' OR d.translation IS NOT a.translation
                            OR d.source_text IS NOT a.source_text))
            FROM outputs o
            WHERE ?1 IS NULL OR o.doc_key = ?1
            GROUP BY o.doc_key, o.tgt
            ORDER BY o.doc_key, o.tgt
            """,
            (doc_key,),
        )
        return [StatusCounts(*row) for row in rows]
