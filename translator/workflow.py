"""`translator.run` and `translator.detect`: the whole workflow as library functions the CLI merely calls.

A run is a loop over documents that schedules and writes: each document is prepared here and translated by
an executor (`translator.executors`: in this process, where the next document decodes while the current one is
written; or `translator.cluster.RayExecutor`, on a Ray cluster) through `translator.pipeline` (one document
from its arguments alone, to a plain `TranslatedDocument`), and written here (`outputs.write_document`) with
the run ledger's records: this process is the only one that writes a file or the memory.

A run reads every input and checks every package before it writes anything, so a bad input or a missing
package leaves `out` as it was. An input whose last run had the same fingerprint (input bytes, options,
glossary, packages, approvals, version) and whose outputs are all as written is not redone. Progress goes to
an optional callback as events, so a terminal, a GUI or a log can show it its own way.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path

from translator import rerun
from translator.database import DEFAULT_OUT, MEMORY_NAME, Database
from translator.document import LANGUAGES, Document, document_key
from translator.engine.argos import DEFAULT_BEAM_SIZE, ArgosEngine, EngineSettings
from translator.errors import InputError, UsageError
from translator.executors import Executor, RunWork, SerialExecutor
from translator.glossary import load_glossaries
from translator.identity import refuse_other_document, refuse_shared_names
from translator.ledger import RunLedger
from translator.memory import TranslationMemory
from translator.outputs import write_document
from translator.pipeline import DocumentSettings, cycle_collection_paused, prepare
from translator.results import Finished, Progress, RunEvent, RunResult
from translator.stages import stage
from translator.subtitles import estimate_timings
from translator.subtitles.frames import RATES
from translator.subtitles.options import SubtitleOptions
from translator.subtitles.rules import PROFILES
from translator.units import required_directions, translation_units
from translator.writers import DEFAULT_FORMATS, EXTRA_FORMATS

DEVICES = ("cpu", "cuda", "auto")
INPUT_SUFFIXES = (".txt", ".srt", ".vtt", ".ttml", ".dfxp", ".ass", ".ssa")


def _ignore(event: RunEvent) -> None:
    """The default progress callback: a library call is silent."""


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


def targets_of(to: str | Iterable[str]) -> list[str]:
    """`"uk,ru"` or `["uk", "ru"]` → ["uk", "ru"]: each code once, in order; unknown codes are refused."""
    codes = to.split(",") if isinstance(to, str) else list(to)
    targets = list(dict.fromkeys(code.strip().lower() for code in codes if code.strip()))
    unknown = [code for code in targets if code not in LANGUAGES]
    if not targets or unknown:
        raise UsageError(f"unknown language code in --to: {', '.join(unknown) or str(to)!r} "
                         f"(use {', '.join(LANGUAGES)})")
    return targets


def extra_formats_of(formats: str | Iterable[str]) -> tuple[str, ...]:
    """`"ttml,ass"` → ("ttml", "ass"): the editors' formats a run writes besides the usual files."""
    names = formats.split(",") if isinstance(formats, str) else list(formats)
    chosen = list(dict.fromkeys(name.strip().lower() for name in names if name.strip()))
    unknown = [name for name in chosen if name not in EXTRA_FORMATS]
    if unknown:
        raise UsageError(f"unknown format in --extra-formats: {', '.join(unknown)} (use {', '.join(EXTRA_FORMATS)})")
    return tuple(name for name in EXTRA_FORMATS if name in chosen)


def subtitle_options(keep_cues: bool, headings: bool, rules: str, fps: str | None,
                     plain_vtt: bool = False) -> SubtitleOptions:
    """The layout a run asks for; an unknown `--rules` profile or `--fps` rate is refused."""
    if rules not in PROFILES:
        raise UsageError(f"unknown --rules profile {rules!r} (use {', '.join(PROFILES)})")
    if fps is not None and fps not in RATES:
        raise UsageError(f"unsupported --fps {fps!r} (use {', '.join(RATES)})")
    return SubtitleOptions(keep_cues=keep_cues, headings=headings, rules=PROFILES[rules],
                           fps=RATES[fps] if fps is not None else None, plain_vtt=plain_vtt)


def targets_for(doc: Document, targets: list[str]) -> list[str]:
    """The targets a document is translated into: not its own language (a Ukrainian file run with the default
    `--to uk,ru` is translated into Russian only). Refused when that leaves none."""
    own = [lang for lang in targets if lang != doc.lang]
    if not own:
        raise UsageError(f"{Path(doc.path).name} is already in {doc.lang}: nothing to translate it into "
                         f"(--to {','.join(targets)}); choose other --to languages")
    return own


def device_of(option: str | None) -> str:
    """The device asked for, else $ARGOS_DEVICE_TYPE, else the CPU."""
    device = (option or os.environ.get("ARGOS_DEVICE_TYPE") or "cpu").lower()
    if device not in DEVICES:
        raise UsageError(f"unknown --device {device!r} (use cpu or cuda)")
    return device


def writable_folder(path: Path) -> Path:
    """Create the output folder if needed and prove it is writable before any work starts."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        raise UsageError(f"cannot write to --out {path}: {exc.strerror or exc}") from None
    return path


@contextmanager
def output_folder(path: Path) -> Iterator[Path]:
    """The output folder, created if needed and proven writable (`writable_folder`); if the run fails, the
    folders it created are removed again while they are empty, so a mistyped input leaves nothing behind."""
    try:
        created = [folder for folder in (path, *path.parents) if not folder.exists()]  # deepest first
    except OSError:  # a folder on the way that may not be looked into: writable_folder says so
        created = []
    folder = writable_folder(path)
    try:
        yield folder
    except BaseException:
        for empty in created:
            try:
                empty.rmdir()
            except OSError:  # something was written there (a memory keeping finished translations): keep it
                break
        raise


def run(
    inputs: Sequence[Path | str],
    to: str | Iterable[str] = ("uk", "ru"),
    out: Path | str = DEFAULT_OUT,
    glossaries: Sequence[Path | str] = (),
    memory: Path | str | None = None,
    *,
    source: str | None = None,
    encoding: str | None = None,
    beam_size: int = DEFAULT_BEAM_SIZE,
    threads: int = 0,
    device: str | None = None,
    compute_type: str = "default",
    keep_cues: bool = False,
    subtitle_headings: bool = False,
    extra_formats: str | Iterable[str] = (),
    rules: str = "default",
    fps: str | None = None,
    plain_vtt: bool = False,
    progress: Progress = _ignore,
    executor: Executor | None = None,
) -> list[RunResult]:
    """Translate `inputs` (files, or folders of .txt/.srt/.vtt files) into each language of `to` and write
    every output into `out`; the translation memory is `memory` (default `out/translator.sqlite`).
    `source` forces the source language, `encoding` the input encoding; `compute_type` overrides the precision
    each model was saved in; `keep_cues`, `subtitle_headings` and `plain_vtt` are `--keep-cues`,
    `--subtitle-headings` and `--plain-vtt`; `extra_formats` (`ttml`, `itt`, `ass`), `rules` (a profile of
    `subtitles.rules.PROFILES`) and `fps` (`23.976`, `24`, `25`, `29.97`, `30`) are `--extra-formats`, `--rules`
    and `--fps`. `executor` translates the documents (default: `SerialExecutor`, here; `translator.RayExecutor`:
    on a Ray cluster); this process writes every file and the memory either way. One result per input, in order."""
    targets = targets_of(to)
    formats = DEFAULT_FORMATS + extra_formats_of(extra_formats)
    subtitles = subtitle_options(keep_cues, subtitle_headings, rules, fps, plain_vtt)
    results: dict[Path, RunResult] = {}
    with ExitStack() as stack:
        out_dir = stack.enter_context(output_folder(Path(out)))
        memory_path = Path(memory) if memory is not None else out_dir / MEMORY_NAME
        engine = ArgosEngine(EngineSettings(device=device_of(device), beam_size=beam_size, threads=threads,
                                            compute_type=compute_type))
        glossary = load_glossaries([Path(path) for path in glossaries])
        options: dict[str, object] = {"from": source, "encoding": encoding, "out": str(out_dir.resolve())}
        if subtitles != SubtitleOptions():  # a default run keeps the fingerprint earlier versions recorded
            chosen: dict[str, object] = {"keep_cues": keep_cues, "headings": subtitle_headings}
            if rules != "default" or fps is not None:
                chosen |= {"rules": rules, "fps": fps}
            if plain_vtt:
                chosen["plain_vtt"] = True
            options["subtitles"] = chosen
        if formats != DEFAULT_FORMATS:
            options["formats"] = list(formats)
        known = stack.enter_context(Database(memory_path)) if memory_path.is_file() else None
        pending = []
        paths = expand_inputs([Path(path) for path in inputs])
        refuse_shared_names(paths)
        for path in paths:
            current = rerun.fingerprint(path, targets, options, glossary, engine,
                                        TranslationMemory(known) if known else None)
            last = rerun.unchanged_run(RunLedger(known), path, current) if known else None
            if last is not None:
                results[path] = RunResult(path, [Path(name) for name in last.paths], last.report.splitlines())
                progress(Finished(results[path]))
                continue
            # With a fresh memory everything is translated: the models load while the input is detected and split.
            preload = (lambda lang: engine.preload(lang, targets)) if known is None else None
            pending.append((prepare(path, source, encoding, preload), current))
        with stage("split"):  # cues joined into whole sentences, once for the check and the plan
            units = [translation_units(doc) for doc, _ in pending]
        for (doc, _), doc_units in zip(pending, units):
            engine.check(required_directions(doc_units, targets))
            if known:
                refuse_other_document(doc, RunLedger(known))
        own_targets = [targets_for(doc, targets) for doc, _ in pending]  # each document's own language left out
        executor = executor or SerialExecutor()
        if pending:  # connected (to a cluster) before anything is made: one that cannot be reached leaves nothing
            stack.enter_context(executor.session())
        db = known or stack.enter_context(Database(memory_path))
        ledger = RunLedger(db)
        work = RunWork([doc for doc, _ in pending], units,
                       [DocumentSettings(tuple(own), glossary, subtitles) for own in own_targets], engine,
                       TranslationMemory(db), progress, formats)
        # Closed on the way out of an interrupted write, while the memory is still open: the executor then stores
        # what the engine finished of the documents in flight (a generator left to the garbage collector would
        # do so only once the traceback is gone, after the memory has been closed).
        translated = stack.enter_context(closing(executor.translate(work)))
        for index, done in translated:
            doc, current = done.doc, pending[index][1]
            with cycle_collection_paused(), stage("write"):
                # and records what each row delivered, before the files: a killed write is known
                written = write_document(doc, out_dir, ledger, formats, done.layouts, done.units)
            skipped = [f"skipped {lang}: {Path(doc.path).name} is already in {lang}"
                       for lang in targets if lang not in own_targets[index]]
            result = RunResult(Path(doc.path), written, [*skipped, *done.report], doc, done.translated,
                               done.from_memory, done.hits)
            rerun.remember(ledger, result.path, current, result.written, "\n".join(result.report))
            ledger.claim(document_key(doc), result.path.name, doc.lang or "",
                         [str(Path(path).resolve()) for path in glossaries])
            results[result.path] = result
            progress(Finished(result))
    return [results[path] for path in paths]


def detect(
    inputs: Sequence[Path | str], *, source: str | None = None, encoding: str | None = None
) -> list[Document]:
    """Read each input (files or folders) and tell every segment's language and confidence, loading no model:
    `translator detect`. Timings are a transcript's estimates from its source text, as a run starts from."""
    docs = []
    for path in expand_inputs([Path(path) for path in inputs]):
        doc = prepare(path, source, encoding)
        estimate_timings(doc)
        docs.append(doc)
    return docs
