"""`S.SRC-L.omegat/tm/enforce/S.SRC-L.approved.tmx`: approved corrections, which outrank the machine text."""

from __future__ import annotations

from translator.document import Document
from translator.writers.omegat.units import approved_units
from translator.writers.tmx import sentence_memory
from translator.writers.views import Views


def render(doc: Document, lang: str, views: Views) -> bytes:
    return sentence_memory(doc, lang, approved_units(views))
