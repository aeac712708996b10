"""Which sentence units go into which of the OmegaT project's memories."""

from __future__ import annotations

from dataclasses import replace

from translator.writers.sentence_units import SentenceUnit
from translator.writers.views import Views


def _plain(unit: SentenceUnit) -> SentenceUnit:
    """The unit without its inline tags (see `writers.omegat`)."""
    return replace(unit, source_marked="", target_marked="")


def machine_units(views: Views) -> list[SentenceUnit]:
    """Units whose translation is the machine's (flagged or not)."""
    return [_plain(unit) for unit in views.sentence_units if unit.status != "approved"]


def approved_units(views: Views) -> list[SentenceUnit]:
    return [_plain(unit) for unit in views.sentence_units if unit.status == "approved"]
