"""The one SQLite file (`translator.sqlite`) that holds the translation memory and the run ledger.

This module owns the file itself: refusing anything that is not ours, laying out and upgrading the schema,
and transactions. What is stored lives in `memory.py` (sentences, approvals: the work people would lose) and
`ledger.py` (outputs, file hashes, runs: the record of what runs wrote).

The schema is upgraded in place: `MIGRATIONS[n]` turns version n into version n + 1 (a new file runs them all
from version 0), all steps of one upgrade in one transaction, so a crash leaves the old version intact and
readable. A file of a newer version than this code knows is refused untouched, never rewritten, so an older
translator cannot damage what a newer one stored. To change the schema, append a step; never edit one.

Nothing is lost: the file runs in WAL mode and every write is its own transaction, so a run killed at any
moment (kill -9) keeps every batch stored before the kill.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from translator.errors import MemoryFileError

DEFAULT_OUT = Path("output")  # a run's output folder, unless told otherwise; the memory lives there by default
MEMORY_NAME = "translator.sqlite"
APPLICATION_ID = 0x54524E53  # "TRNS": marks the file as ours (PRAGMA application_id)
SQLITE_MAGIC = b"SQLite format 3\x00"
LOOKUP_CHUNK = 500  # rows asked for per query: well under SQLite's limit on bound parameters

Migration = Sequence[str]  # SQL statements, run in order

_VERSION_1: Migration = (
    """CREATE TABLE sentences (
        src TEXT NOT NULL, tgt TEXT NOT NULL, engine TEXT NOT NULL, glossary TEXT NOT NULL,
        source TEXT NOT NULL, target TEXT NOT NULL,
        PRIMARY KEY (src, tgt, engine, glossary, source)
    ) WITHOUT ROWID""",
    """CREATE TABLE approvals (
        doc_key TEXT NOT NULL, tgt TEXT NOT NULL, segment_id INTEGER NOT NULL,
        src TEXT NOT NULL, source_text TEXT NOT NULL, translation TEXT NOT NULL,
        PRIMARY KEY (doc_key, tgt, segment_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE outputs (
        doc_key TEXT NOT NULL, tgt TEXT NOT NULL, segment_id INTEGER NOT NULL,
        source_text TEXT NOT NULL, translation TEXT NOT NULL, status TEXT NOT NULL,
        PRIMARY KEY (doc_key, tgt, segment_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE files (
        path TEXT NOT NULL PRIMARY KEY, sha256 TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE runs (
        doc_key TEXT NOT NULL PRIMARY KEY, fingerprint TEXT NOT NULL, paths TEXT NOT NULL, report TEXT NOT NULL
    ) WITHOUT ROWID""",
)

MIGRATIONS: tuple[Migration, ...] = (_VERSION_1,)
SCHEMA_VERSION = len(MIGRATIONS)


def refusal(path: Path, why: str) -> MemoryFileError:
    return MemoryFileError(f"{path}: {why}; refusing to use it as a translation memory (choose another --memory)")


def schema_version(db: sqlite3.Connection) -> int:
    (version,) = db.execute("PRAGMA user_version").fetchone()
    return int(version)


def migrate(db: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> None:
    """Bring a database of ours (or a blank one) up to `len(migrations)`, inside the caller's transaction."""
    for version in range(schema_version(db), len(migrations)):
        for statement in migrations[version]:
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {version + 1}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


class Database:
    """Open (or create) the file at `path`, upgraded to the current schema; refuse anything else untouched."""

    def __init__(self, path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> None:
        self.path = Path(path)
        self._check_file()
        try:
            self.connection = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        except sqlite3.Error as exc:
            raise refusal(self.path, f"cannot open ({exc})") from None
        try:
            self._check_owner()
            self._upgrade(migrations)
            self._check_integrity()
            self.connection.execute("PRAGMA journal_mode = WAL")
            self.connection.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            self.connection.close()
            raise refusal(self.path, f"the database is damaged ({exc})") from None
        except MemoryFileError:
            self.connection.close()
            raise

    def _check_file(self) -> None:
        """Refuse a folder or a file that is not SQLite at all; create the folder of a new file."""
        if not self.path.exists():
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise refusal(self.path, f"cannot create its folder ({exc.strerror})") from None
            return
        if not self.path.is_file():
            raise refusal(self.path, "not a regular file")
        try:
            with self.path.open("rb") as handle:
                head = handle.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise refusal(self.path, f"cannot read ({exc.strerror})") from None
        if head and head != SQLITE_MAGIC:
            raise refusal(self.path, "not an SQLite file")

    def _is_blank(self) -> bool:
        """A new or empty file, or an SQLite file with no tables and no marker, may become ours."""
        (application_id,) = self.connection.execute("PRAGMA application_id").fetchone()
        (tables,) = self.connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        return bool(application_id == 0 and tables == 0)

    def _check_owner(self) -> None:
        (application_id,) = self.connection.execute("PRAGMA application_id").fetchone()
        if application_id != APPLICATION_ID and not self._is_blank():
            raise refusal(self.path, "an SQLite database of another program")

    def _upgrade(self, migrations: Sequence[Migration]) -> None:
        """Create a blank file's schema, or upgrade an older one, unless another process did it meanwhile."""
        newest = len(migrations)
        version = schema_version(self.connection)
        if version > newest:
            raise refusal(self.path, f"schema version {version} was written by a newer translator, this one reads "
                                     f"up to version {newest}; upgrade translator (the file is left as it is)")
        if version == newest:
            return
        try:
            with self.transaction():
                self._check_owner()
                migrate(self.connection, migrations)
        except sqlite3.OperationalError as exc:
            raise refusal(self.path, f"cannot upgrade schema version {version} to {newest} ({exc}); "
                                     "the file is left as it was") from None

    def _check_integrity(self) -> None:
        problems = [row[0] for row in self.connection.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise refusal(self.path, f"the database is damaged ({problems[0]})")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic step: all of it is in the file after a crash, or none of it. Nested steps join the outer."""
        if self.connection.in_transaction:
            yield
            return
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
