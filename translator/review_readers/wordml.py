"""The tables of a returned DOCX as Word shows them with every tracked change accepted, read in bounded memory.

python-docx reads a cell as its plain runs: text a reviewer typed with Track Changes on (`w:ins`) is missed and
text they deleted (`w:del`) is dropped without its replacement, so "Дякую вам." edited to "Дякую, друзі." came
back as "Дякую .". Here the XML is streamed through a parser that builds no tree: runs inside `w:ins` and
`w:moveTo` count, `w:delText` and `w:moveFrom` do not; `w:tab` is a tab and `w:br`/`w:cr` a line break, as the
writer put them. Only the cells' text is kept, and a `word/document.xml` over MAX_XML_BYTES is refused before it
is unpacked, so neither a 1 GiB file nor 63 MiB of empty elements costs time or memory. Every problem, an
encrypted or damaged member included, is one InputError line.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import IO

from lxml import etree

from translator.errors import InputError
from translator.review_readers.xmlstream import TagReader, Text, feed

MAX_XML_BYTES = 64 << 20  # a review table of 10 000 rows is about 10 MiB of WordprocessingML
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIPPED = frozenset({f"{_W}del", f"{_W}moveFrom"})  # tracked deletions and moved-away text
_BREAKS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n"}
_IDENTIFIER = "{http://purl.org/dc/elements/1.1/}identifier"
Table = list[list[str]]


def _member(path: Path, archive: zipfile.ZipFile, name: str) -> IO[bytes]:
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise InputError(f"{path}: not a readable DOCX file (it has no {name})") from None
    if info.file_size > MAX_XML_BYTES:
        raise InputError(f"{path}: {name} unpacks to {info.file_size / (1 << 20):.0f} MiB; a review file "
                         f"is refused above {MAX_XML_BYTES >> 20} MiB")
    try:
        return archive.open(info)
    except _UNREADABLE as exc:  # encrypted, an unknown compression, a damaged local header
        raise InputError(f"{path}: not a readable DOCX file ({name}: {exc})") from None


# What zipfile raises for a member it cannot unpack: RuntimeError (encrypted), NotImplementedError (compression),
# BadZipFile (headers), zlib.error and EOFError (damaged data).
_UNREADABLE = (RuntimeError, NotImplementedError, zipfile.BadZipFile, zlib.error, EOFError, OSError)


def _parse(path: Path, stream: IO[bytes], name: str, target: TagReader) -> None:
    """Stream a member through `target` (xmlstream): no tree is built."""
    try:
        feed(iter(lambda: stream.read(1 << 16), b""), target)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: {name} is not well-formed XML ({exc.msg}, line {exc.lineno})") from None
    except _UNREADABLE as exc:
        raise InputError(f"{path}: not a readable DOCX file ({exc})") from None


class _TableReader(TagReader):
    """Top-level tables as rows of cells, each cell's paragraphs joined by line breaks (nested tables are part
    of their cell's text); a cell outside any row starts one. An lxml parser target: it sees tags and text, and
    keeps only the cells' text."""

    def __init__(self) -> None:
        self.tables: list[Table] = []
        self.depth = self.skipped = 0  # table nesting; how many deletion elements we are inside
        self.cell: list[str] | None = None  # paragraphs of the open top-level cell
        self.in_text = False

    def start(self, tag: Text, attrib: dict[Text, Text]) -> None:
        if tag in _SKIPPED:
            self.skipped += 1
        elif tag == f"{_W}tbl":
            self.depth += 1
            if self.depth == 1:
                self.tables.append([])
        elif tag == f"{_W}tr" and self.depth == 1:
            self.tables[-1].append([])
        elif tag == f"{_W}tc" and self.depth == 1:
            if not self.tables[-1]:
                self.tables[-1].append([])
            self.cell = []
        elif tag == f"{_W}p" and self.cell is not None:
            self.cell.append("")
        elif tag == f"{_W}t":
            self.in_text = True

    def end(self, tag: Text) -> None:
        if tag in _SKIPPED:
            self.skipped -= 1
        elif tag == f"{_W}t":
            self.in_text = False
        elif tag in _BREAKS:
            self._add(_BREAKS[tag])
        elif tag == f"{_W}tc" and self.depth == 1 and self.cell is not None:
            self.tables[-1][-1].append("\n".join(self.cell))
            self.cell = None
        elif tag == f"{_W}tbl":
            self.depth -= 1

    def data(self, data: Text) -> None:
        if self.in_text:
            self._add(str(data))

    def _add(self, text: str) -> None:
        if self.cell and not self.skipped:
            self.cell[-1] += text

    def close(self) -> list[Table]:
        return self.tables


class _IdentifierReader(TagReader):
    """The text of the first `dc:identifier` element (lxml parser target)."""

    def __init__(self) -> None:
        self.depth = 0
        self.found: list[str] | None = None

    def start(self, tag: Text, attrib: dict[Text, Text]) -> None:
        if tag == _IDENTIFIER and self.found is None:
            self.found = []
            self.depth = 1
        elif self.depth:
            self.depth += 1

    def end(self, tag: Text) -> None:
        if self.depth:
            self.depth -= 1

    def data(self, data: Text) -> None:
        if self.depth and self.found is not None:
            self.found.append(str(data))

    def close(self) -> str:
        return "".join(self.found or []).strip()


def _identifier(path: Path, archive: zipfile.ZipFile) -> str:
    """The core property `dc:identifier` (`S.SRC-L`, set by the writer), or "" when there is none."""
    if "docProps/core.xml" not in archive.namelist():
        return ""
    reader = _IdentifierReader()
    with _member(path, archive, "docProps/core.xml") as stream:
        _parse(path, stream, "docProps/core.xml", reader)
    return reader.close()


def read_tables(path: Path, data: bytes) -> tuple[str, list[Table]]:
    """(identifier, top-level tables) of a DOCX file, tracked changes accepted."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise InputError(f"{path}: not a readable DOCX file (not a zip archive: {exc})") from None
    with archive:
        identifier = _identifier(path, archive)
        reader = _TableReader()
        with _member(path, archive, "word/document.xml") as stream:
            _parse(path, stream, "word/document.xml", reader)
        return identifier, reader.close()
