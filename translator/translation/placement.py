"""The engine's output made into each segment's translation: glossary terms restored, a unit over several
subtitle cues spread back over them (each cue with the glossary hits that landed in its share), and the result
put on the document."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from translator.document import Document, GlossaryHit, Translation
from translator.engine.argos import ArgosEngine
from translator.glossary import Glossary, restore_all
from translator.stages import stage
from translator.translation.hit_spans import hits_per_part
from translator.translation.plan import Plan
from translator.units import Unit, spread


@dataclass
class Outcome:
    """What translating a document produced: per (segment index, target) its translation and glossary hits,
    the hits of each target in document order, and how many sentences came from the engine and the memory."""

    translations: dict[tuple[int, str], Translation] = field(default_factory=dict)
    segment_hits: dict[tuple[int, str], list[GlossaryHit]] = field(default_factory=dict)
    hits: dict[str, list[GlossaryHit]] = field(default_factory=dict)
    translated: int = 0
    from_memory: int = 0


def restore(doc: Document, plan: Plan, machine: Mapping[tuple[str, str, str], str], engine: ArgosEngine,
            glossary: Glossary) -> Outcome:
    """Each unit's translation from the engine's raw output (`machine`, by (src, tgt, protected text)): glossary
    terms restored (the engine's alignment finds the ones the model moved), spread over the unit's cues; a unit
    already in a target language is kept as it is."""
    outcome = Outcome()
    for tgt in plan.targets:
        outcome.hits[tgt] = []
        for unit in plan.units:
            if unit.lang == tgt:
                for i in unit.segments:
                    segment = doc.segments[i]
                    outcome.translations[(i, tgt)] = Translation(
                        segment.text, list(segment.sentences), [(k, k) for k in range(len(segment.sentences))], "kept")
                continue
            protected = [plan.protected[(sentence, unit.lang, tgt)] for sentence in unit.sentences]
            raw = [machine[(unit.lang, tgt, p.text)] for p in protected]
            aligner = partial(engine.align, src=unit.lang, tgt=tgt)  # a second pass for missed terms only
            with stage("glossary"):
                restored = restore_all(glossary, protected, raw, tgt, aligner)
            _place_unit(doc, unit, tgt, restored, outcome)
    return outcome


def _place_unit(doc: Document, unit: Unit, tgt: str, restored: list[tuple[str, list[GlossaryHit]]],
                outcome: Outcome) -> None:
    sentences = [text for text, _ in restored]
    hits = [hit for _, sentence_hits in restored for hit in sentence_hits]
    outcome.hits[tgt].extend(hits)
    if len(unit.segments) == 1:
        outcome.translations[(unit.segments[0], tgt)] = Translation(
            " ".join(sentences), sentences, [(k, k) for k in range(len(sentences))])
        outcome.segment_hits[(unit.segments[0], tgt)] = hits
        return
    parts = spread(" ".join(sentences), [doc.segments[i].text for i in unit.segments])
    for i, part, part_hits in zip(unit.segments, parts, hits_per_part(restored, parts)):
        outcome.translations[(i, tgt)] = Translation(part, [part] if part else [], [(0, 0)] if part else [])
        outcome.segment_hits[(i, tgt)] = part_hits


def place(doc: Document, outcome: Outcome, targets: Sequence[str]) -> None:
    """Put an outcome's translations and glossary hits on the document's segments."""
    doc.targets = list(targets)
    for (i, tgt), translation in outcome.translations.items():
        doc.segments[i].translations[tgt] = translation
    for (i, tgt), hits in outcome.segment_hits.items():
        segment = doc.segments[i]
        segment.glossary = [h for h in segment.glossary if h.lang != tgt] + hits
