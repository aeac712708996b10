"""The translation memory: what people would lose if the file went away.

`sentences` holds every machine-translated sentence, keyed by its source text, language pair, engine identity
and glossary fingerprint, so a re-run translates only what changed. `approvals` holds reviewers' corrections
per document, segment and target language; machine output never replaces them. `imports` and
`replaced_approvals` log each review import with the approvals it replaced (and when, and by whom), so the last
import can be undone; `undone_changes` keeps what undos took back, for a row's history.
All live in the one `translator.sqlite` file (see `database.py`) beside the run ledger (`ledger.py`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from translator.database import LOOKUP_CHUNK, Database


@dataclass(frozen=True)
class Approval:
    """A reviewer's translation of a segment, the source text it was made for, what the reviewer said about it
    (a comment; an error category and severity for what the machine got wrong), and how many times it was saved
    (`revision`: a save made against an older revision can be refused)."""

    source_text: str
    translation: str
    comment: str = ""
    category: str = ""
    severity: str = ""
    revision: int = 1
    generation: int = 0  # the run ledger's newest generation when it was made: files up to it were written before
    replaced: str = ""  # the text the reviewer replaced (as the file held it): a file still holding it is older


@dataclass(frozen=True)
class UndoneImport:
    """What `undo_import` reverted: the import's document, language and file, how many approvals it had
    stored, and the ledger's record of the file before the import (None: it had none)."""

    doc_key: str
    tgt: str
    file: str
    approvals: int
    file_record: tuple[str, int] | None


@dataclass(frozen=True)
class LoggedChange:
    """A logged change of one segment: the file (or reviewer's tool) that made it, the approval it replaced
    (None: the machine translation), when (UTC, ISO 8601; None: logged before the memory kept times) and by
    whom (None: no name given)."""

    file: str
    replaced: Approval | None
    made_at: str | None
    reviewer: str | None


@dataclass(frozen=True)
class UndoneChange:
    """A change of one segment that an undo took back: the change (file, when, by whom), the undo (when, by
    whom), the text it took back and the text it put back (None: the machine translation)."""

    file: str
    made_at: str | None
    reviewer: str | None
    undone_at: str
    undone_by: str | None
    undone: str | None
    restored: str | None


_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"  # UTC to the millisecond, so a row's history sorts by it

_APPROVAL_COLUMNS = ("doc_key, tgt, segment_id, src, source_text, translation, comment, category, severity, revision, "
                     "generation, replaced")

# A replaced approval's notes, revision, generation and replaced text; an import logged before schema v4 (v5)
# has none of them.
_KEPT_NOTES = ("coalesce(r.comment, ''), coalesce(r.category, ''), coalesce(r.severity, ''), coalesce(r.revision, 1), "
               "coalesce(r.generation, 0), coalesce(r.replaced, '')")


def fingerprint(content: str | bytes) -> str:
    """A short stable digest, e.g. of a glossary's content, to key memory entries by."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()[:16]


class TranslationMemory:
    """Machine translations and reviewers' approvals in an open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def lookup(self, src: str, tgt: str, engine_id: str, glossary_id: str, sentences: list[str]) -> dict[str, str]:
        """The stored translations of those of `sentences` the memory has."""
        found: dict[str, str] = {}
        unique = list(dict.fromkeys(sentences))
        for start in range(0, len(unique), LOOKUP_CHUNK):
            chunk = unique[start:start + LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            found.update(self.db.connection.execute(
                f"SELECT source, target FROM sentences WHERE src = ? AND tgt = ? AND engine = ? AND glossary = ? "
                f"AND source IN ({marks})",
                [src, tgt, engine_id, glossary_id, *chunk],
            ).fetchall())
        return found

    def store(self, src: str, tgt: str, engine_id: str, glossary_id: str, pairs: list[tuple[str, str]]) -> None:
        """Keep a batch of (source sentence, translation) pairs; committed before this returns."""
        with self.db.transaction():
            self.db.connection.executemany(
                "INSERT OR REPLACE INTO sentences VALUES (?, ?, ?, ?, ?, ?)",
                [(src, tgt, engine_id, glossary_id, source, target) for source, target in pairs],
            )

    def approve(self, doc_key: str, segment_id: int, src: str, tgt: str, source_text: str, translation: str, *,
                comment: str = "", category: str = "", severity: str = "", generation: int = 0,
                replaced: str = "") -> int:
        """Store a reviewer's correction; a later one for the same segment replaces it. Returns its revision:
        1 for the segment's first approval, one more for each later save. `generation` is the run ledger's
        newest generation (`RunLedger.clock`): a file written up to it was written before this approval;
        `replaced` the text the reviewer changed."""
        with self.db.transaction():
            (revision,) = self.db.connection.execute(
                f"INSERT INTO approvals ({_APPROVAL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) "
                "ON CONFLICT (doc_key, tgt, segment_id) DO UPDATE SET src = excluded.src, "
                "source_text = excluded.source_text, translation = excluded.translation, "
                "comment = excluded.comment, category = excluded.category, severity = excluded.severity, "
                "revision = approvals.revision + 1, generation = excluded.generation, replaced = excluded.replaced "
                "RETURNING revision",
                (doc_key, tgt, segment_id, src, source_text, translation, comment, category, severity, generation,
                 replaced),
            ).fetchone()
        return int(revision)

    def log_import(self, doc_key: str, tgt: str, file: str, segment_ids: list[int],
                   file_record: tuple[str, int] | None, reviewer: str | None = None) -> None:
        """Before an import stores its approvals: which ones it replaces (none where a segment had none), and
        the run ledger's record of the imported file, so `undo_import` can put both back; when, and the
        reviewer's name if one was given."""
        connection = self.db.connection
        with self.db.transaction():
            cursor = connection.execute(
                "INSERT INTO imports (doc_key, tgt, file, file_sha256, file_generation, made_at, reviewer) "
                f"VALUES (?, ?, ?, ?, ?, {_NOW}, ?)",
                (doc_key, tgt, file, *(file_record or (None, None)), reviewer),
            )
            connection.executemany(
                "INSERT INTO replaced_approvals (import_id, segment_id, src, source_text, translation, comment, "
                "category, severity, revision, generation, replaced) "
                "SELECT ?1, ?2, a.src, a.source_text, a.translation, a.comment, a.category, a.severity, a.revision, "
                "a.generation, a.replaced "
                "FROM (SELECT 1) "
                "LEFT JOIN approvals a ON a.doc_key = ?3 AND a.tgt = ?4 AND a.segment_id = ?2",
                [(cursor.lastrowid, segment_id, doc_key, tgt) for segment_id in segment_ids],
            )

    def _keep_undone(self, import_id: int, segment_id: int | None, undone_by: str | None) -> None:
        """Before an undo: what it takes back from the import's segments (one, or all), for their history."""
        self.db.connection.execute(
            "INSERT INTO undone_changes (doc_key, tgt, segment_id, file, made_at, reviewer, undone_at, undone_by, "
            f"undone_translation, restored_translation) SELECT i.doc_key, i.tgt, r.segment_id, i.file, i.made_at, "
            f"i.reviewer, {_NOW}, ?3, a.translation, r.translation "
            "FROM replaced_approvals r JOIN imports i ON i.id = r.import_id "
            "LEFT JOIN approvals a ON a.doc_key = i.doc_key AND a.tgt = i.tgt AND a.segment_id = r.segment_id "
            "WHERE r.import_id = ?1 AND (?2 IS NULL OR r.segment_id = ?2)",
            (import_id, segment_id, undone_by),
        )

    def undo_import(self, undone_by: str | None = None) -> UndoneImport | None:
        """Put back the approvals the last import replaced and forget it (keeping what it took back for the
        rows' history); None when there is none."""
        connection = self.db.connection
        with self.db.transaction():
            last = connection.execute(
                "SELECT id, doc_key, tgt, file, file_sha256, file_generation FROM imports ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if last is None:
                return None
            import_id, doc_key, tgt, file, sha256, generation = last
            self._keep_undone(import_id, None, undone_by)
            replaced = connection.execute(
                "SELECT segment_id, src, source_text, translation, comment, category, severity, revision, "
                "generation, replaced FROM replaced_approvals WHERE import_id = ?",
                (import_id,),
            ).fetchall()
            for segment_id, src, *kept in replaced:
                connection.execute("DELETE FROM approvals WHERE doc_key = ? AND tgt = ? AND segment_id = ?",
                                   (doc_key, tgt, segment_id))
                if kept[1] is not None:  # the segment had an approval before the import
                    connection.execute(f"INSERT INTO approvals ({_APPROVAL_COLUMNS}) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, 0), coalesce(?, ''))",
                                       (doc_key, tgt, segment_id, src, *kept))
            connection.execute("DELETE FROM replaced_approvals WHERE import_id = ?", (import_id,))
            connection.execute("DELETE FROM imports WHERE id = ?", (import_id,))
        return UndoneImport(doc_key, tgt, file, len(replaced), None if sha256 is None else (sha256, generation))

    def approval(self, doc_key: str, tgt: str, segment_id: int) -> Approval | None:
        """One segment's approval, or None."""
        row = self.db.connection.execute(
            "SELECT source_text, translation, comment, category, severity, revision FROM approvals "
            "WHERE doc_key = ? AND tgt = ? AND segment_id = ?",
            (doc_key, tgt, segment_id),
        ).fetchone()
        return None if row is None else Approval(*row)

    def unapprove(self, doc_key: str, tgt: str, segment_id: int) -> None:
        """Drop a segment's approval: the next run writes the machine translation again."""
        with self.db.transaction():
            self.db.connection.execute("DELETE FROM approvals WHERE doc_key = ? AND tgt = ? AND segment_id = ?",
                                       (doc_key, tgt, segment_id))

    def segment_history(self, doc_key: str, tgt: str, segment_id: int) -> list[LoggedChange]:
        """Every logged change of one segment still in effect, oldest first."""
        rows = self.db.connection.execute(
            f"SELECT i.file, i.made_at, i.reviewer, r.source_text, r.translation, {_KEPT_NOTES} "
            "FROM replaced_approvals r JOIN imports i ON i.id = r.import_id "
            "WHERE i.doc_key = ? AND i.tgt = ? AND r.segment_id = ? ORDER BY i.id",
            (doc_key, tgt, segment_id),
        )
        return [LoggedChange(file, None if fields[1] is None else Approval(*fields), made_at, reviewer)
                for file, made_at, reviewer, *fields in rows]

    def undone_history(self, doc_key: str, tgt: str, segment_id: int) -> list[UndoneChange]:
        """The segment's changes that undos took back, in the order they were undone."""
        rows = self.db.connection.execute(
            "SELECT file, made_at, reviewer, undone_at, undone_by, undone_translation, restored_translation "
            "FROM undone_changes WHERE doc_key = ? AND tgt = ? AND segment_id = ? ORDER BY id",
            (doc_key, tgt, segment_id),
        )
        return [UndoneChange(*row) for row in rows]

    def last_changes(self, doc_key: str, tgt: str) -> dict[int, tuple[str | None, str | None]]:
        """Per segment, when its last logged change still in effect was made and by whom."""
        rows = self.db.connection.execute(
            "SELECT r.segment_id, i.made_at, i.reviewer FROM replaced_approvals r JOIN imports i "
            "ON i.id = r.import_id WHERE i.doc_key = ? AND i.tgt = ? ORDER BY i.id",
            (doc_key, tgt),
        )
        return {segment_id: (made_at, reviewer) for segment_id, made_at, reviewer in rows}

    def undo_segment(self, doc_key: str, tgt: str, segment_id: int, undone_by: str | None = None) -> bool:
        """Put back the approval (or the machine translation) the segment's last logged change replaced and
        forget that change (keeping what it took back for the history), leaving the rest of its import in the
        log; False when there is none."""
        connection = self.db.connection
        with self.db.transaction():
            last = connection.execute(
                f"SELECT r.import_id, r.src, r.source_text, r.translation, {_KEPT_NOTES} "
                "FROM replaced_approvals r JOIN imports i ON i.id = r.import_id "
                "WHERE i.doc_key = ? AND i.tgt = ? AND r.segment_id = ? ORDER BY i.id DESC LIMIT 1",
                (doc_key, tgt, segment_id),
            ).fetchone()
            if last is None:
                return False
            import_id, src, *kept = last
            self._keep_undone(import_id, segment_id, undone_by)
            connection.execute("DELETE FROM approvals WHERE doc_key = ? AND tgt = ? AND segment_id = ?",
                               (doc_key, tgt, segment_id))
            if kept[1] is not None:
                connection.execute(f"INSERT INTO approvals ({_APPROVAL_COLUMNS}) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   (doc_key, tgt, segment_id, src, *kept))
            connection.execute("DELETE FROM replaced_approvals WHERE import_id = ? AND segment_id = ?",
                               (import_id, segment_id))
            connection.execute("DELETE FROM imports WHERE id = ? AND NOT EXISTS "
                               "(SELECT 1 FROM replaced_approvals WHERE import_id = ?)", (import_id, import_id))
        return True

    def approvals(self, doc_key: str, tgt: str) -> dict[int, Approval]:
        rows = self.db.connection.execute(
            "SELECT segment_id, source_text, translation, comment, category, severity, revision, generation, "
            "replaced FROM approvals WHERE doc_key = ? AND tgt = ? ORDER BY segment_id",
            (doc_key, tgt),
        )
        return {segment_id: Approval(*fields) for segment_id, *fields in rows}

    def approved_from(self, doc_key: str, tgt: str) -> dict[int, str]:
        """The file each segment's current approval was imported from (segments approved otherwise are absent)."""
        return dict(self.db.connection.execute(
            "SELECT r.segment_id, i.file FROM replaced_approvals r JOIN imports i ON i.id = r.import_id "
            "WHERE i.doc_key = ? AND i.tgt = ? ORDER BY i.id", (doc_key, tgt)))
