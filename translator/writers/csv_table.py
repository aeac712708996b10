"""`S.SRC-L.csv`: the review table for spreadsheets, columns `id,speaker,source,translation,comment,status`.

RFC 4180: comma-separated, fields quoted when they hold a comma, quote or line break, CRLF between records.
The file starts with a UTF-8 byte-order mark because Excel reads a BOM-less CSV in the legacy ANSI code page
and would garble Cyrillic; LibreOffice and Python's `utf-8-sig` read it as plain UTF-8.
A cell that starts like a formula (`=`, `+`, `-`, `@`) gets a leading `'` so spreadsheets show it as text
(`to_cell`), except a dialogue line (`- Hello!`: a dash, a space, a word, no `=` or `|`), which is no formula;
`translator review import` removes it again (`from_cell`, both in
translator/review_model.py).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from translator.document import Document
from translator.review_model import COLUMNS, to_cell
from translator.writers.views import Views


def spreadsheet_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """A table as this module writes one: RFC 4180, CRLF, a BOM, every cell guarded against formulas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([to_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def render(doc: Document, lang: str, views: Views) -> bytes:
    return spreadsheet_csv(COLUMNS, (row.cells() for row in views.rows))
