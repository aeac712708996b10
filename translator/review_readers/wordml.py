"""The tables of a returned DOCX as Word shows them with every tracked change accepted, read in bounded memory.

python-docx reads a cell as its plain runs: text a reviewer typed with Track Changes on (`w:ins`) is missed and
text they deleted (`w:del`) is dropped without its replacement, so "Дякую вам." edited to "Дякую, друзі." came
back as "Дякую .". Here the XML is streamed: runs inside `w:ins` and `w:moveTo` count, `w:delText` and
`w:moveFrom` do not; `w:tab` is a tab and `w:br`/`w:cr` a line break, as the writer put them. Each finished
table row is freed at once, and a `word/document.xml` over MAX_XML_BYTES is refused before it is unpacked,
so a 1 GiB file costs neither time nor memory. Every problem is one InputError line.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from lxml import etree

from translator.errors import InputError

MAX_XML_BYTES = 64 << 20  # a review table of 10 000 rows is about 10 MiB of WordprocessingML
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIPPED = frozenset({f"{_W}del", f"{_W}moveFrom"})  # tracked deletions and moved-away text
_BREAKS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n"}
_READ = [*_SKIPPED, *_BREAKS, *(f"{_W}{name}" for name in ("tbl", "tr", "tc", "p", "t"))]  # events for no other tag
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
    return archive.open(info)


def _events(path: Path, stream: IO[bytes], name: str, tags: list[str]) -> Iterator[tuple[str, etree._Element]]:
    """Start and end events of `tags` in well-formed XML without entities, DTDs or network access."""
    try:
        yield from etree.iterparse(stream, events=("start", "end"), tag=tags, resolve_entities=False,
                                   no_network=True, load_dtd=False, huge_tree=False)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: {name} is not well-formed XML ({exc.msg}, line {exc.lineno})") from None
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputError(f"{path}: not a readable DOCX file ({exc})") from None


def _tables(path: Path, stream: IO[bytes]) -> list[Table]:
    """Top-level tables: rows of cells, each cell's paragraphs joined by line breaks (nested tables are part
    of their cell's text)."""
    tables: list[Table] = []
    depth = skipped = 0  # table nesting; how many deletion elements we are inside
    cell: list[str] | None = None  # paragraphs of the open top-level cell
    for event, element in _events(path, stream, "word/document.xml", _READ):
        tag = element.tag
        if event == "start":
            if tag in _SKIPPED:
                skipped += 1
            elif tag == f"{_W}tbl":
                depth += 1
                if depth == 1:
                    tables.append([])
            elif tag == f"{_W}tr" and depth == 1:
                tables[-1].append([])
            elif tag == f"{_W}tc" and depth == 1:
                cell = []
            elif tag == f"{_W}p" and cell is not None:
                cell.append("")
            continue
        if tag in _SKIPPED:
            skipped -= 1
        elif cell is not None and cell and not skipped:
            if tag == f"{_W}t":
                cell[-1] += element.text or ""
            elif tag in _BREAKS:
                cell[-1] += _BREAKS[tag]
        if tag == f"{_W}tc" and depth == 1 and cell is not None:
            tables[-1][-1].append("\n".join(cell))
            cell = None
        elif tag == f"{_W}tbl":
            depth -= 1
        if (tag == f"{_W}tr" and depth == 1) or (tag in (f"{_W}p", f"{_W}tbl") and depth == 0 and cell is None):
            _free(element)
    return tables


def _free(element: etree._Element) -> None:
    """A row or body paragraph is read: drop it, and everything before it, from the tree iterparse builds."""
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def _identifier(path: Path, archive: zipfile.ZipFile) -> str:
    """The core property `dc:identifier` (`S.SRC-L`, set by the writer), or "" when there is none."""
    if "docProps/core.xml" not in archive.namelist():
        return ""
    with _member(path, archive, "docProps/core.xml") as stream:
        for event, element in _events(path, stream, "docProps/core.xml", [_IDENTIFIER]):
            if event == "end":
                return (element.text or "").strip()
    return ""


def read_tables(path: Path, data: bytes) -> tuple[str, list[Table]]:
    """(identifier, top-level tables) of a DOCX file, tracked changes accepted."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(f"{path}: not a readable DOCX file (not a zip archive)") from None
    with archive:
        identifier = _identifier(path, archive)
        with _member(path, archive, "word/document.xml") as stream:
            return identifier, _tables(path, stream)
