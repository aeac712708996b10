"""`S.SRC-L.omegat/source/S.SRC-L.xlf`: the document for OmegaT to translate (see `writers.omegat`)."""

from __future__ import annotations

from translator.document import Document
from translator.writers import xliff
from translator.writers.views import Views


def render(doc: Document, lang: str, views: Views) -> bytes:
    return xliff.document(doc, lang, views, omegat=True)
