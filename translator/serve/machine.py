"""A row's machine text when the run's result holds a reviewer's approval in its place (the run wrote the
approval, so S.json keeps no machine text): what a reject goes back to, and what a history's first change
replaced.

Found only where it can be known, never guessed:

1. the run ledger: a run that delivered this segment, for the same source text, as machine output (`deliveries`
   of a generation some file may still hold);
2. the memory: the segment translates on its own (a unit of its own, no glossary term protected in it), and
   every key (engine, glossary) under which the memory holds all its sentences gives the same text, joined as
   the run joins them (translation/placement.py). A segment already in the target language is kept as it is.

Otherwise None: the page says the row shows the machine text after the next run, and never presents the
approval as machine text.
"""

from __future__ import annotations

from translator.database import Database
from translator.document import Document, Segment, key_for_path
from translator.ledger import RunLedger
from translator.units import Unit, translation_units


class MachineTexts:
    """The machine texts of one document in one target language, looked up on demand."""

    def __init__(self, db: Database, doc: Document, lang: str) -> None:
        self.db, self.doc, self.lang = db, doc, lang
        self._units: dict[int, Unit] | None = None
        self._delivered: list[dict[int, tuple[str, str, str]]] | None = None

    def of(self, segment: Segment) -> str | None:
        """The segment's machine text if the ledger or the memory knows it, else None."""
        delivered = self._from_ledger(segment)
        return delivered if delivered is not None else self._from_memory(segment)

    def _from_ledger(self, segment: Segment) -> str | None:
        if self._delivered is None:
            versions = RunLedger(self.db).delivered_versions(key_for_path(self.doc.path), self.lang)
            self._delivered = [{segment_id: (d.source_text, d.translation, d.status)
                                for segment_id, d in version.items()} for version in versions]
        for version in self._delivered:  # newest first
            source, translation, status = version.get(segment.id, ("", "", "approved"))
            if status != "approved" and source == segment.text:
                return translation
        return None

    def _unit(self, segment: Segment) -> Unit | None:
        if self._units is None:
            self._units = {}
            for unit in translation_units(self.doc):
                for index in unit.segments:
                    self._units[index] = unit
        found = next((i for i, s in enumerate(self.doc.segments) if s is segment), None)
        return None if found is None else self._units.get(found)

    def _from_memory(self, segment: Segment) -> str | None:
        unit = self._unit(segment)
        if unit is None or len(unit.segments) != 1 or any(hit.lang == self.lang for hit in segment.glossary):
            return None  # spread over several cues, or glossary terms restored: not the memory's text alone
        if unit.lang == self.lang:
            return segment.text  # already in the target language: a run keeps it as it is
        wanted = list(dict.fromkeys(unit.sentences))
        marks = ",".join("?" * len(wanted))
        found: dict[tuple[str, str], dict[str, str]] = {}
        for engine, glossary, source, target in self.db.connection.execute(
                f"SELECT engine, glossary, source, target FROM sentences WHERE src = ? AND tgt = ? "
                f"AND source IN ({marks})", [unit.lang, self.lang, *wanted]):
            found.setdefault((engine, glossary), {})[source] = target
        texts = {" ".join(known[s] for s in unit.sentences) for known in found.values() if len(known) == len(wanted)}
        return texts.pop() if len(texts) == 1 else None
