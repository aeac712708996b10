"""`S.json`: every segment with its languages, sentences, aligned translations, glossary hits, flags and timings."""

from __future__ import annotations

import json

from translator.document import Document
from translator.subtitles.layout import SubtitleLayout


def render(doc: Document, lang: str, layout: SubtitleLayout) -> bytes:
    """One file per document, with every target: `lang` (the document's own language) and `layout` (empty)
    change nothing."""
    return (json.dumps(doc.to_json(), ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")
