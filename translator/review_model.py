"""The review table's rows, shared by the writers that deliver them, the ledger that records them and the
readers that take corrections back: one model, so the formats, the ledger and imports never drift.

A row holds what a reviewer needs and what `translator review import` reads back: the segment id (the key an
import matches on), speaker, source, translation, the flags' messages as a comment, and a status. A CAT file's
unit of whole sentences has an id in `UNIT_ID`'s form (see writers/sentence_units.py). A spreadsheet cell that
starts like a formula is written with a leading `'` (`to_cell`) and read back without it (`from_cell`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from translator.document import Document, Segment

COLUMNS: tuple[str, ...] = ("id", "speaker", "source", "translation", "comment", "status")
STATUSES: tuple[str, ...] = ("machine", "approved", "flagged")
# A unit's id: `7` (segment 7), `7.2` (its second sentence), `3-5` or `3-5.1` (over segments 3 to 5).
UNIT_ID = re.compile(r"^(?P<first>\d+)(?:-(?P<last>\d+))?(?:\.(?P<piece>\d+))?$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_DIALOGUE_CELL = re.compile(r"^[-+–—] [^\W\d_]")  # a dash, one space, a letter
_FORMULA_MARKS = ("=", "|")


@dataclass(frozen=True)
class ReviewRow:
    """One segment as a reviewer sees it in one target language."""

    id: int
    speaker: str
    source: str
    translation: str
    comment: str
    status: str  # one of STATUSES

    def cells(self) -> tuple[str, ...]:
        """The row as text cells, in COLUMNS order."""
        return (str(self.id), self.speaker, self.source, self.translation, self.comment, self.status)


def status_of(segment: Segment, lang: str) -> str:
    """A reviewer's approval wins; otherwise any flag makes the row one to look at."""
    translation = segment.translations.get(lang)
    if translation is not None and translation.origin == "approved":
        return "approved"
    return "flagged" if segment.flags_for(lang) else "machine"


def comment_of(segment: Segment, lang: str) -> str:
    """The reviewer's comment on the approved translation, then the messages of the flags that concern this
    language, each once, in the order they were raised."""
    translation = segment.translations.get(lang)
    reviewer = [translation.comment] if translation is not None and translation.comment else []
    return "; ".join(dict.fromkeys(reviewer + [flag.message for flag in segment.flags_for(lang)]))


_SPEAKER_LINE = re.compile(r"^[-–—]\s")
_BEFORE_SPEAKER = re.compile(r"\s+(?=[-–—]\s)")


def dialogue_shaped(source: str, translation: str) -> str:
    """A dialogue's translation with one speaker a line, as its source has them (`- Who?` / `- Me.`): a translation
    of the whole cue comes back on one line, and a review cell would otherwise show the speakers run together."""
    lines = source.split("\n")
    if len(lines) < 2 or not all(_SPEAKER_LINE.match(line) for line in lines) or "\n" in translation:
        return translation
    parts = _BEFORE_SPEAKER.split(translation.strip())
    return "\n".join(parts) if len(parts) == len(lines) and _SPEAKER_LINE.match(parts[0]) else translation


def review_row(segment: Segment, lang: str) -> ReviewRow:
    translation = segment.translations.get(lang)
    return ReviewRow(
        id=segment.id,
        speaker=segment.speaker or "",
        source=segment.text,
        translation=dialogue_shaped(segment.text, translation.text) if translation else "",
        comment=comment_of(segment, lang),
        status=status_of(segment, lang),
    )


def document_rows(doc: Document, lang: str) -> tuple[ReviewRow, ...]:
    """Every segment of the document, in order (computed afresh: writers/review_rows.py shares it among the
    files of one run)."""
    return tuple(review_row(segment, lang) for segment in doc.segments)


def is_dialogue_cell(text: str) -> bool:
    """A dialogue line (`- Hello!`, `— Так.`): a dash, a space, then a word, and nothing that could make it a
    formula (`=`, a DDE `|`). No spreadsheet evaluates it, so it needs no guard; LibreOffice would show one."""
    return bool(_DIALOGUE_CELL.match(text)) and not any(mark in text for mark in _FORMULA_MARKS)


def to_cell(text: str) -> str:
    """Text → a cell no spreadsheet evaluates (reversible: a leading `'` is always added by us). The guard
    against formula injection (OWASP "CSV Injection": `=`, `+`, `-`, `@`, tab, CR) is left off a dialogue line,
    which is no formula and whose `'` LibreOffice would show as text."""
    return "'" + text if text.startswith(_FORMULA_START) and not is_dialogue_cell(text) else text


def from_cell(cell: str) -> str:
    """The inverse of `to_cell`."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell
