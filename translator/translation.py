"""The translation stage as steps that return what they produce: plan what the memory lacks, translate it,
and place the translations and glossary hits on the document's segments.

`translation_units` says what is translated as a whole; `plan_translation` reads the memory and says how much
is left to translate; `translate_plan` sends that to the engine in steps, each stored in the memory before the
next (so a killed run resumes), and returns the translations per segment with the counts and glossary hits;
`place` puts them on the document. A sentence group spread over several subtitle cues gives each cue the
glossary hits whose characters the redistribution put in that cue's share of the translation (a name split
across two cues belongs to both).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from translator.align import align_sentences
from translator.document import Document, GlossaryHit, Segment, Translation, document_key
from translator.engine.argos import ArgosEngine
from translator.glossary import Glossary, Protected, protect, restore_all
from translator.memory import Approval, TranslationMemory
from translator.sentences import split_sentences
from translator.spans import Span, overlaps
from translator.stages import stage
from translator.subtitles import distribute, group_cues

# Sentences sent to the engine per step; each step is stored in the memory as soon as it is done, so an
# interrupted run loses at most the two steps in flight. A multiple of the batch size (16), so that steps of
# length-sorted sentences make the batches one call over all of them would.
STEP_SENTENCES = 256
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Tools:
    """What the stage works with, shared by every document of a run: one engine (each model loaded once),
    one glossary, one memory."""

    engine: ArgosEngine
    glossary: Glossary
    memory: TranslationMemory


@dataclass(frozen=True)
class Unit:
    """A stretch of source text translated as a whole: a segment's sentences, or cues joined into sentences.
    `segments` index the document's segments."""

    segments: tuple[int, ...]
    lang: str
    sentences: tuple[str, ...]


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


@dataclass
class Outcome:
    """What translating a document produced: per (segment index, target) its translation and glossary hits,
    the hits of each target in document order, and how many sentences came from the engine and the memory."""

    translations: dict[tuple[int, str], Translation] = field(default_factory=dict)
    segment_hits: dict[tuple[int, str], list[GlossaryHit]] = field(default_factory=dict)
    hits: dict[str, list[GlossaryHit]] = field(default_factory=dict)
    translated: int = 0
    from_memory: int = 0


def translation_units(doc: Document) -> list[Unit]:
    """Transcript segments translate on their own; subtitle cues are joined into whole sentences first."""
    if not doc.is_subtitles:
        return [Unit((i,), s.lang or doc.lang or "en", tuple(s.sentences))
                for i, s in enumerate(doc.segments) if s.sentences]
    units = []
    for group in group_cues(doc.segments):
        lang = doc.segments[group[0]].lang or doc.lang or "en"
        text = " ".join(doc.segments[i].text for i in group)
        units.append(Unit(tuple(group), lang, tuple(split_sentences(text, lang))))
    return units


def required_directions(units: Sequence[Unit], targets: list[str]) -> list[tuple[str, str]]:
    """Every (source, target) language pair a document's units need, in a stable order."""
    langs = sorted({unit.lang for unit in units})
    return [(src, tgt) for tgt in targets for src in langs if src != tgt]


def plan_translation(units: Sequence[Unit], targets: list[str], tools: Tools) -> Plan:
    """Protect every sentence's glossary terms of a document's units (`translation_units`) once and look the
    results up in the memory."""
    engine, glossary, memory = tools.engine, tools.glossary, tools.memory
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


@dataclass(frozen=True)
class LegSteps:
    """One leg's sentences cut into steps, and their translations in turn: the engine has the first steps from
    the moment this is made."""

    leg: Leg
    steps: list[list[str]]
    translations: Iterator[list[str]]


def start_leg(leg: Leg, engine: ArgosEngine) -> LegSteps:
    """Hand a leg's sentences to the engine in steps. Longest first, as CTranslate2 orders one call's batches:
    each step holds sentences of like length, and the last step the shortest, so its last batch (one worker's
    alone while the other idles) is short."""
    todo = sorted(leg.todo, key=len, reverse=True)
    steps = [todo[start:start + STEP_SENTENCES] for start in range(0, len(todo), STEP_SENTENCES)]
    return LegSteps(leg, steps, engine.translate_steps(steps, leg.src, leg.tgt))


def start_translation(plan: Plan, engine: ArgosEngine) -> LegSteps | None:
    """Hand the plan's first leg to the engine now, for `translate_plan` to take up later: a run starts the
    next document's decoding this way before it writes the current one."""
    return start_leg(plan.legs[0], engine) if plan.legs else None


def machine_translations(
    plan: Plan, engine: ArgosEngine, memory: TranslationMemory, progress: Callable[[int], object] | None = None,
    started: LegSteps | None = None,
) -> tuple[dict[tuple[str, str, str], str], int, int]:
    """Raw engine output for every protected sentence, by (src, tgt, protected text): from the memory, else
    from the engine in steps, each stored as soon as it is done (the engine is busy with the next meanwhile);
    with how many came from each. `started` is the plan's first leg if `start_translation` handed it over."""
    results: dict[tuple[str, str, str], str] = {}
    translated = from_memory = 0
    for leg in plan.legs:
        from_memory += len(leg.known)
        results.update(((leg.src, leg.tgt, p), t) for p, t in leg.known.items())
        work = started if started is not None and started.leg is leg else start_leg(leg, engine)
        for step in work.steps:
            with stage("translate"):
                output = next(work.translations)
            with stage("memory"):
                memory.store(leg.src, leg.tgt, leg.engine_id, leg.glossary_id, list(zip(step, output)))
            results.update(((leg.src, leg.tgt, p), t) for p, t in zip(step, output))
            translated += len(step)
            if progress:
                progress(len(step))
    return results, translated, from_memory


def translate_plan(
    doc: Document, plan: Plan, tools: Tools, progress: Callable[[int], object] | None = None,
    started: LegSteps | None = None,
) -> Outcome:
    """Translate what the plan says, restore glossary terms and spread sentence groups over their cues;
    `started` is the plan's first leg if `start_translation` handed it to the engine already."""
    engine, glossary = tools.engine, tools.glossary
    machine, translated, from_memory = machine_translations(plan, engine, tools.memory, progress, started)
    outcome = Outcome(translated=translated, from_memory=from_memory)
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
    parts = distribute(" ".join(sentences), [doc.segments[i].text for i in unit.segments])
    for i, part, part_hits in zip(unit.segments, parts, hits_per_part(restored, parts)):
        outcome.translations[(i, tgt)] = Translation(part, [part] if part else [], [(0, 0)] if part else [])
        outcome.segment_hits[(i, tgt)] = part_hits


def hits_per_part(restored: list[tuple[str, list[GlossaryHit]]], parts: list[str]) -> list[list[GlossaryHit]]:
    """The hits whose characters lie in each part of the joined sentences (the parts are its words in order,
    as `distribute` cuts them): a pinned name by its span in its sentence, a missed one by its whole sentence."""
    joined = " ".join(text for text, _ in restored)
    words = [m.span() for m in _WORD.finditer(joined)]
    ranges: list[Span | None] = []
    taken = 0
    for part in parts:
        count = len(part.split())
        ranges.append((words[taken][0], words[taken + count - 1][1]) if count else None)
        taken += count
    found: list[list[GlossaryHit]] = [[] for _ in parts]
    start = 0
    for text, sentence_hits in restored:
        for hit in sentence_hits:
            span = (start + hit.span[0], start + hit.span[1]) if hit.span else (start, start + len(text))
            for index, part_range in enumerate(ranges):
                if part_range is not None and overlaps(part_range, span):
                    found[index].append(hit)
        start += len(text) + 1
    return found


def place(doc: Document, outcome: Outcome, targets: list[str]) -> None:
    """Put an outcome's translations and glossary hits on the document's segments."""
    doc.targets = list(targets)
    for (i, tgt), translation in outcome.translations.items():
        doc.segments[i].translations[tgt] = translation
    for (i, tgt), hits in outcome.segment_hits.items():
        segment = doc.segments[i]
        segment.glossary = [h for h in segment.glossary if h.lang != tgt] + hits


def apply_approvals(doc: Document, approvals: Mapping[str, Mapping[int, Approval]]) -> None:
    """A reviewer's correction (by target language, then segment id) replaces machine output; a stale one
    (its source text has changed since) is kept and flagged instead."""
    by_id: dict[int, Segment] = {}
    for each in doc.segments:
        by_id.setdefault(each.id, each)
    for tgt, corrections in approvals.items():
        for segment_id, approval in corrections.items():
            segment = by_id.get(segment_id)
            if segment is None:
                continue
            if approval.source_text != segment.text:
                segment.flag("correction-stale", "a reviewer's correction was made for a different source "
                             f"text and was not applied: {approval.translation}", tgt)
                continue
            sentences = split_sentences(approval.translation, tgt)
            segment.translations[tgt] = Translation(
                approval.translation, sentences, align_sentences(segment.sentences, sentences), "approved")


def approvals_of(doc: Document, targets: list[str], memory: TranslationMemory) -> dict[str, dict[int, Approval]]:
    key = document_key(doc)
    return {tgt: memory.approvals(key, tgt) for tgt in targets}
