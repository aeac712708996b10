"""Reading input files as text: BOM-aware Unicode, legacy code pages, and clear refusals.

Order: a forced `--encoding`; a BOM (UTF-8/16/32); strict UTF-8; then, for files that are not UTF-8, the one
legacy code page their letters clearly read in (translator/encoding_detection.py: cp1251, KOI8-R, KOI8-U, DOS
cp866 and cp1125, MacCyrillic for Cyrillic, cp1252 for Latin). A file that reads as text in none of them
(Hebrew, Greek, ISO-8859-5...) is refused with the line of the first bad byte, and one that reads as text in
two of them with no clear winner is refused naming both: never decoded into mojibake.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from translator.encoding_detection import LEGACY, damaged_utf8, legacy_readings
from translator.errors import InputError

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


def _line_of(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def _refuse_undecodable(data: bytes) -> InputError:
    """Name the first byte that is not UTF-8; say whether the file looks like damaged UTF-8 or another code page."""
    try:
        data.decode("utf-8")
        position = len(data)
    except UnicodeDecodeError as exc:
        position = exc.start
    line, byte = _line_of(data, position), data[position]
    what = "invalid UTF-8" if damaged_utf8(data) else f"not UTF-8 and not readable as {', '.join(LEGACY)}"
    return InputError(f"line {line}: {what} (byte 0x{byte:02x}); name the file's encoding with --encoding")


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used); a leading BOM is never part of the text."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"unknown encoding '{encoding}'") from None
        try:
            return data.decode(encoding).removeprefix("\ufeff"), encoding
        except UnicodeDecodeError as exc:
            line = _line_of(data, exc.start)
            raise InputError(f"line {line}: cannot decode as {encoding} (byte 0x{data[exc.start]:02x})") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(name), name
            except UnicodeDecodeError as exc:
                line = _line_of(data, exc.start + len(bom))
                raise InputError(f"line {line}: invalid {name} after its byte-order mark") from None
    if b"\x00" in data:
        raise InputError("binary file (it holds NUL bytes), not a text transcript or subtitle file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    readings = [] if damaged_utf8(data) else legacy_readings(data)
    if len(readings) > 1:
        raise InputError(f"not UTF-8, and it reads as text in more than one code page ({', '.join(readings)}); "
                         "name the file's encoding with --encoding")
    if not readings:
        raise _refuse_undecodable(data)
    return data.decode(readings[0]), readings[0]


def read_text(path: Path, encoding: str | None = None) -> tuple[str, str]:
    """Read a whole input file; missing, unreadable, empty and binary files raise InputError."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        text, used = decode_bytes(data, encoding)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
    if not text.strip():
        raise InputError(f"{path}: line 1: the file is empty")
    return text, used
