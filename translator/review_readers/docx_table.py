"""Reading back `S.SRC-L.docx` (the writer is translator/writers/docx_table.py) as Word saved it.

The document and languages come from the `identifier` core property the writer set, so a renamed file is
still recognised; the rows from the first table whose header names `id` and `translation`, read with every
tracked change accepted (see wordml.py).
"""

from __future__ import annotations

from pathlib import Path

from translator.errors import InputError
from translator.review_readers.rows import NAME, ReturnedRow, Target, table_rows, target_from_name
from translator.review_readers.wordml import read_tables


def read(path: Path, data: bytes) -> tuple[Target | None, list[ReturnedRow]]:
    identifier, tables = read_tables(path, data)
    target = target_from_name(path, identifier) if NAME.match(identifier) else target_from_name(path)
    for cells in tables:
        if cells and {"id", "translation"} <= {c.strip().lower() for c in cells[0]}:
            return target, table_rows(path, cells)
    raise InputError(f"{path}: no review table (a table whose first row names id, source, translation...)")
