"""The run ledger: what runs delivered and wrote, so that nothing a person did is overwritten or re-done.

`deliveries` holds each segment as runs delivered it into the review files (so an import can tell which rows
a reviewer changed, and `review status` can count them); `files` the SHA-256 of every output file as written
(a file a person has edited since is never overwritten); `runs` what each document's last run depended on,
wrote and reported (so an unchanged re-run can stop at once). Unlike the memory, all of it can be rebuilt by
running again.

Each write of a document is a generation, in three steps: `intend` records the segments the generation
delivers and the hash every file is about to get (`pending_files`); the files are written; `settle` makes each
pending hash the file's written one. A run killed at any moment leaves every file with bytes the ledger knows
(those of an earlier generation, or of the pending one), so the next run takes them for its own work, never
for a person's edits. A generation's deliveries are kept while any file may still hold them, and an import
counts a row as a correction only if it differs from every such generation: machine text a killed run left in
a file never becomes an approved correction.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from translator.database import LOOKUP_CHUNK, Database, refusal
from translator.document import Document
from translator.review_model import document_rows


class DeliveredRow(NamedTuple):
    """A segment as a generation delivers it in one language: what its review files show (the comment column
    included) and, for a timed segment, the stretch of time its subtitle cues cover."""

    id: int
    source: str
    translation: str
    status: str
    comment: str = ""
    start_ms: int | None = None
    end_ms: int | None = None


def delivered_rows(doc: Document) -> dict[str, list[DeliveredRow]]:
    """What the document's review files deliver per target language."""
    return {lang: [DeliveredRow(row.id, row.source, row.translation, row.status, row.comment,
                                *((segment.timing.start_ms, segment.timing.end_ms) if segment.timing else ()))
                   for row, segment in zip(document_rows(doc, lang), doc.segments)]
            for lang in doc.targets}


@dataclass(frozen=True)
class Delivered:
    """A segment as a run wrote it into the review files (and, when timed, the time its cues cover)."""

    source_text: str
    translation: str
    status: str
    comment: str = ""
    start_ms: int | None = None
    end_ms: int | None = None


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
    notes: int = 0  # corrections with a reviewer's comment, error category or severity


class RunLedger:
    """The record of runs in an open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def intend(self, doc_key: str, delivered: dict[str, list[DeliveredRow]], hashes: dict[str, str],
               on_disk: dict[str, str | None]) -> int:
        """Before writing: a new generation with what the document's review files will deliver per target
        language, and the hash each file (by resolved path) is about to get. A file that already holds what a
        killed run meant to write is first recorded as written. Returns the generation."""
        connection = self.db.connection
        with self.db.transaction():
            (generation,) = connection.execute(
                "SELECT coalesce(max(generation), 0) + 1 FROM (SELECT generation FROM deliveries "
                "UNION ALL SELECT generation FROM files UNION ALL SELECT generation FROM pending_files)"
            ).fetchone()
            for path, pending in self._hashes("pending_files", list(hashes)).items():
                if on_disk.get(path) == pending:
                    connection.execute("INSERT OR REPLACE INTO files SELECT * FROM pending_files WHERE path = ?",
                                       (path,))
            connection.executemany("INSERT OR REPLACE INTO pending_files VALUES (?, ?, ?)",
                                   [(path, sha256, generation) for path, sha256 in sorted(hashes.items())])
            for lang, rows in delivered.items():
                connection.executemany(
                    "INSERT INTO deliveries (generation, doc_key, tgt, segment_id, source_text, translation, status, "
                    "comment, start_ms, end_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(generation, doc_key, lang, *DeliveredRow(*row)) for row in rows])
        return int(generation)

    def settle(self, paths: Iterable[str]) -> None:
        """After writing: each file's pending hash becomes its written one; deliveries no file can hold any
        more are forgotten (the newest of each document and language is always kept)."""
        wanted = sorted(paths)
        connection = self.db.connection
        with self.db.transaction():
            for start in range(0, len(wanted), LOOKUP_CHUNK):
                chunk = wanted[start:start + LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                connection.execute(f"INSERT OR REPLACE INTO files SELECT * FROM pending_files WHERE path IN ({marks})",
                                   chunk)
                connection.execute(f"DELETE FROM pending_files WHERE path IN ({marks})", chunk)
            connection.execute(
                "DELETE FROM deliveries WHERE generation NOT IN (SELECT generation FROM files UNION "
                "SELECT generation FROM pending_files) AND generation < (SELECT max(d.generation) FROM deliveries d "
                "WHERE d.doc_key = deliveries.doc_key AND d.tgt = deliveries.tgt)"
            )

    def generations(self, doc_key: str, tgt: str) -> dict[int, dict[int, Delivered]]:
        """Every version of a document's segments that one of its files may hold, by generation, newest first."""
        versions: dict[int, dict[int, Delivered]] = {}
        rows = self.db.connection.execute(
            "SELECT generation, segment_id, source_text, translation, status, comment, start_ms, end_ms "
            "FROM deliveries WHERE doc_key = ? AND tgt = ? ORDER BY generation DESC, segment_id",
            (doc_key, tgt),
        )
        for generation, segment_id, *fields in rows:
            versions.setdefault(generation, {})[segment_id] = Delivered(*fields)
        return versions

    def delivered_versions(self, doc_key: str, tgt: str) -> list[dict[int, Delivered]]:
        """Every version of a document's segments that one of its files may hold, newest first."""
        return list(self.generations(doc_key, tgt).values())

    def file_generations(self, path: str) -> dict[str, int]:
        """The generations this tool wrote (or, killed while writing, meant to write) a file from, by the
        SHA-256 it gave the file: one, or two after a run was interrupted while writing."""
        found: dict[str, int] = {}
        for table in ("files", "pending_files"):
            found.update(self.db.connection.execute(f"SELECT sha256, generation FROM {table} WHERE path = ?", (path,)))
        return found

    def clock(self) -> int:
        """The newest generation so far: an approval made now comes after every file of this generation."""
        (newest,) = self.db.connection.execute(
            "SELECT coalesce(max(generation), 0) FROM (SELECT generation FROM deliveries "
            "UNION ALL SELECT generation FROM files UNION ALL SELECT generation FROM pending_files)").fetchone()
        return int(newest)

    def outputs(self, doc_key: str, tgt: str) -> dict[int, Delivered]:
        """The segments as the newest generation delivered them."""
        versions = self.delivered_versions(doc_key, tgt)
        return versions[0] if versions else {}

    def _hashes(self, table: str, wanted: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(wanted), LOOKUP_CHUNK):
            chunk = wanted[start:start + LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            found.update(self.db.connection.execute(f"SELECT path, sha256 FROM {table} WHERE path IN ({marks})", chunk))
        return found

    def file_hashes(self, paths: Iterable[str]) -> dict[str, str]:
        """The SHA-256 each of these output files had when this tool last finished writing it."""
        return self._hashes("files", list(paths))

    def wrote_elsewhere(self, name: str, sha256: str) -> bool:
        """Whether this tool wrote exactly these bytes as a file of this name in some folder: an output folder
        copied or moved with its memory still holds the tool's own work, not a file a person made."""
        rows = self.db.connection.execute("SELECT path FROM files WHERE sha256 = ?", (sha256,))
        return any(Path(path).name == name for (path,) in rows)

    def own_hashes(self, paths: Iterable[str]) -> dict[str, set[str]]:
        """Every SHA-256 each file may have as this tool's own work: as last written, and as a run killed while
        writing it meant to write it."""
        wanted = list(paths)
        own: dict[str, set[str]] = {}
        for table in ("files", "pending_files"):
            for path, sha256 in self._hashes(table, wanted).items():
                own.setdefault(path, set()).add(sha256)
        return own

    def document(self, doc_key: str) -> tuple[str, str] | None:
        """(input file name, source language) of the document this name was last written for."""
        row = self.db.connection.execute("SELECT input_name, src FROM documents WHERE doc_key = ?",
                                         (doc_key,)).fetchone()
        return None if row is None else (row[0], row[1])

    def claim(self, doc_key: str, input_name: str, src: str, glossaries: list[str]) -> None:
        """Record which input, source language and glossary files a document name now stands for."""
        with self.db.transaction():
            self.db.connection.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?)",
                                       (doc_key, input_name, src, json.dumps(glossaries)))

    def glossaries(self, doc_key: str) -> list[str]:
        """The glossary files the document's last run used."""
        row = self.db.connection.execute("SELECT glossaries FROM documents WHERE doc_key = ?", (doc_key,)).fetchone()
        return [] if row is None else self._names(row[0], "a document's glossary list")

    def delivered_documents(self) -> list[tuple[str, str]]:
        """(document name, target language) of every delivered document."""
        return [(key, tgt) for key, tgt in self.db.connection.execute(
            "SELECT DISTINCT doc_key, tgt FROM deliveries ORDER BY doc_key, tgt")]

    def source_language(self, doc_key: str) -> str | None:
        """The source language of a document's runs, from the names of the files they wrote (`S.SRC-L.csv`)."""
        row = self.db.connection.execute("SELECT src FROM documents WHERE doc_key = ?", (doc_key,)).fetchone()
        if row is not None:
            return str(row[0])
        last = self.last_run(doc_key)
        for name in last.paths if last else []:
            found = re.search(rf"[/\\]{re.escape(doc_key)}\.([a-z]+)-[a-z]+\.csv$", name)
            if found:
                return found[1]
        return None

    def file_record(self, path: str) -> tuple[str, int] | None:
        """(SHA-256, generation) of a file as last written or imported, or None."""
        row = self.db.connection.execute("SELECT sha256, generation FROM files WHERE path = ?", (path,)).fetchone()
        return None if row is None else (row[0], row[1])

    def restore_file_record(self, path: str, record: tuple[str, int] | None) -> None:
        """Put back a file's record as `file_record` returned it (an undone import)."""
        with self.db.transaction():
            self.db.connection.execute("DELETE FROM files WHERE path = ?", (path,))
            if record is not None:
                self.db.connection.execute("INSERT INTO files VALUES (?, ?, ?)", (path, *record))

    def record_files(self, hashes: dict[str, str]) -> None:
        """Files this tool did not write but may write over (an imported review file): taken as settled."""
        with self.db.transaction():
            self.db.connection.executemany(
                "INSERT OR REPLACE INTO files VALUES (?1, ?2, coalesce((SELECT generation FROM files WHERE path = ?1), "
                "0))", sorted(hashes.items()),
            )

    def last_run(self, doc_key: str) -> LastRun | None:
        row = self.db.connection.execute(
            "SELECT fingerprint, paths, report FROM runs WHERE doc_key = ?", (doc_key,)
        ).fetchone()
        return None if row is None else LastRun(row[0], self._names(row[1], "a run's list of files"), row[2])

    def _names(self, stored: object, what: str) -> list[str]:
        """A JSON list of names as this tool stored it; a memory edited by hand into something else is damaged."""
        try:
            names = json.loads(stored) if isinstance(stored, str | bytes) else None
        except (ValueError, RecursionError):
            names = None
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            raise refusal(self.db.path, f"the database is damaged ({what} is not a list of names)")
        return names

    def record_run(self, doc_key: str, run: LastRun) -> None:
        with self.db.transaction():
            self.db.connection.execute("INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?)",
                                       (doc_key, run.fingerprint, json.dumps(run.paths), run.report))

    def status(self, doc_key: str | None = None) -> list[StatusCounts]:
        """Counts per document and target language, sorted; all documents when `doc_key` is None. A segment
        delivered approved whose approval was undone since counts as machine: the next run delivers it so."""
        rows = self.db.connection.execute(
            """
            WITH outputs AS (
                SELECT * FROM deliveries n WHERE generation = (SELECT max(generation) FROM deliveries m
                                                               WHERE m.doc_key = n.doc_key AND m.tgt = n.tgt))
            , counted AS (
                SELECT o.*, CASE WHEN o.status = 'approved' AND NOT EXISTS (
                    SELECT 1 FROM approvals a WHERE a.doc_key = o.doc_key AND a.tgt = o.tgt
                       AND a.segment_id = o.segment_id) THEN 'machine'
                    ELSE o.status END AS now FROM outputs o)
            SELECT o.doc_key, o.tgt,
                   sum(o.now = 'machine'), sum(o.now = 'approved'), sum(o.now = 'flagged'),
                   (SELECT count(*) FROM approvals a
                     LEFT JOIN outputs d ON d.doc_key = a.doc_key AND d.tgt = a.tgt AND d.segment_id = a.segment_id
                     WHERE a.doc_key = o.doc_key AND a.tgt = o.tgt
                       AND (d.status IS NOT 'approved' OR d.translation IS NOT a.translation
                            OR d.source_text IS NOT a.source_text)),
                   (SELECT count(*) FROM approvals a WHERE a.doc_key = o.doc_key AND a.tgt = o.tgt
                     AND (a.comment != '' OR a.category != '' OR a.severity != ''))
            FROM counted o
            WHERE ?1 IS NULL OR o.doc_key = ?1
            GROUP BY o.doc_key, o.tgt
            ORDER BY o.doc_key, o.tgt
            """,
            (doc_key,),
        )
        return [StatusCounts(*row) for row in rows]
