"""The language code outputs give a document's source language: in file names (`S.SRC-L.csv`) and inside the
files (XLIFF's and TMX's source language, the DOCX title). A document whose language could not be told is `xx`.
"""

from __future__ import annotations

from translator.document import Document

UNKNOWN_LANGUAGE = "xx"  # in file names, for a document whose language could not be told


def source_language(doc: Document) -> str:
    return doc.lang or UNKNOWN_LANGUAGE
