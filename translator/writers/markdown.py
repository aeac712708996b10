"""`S.SRC-L.md`: a side-by-side table (segment id, speaker, source, translation) readable as plain text.

Inside a GFM table a `|` ends the cell and a line break ends the row, so both are escaped (`\\|`, `<br>`);
backslashes right before a `|` are doubled so they stay text instead of escaping our escape.
"""

from __future__ import annotations

import re

from translator.document import LANGUAGES, Document, document_key
from translator.writers import source_language
from translator.writers.review_rows import review_rows

_PIPE = re.compile(r"(\\*)\|")


def cell(text: str) -> str:
    """Text that stays inside one table cell."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(_PIPE.sub(lambda m: m[1] * 2 + "\\|", line) for line in lines)


def _table_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render(doc: Document, lang: str) -> bytes:
    src = source_language(doc)
    header = [
        f"# {cell(document_key(doc))}: {LANGUAGES.get(src, src)} → {LANGUAGES.get(lang, lang)}",
        "",
        _table_row(["#", "Speaker", LANGUAGES.get(src, src), LANGUAGES.get(lang, lang)]),
        _table_row(["---:", "---", "---", "---"]),
    ]
    rows = [
        _table_row([str(row.id), cell(row.speaker), cell(row.source), cell(row.translation)])
        for row in review_rows(doc, lang)
    ]
    return ("\n".join(header + rows) + "\n").encode("utf-8")
