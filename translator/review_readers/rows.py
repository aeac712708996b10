"""What a returned review file says, whatever its format: which document and languages, and its rows.

A file names its document and languages in its name `S.SRC-L.ext` (extra words after the pair are fine:
`S.en-uk reviewed.csv`); XLIFF and DOCX also carry them inside (see their readers). A file whose name and
content say neither ("Copy of edited.csv") is matched to a document by its rows (translator/review.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from translator.document import LANGUAGES
from translator.errors import InputError
from translator.review_model import UNIT_ID

MAX_ID_DIGITS = 9  # a segment number; Python refuses to read an int of over 4,300 digits at all
APPROVED_STATES = frozenset({"approved", "final", "signed-off"})
_CODES = "|".join(LANGUAGES)
NAME = re.compile(rf"^(?P<key>.+)\.(?P<src>{_CODES})-(?P<tgt>{_CODES})(?![A-Za-z])", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    """Which document and language pair a review file belongs to."""

    doc_key: str
    src: str
    tgt: str


@dataclass(frozen=True)
class ReturnedRow:
    """One row of a returned review file: `source` is None when the file has no source column. A CAT file's unit
    of whole sentences over several subtitle cues covers segments `id` to `last` (see writers/sentence_units)."""

    id: int
    source: str | None
    translation: str
    approved: bool
    last: int | None = None
    comment: str | None = None  # the comment cell; None when the file has no comment column


def language(code: str | None) -> str | None:
    """`uk-UA` → `uk`; None for codes we do not translate."""
    base = (code or "").split("-")[0].split("_")[0].lower()
    return base if base in LANGUAGES else None


def target_from_name(path: Path, name: str | None = None) -> Target | None:
    """The document and languages a name `S.SRC-L...` states; None when it states none ("edited.csv"): the
    import then finds the document by the rows' content."""
    match = NAME.match(name or path.name)
    return Target(match["key"], match["src"].lower(), match["tgt"].lower()) if match else None


def clean(text: str) -> str:
    """Line ends as one `\\n`, no surrounding blanks: how a cell compares with what was delivered."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def returned_row(path: Path, where: str, segment_id: str, source: str | None, translation: str,
                 state: str, comment: str | None = None) -> ReturnedRow:
    """`where` (`row 3`, `line 40`) points the reviewer at a bad id. A unit id such as `3-5.2` (the second
    sentence over cues 3 to 5) gives the row of cues 3 to 5; the reader joins the sentences of one span."""
    match = UNIT_ID.match(segment_id.strip())
    if not match or any(len(number or "") > MAX_ID_DIGITS for number in match.groups()):
        raise InputError(f"{path}: {where}: id {_clipped(segment_id.strip())!r} is not a segment number")
    first, last = int(match["first"]), int(match["last"]) if match["last"] else None
    return ReturnedRow(first, None if source is None else clean(source), clean(translation),
                       state.strip().lower() in APPROVED_STATES, last if last != first else None,
                       None if comment is None else clean(comment))


def _clipped(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def join_sentences(rows: list[ReturnedRow]) -> list[ReturnedRow]:
    """Consecutive units of the same cues (one sentence each) as one row: the cues' whole text."""
    joined: list[ReturnedRow] = []
    for row in rows:
        before = joined[-1] if joined else None
        if before is None or (before.id, before.last) != (row.id, row.last):
            joined.append(row)
            continue
        source = None if before.source is None or row.source is None else f"{before.source} {row.source}"
        joined[-1] = ReturnedRow(row.id, source, f"{before.translation} {row.translation}".strip(),
                                 before.approved and row.approved, row.last)
    return joined


def table_rows(path: Path, table: list[list[str]]) -> list[ReturnedRow]:
    """Rows of a CSV or DOCX table whose first row names the columns (any order, any case); row 1 is that header."""
    if not table:
        raise InputError(f"{path}: the review table is empty")
    header = [cell.strip().lower() for cell in table[0]]
    missing = [name for name in ("id", "translation") if name not in header]
    if missing:
        raise InputError(f"{path}: the review table has no {' or '.join(missing)} column "
                         "(expected id,speaker,source,translation,comment,status)")
    column: dict[str, int] = {
        name: header.index(name) for name in ("id", "source", "translation", "status", "comment") if name in header
    }

    def cell(cells: list[str], name: str) -> str | None:
        index = column.get(name)
        return None if index is None else (cells[index] if index < len(cells) else "")

    return [
        returned_row(path, f"row {number}", cell(cells, "id") or "", cell(cells, "source"),
                     cell(cells, "translation") or "", cell(cells, "status") or "", cell(cells, "comment"))
        for number, cells in enumerate(table[1:], start=2)
        if any(c.strip() for c in cells)
    ]
