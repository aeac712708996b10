"""One document through every stage but the writing: read → detect → split (`prepare`), then plan → translate →
place → approvals → lay out → QA (`translate_document`).

Nothing here is shared between documents or kept between calls: what a document's translation needs comes in
as arguments (the run's `DocumentSettings`, the engine, a `MemoryView`, its sentence units if known), and what
it produced comes back as a plain `TranslatedDocument`, which `translator.workflow.run` writes. For a run over
many documents the same translation goes in explicit steps (`DocumentTranslation`): planned, started,
translated, finished, so that the run can hand the engine the next document's first leg before it writes this
one.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from translator.document import LANGUAGES, Document, GlossaryHit
from translator.engine.argos import ArgosEngine
from translator.errors import UsageError
from translator.glossary import Glossary, miss_lines, summary_line
from translator.langid import detect_document, settled_language
from translator.qa import flag_document
from translator.readers import read
from translator.report import flag_lines
from translator.sentences import split_document
from translator.stages import stage
from translator.subtitles import SubtitleLayout, SubtitleOptions, layout_document
from translator.translation.approvals import apply_approvals, approvals_of
from translator.translation.memory_view import MemoryView
from translator.translation.placement import Outcome, place, restore
from translator.translation.plan import Plan, plan_translation
from translator.translation.steps import LegSteps, keep_finished, machine_translations, start_translation
from translator.units import Unit, translation_units


def prepare(
    path: Path, source_lang: str | None = None, encoding: str | None = None,
    language_known: Callable[[str], object] | None = None,
) -> Document:
    """Read, detect languages and split sentences: everything that needs no model. `language_known` hears the
    document's main language as soon as it is certain (a run starts loading its models then): right after
    reading when `--from` or the script settles it, else after detection."""
    if source_lang and source_lang not in LANGUAGES:
        raise UsageError(f"unknown language code in --from: {source_lang!r} (use {', '.join(LANGUAGES)})")
    with stage("read"):
        doc = read(path, encoding)
    settled = settled_language(doc, source_lang)
    if language_known and settled:
        language_known(settled)
    with stage("detect"):
        detect_document(doc, forced=source_lang)
    if language_known and not settled:
        language_known(doc.lang or "en")
    with stage("split"):
        split_document(doc)
    return doc


@dataclass(frozen=True)
class DocumentSettings:
    """What every document of a run is translated with besides the engine and the memory: the target
    languages, the glossary, the subtitle layout options."""

    targets: tuple[str, ...]
    glossary: Glossary
    subtitles: SubtitleOptions = field(default_factory=SubtitleOptions)


@dataclass
class TranslatedDocument:
    """A document translated, placed, pinned, laid out and checked: everything its files are written from.
    `units` are the sentence units it was translated by (the CAT writers pair the same ones), `layouts` its
    subtitles per target language, `report` what the run says about it (flags, glossary terms pinned and
    missed), `hits` its glossary hits per target in document order."""

    doc: Document
    units: tuple[Unit, ...]
    layouts: dict[str, SubtitleLayout]
    report: list[str]
    translated: int = 0
    from_memory: int = 0
    hits: dict[str, list[GlossaryHit]] = field(default_factory=dict)


class DocumentTranslation:
    """One document's translation in explicit steps. Made, it is planned: the memory was read and `plan.pending`
    says how much the engine has to do (or it was given the `plan`, made where the memory is). `start` hands the
    first leg to the engine (it decodes from then on); `translate` takes every step from the engine, storing each
    in the memory as soon as it is done (a killed run resumes), and restores the glossary terms; `finish` places
    the translations, applies the reviewers' approvals, lays the subtitles out and flags the document."""

    def __init__(self, doc: Document, settings: DocumentSettings, engine: ArgosEngine, memory: MemoryView,
                 units: Sequence[Unit] | None = None, plan: Plan | None = None) -> None:
        self.doc, self.settings, self.engine, self.memory = doc, settings, engine, memory
        if plan is None:  # a worker elsewhere gets the plan its driver made where the memory is
            units = translation_units(doc) if units is None else units
            plan = plan_translation(units, settings.targets, engine, settings.glossary, memory)
        self.plan: Plan = plan
        self._started: LegSteps | None = None
        self._translating = False
        self._outcome: Outcome | None = None

    def start(self) -> None:
        """Hand the plan's first leg to the engine now; `translate` takes it up later."""
        if self._started is None:
            self._started = start_translation(self.plan, self.engine)

    def keep_finished(self) -> None:
        """Store what the engine finished of the leg `start` handed over: a run stopped while it writes the
        document before this one resumes from it. Once `translate` has begun, it keeps its own."""
        if not self._translating:
            keep_finished(self.plan, self.engine, self.memory)

    def translate(self, progress: Callable[[int], object] | None = None) -> None:
        """Everything the plan holds, from the memory or from the engine in steps; `progress` hears of each step
        of sentences the engine translated."""
        self._translating = True
        machine, translated, from_memory = machine_translations(self.plan, self.engine, self.memory, progress,
                                                                self._started)
        self._outcome = restore(self.doc, self.plan, machine, self.engine, self.settings.glossary)
        self._outcome.translated, self._outcome.from_memory = translated, from_memory

    def finish(self) -> TranslatedDocument:
        """Place the translations on the document, apply the approvals, lay out its subtitles once per language
        (after translation: times fit the slowest version) and flag it."""
        if self._outcome is None:
            self.translate()
        outcome, doc, targets = self._outcome, self.doc, self.plan.targets
        assert outcome is not None  # translate() set it
        with cycle_collection_paused():
            place(doc, outcome, targets)
            apply_approvals(doc, approvals_of(doc, targets, self.memory))
            with stage("layout"):
                layouts = layout_document(doc, self.settings.subtitles)
            with stage("qa"):
                flag_document(doc, layouts)
        report = flag_lines(doc)
        if self.settings.glossary.entries:
            report += [summary_line(outcome.hits), *miss_lines(doc.segments)]
        return TranslatedDocument(doc, self.plan.units, layouts, report, outcome.translated, outcome.from_memory,
                                  outcome.hits)


def translate_document(doc: Document, settings: DocumentSettings, engine: ArgosEngine, memory: MemoryView, *,
                       units: Sequence[Unit] | None = None, progress: Callable[[int], object] | None = None
                       ) -> TranslatedDocument:
    """Plan, translate, place, pin and lay out one prepared document (`prepare`): every step of
    `DocumentTranslation` in turn. `units` are its sentence units if the caller has them already
    (`translation_units`); the engine's steps are stored through `memory` as they come; `progress` hears of each
    step of sentences the engine translated. The document is enriched in place and comes back with all its files
    need."""
    translation = DocumentTranslation(doc, settings, engine, memory, units)
    translation.translate(progress)
    return translation.finish()


@contextmanager
def keeping_finished(started: Sequence[DocumentTranslation]) -> Iterator[None]:
    """On the way out of a run stopped by an exception (Ctrl-C), store what the engine finished for each of the
    documents `started` (a list the run fills as it goes): `DocumentTranslation.keep_finished`."""
    try:
        yield
    except BaseException:
        for translation in started:
            translation.keep_finished()
        raise


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while translations are placed, laid out and written: those stages make
    hundreds of thousands of objects that live until the files are written, and the collector kept walking
    them (0.04-0.06 s of the 0.8 s after a film's decoding). What cycles they leave go at the next collection.
    Nested, the outermost pause decides when collection resumes."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
