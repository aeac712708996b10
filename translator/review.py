"""Reviewer round trip: record what a run delivered, import a corrected CSV, XLIFF or DOCX, count the states.

An imported file names its document and languages: XLIFF in its `<file original source-language
target-language>`, DOCX in its `identifier` property, and every format in its name `S.SRC-L.ext` (extra words
after the pair are fine: `S.en-uk reviewed.csv`). Each row is matched to a segment of the last run by id when
its source text agrees, else by its source text; a row whose translation differs from what was delivered, or
whose status says approved, is stored as an approved correction. All of one file is stored, or none of it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from translator.document import LANGUAGES, Document
from translator.errors import InputError
from translator.memory import Delivered, StatusCounts, TranslationMemory
from translator.textio import decode_bytes
from translator.writers import document_key
from translator.writers.csv_table import from_cell
from translator.writers.review_rows import review_rows

APPROVED_STATES = frozenset({"approved", "final", "signed-off"})
_CODES = "|".join(LANGUAGES)
_NAME = re.compile(rf"^(?P<key>.+)\.(?P<src>{_CODES})-(?P<tgt>{_CODES})(?![A-Za-z])", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    """Which document and language pair a review file belongs to."""

    doc_key: str
    src: str
    tgt: str


@dataclass(frozen=True)
class ReturnedRow:
    """One row of a returned review file: `source` is None when the file has no source column."""

    id: int
    source: str | None
    translation: str
    approved: bool


@dataclass(frozen=True)
class ImportResult:
    """What an import did, for the CLI to print."""

    path: Path
    target: Target
    rows: int
    approved: int  # corrections stored
    unchanged: int  # rows as delivered and not marked approved
    empty: int  # rows with no translation
    unmatched: int  # rows that match no segment of the last run

    def __str__(self) -> str:
        t = self.target
        return (f"{self.path.name}: {self.approved} correction(s) stored as approved for {t.doc_key} {t.src}→{t.tgt}"
                f" ({self.rows} rows: {self.unchanged} unchanged, {self.empty} empty, {self.unmatched} unmatched);"
                " they apply from the next run")


def record_run(doc: Document, memory: TranslationMemory) -> None:
    """Remember what this run delivered per segment, so an import can tell edits apart and status can count."""
    key = document_key(doc)
    for lang in doc.targets:
        rows = [(row.id, row.source, row.translation, row.status) for row in review_rows(doc, lang)]
        memory.record_outputs(key, lang, rows)


def format_status(counts: list[StatusCounts]) -> str:
    """`translator review status` output: one line per document and target language."""
    if not counts:
        return "the memory holds no translated document yet"
    lines = []
    for c in counts:
        line = f"{c.doc_key} → {c.tgt}: {c.machine} machine, {c.approved} approved, {c.flagged} flagged"
        if c.unapplied:
            line += f"; {c.unapplied} correction(s) not in the last run's output (new, or their source changed)"
        lines.append(line)
    return "\n".join(lines)


def _lang(code: str | None) -> str | None:
    """`uk-UA` → `uk`; None for codes we do not translate."""
    base = (code or "").split("-")[0].split("_")[0].lower()
    return base if base in LANGUAGES else None


def _target_from_name(path: Path, name: str | None = None) -> Target:
    match = _NAME.match(name or path.name)
    if not match:
        raise InputError(f"{path}: cannot tell the document and languages from the name; "
                         "keep the name the review file was written with (S.SRC-L.csv, .xlf or .docx)")
    return Target(match["key"], match["src"].lower(), match["tgt"].lower())


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _row(path: Path, where: str, segment_id: str, source: str | None, translation: str, state: str) -> ReturnedRow:
    """`where` (`row 3`, `line 40`) points the reviewer at a bad id."""
    try:
        number = int(segment_id.strip())
    except ValueError:
        raise InputError(f"{path}: {where}: id {segment_id.strip()!r} is not a segment number") from None
    return ReturnedRow(number, None if source is None else _clean(source), _clean(translation),
                       state.strip().lower() in APPROVED_STATES)


def _table(path: Path, table: list[list[str]]) -> list[ReturnedRow]:
    """Rows of a CSV or DOCX table whose first row names the columns (any order, any case); row 1 is that header."""
    if not table:
        raise InputError(f"{path}: the review table is empty")
    header = [cell.strip().lower() for cell in table[0]]
    missing = [name for name in ("id", "translation") if name not in header]
    if missing:
        raise InputError(f"{path}: the review table has no {' or '.join(missing)} column "
                         "(expected id,speaker,source,translation,comment,status)")
    column = {name: header.index(name) for name in ("id", "source", "translation", "status") if name in header}

    def cell(cells: list[str], name: str) -> str | None:
        index = column.get(name)
        return None if index is None else (cells[index] if index < len(cells) else "")

    return [
        _row(path, f"row {number}", cell(cells, "id") or "", cell(cells, "source"),
             cell(cells, "translation") or "", cell(cells, "status") or "")
        for number, cells in enumerate(table[1:], start=2)
        if any(c.strip() for c in cells)
    ]


def _read_csv(path: Path, data: bytes) -> tuple[Target, list[ReturnedRow]]:
    """Comma, semicolon (Excel in many European locales) or tab separated; UTF-8 with or without BOM, or cp1251."""
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
    return _target_from_name(path), _table(path, table)


def _read_docx(path: Path, data: bytes) -> tuple[Target, list[ReturnedRow]]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{path}: not a readable DOCX file ({exc})") from None
    identifier = document.core_properties.identifier or ""
    target = _target_from_name(path, identifier) if _NAME.match(identifier) else _target_from_name(path)
    for table in document.tables:
        cells = [[cell.text for cell in row.cells] for row in table.rows]
        if cells and {"id", "translation"} <= {c.strip().lower() for c in cells[0]}:
            return target, _table(path, cells)
    raise InputError(f"{path}: no review table (a table whose first row names id, source, translation...)")


def _local(element: object) -> str:
    tag = getattr(element, "tag", "")
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _read_xliff(path: Path, data: bytes) -> tuple[Target, list[ReturnedRow]]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: not well-formed XML ({exc})") from None
    files = [element for element in root.iter() if _local(element) == "file"]
    if _local(root) != "xliff" or len(files) != 1:
        raise InputError(f"{path}: not an XLIFF file of one document (expected one <file> in <xliff>)")
    file = files[0]
    by_name = _target_from_name(path) if _NAME.match(path.name) else None
    src, tgt = _lang(file.get("source-language")), _lang(file.get("target-language"))
    key = file.get("original") or (by_name.doc_key if by_name else "")
    if not (key and src and tgt):
        raise InputError(f"{path}: the <file> element lacks original, source-language or target-language")
    rows = []
    for unit in file.iter():
        if _local(unit) != "trans-unit":
            continue
        parts = {_local(child): child for child in unit}
        target = parts.get("target")
        state = "approved" if unit.get("approved") == "yes" else (target.get("state", "") if target is not None else "")
        source = parts.get("source")
        rows.append(_row(path, f"line {unit.sourceline}", unit.get("id", ""),
                         "".join(source.itertext()) if source is not None else None,
                         "".join(target.itertext()) if target is not None else "", state))
    return Target(key, src, tgt), rows


_READERS: dict[str, Callable[[Path, bytes], tuple[Target, list[ReturnedRow]]]] = {
    ".csv": _read_csv,
    ".xlf": _read_xliff,
    ".xliff": _read_xliff,
    ".docx": _read_docx,
}


def read_review(path: Path) -> tuple[Target, list[ReturnedRow]]:
    """The document, languages and rows of a returned review file."""
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(f"{path}: review import reads .csv, .xlf and .docx files")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return reader(path, data)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def match_segment(row: ReturnedRow, delivered: dict[int, Delivered]) -> tuple[int, str] | None:
    """(segment id, source text to store) for a row, or None: by id when the source agrees, else by source.

    A row whose id exists but whose source matches no segment keeps its own source text, so the next run
    sees the source changed and flags the correction instead of applying it.
    """
    by_id = delivered.get(row.id)
    if by_id is not None and (row.source is None or _same(row.source, by_id.source_text)):
        return row.id, by_id.source_text
    if row.source is not None:
        same_source = [i for i, seg in delivered.items() if _same(row.source, seg.source_text)]
        if len(same_source) == 1:
            return same_source[0], delivered[same_source[0]].source_text
    if by_id is not None and row.source is not None:
        return row.id, row.source
    return None


def import_review(path: Path, memory: TranslationMemory) -> ImportResult:
    """Store the corrections of a returned CSV, XLIFF or DOCX file in the memory as approved."""
    path = Path(path)
    target, rows = read_review(path)
    delivered = memory.outputs(target.doc_key, target.tgt)
    if not delivered:
        raise InputError(f"{path}: the memory {memory.path} has no run of {target.doc_key} into {target.tgt}; "
                         "translate it first, or pass the --memory that run used")
    approved = unchanged = empty = unmatched = 0
    with memory.batch():
        for row in rows:
            match = match_segment(row, delivered)
            if match is None:
                unmatched += 1
            elif not row.translation:
                empty += 1
            elif row.approved or row.translation != _clean(delivered[match[0]].translation):
                memory.approve(target.doc_key, match[0], target.src, target.tgt, match[1], row.translation)
                approved += 1
            else:
                unchanged += 1
        # Its corrections are in the memory now, so the next run may write this file anew.
        memory.record_files({str(path.resolve()): hashlib.sha256(path.read_bytes()).hexdigest()})
    return ImportResult(path, target, len(rows), approved, unchanged, empty, unmatched)
