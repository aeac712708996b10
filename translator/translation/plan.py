"""Planning a document's translation before any model runs: each sentence's glossary terms protected once, and
per leg (one source language into one target) the distinct sentences and what the memory holds of them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from translator.engine.argos import ArgosEngine
from translator.glossary import Glossary, Protected, protect
from translator.stages import stage
from translator.translation.memory_view import MemoryView
from translator.units import Unit


@dataclass(frozen=True)
class Leg:
    """The sentences of one source language to translate into one target, and what the memory holds of them."""

    src: str
    tgt: str
    engine_id: str
    glossary_id: str
    protected: tuple[str, ...]  # each distinct sentence once, glossary terms protected
    known: Mapping[str, str]

    @property
    def todo(self) -> list[str]:
        return [p for p in self.protected if p not in self.known]


@dataclass(frozen=True)
class Plan:
    """Everything the translation of one document into `targets` needs, read before any model runs."""

    targets: tuple[str, ...]
    units: tuple[Unit, ...]
    protected: Mapping[tuple[str, str, str], Protected]  # by (sentence, src, tgt)
    legs: tuple[Leg, ...]

    @property
    def pending(self) -> int:
        """Sentences the memory does not hold: what the engine will translate."""
        return sum(len(leg.todo) for leg in self.legs)


def plan_translation(units: Sequence[Unit], targets: Sequence[str], engine: ArgosEngine, glossary: Glossary,
                     memory: MemoryView) -> Plan:
    """Protect every sentence's glossary terms of a document's units (`translation_units`) once and look the
    results up in the memory."""
    protected: dict[tuple[str, str, str], Protected] = {}
    legs = []
    glossary_id = glossary.fingerprint()
    for tgt in targets:
        by_lang: dict[str, list[str]] = {}
        for unit in units:
            if unit.lang != tgt:
                by_lang.setdefault(unit.lang, []).extend(unit.sentences)
        for src, sentences in sorted(by_lang.items()):
            for sentence in sentences:
                if (sentence, src, tgt) not in protected:
                    with stage("glossary"):
                        protected[(sentence, src, tgt)] = protect(glossary, sentence, src, tgt)
            texts = tuple(dict.fromkeys(protected[(s, src, tgt)].text for s in sentences))
            engine_id = engine.identity(src, tgt)
            with stage("memory"):
                known = memory.lookup(src, tgt, engine_id, glossary_id, list(texts))
            legs.append(Leg(src, tgt, engine_id, glossary_id, texts, known))
    return Plan(tuple(targets), tuple(units), protected, tuple(legs))
