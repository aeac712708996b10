"""Reading returned review files (CSV, XLIFF, DOCX) back: one module per format, beside its writer.

Each reader module has `read(path, data) -> (Target, rows)` (the `ReviewReader` protocol). To add a format:
write `translator/review_readers/NAME.py` with that function and add its extensions to `REVIEW_READERS`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from translator.errors import InputError
from translator.review_readers import csv_table, docx_table, xliff
from translator.review_readers.rows import ReturnedRow, Target


class ReviewReader(Protocol):
    """What every review reader module provides."""

    def read(self, path: Path, data: bytes) -> tuple[Target, list[ReturnedRow]]: ...


REVIEW_READERS: dict[str, ReviewReader] = {".csv": csv_table, ".xlf": xliff, ".xliff": xliff, ".docx": docx_table}


def read_review(path: Path) -> tuple[Target, list[ReturnedRow]]:
    """The document, languages and rows of a returned review file."""
    reader = REVIEW_READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(f"{path}: review import reads .csv, .xlf and .docx files")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return reader.read(path, data)
