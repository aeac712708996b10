"""Reading back `S.SRC-L.docx` (the writer is translator/writers/docx_table.py) as Word saved it.

The document and languages come from the `identifier` core property the writer set, so a renamed file is
still recognised; the rows from the first table whose header names `id` and `translation`.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from translator.errors import InputError
from translator.review_readers.rows import NAME, ReturnedRow, Target, table_rows, target_from_name


def read(path: Path, data: bytes) -> tuple[Target, list[ReturnedRow]]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{path}: not a readable DOCX file ({exc})") from None
    identifier = document.core_properties.identifier or ""
    target = target_from_name(path, identifier) if NAME.match(identifier) else target_from_name(path)
    for table in document.tables:
        cells = [[cell.text for cell in row.cells] for row in table.rows]
        if cells and {"id", "translation"} <= {c.strip().lower() for c in cells[0]}:
            return target, table_rows(path, cells)
    raise InputError(f"{path}: no review table (a table whose first row names id, source, translation...)")
