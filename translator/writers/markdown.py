"""`S.SRC-L.md`: a side-by-side table (segment id, speaker, source, translation, the flags' notes) readable as
plain text.

Inside a GFM table a `|` ends the cell and a line break ends the row, so both are escaped (`\\|`, `<br>`);
backslashes right before one are doubled so they stay text instead of escaping our escape. Text is text, never
markup: `&`, `<` and `>` become entities (no `<script>`, `<img onerror>` or `<javascript:…>` autolink survives) and
`[`, `]` are escaped, so no `[…](javascript:…)` link or image is formed.
"""

from __future__ import annotations

import html
import re

from translator.document import LANGUAGES, Document, document_key
from translator.writers.language import source_language
from translator.writers.views import Views

_SPECIAL = re.compile(r"(\\*)([|\[\]])")  # with the backslashes right before it


def cell(text: str) -> str:
    """Text that stays inside one table cell."""
    lines = html.escape(text, quote=False).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(_SPECIAL.sub(lambda m: m[1] * 2 + "\\" + m[2], line) for line in lines)


def _table_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render(doc: Document, lang: str, views: Views) -> bytes:
    src = source_language(doc)
    header = [
        f"# {cell(document_key(doc))}: {LANGUAGES.get(src, src)} → {LANGUAGES.get(lang, lang)}",
        "",
        _table_row(["#", "Speaker", LANGUAGES.get(src, src), LANGUAGES.get(lang, lang), "Notes"]),
        _table_row(["---:", "---", "---", "---", "---"]),
    ]
    rows = [
        _table_row([str(row.id), cell(row.speaker), cell(row.source), cell(row.translation), cell(row.comment)])
        for row in views.rows
    ]
    return ("\n".join(header + rows) + "\n").encode("utf-8")
