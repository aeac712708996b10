"""The translation memory: what people would lose if the file went away.

`sentences` holds every machine-translated sentence, keyed by its source text, language pair, engine identity
and glossary fingerprint, so a re-run translates only what changed. `approvals` holds reviewers' corrections
per document, segment and target language; machine output never replaces them. Both live in the one
`translator.sqlite` file (see `database.py`) beside the run ledger (`ledger.py`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from translator.database import LOOKUP_CHUNK, Database


@dataclass(frozen=True)
class Approval:
    """A reviewer's translation of a segment, and the source text it was made for."""

    source_text: str
    translation: str


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

    def approve(self, doc_key: str, segment_id: int, src: str, tgt: str, source_text: str, translation: str) -> None:
        """Store a reviewer's correction; a later one for the same segment replaces it."""
        with self.db.transaction():
            self.db.connection.execute(
                "INSERT OR REPLACE INTO approvals VALUES (?, ?, ?, ?, ?, ?)",
                (doc_key, tgt, segment_id, src, source_text, translation),
            )

    def approvals(self, doc_key: str, tgt: str) -> dict[int, Approval]:
        rows = self.db.connection.execute(
            "SELECT segment_id, source_text, translation FROM approvals WHERE doc_key = ? AND tgt = ? "
            "ORDER BY segment_id",
            (doc_key, tgt),
        )
        return {segment_id: Approval(source_text, translation) for segment_id, source_text, translation in rows}
