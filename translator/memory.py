"""The translation memory: a SQLite file that makes re-runs cheap and keeps reviewers' corrections.

Five tables: `sentences` (every machine-translated sentence, keyed by its source text, language pair, engine
identity and glossary fingerprint), `approvals` (reviewer corrections per document, segment and target language;
never replaced by machine output) and `outputs` (what the last run delivered per segment, so an import can
tell which rows a reviewer changed, and `review status` can count them) and `files` (the hash of every output
file as written, so a file a person has edited since is never overwritten) and `runs` (what each document's
last run depended on, wrote and reported, so an unchanged re-run can stop at once).

Nothing is lost: the file runs in WAL mode and every `store` is its own transaction, so a run killed at any
moment (kill -9) leaves every batch stored before the kill, and the next run translates only the rest.
A file that is not ours (another SQLite database, any other file, a damaged one) is refused, never written.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from translator.errors import MemoryFileError

APPLICATION_ID = 0x54524E53  # "TRNS": marks the file as a translator memory (PRAGMA application_id)
SCHEMA_VERSION = 1
_SQLITE_MAGIC = b"SQLite format 3\x00"
_LOOKUP_CHUNK = 500  # well under SQLite's limit on bound parameters

_SCHEMA = """
CREATE TABLE sentences (
    src TEXT NOT NULL, tgt TEXT NOT NULL, engine TEXT NOT NULL, glossary TEXT NOT NULL,
    source TEXT NOT NULL, target TEXT NOT NULL,
    PRIMARY KEY (src, tgt, engine, glossary, source)
) WITHOUT ROWID;
CREATE TABLE approvals (
    doc_key TEXT NOT NULL, tgt TEXT NOT NULL, segment_id INTEGER NOT NULL,
    src TEXT NOT NULL, source_text TEXT NOT NULL, translation TEXT NOT NULL,
    PRIMARY KEY (doc_key, tgt, segment_id)
) WITHOUT ROWID;
CREATE TABLE outputs (
    doc_key TEXT NOT NULL, tgt TEXT NOT NULL, segment_id INTEGER NOT NULL,
    source_text TEXT NOT NULL, translation TEXT NOT NULL, status TEXT NOT NULL,
    PRIMARY KEY (doc_key, tgt, segment_id)
) WITHOUT ROWID;
CREATE TABLE files (
    path TEXT NOT NULL PRIMARY KEY, sha256 TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE runs (
    doc_key TEXT NOT NULL PRIMARY KEY, fingerprint TEXT NOT NULL, paths TEXT NOT NULL, report TEXT NOT NULL
) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class Approval:
    """A reviewer's translation of a segment, and the source text it was made for."""

    source_text: str
    translation: str


@dataclass(frozen=True)
class Delivered:
    """A segment as the last run wrote it into the review files."""

    source_text: str
    translation: str
    status: str


@dataclass(frozen=True)
class StatusCounts:
    """How the last run's segments of one document and target language stand, plus corrections not yet used."""

    doc_key: str
    tgt: str
    machine: int
    approved: int
    flagged: int
    unapplied: int  # corrections stored but not in the last run's output: imported since, or stale


def fingerprint(content: str | bytes) -> str:
    """A short stable digest, e.g. of a glossary's content, to key memory entries by."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()[:16]


def _refuse(path: Path, why: str) -> MemoryFileError:
    return MemoryFileError(f"{path}: {why}; refusing to use it as a translation memory (choose another --memory)")


class TranslationMemory:
    """Open (or create) the memory at `path`; refuse anything that is not an intact memory of ours."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._check_file()
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        except sqlite3.Error as exc:
            raise _refuse(self.path, f"cannot open ({exc})") from None
        try:
            if self._is_blank():
                self._create()
            self._check_database()
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise _refuse(self.path, f"the database is damaged ({exc})") from None
        except MemoryFileError:
            self._db.close()
            raise

    def _check_file(self) -> None:
        """Refuse a folder or a file that is not SQLite at all; create the folder of a new memory."""
        if not self.path.exists():
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise _refuse(self.path, f"cannot create its folder ({exc.strerror})") from None
            return
        if not self.path.is_file():
            raise _refuse(self.path, "not a regular file")
        try:
            with self.path.open("rb") as handle:
                head = handle.read(len(_SQLITE_MAGIC))
        except OSError as exc:
            raise _refuse(self.path, f"cannot read ({exc.strerror})") from None
        if head and head != _SQLITE_MAGIC:
            raise _refuse(self.path, "not an SQLite file")

    def _is_blank(self) -> bool:
        """A new or empty file, or an SQLite file with no tables and no marker, may become ours."""
        (application_id,) = self._db.execute("PRAGMA application_id").fetchone()
        (tables,) = self._db.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        return application_id == 0 and tables == 0

    def _create(self) -> None:
        """Lay out the tables and the marker, unless another process did it while we looked."""
        with self._transaction():
            if self._is_blank():
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _check_database(self) -> None:
        (application_id,) = self._db.execute("PRAGMA application_id").fetchone()
        if application_id != APPLICATION_ID:
            raise _refuse(self.path, "an SQLite database of another program")
        (version,) = self._db.execute("PRAGMA user_version").fetchone()
        if version != SCHEMA_VERSION:
            raise _refuse(self.path, f"schema version {version}, this translator reads version {SCHEMA_VERSION}")
        problems = [row[0] for row in self._db.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise _refuse(self.path, f"the database is damaged ({problems[0]})")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One atomic step: all of it is in the file after a crash, or none of it."""
        if self._db.in_transaction:
            yield
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Machine translations -------------------------------------------------------------------------------

    def lookup(self, src: str, tgt: str, engine_id: str, glossary_id: str, sentences: list[str]) -> dict[str, str]:
        """The stored translations of those of `sentences` the memory has."""
        found: dict[str, str] = {}
        unique = list(dict.fromkeys(sentences))
        for start in range(0, len(unique), _LOOKUP_CHUNK):
            chunk = unique[start:start + _LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            found.update(self._db.execute(
                f"SELECT source, target FROM sentences WHERE src = ? AND tgt = ? AND engine = ? AND glossary = ? "
                f"AND source IN ({marks})",
                [src, tgt, engine_id, glossary_id, *chunk],
            ).fetchall())
        return found

    def store(self, src: str, tgt: str, engine_id: str, glossary_id: str, pairs: list[tuple[str, str]]) -> None:
        """Keep a batch of (source sentence, translation) pairs; committed before this returns."""
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO sentences VALUES (?, ?, ?, ?, ?, ?)",
                [(src, tgt, engine_id, glossary_id, source, target) for source, target in pairs],
            )

    # Reviewer corrections -------------------------------------------------------------------------------

    def approve(self, doc_key: str, segment_id: int, src: str, tgt: str, source_text: str, translation: str) -> None:
        """Store a reviewer's correction; a later one for the same segment replaces it."""
        with self._transaction():
            self._db.execute(
                "INSERT OR REPLACE INTO approvals VALUES (?, ?, ?, ?, ?, ?)",
                (doc_key, tgt, segment_id, src, source_text, translation),
            )

    def approvals(self, doc_key: str, tgt: str) -> dict[int, Approval]:
        rows = self._db.execute(
            "SELECT segment_id, source_text, translation FROM approvals WHERE doc_key = ? AND tgt = ? "
            "ORDER BY segment_id",
            (doc_key, tgt),
        )
        return {segment_id: Approval(source_text, translation) for segment_id, source_text, translation in rows}

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group several writes (an import's approvals) into one transaction: all kept or none."""
        with self._transaction():
            yield

    # What the last run delivered --------------------------------------------------------------------------

    def record_outputs(self, doc_key: str, tgt: str, rows: Iterable[tuple[int, str, str, str]]) -> None:
        """Replace the record of a document's delivered segments: (segment id, source, translation, status)."""
        with self._transaction():
            self._db.execute("DELETE FROM outputs WHERE doc_key = ? AND tgt = ?", (doc_key, tgt))
            self._db.executemany(
                "INSERT INTO outputs VALUES (?, ?, ?, ?, ?, ?)", [(doc_key, tgt, *row) for row in rows]
            )

    def outputs(self, doc_key: str, tgt: str) -> dict[int, Delivered]:
        rows = self._db.execute(
            "SELECT segment_id, source_text, translation, status FROM outputs WHERE doc_key = ? AND tgt = ? "
            "ORDER BY segment_id",
            (doc_key, tgt),
        )
        return {segment_id: Delivered(source, translation, status) for segment_id, source, translation, status in rows}

    def file_hashes(self, paths: Iterable[str]) -> dict[str, str]:
        """The SHA-256 each of these output files had when this tool last wrote it."""
        wanted = list(paths)
        found: dict[str, str] = {}
        for start in range(0, len(wanted), _LOOKUP_CHUNK):
            chunk = wanted[start:start + _LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            found.update(self._db.execute(f"SELECT path, sha256 FROM files WHERE path IN ({marks})", chunk))
        return found

    def record_files(self, hashes: dict[str, str]) -> None:
        with self._transaction():
            self._db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?)", sorted(hashes.items()))

    def last_run(self, doc_key: str) -> tuple[str, list[str], str] | None:
        """(fingerprint, output paths, report) of the document's last completed run."""
        row = self._db.execute("SELECT fingerprint, paths, report FROM runs WHERE doc_key = ?", (doc_key,)).fetchone()
        return None if row is None else (row[0], json.loads(row[1]), row[2])

    def record_fingerprint(self, doc_key: str, fingerprint: str, paths: list[str], report: str) -> None:
        with self._transaction():
            self._db.execute("INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?)",
                             (doc_key, fingerprint, json.dumps(paths), report))

    def status(self, doc_key: str | None = None) -> list[StatusCounts]:
        """Counts per document and target language, sorted; all documents when `doc_key` is None."""
        rows = self._db.execute(
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
