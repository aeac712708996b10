"""Which sentence units go into which of the OmegaT project's memories."""

from __future__ import annotations

from translator.writers.sentence_units import SentenceUnit
from translator.writers.views import Views


def machine_units(views: Views) -> list[SentenceUnit]:
    """Units whose translation is the machine's (flagged or not)."""
    return [unit for unit in views.sentence_units if unit.status != "approved"]


def approved_units(views: Views) -> list[SentenceUnit]:
    return [unit for unit in views.sentence_units if unit.status == "approved"]
