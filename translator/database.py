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

import os
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

# Deliveries by generation: each write of a document is a generation, and the hash each file is about to get is
# recorded with it before the file is written (see ledger.py). What version 1 stored becomes generation 0.
_VERSION_2: Migration = (
    """CREATE TABLE deliveries (
        generation INTEGER NOT NULL, doc_key TEXT NOT NULL, tgt TEXT NOT NULL, segment_id INTEGER NOT NULL,
        source_text TEXT NOT NULL, translation TEXT NOT NULL, status TEXT NOT NULL,
        PRIMARY KEY (doc_key, tgt, generation, segment_id)
    ) WITHOUT ROWID""",
    "INSERT INTO deliveries SELECT 0, doc_key, tgt, segment_id, source_text, translation, status FROM outputs",
    "DROP TABLE outputs",
    "ALTER TABLE files ADD COLUMN generation INTEGER NOT NULL DEFAULT 0",
    """CREATE TABLE pending_files (
        path TEXT NOT NULL PRIMARY KEY, sha256 TEXT NOT NULL, generation INTEGER NOT NULL
    ) WITHOUT ROWID""",
)

# Review imports, each with what it replaced, so the last one can be undone; and which input file, source
# language and glossaries each document name stands for, so two documents never share a name's records and an
# import checks corrections against the glossaries of the run.
_VERSION_3: Migration = (
    """CREATE TABLE imports (
        id INTEGER PRIMARY KEY, doc_key TEXT NOT NULL, tgt TEXT NOT NULL, file TEXT NOT NULL,
        file_sha256 TEXT, file_generation INTEGER
    )""",
    """CREATE TABLE replaced_approvals (
        import_id INTEGER NOT NULL REFERENCES imports (id), segment_id INTEGER NOT NULL,
        src TEXT, source_text TEXT, translation TEXT,
        PRIMARY KEY (import_id, segment_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE documents (
        doc_key TEXT NOT NULL PRIMARY KEY, input_name TEXT NOT NULL, src TEXT NOT NULL, glossaries TEXT NOT NULL
    ) WITHOUT ROWID""",
)

# What a reviewer says about a correction travels with it: a comment, and what was wrong (an error category and
# severity, as review tools such as Matecat record them). `revision` counts the saves of one approval, so a save
# made against an older revision can be refused instead of silently overwriting another reviewer's.
_VERSION_4: Migration = (
    "ALTER TABLE approvals ADD COLUMN comment TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE approvals ADD COLUMN category TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE approvals ADD COLUMN severity TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE approvals ADD COLUMN revision INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE replaced_approvals ADD COLUMN comment TEXT",
    "ALTER TABLE replaced_approvals ADD COLUMN category TEXT",
    "ALTER TABLE replaced_approvals ADD COLUMN severity TEXT",
    "ALTER TABLE replaced_approvals ADD COLUMN revision INTEGER",
)

# A delivery keeps the comment and the time span of its segment, so an edited subtitle file is read back against
# the run that wrote that very file (not whatever S.json now says) and a reviewer's comment is told from the
# flags' messages; an approval keeps the ledger generation it was made after and the text it replaced, so a file
# written before it (an older export, even one whose run's records are gone) is known as older and never
# overrides it.
_VERSION_5: Migration = (
    "ALTER TABLE deliveries ADD COLUMN comment TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE deliveries ADD COLUMN start_ms INTEGER",
    "ALTER TABLE deliveries ADD COLUMN end_ms INTEGER",
    "ALTER TABLE approvals ADD COLUMN generation INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE replaced_approvals ADD COLUMN generation INTEGER",
    "ALTER TABLE approvals ADD COLUMN replaced TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE replaced_approvals ADD COLUMN replaced TEXT",
)

# When each logged change was made (UTC, ISO 8601; none for one logged before this version) and by whom, when
# the reviewer gave a name; and the changes undone one row at a time or by `review undo`, with when and by whom,
# so a row's history shows its undos too (the log itself keeps only the changes still in effect).
_VERSION_6: Migration = (
    "ALTER TABLE imports ADD COLUMN made_at TEXT",
    "ALTER TABLE imports ADD COLUMN reviewer TEXT",
    """CREATE TABLE undone_changes (
        id INTEGER PRIMARY KEY, doc_key TEXT NOT NULL, tgt TEXT NOT NULL, segment_id INTEGER NOT NULL,
        file TEXT NOT NULL, made_at TEXT, reviewer TEXT, undone_at TEXT NOT NULL, undone_by TEXT,
        undone_translation TEXT, restored_translation TEXT
    )""",
)

MIGRATIONS: tuple[Migration, ...] = (_VERSION_1, _VERSION_2, _VERSION_3, _VERSION_4, _VERSION_5, _VERSION_6)
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


def _read_only(path: Path, why: str) -> MemoryFileError:
    return MemoryFileError(f"{path}: the translation memory is read-only ({why}); make it writable or pass "
                           "another --memory (`translator review status` reads it as it is)")


def _failure(path: Path, exc: sqlite3.DatabaseError) -> MemoryFileError:
    """A full disk or a read-only file is said as such; anything else SQLite reports is damage."""
    text = str(exc)
    if "readonly" in text or "read-only" in text:
        return _read_only(path, text)
    if "disk is full" in text or "disk I/O error" in text:
        return MemoryFileError(f"{path}: cannot write the translation memory ({text}); free some disk space and "
                               "run again, nothing stored so far is lost")
    return refusal(path, f"the database is damaged ({text})")


def _laid_out(migrations: Sequence[Migration]) -> sqlite3.Connection:
    """A blank in-memory database with the schema the migrations make."""
    blank = sqlite3.connect(":memory:", isolation_level=None)
    migrate(blank, migrations)
    return blank


def _tables(db: sqlite3.Connection) -> dict[str, list[str]]:
    """Each table's column names."""
    names = [row[0] for row in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")]
    return {name: [row[0] for row in db.execute("SELECT name FROM pragma_table_info(?)", (name,))] for name in names}


class Database:
    """Open (or create) the file at `path`, upgraded to the current schema; refuse anything else untouched.

    `read_only` opens an existing file for commands that only read (`review status`): nothing is written,
    so a memory on a read-only disk or without write permission still answers.
    """

    def __init__(self, path: Path, migrations: Sequence[Migration] = MIGRATIONS, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self._check_file()
        if not read_only and self.path.exists():
            for place in (self.path, self.path.parent):  # SQLite writes its journal beside the file
                if not os.access(place, os.W_OK):
                    raise _read_only(self.path, f"{place} is not writable")
        try:
            self.connection = (self._open_read_only() if read_only
                               else sqlite3.connect(self.path, isolation_level=None, timeout=30))
        except sqlite3.Error as exc:
            raise refusal(self.path, f"cannot open ({exc})") from None
        try:
            self._check_owner()
            if read_only:
                self._check_readable(len(migrations))
            else:
                self._upgrade(migrations)
            self._check_integrity()
            self._check_schema(migrations)
            if not read_only:
                self.connection.execute("PRAGMA journal_mode = WAL")
                self.connection.execute("PRAGMA synchronous = NORMAL")
                self.connection.execute("BEGIN IMMEDIATE")  # can this process write at all? Say so now if not
                self.connection.execute("ROLLBACK")
        except sqlite3.DatabaseError as exc:
            self.connection.close()
            raise _failure(self.path, exc) from None
        except MemoryFileError:
            self.connection.close()
            raise

    def _open_read_only(self) -> sqlite3.Connection:
        """Read without writing anything, not even WAL bookkeeping: `immutable` when the folder cannot take it."""
        if not self.path.is_file():
            raise sqlite3.OperationalError("no such file")
        uri = self.path.resolve().as_uri()
        connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
        try:
            connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        except sqlite3.OperationalError:
            connection.close()
            connection = sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)
        return connection

    def _check_readable(self, newest: int) -> None:
        version = schema_version(self.connection)
        if version != newest:
            raise refusal(self.path, f"schema version {version}, this translator reads version {newest} and does "
                                     "not upgrade a file it only reads; run a command that writes to it first")

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
            if "disk is full" in str(exc) or "disk I/O error" in str(exc):  # no room to write it: not damage
                raise _failure(self.path, exc) from None
            raise refusal(self.path, f"cannot upgrade schema version {version} to {newest} ({exc}); "
                                     "the file is left as it was") from None

    def _check_integrity(self) -> None:
        problems = [row[0] for row in self.connection.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise refusal(self.path, f"the database is damaged ({problems[0]})")

    def _check_schema(self, migrations: Sequence[Migration]) -> None:
        """Every table and column the migrations make is there: a file of ours whose table was dropped or whose
        column was renamed by hand is refused now, in one line, not halfway through a run."""
        expected, found = _tables(_laid_out(migrations)), _tables(self.connection)
        for table, columns in expected.items():
            if table not in found:
                raise refusal(self.path, f"the database is damaged (its table {table} is missing)")
            missing = [column for column in columns if column not in found[table]]
            if missing:
                raise refusal(self.path, f"the database is damaged (table {table} lacks {', '.join(missing)})")

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
