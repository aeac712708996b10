"""Reading returned review files (CSV, XLIFF, DOCX, and subtitles) back: one module per format, beside its writer.

Each reader module has `read(path, data) -> (Target or None, rows)` (the `ReviewReader` protocol; None when
the file does not say which document it belongs to). To add a format:
write `translator/review_readers/NAME.py` with that function and add its extensions to `REVIEW_READERS`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from translator.errors import InputError
from translator.review_readers import csv_table, docx_table, subtitles, xliff
from translator.review_readers.rows import ReturnedRow, Target
from translator.review_readers.wordml import MAX_XML_BYTES

MAX_REVIEW_BYTES = MAX_XML_BYTES  # a review file is refused above this size before it is read


class ReviewReader(Protocol):
    """What every review reader module provides."""

    def read(self, path: Path, data: bytes) -> tuple[Target | None, list[ReturnedRow]]: ...


REVIEW_READERS: dict[str, ReviewReader] = {
    ".csv": csv_table, ".xlf": xliff, ".xliff": xliff, ".docx": docx_table, ".srt": subtitles, ".vtt": subtitles,
}


def read_review(path: Path) -> tuple[Target | None, list[ReturnedRow]]:
    """The document, languages and rows of a returned review file."""
    reader = REVIEW_READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(f"{path}: review import reads .csv, .xlf, .docx, and the subtitles S.L.srt and S.L.vtt")
    return reader.read(path, review_bytes(path))


def review_bytes(path: Path) -> bytes:
    """A review file's bytes; refused in one line when it is too large or cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_REVIEW_BYTES:
            raise InputError(f"{path}: {size / (1 << 20):.0f} MiB; a review file is refused above "
                             f"{MAX_REVIEW_BYTES >> 20} MiB")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
