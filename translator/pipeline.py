"""The workflow: read → detect → split → (glossary, memory, engine) translate → align → QA → write.

Each stage reads the Document and enriches it; `translator.workflow.run` drives them for one or many input
files and shares one engine (each model loaded once) across all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from translator.align import align_sentences
from translator.document import LANGUAGES, Document, GlossaryHit, Segment, Translation, document_key
from translator.engine.argos import ArgosEngine
from translator.errors import InputError, UsageError
from translator.glossary import Glossary, Protected, miss_lines, protect, restore_all, summary_line
from translator.langid import detect_document
from translator.ledger import RunLedger
from translator.memory import TranslationMemory
from translator.outputs import write_document
from translator.qa import flag_document
from translator.readers import read
from translator.report import flag_lines
from translator.sentences import split_document, split_sentences
from translator.stages import stage
from translator.subtitles import SubtitleOptions, distribute, group_cues, layout_document
from translator.writers import DEFAULT_FORMATS

INPUT_SUFFIXES = (".txt", ".srt", ".vtt")
# Sentences sent to the engine per step; each step is stored in the memory before the next starts, so an
# interrupted run loses at most one step.
STEP_SENTENCES = 256


@dataclass
class Unit:
    """A stretch of source text translated as a whole: a segment's sentences, or cues joined into sentences."""

    segments: list[Segment]
    lang: str
    sentences: list[str]

    @property
    def parts(self) -> list[str]:
        return [segment.text for segment in self.segments]


@dataclass
class RunResult:
    """What one input produced: the files written, what the run says about them (`report`: flags, glossary
    terms pinned and missed) and what it cost. `doc` is the enriched document, or None when the input was
    unchanged since its last run and nothing was redone (the files and report are that run's)."""

    path: Path
    written: list[Path]
    report: list[str]
    doc: Document | None = None
    translated: int = 0
    from_memory: int = 0
    glossary_hits: dict[str, list[GlossaryHit]] = field(default_factory=dict)

    @property
    def unchanged(self) -> bool:
        return self.doc is None


def expand_inputs(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a directory stands for the transcripts and subtitles directly inside it."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
            if not inside:
                raise InputError(f"{path}: no .txt, .srt or .vtt files in this folder")
            files.extend(inside)
        else:
            files.append(path)
    return files


def prepare(
    path: Path, source_lang: str | None = None, encoding: str | None = None,
    detected: Callable[[Document], object] | None = None,
) -> Document:
    """Read, detect languages and split sentences: everything that needs no model. `detected` is called once
    the languages are known, before splitting (a run starts loading its models then)."""
    if source_lang and source_lang not in LANGUAGES:
        raise UsageError(f"unknown language code in --from: {source_lang!r} (use {', '.join(LANGUAGES)})")
    with stage("read"):
        doc = read(path, encoding)
    with stage("detect"):
        detect_document(doc, forced=source_lang)
    if detected:
        detected(doc)
    with stage("split"):
        split_document(doc)
    return doc


def translation_units(doc: Document) -> list[Unit]:
    """Transcript segments translate on their own; subtitle cues are joined into whole sentences first."""
    if not doc.is_subtitles:
        return [Unit([s], s.lang or doc.lang or "en", s.sentences) for s in doc.segments if s.sentences]
    units = []
    for group in group_cues(doc.segments):
        cues = [doc.segments[i] for i in group]
        lang = cues[0].lang or doc.lang or "en"
        text = " ".join(cue.text for cue in cues)
        units.append(Unit(cues, lang, split_sentences(text, lang)))
    return units


def required_directions(doc: Document, targets: list[str]) -> list[tuple[str, str]]:
    """Every (source, target) language pair the document needs, in a stable order."""
    langs = sorted({unit.lang for unit in translation_units(doc)})
    return [(src, tgt) for tgt in targets for src in langs if src != tgt]


@dataclass
class _Lookup:
    """Sentences of one source language to translate into one target, and what the memory already holds."""

    src: str
    engine_id: str
    glossary_id: str
    protected: list[str]
    known: dict[str, str]

    @property
    def todo(self) -> list[str]:
        return [p for p in self.protected if p not in self.known]


class Translator:
    """Runs the translation stage for documents, sharing one engine, glossary and memory."""

    def __init__(
        self,
        engine: ArgosEngine,
        glossary: Glossary,
        memory: TranslationMemory,
        progress: Callable[[int], object] | None = None,
    ) -> None:
        self.engine, self.glossary, self.memory, self.progress = engine, glossary, memory, progress
        self.translated = 0
        self.from_memory = 0
        self._protected: dict[tuple[str, str, str], Protected] = {}

    def _protect(self, sentence: str, src: str, tgt: str) -> Protected:
        """Planning, memory lookup and restoring all need a sentence's protected form: compute it once."""
        key = (sentence, src, tgt)
        if key not in self._protected:
            with stage("glossary"):
                self._protected[key] = protect(self.glossary, sentence, src, tgt)
        return self._protected[key]

    def plan(self, doc: Document, targets: list[str]) -> int:
        """Check every needed package is installed; return how many sentences the memory lacks."""
        self.engine.check(required_directions(doc, targets))
        units = translation_units(doc)
        return sum(len(work.todo) for tgt in targets for work in self._lookups(units, tgt))

    def _lookups(self, units: list[Unit], tgt: str) -> Iterator[_Lookup]:
        """Per source language: the protected sentences to translate into `tgt`, and what the memory has."""
        by_lang: dict[str, list[str]] = {}
        for unit in units:
            if unit.lang != tgt:
                by_lang.setdefault(unit.lang, []).extend(unit.sentences)
        glossary_id = self.glossary.fingerprint()
        for src, sentences in sorted(by_lang.items()):
            engine_id = self.engine.identity(src, tgt)
            protected = list(dict.fromkeys(self._protect(s, src, tgt).text for s in sentences))
            with stage("memory"):
                known = self.memory.lookup(src, tgt, engine_id, glossary_id, protected)
            yield _Lookup(src, engine_id, glossary_id, protected, known)

    def translate(self, doc: Document, targets: list[str]) -> dict[str, list[GlossaryHit]]:
        doc.targets = list(targets)
        units = translation_units(doc)
        hits: dict[str, list[GlossaryHit]] = {}
        for tgt in targets:
            machine = self._machine_translations(units, tgt)
            for unit in units:
                hits.setdefault(tgt, []).extend(self._assign(doc, unit, tgt, machine))
        self._apply_approvals(doc, targets)
        return hits

    def _machine_translations(self, units: list[Unit], tgt: str) -> dict[tuple[str, str], str]:
        """Raw engine output for every protected sentence: from the memory, else from the engine (stored)."""
        results: dict[tuple[str, str], str] = {}
        for work in self._lookups(units, tgt):
            self.from_memory += len(work.known)
            todo = work.todo  # fixed before the loop: `known` grows as steps are stored
            for start in range(0, len(todo), STEP_SENTENCES):
                step = todo[start:start + STEP_SENTENCES]
                with stage("translate"):
                    output = self.engine.translate(step, work.src, tgt)
                with stage("memory"):
                    self.memory.store(work.src, tgt, work.engine_id, work.glossary_id, list(zip(step, output)))
                work.known.update(zip(step, output))
                self.translated += len(step)
                if self.progress:
                    self.progress(len(step))
            results.update(((work.src, p), work.known[p]) for p in work.protected)
        return results

    def _assign(self, doc: Document, unit: Unit, tgt: str, machine: dict[tuple[str, str], str]) -> list[GlossaryHit]:
        """Restore glossary terms in each sentence and put the translation on the unit's segment(s)."""
        if unit.lang == tgt:
            for segment in unit.segments:
                segment.translations[tgt] = Translation(
                    segment.text, list(segment.sentences), [(i, i) for i in range(len(segment.sentences))], "kept"
                )
            return []
        sentences, hits = [], []
        protected = [self._protect(sentence, unit.lang, tgt) for sentence in unit.sentences]
        raw = [machine[(unit.lang, p.text)] for p in protected]
        aligner = partial(self.engine.align, src=unit.lang, tgt=tgt)  # a second pass for missed terms only
        with stage("glossary"):
            restored = restore_all(self.glossary, protected, raw, tgt, aligner)
        for text, sentence_hits in restored:
            sentences.append(text)
            hits.extend(sentence_hits)
        if len(unit.segments) == 1:
            segment = unit.segments[0]
            segment.translations[tgt] = Translation(
                " ".join(sentences), sentences, [(i, i) for i in range(len(sentences))]
            )
            segment.glossary = [h for h in segment.glossary if h.lang != tgt] + hits
        else:
            parts = distribute(" ".join(sentences), unit.parts)
            for segment, part in zip(unit.segments, parts):
                segment.translations[tgt] = Translation(part, [part] if part else [], [(0, 0)] if part else [])
                segment.glossary = [h for h in segment.glossary if h.lang != tgt] + [
                    h for h in hits if h.source_text.lower() in segment.text.lower()
                ]
        return hits

    def _apply_approvals(self, doc: Document, targets: list[str]) -> None:
        """A reviewer's correction replaces machine output; a stale one (source changed) is kept and flagged."""
        key = document_key(doc)
        for tgt in targets:
            for segment_id, approval in self.memory.approvals(key, tgt).items():
                segment = next((s for s in doc.segments if s.id == segment_id), None)
                if segment is None:
                    continue
                if approval.source_text != segment.text:
                    segment.flag("correction-stale", "a reviewer's correction was made for a different source "
                                 f"text and was not applied: {approval.translation}", tgt)
                    continue
                sentences = split_sentences(approval.translation, tgt)
                segment.translations[tgt] = Translation(
                    approval.translation, sentences, align_sentences(segment.sentences, sentences), "approved"
                )


def run_document(
    doc: Document,
    translator: Translator,
    ledger: RunLedger,
    targets: list[str],
    out_dir: Path,
    formats: Iterable[str] = DEFAULT_FORMATS,
    subtitles: SubtitleOptions | None = None,
) -> RunResult:
    """Translate one prepared document, lay out its subtitles once per language, flag it, write every output."""
    before_translated, before_memory = translator.translated, translator.from_memory
    hits = translator.translate(doc, targets)
    with stage("layout"):
        layouts = layout_document(doc, subtitles)  # after translation: times fit the slowest version
    with stage("qa"):
        flag_document(doc, layouts)
    with stage("write"):
        written = write_document(doc, out_dir, ledger, tuple(formats), layouts)
    with stage("memory"):
        ledger.record_delivered(doc)  # what each row delivered, so a reviewer's edits can be told apart
    report = flag_lines(doc)
    if translator.glossary.entries:
        report += [summary_line(hits), *miss_lines(doc.segments)]
    return RunResult(Path(doc.path), written, report, doc, translator.translated - before_translated,
                     translator.from_memory - before_memory, hits)
