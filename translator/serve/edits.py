"""What a reviewer does to one row in the browser, stored straight into the translation memory.

Every change is logged as a one-row review import (memory.py `log_import`) before it is made, so `translator
review undo` reverts the last change made in the browser as it reverts the last imported file, and a row's
history is the log of its changes, with when each was made and by whom (the name the reviewer gave the page), and
the changes undone since. A save names the revision and the text it was edited from; when the memory
holds another since (a second reviewer, an import), it is refused with both texts and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from translator.database import Database
from translator.ledger import RunLedger
from translator.memory import Approval, TranslationMemory
from translator.serve.documents import Library, Row

ORIGIN = "translator review serve"  # how the log names a change made in the browser
CATEGORIES = ("", "accuracy", "terminology", "fluency", "style", "names", "timing", "other")
SEVERITIES = ("", "minor", "major", "critical")


@dataclass(frozen=True)
class Edit:
    """A reviewer's save: the text and notes, and the revision and text the row had when editing began."""

    translation: str
    comment: str
    category: str
    severity: str
    revision: int
    base: str
    reviewer: str | None = None


class Conflict(Exception):
    """The row changed since the reviewer began editing: the stored row and the reviewer's text."""

    def __init__(self, current: Row, yours: str) -> None:
        super().__init__(f"segment {current.id} changed since it was loaded")
        self.current, self.yours = current, yours


class Missing(LookupError):
    """No such document, language or segment."""


@dataclass(frozen=True)
class Change:
    """One entry of a row's history: the tool or file that made it, the row's text before and after (None: the
    machine text, not known here), when (UTC, ISO 8601; None: logged before the memory kept times), who (None:
    no name given), and whether it is an undo."""

    origin: str
    before: str | None
    after: str | None
    comment: str
    at: str | None = None
    reviewer: str | None = None
    undo: bool = False


def _current(library: Library, key: str, lang: str, segment_id: int) -> Row:
    row = library.row(key, lang, segment_id)
    if row is None:
        raise Missing(f"no segment {segment_id} in {key} → {lang}")
    return row


@contextmanager
def _unchanged(library: Library, key: str, lang: str, segment_id: int, revision: int, base: str,
               yours: str) -> Iterator[Row]:
    """One transaction over a row still at the revision and text the reviewer began from, else a Conflict."""
    with library.db.transaction():
        row = _current(library, key, lang, segment_id)
        if row.revision != revision or row.translation != base:
            raise Conflict(row, yours)
        yield row


def _log(db: Database, key: str, lang: str, segment_id: int, reviewer: str | None) -> None:
    TranslationMemory(db).log_import(key, lang, f"{ORIGIN} (segment {segment_id})", [segment_id], None, reviewer)


def approve(library: Library, key: str, lang: str, segment_id: int, edit: Edit) -> Row:
    """Store the reviewer's text as the segment's approval (the next run writes it into every output)."""
    with _unchanged(library, key, lang, segment_id, edit.revision, edit.base, edit.translation):
        segment = library.segment(key, lang, segment_id)
        assert segment is not None  # _unchanged found its row
        _log(library.db, key, lang, segment_id, edit.reviewer)
        # Like an import's approval: made after every file the ledger has written so far, so none of those
        # older files can override it, and replacing the text the reviewer saw.
        TranslationMemory(library.db).approve(key, segment_id, library.source(key), lang, segment.text,
                                              edit.translation, comment=edit.comment, category=edit.category,
                                              severity=edit.severity, generation=RunLedger(library.db).clock(),
                                              replaced=edit.base)
        return _current(library, key, lang, segment_id)


def reject(library: Library, key: str, lang: str, segment_id: int, revision: int, base: str,
           reviewer: str | None = None) -> Row:
    """Drop the segment's approval: back to the machine text (written again by the next run)."""
    with _unchanged(library, key, lang, segment_id, revision, base, base) as row:
        if row.revision:
            _log(library.db, key, lang, segment_id, reviewer)
            TranslationMemory(library.db).unapprove(key, lang, segment_id)
        return _current(library, key, lang, segment_id)


def undo(library: Library, key: str, lang: str, segment_id: int, revision: int, base: str,
         reviewer: str | None = None) -> Row:
    """Put the row back as it was before its last change (from the browser or an imported file)."""
    with _unchanged(library, key, lang, segment_id, revision, base, base):
        TranslationMemory(library.db).undo_segment(key, lang, segment_id, reviewer)
        return _current(library, key, lang, segment_id)


def history(library: Library, key: str, lang: str, segment_id: int) -> list[Change]:
    """The row's changes still in effect and those undone, in the order they happened (changes logged before
    the memory kept times first), each with the text before and after it."""
    row = _current(library, key, lang, segment_id)
    memory = TranslationMemory(library.db)
    logged = memory.segment_history(key, lang, segment_id)

    def text(approval: Approval | None) -> str | None:
        return approval.translation if approval is not None else row.machine

    afters = [text(change.replaced) for change in logged[1:]] + [None if row.unknown else row.translation]
    comments = [change.replaced.comment if change.replaced else "" for change in logged[1:]] + [row.comment]
    changes = [Change(change.file, text(change.replaced), after, comment, change.made_at, change.reviewer)
               for change, after, comment in zip(logged, afters, comments)]
    for undone in memory.undone_history(key, lang, segment_id):  # the change, then the undo that took it back
        taken = row.machine if undone.undone is None else undone.undone
        restored = row.machine if undone.restored is None else undone.restored
        changes += [Change(undone.file, restored, taken, "", undone.made_at, undone.reviewer),
                    Change(undone.file, taken, restored, "", undone.undone_at, undone.undone_by, undo=True)]
    return sorted(changes, key=lambda change: (change.at is not None, change.at or "", change.undo))
