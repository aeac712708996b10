"""The workflow: read → detect → split → (glossary, memory, engine) translate → align → QA → write.

Each stage reads the Document and enriches it (the translation stage is translation.py);
`translator.workflow.run` drives them for one or many input files and shares one engine (each model loaded
once) across all of them.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from translator.document import LANGUAGES, Document
from translator.errors import InputError, UsageError
from translator.glossary import miss_lines, summary_line
from translator.langid import detect_document, settled_language
from translator.ledger import RunLedger
from translator.outputs import write_document
from translator.qa import flag_document
from translator.readers import read
from translator.report import flag_lines
from translator.results import RunResult
from translator.sentences import split_document
from translator.stages import stage
from translator.subtitles import SubtitleOptions, layout_document
from translator.translation import (
    LegSteps,
    Plan,
    Tools,
    apply_approvals,
    approvals_of,
    place,
    translate_plan,
)
from translator.writers import DEFAULT_FORMATS, import_writers_in_background

INPUT_SUFFIXES = (".txt", ".srt", ".vtt")


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


def run_document(
    doc: Document,
    plan: Plan,
    tools: Tools,
    ledger: RunLedger,
    out_dir: Path,
    formats: Iterable[str] = DEFAULT_FORMATS,
    subtitles: SubtitleOptions | None = None,
    progress: Callable[[int], object] | None = None,
    started: LegSteps | None = None,
    translated: Callable[[], object] | None = None,
) -> RunResult:
    """Translate one prepared document as planned, lay out its subtitles once per language, flag it, write
    every output; `progress` hears of each step of sentences the engine translated. `started` is the plan's
    first leg if `start_translation` handed it to the engine already; `translated` is called once the engine
    is done with this document, before the writing (a run hands the engine its next document then)."""
    targets, formats = list(plan.targets), tuple(formats)
    if plan.pending:  # the engine will decode for a while: the writers' libraries load meanwhile
        import_writers_in_background(formats)
    outcome = translate_plan(doc, plan, tools, progress, started)
    if translated:
        translated()
    with _cycle_collection_paused():
        place(doc, outcome, targets)
        apply_approvals(doc, approvals_of(doc, targets, tools.memory))
        with stage("layout"):
            layouts = layout_document(doc, subtitles)  # after translation: times fit the slowest version
        with stage("qa"):
            flag_document(doc, layouts)
        with stage("write"):  # and records what each row delivered, before the files, so a killed write is known
            written = write_document(doc, out_dir, ledger, formats, layouts)
    report = flag_lines(doc)
    if tools.glossary.entries:
        report += [summary_line(outcome.hits), *miss_lines(doc.segments)]
    return RunResult(Path(doc.path), written, report, doc, outcome.translated, outcome.from_memory, outcome.hits)


@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while translations are placed, laid out and written: those stages make
    hundreds of thousands of objects that live until the files are written, and the collector kept walking
    them (0.04-0.06 s of the 0.8 s after a film's decoding). What cycles they leave go at the next collection."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
