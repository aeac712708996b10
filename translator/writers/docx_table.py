"""`S.SRC-L.docx`: the bilingual review table CAT tools export (id, speaker, source, translation, comment, status).

Landscape A4, the header row repeated on every page (`w:tblHeader`); a long row may break across pages, so no
page is left half empty. Column widths are fixed and stated twice, in the table grid and on every cell, because
LibreOffice reads the grid and Word the cells: when they disagree LibreOffice shows equal columns. The
document key and language pair go into the core property `identifier` (`S.SRC-L`) so an imported file still
says what it belongs to after a rename. python-docx stamps the zip entries with the current time; they are
rewritten with a fixed date so the same input gives a byte-identical file.
"""

from __future__ import annotations

import io
import re
import zipfile
from copy import deepcopy
from datetime import datetime
from typing import cast

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.run import CT_R
from docx.shared import Cm, Pt
from docx.table import Table, _Row
from lxml import etree

from translator.document import GENERATOR, LANGUAGES, Document, document_key
from translator.review_model import COLUMNS
from translator.writers.language import source_language
from translator.writers.review_rows import TOOL_NAME, xml_safe
from translator.writers.views import Views

# Relative widths of the columns, in COLUMNS order.
_WIDTHS_CM = (1.2, 2.6, 8.6, 8.6, 4.0, 2.0)
_FIXED_TIME = datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_RUN, _TEXT = qn("w:r"), qn("w:t")
_BREAKS = re.compile(r"[\t\r\n]")  # python-docx writes these as w:tab and w:br


def _mark_row(row: _Row, tag: str) -> None:
    """Set a boolean row property such as `w:tblHeader` (repeat on each page)."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement(tag))


def _landscape(document: docx.document.Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))


def _fix_widths(table: Table) -> None:
    """The grid's column widths and the table's total width, in twentieths of a point, as the cells say."""
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, _WIDTHS_CM):
        column.w = Cm(width)
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(sum(Cm(width).twips for width in _WIDTHS_CM)))
    total.set(qn("w:type"), "dxa")
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblW")):
        properties.remove(old)
    properties.append(total)


def _fill(row: _Row, cells: tuple[str, ...], bold: bool = False) -> None:
    for cell, text, width in zip(row.cells, cells, _WIDTHS_CM):
        cell.width = Cm(width)
        run = cell.paragraphs[0].add_run(xml_safe(text))
        run.bold = bold


def _add_rows(table: Table, template: _Row, rows: list[tuple[str, ...]]) -> None:
    """Put a row per cell tuple where the filled, empty `template` row is, as copies of it with their texts
    set: the same XML as filling each row, without python-docx's cost per cell property (about 0.1 ms each,
    which made this the slowest output of a film's 1,500 rows)."""
    template_tr = template._tr
    for cells in rows:
        tr = deepcopy(template_tr)
        for run, text in zip(tr.iter(_RUN), cells):  # one paragraph with one run per cell
            _set_text(run, _one_break_per_line(xml_safe(text)))
        template_tr.addprevious(tr)
    table._tbl.remove(template_tr)


def _one_break_per_line(text: str) -> str:
    """CRLF and CR as LF: python-docx writes each CR and each LF as a line break, so a CRLF came back as two."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _set_text(run: etree._Element, text: str) -> None:
    """`run.text = text` on an empty run, as python-docx writes it: a text without tabs or line breaks is one
    `w:t` (space-preserving when it starts or ends with a space), set here at once; python-docx's setter reads
    it a character at a time, which was most of a 1,500-row table's time. Others go through the setter."""
    if _BREAKS.search(text):
        cast(CT_R, run).text = text  # python-docx's CT_R: its setter, not lxml's
    elif text:
        element = etree.SubElement(run, _TEXT)
        element.text = text
        if len(text.strip()) < len(text):
            element.set(qn("xml:space"), "preserve")


def _stable_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps and a fixed entry order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(zipfile.ZipInfo(info.filename, _ZIP_TIME), source.read(info.filename),
                            compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def render(doc: Document, lang: str, views: Views) -> bytes:
    src, key = source_language(doc), document_key(doc)
    document = docx.Document()
    _landscape(document)
    properties = document.core_properties
    properties.title = f"{key}: {LANGUAGES.get(src, src)} → {LANGUAGES.get(lang, lang)}"
    properties.identifier = f"{key}.{src}-{lang}"
    properties.author = properties.last_modified_by = TOOL_NAME
    properties.comments = f"written by {GENERATOR}"
    properties.created = properties.modified = _FIXED_TIME
    properties.revision = 1
    normal = document.styles["Normal"].font
    normal.size = Pt(9)
    document.add_heading(xml_safe(properties.title), level=1)
    rows = views.rows
    table = document.add_table(rows=2, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    _fill(table.rows[0], COLUMNS, bold=True)
    _mark_row(table.rows[0], "w:tblHeader")
    _fill(table.rows[1], ("",) * len(COLUMNS))
    _add_rows(table, table.rows[1], [review.cells() for review in rows])
    _fix_widths(table)
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable_zip(buffer.getvalue())
