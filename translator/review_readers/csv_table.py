"""Reading back `S.SRC-L.csv` (the writer is translator/writers/csv_table.py) as a spreadsheet saved it.

Comma, semicolon (Excel in many European locales) or tab separated; UTF-8 with or without BOM, or cp1251.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from translator.errors import InputError
from translator.review_model import from_cell
from translator.review_readers.rows import ReturnedRow, Target, table_rows, target_from_name
from translator.textio import decode_bytes


def read(path: Path, data: bytes) -> tuple[Target | None, list[ReturnedRow]]:
    try:
        text, _ = decode_bytes(data)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    try:
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        table = [[from_cell(c) for c in cells] for cells in rows]
    except csv.Error as exc:
        raise InputError(f"{path}: not a readable CSV file ({exc})") from None
    return target_from_name(path), table_rows(path, table)
