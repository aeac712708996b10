"""`S.SRC-L.omegat/tm/auto/S.SRC-L.machine.tmx`: source sentence → machine text, filled in by OmegaT on opening."""

from __future__ import annotations

from translator.document import Document
from translator.writers.omegat.units import machine_units
from translator.writers.tmx import sentence_memory
from translator.writers.views import Views


def render(doc: Document, lang: str, views: Views) -> bytes:
    return sentence_memory(doc, lang, machine_units(views))
