"""`S.SRC-L.omegat/glossary/S.SRC-L.txt`: the glossary terms the document holds and their translation into `lang`,
in OmegaT's glossary format (UTF-8, a term a line: source TAB target TAB comment)."""

from __future__ import annotations

from translator.document import Document
from translator.writers.views import Views

COMMENT = "translator glossary"


def _field(text: str) -> str:
    return " ".join(text.split())  # a tab or a line break would end the field or the entry


def render(doc: Document, lang: str, views: Views) -> bytes:
    entries: dict[str, str] = {}
    for segment in doc.segments:
        for hit in segment.glossary:
            if hit.lang == lang and hit.status in ("pinned", "kept") and hit.target_text.strip():
                entries.setdefault(_field(hit.term), _field(hit.target_text))
    lines = [f"{term}\t{target}\t{COMMENT}\n" for term, target in sorted(entries.items())]
    return "".join(lines).encode("utf-8")
