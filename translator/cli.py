"""The `translator` command line: a thin layer over the library functions of the same names.

Heavy modules (CTranslate2, pymorphy3, python-docx) are imported inside the commands that need them, so
`translator --help` and `translator models list` start at once. The command line is plain click: typer, which
it used before, pulled rich into every help screen and pydantic into every call (0.1-0.2 s each). How a command
ends (every TranslatorError one line on stderr and a non-zero exit, never a traceback) is translator/exits.py.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from translator._version import __version__
from translator.database import DEFAULT_OUT, MEMORY_NAME
from translator.exits import CommandGroup, run_and_exit, say

ENCODING_CHOICES = "utf-8, utf-16, cp1251, koi8-r, koi8-u, cp866, cp1125, mac-cyrillic, cp1252 or any Python codec"
PATH = click.Path(path_type=Path)
Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


@click.group(cls=CommandGroup, context_settings={"show_default": True})
@click.version_option(__version__, "--version", message="translator %(version)s", help="Print the version and exit.")
def app() -> None:
    """Translate interview transcripts and subtitles between English, Ukrainian and Russian, offline."""


@app.group("models")
def models_app() -> None:
    """Install, list and remove Argos translation packages."""


@app.group("glossary")
def glossary_app() -> None:
    """Check glossary files; pin glossary names in a translation."""


@app.group("review")
def review_app() -> None:
    """Bring reviewers' corrections back into the translation memory."""


def _source_option(text: str) -> Decorator:
    return click.option("--from", "source", help=text, show_default="detected per segment")


def _encoding_option() -> Decorator:
    return click.option("--encoding", help=f"Force the input encoding: {ENCODING_CHOICES}.", show_default="detected")


def _memory_option(shown_default: str) -> Decorator:
    return click.option("--memory", type=PATH, help="Translation memory.", show_default=shown_default)


def _glossary_option(text: str, shown_default: str | None = "none", required: bool = False) -> Decorator:
    return click.option("--glossary", type=PATH, multiple=True, required=required, help=text,
                        show_default=shown_default)


def _json_option(text: str) -> Decorator:
    return click.option("--json", "as_json", is_flag=True, help=text)


_out_option = click.option("--out", type=PATH, default=DEFAULT_OUT, help="The run's output folder.")


@app.command(short_help="Translate transcripts and subtitles into each --to language.")
@click.argument("inputs", type=PATH, nargs=-1, required=True)
@click.option("--to", default="uk,ru", help="Target languages, comma-separated: uk,ru,en.")
@_source_option("Source language; overrides detection.")
@click.option("--out", type=PATH, default=DEFAULT_OUT, help="Output folder.")
@_glossary_option("Glossary TSV (repeatable).")
@_memory_option(f"OUT/{MEMORY_NAME}")
@_encoding_option()
@click.option("--beam-size", type=click.IntRange(1, 16), default=4, help="Beam size: lower is faster.")
@click.option("--threads", type=click.IntRange(min=0), default=0, help="CPU threads (0: one per core).")
@click.option("--device", help="cpu or cuda.", show_default="$ARGOS_DEVICE_TYPE, else cpu")
@click.option("--compute-type", default="default", help="int8, float32, ... or auto.",
              show_default="the precision each model was saved in")
@click.option("--keep-cues", is_flag=True, help="One output cue per source cue, even where a translation needs more "
              "than two lines (flagged); by default such a cue is split in time.")
@click.option("--subtitle-headings", is_flag=True, help="Put a transcript's title, intro and headings in its "
              "subtitles too, not only the turns.")
@click.option("--extra-formats", default="", help="Also write these subtitle formats for video editors, "
              "comma-separated: ttml (IMSC 1.1), itt (Apple iTT, Final Cut Pro), ass (Aegisub).", show_default="none")
@click.option("--rules", type=click.Choice(["default", "netflix", "bbc", "youtube"]), default="default",
              help="Subtitle limits: characters a line, reading speed, shortest and longest cue, gap.")
@click.option("--fps", type=click.Choice(["23.976", "24", "25", "29.97", "30"]), help="Put the cues the run "
              "makes or splits on this frame rate's frames, 2 frames apart; iTT times in frames.",
              show_default="milliseconds")
@click.option("--plain-vtt", is_flag=True, help="Write WebVTT without STYLE and REGION blocks: ffmpeg drops every "
              "cue of a WebVTT file that has one.")
@click.option("--ray", "ray_address", metavar="ADDRESS", help="Translate on a Ray cluster: auto (the cluster this "
              "machine joined with `ray start`), ray://HOST:PORT, or local[:N] (N worker processes started here). "
              "Needs translator[ray].", show_default="this process, no Ray")
@click.option("--ray-cpus", type=click.IntRange(min=1), help="CPUs per Ray worker (each decodes with that many "
              "threads; replaces --threads).", show_default="a whole node")
def run(inputs: tuple[Path, ...], to: str, source: str | None, out: Path, glossary: tuple[Path, ...],
        memory: Path | None, encoding: str | None, beam_size: int, threads: int, device: str | None,
        compute_type: str, keep_cues: bool, subtitle_headings: bool, extra_formats: str, rules: str,
        fps: str | None, plain_vtt: bool, ray_address: str | None, ray_cpus: int | None) -> None:
    """Translate INPUTS (transcripts .txt, subtitles .srt/.vtt, or folders of them) into each --to language and
    write subtitles, review files and S.json into --out."""
    from translator.executors import Executor
    from translator.report import headline
    from translator.results import Finished
    from translator.terminal import RunProgress
    from translator.workflow import run as run_workflow

    def done(event: Finished) -> None:
        click.echo("\n".join([headline(event.result, out), *event.result.report]))

    executor: Executor | None = None
    if ray_address is not None:
        from translator.cluster.executor import RayExecutor

        executor = RayExecutor(ray_address, ray_cpus)
    elif ray_cpus is not None:
        raise click.UsageError("--ray-cpus needs --ray")
    run_workflow(list(inputs), to, out, list(glossary), memory, source=source, encoding=encoding,
                 beam_size=beam_size, threads=threads, device=device, compute_type=compute_type,
                 keep_cues=keep_cues, subtitle_headings=subtitle_headings, extra_formats=extra_formats,
                 rules=rules, fps=fps, plain_vtt=plain_vtt, progress=RunProgress(say, done), executor=executor)


@app.command(short_help="Print every segment's language and confidence; load no model.")
@click.argument("inputs", type=PATH, nargs=-1, required=True)
@_json_option("One JSON object per segment and line.")
@_source_option("Force the language instead of detecting.")
@_encoding_option()
def detect(inputs: tuple[Path, ...], as_json: bool, source: str | None, encoding: str | None) -> None:
    """Print the language and confidence of every segment of INPUTS (files or folders), without loading any
    model."""
    from translator.workflow import detect as detect_languages

    for doc in detect_languages(list(inputs), source=source, encoding=encoding):
        for segment in doc.segments:
            if as_json:
                record = {"file": doc.path, **segment.to_json()}
                click.echo(json.dumps(record, ensure_ascii=False))
            else:
                preview = segment.text if len(segment.text) <= 60 else segment.text[:57] + "..."
                click.echo(f"{doc.path}\t{segment.id}\t{segment.kind}\t{segment.lang}\t{segment.lang_confidence:.2f}\t{preview}")


@models_app.command("list", short_help="Installed packages and the directions a run can use.")
def models_list() -> None:
    """Installed packages, and which of the six directions a run can use (direct or via English)."""
    from translator.models import inventory

    click.echo("\n".join(inventory().lines()))


@models_app.command("install", short_help="Install packages from the Argos index or .argosmodel files.")
@click.argument("names", nargs=-1, required=True)
def models_install(names: tuple[str, ...]) -> None:
    """Install NAMES: directions such as en-uk from the Argos package index ($ARGOS_PACKAGE_INDEX: a URL holding
    index.json, default the public argospm-index), or .argosmodel files on disk (air-gapped machines). Every
    package is checked and test-loaded before it replaces anything."""
    from translator.models import check_names, install
    from translator.terminal import download_bar

    check_names(list(names))  # every name checked before anything is downloaded
    for name in names:
        with download_bar(f"downloading {name}") as bar:  # appears only when a download starts
            installed = install(name, progress=bar.advance, notify=say)
        click.echo(f"installed {installed.name} version {installed.version} in {installed.path}")


@models_app.command("remove", short_help="Remove the installed package(s) of a direction.")
@click.argument("name")
def models_remove(name: str) -> None:
    """Remove the installed package(s) of the direction NAME, such as en-uk."""
    from translator.models import remove

    for pkg in remove(name):
        click.echo(f"removed {pkg.name} version {pkg.version} from {pkg.path}")


@glossary_app.command("check", short_help="Validate glossary files; exit 1 on any problem.")
@click.argument("files", type=PATH, nargs=-1, required=True)
@click.option("--forms", is_flag=True, help="Print each entry's generated case forms.")
def glossary_check(files: tuple[Path, ...], forms: bool) -> None:
    """Validate the glossary TSV FILES; print each problem with its line number; exit 1 if there is any."""
    from translator.glossary import check_glossary, form_lines

    problems = 0
    for path in files:
        found = check_glossary(path)
        for problem in found:
            click.echo(f"{path}:{problem}")
        problems += len(found)
        if not found:
            click.echo(f"{path}: ok")
        if forms:
            for line in form_lines(path):
                click.echo(line)
    if problems:
        sys.exit(1)


@glossary_app.command("apply", short_help="Pin glossary names in a translation made elsewhere.")
@click.argument("source", type=PATH)
@click.argument("translation", type=PATH)
@click.option("--from", "src", required=True, help="Source language.")
@click.option("--to", "tgt", required=True, help="Translation language.")
@_glossary_option("Glossary TSV (repeatable).", shown_default=None, required=True)
@_json_option("One JSON object a line, with glossary records.")
def glossary_apply(source: Path, translation: Path, src: str, tgt: str, glossary: tuple[Path, ...],
                   as_json: bool) -> None:
    """Pin glossary names in TRANSLATION, made elsewhere from SOURCE (UTF-8, one segment a line, aligned line by
    line), in the case each sentence needs; no model is loaded."""
    from translator.glossary import apply_files, load_glossaries

    for line in apply_files(load_glossaries(list(glossary)), src, tgt, source, translation):
        click.echo(json.dumps(line.to_json(), ensure_ascii=False) if as_json else line.text)


@review_app.command("import", short_help="Store a reviewer's corrections as approved translations.")
@click.argument("file", type=PATH)
@_memory_option(f"beside FILE, else {DEFAULT_OUT / MEMORY_NAME}")
@click.option("--dry-run", is_flag=True, help="Print what would change; store nothing.")
@click.option("--force", is_flag=True,
              help="Store rows of a file written before a segment's current approval too (they replace it).")
@_glossary_option("Check corrections against these glossaries (repeatable).",
                  shown_default="those of the document's last run")
def review_import(file: Path, memory: Path | None, dry_run: bool, force: bool, glossary: tuple[Path, ...]) -> None:
    """Store a reviewer's corrections in FILE (a corrected S.SRC-L.csv, .xlf or .docx, or S.L.srt / S.L.vtt) as
    approved translations; later runs use them everywhere."""
    from translator.review import import_review

    result = import_review(file, memory, dry_run=dry_run, glossaries=list(glossary) or None, force=force)
    for change in result.changes:
        if dry_run:
            click.echo(f"segment {change.segment_id}: {change.old!r} → {change.new!r}"
                       + (f" (comment: {change.comment!r})" if change.comment else ""))
        for problem in change.glossary:
            click.echo(f"segment {change.segment_id}: breaks the glossary: {problem}")
    click.echo(str(result))


@review_app.command("undo", short_help="Revert the last review import.")
@_memory_option(f"OUT/{MEMORY_NAME}")
@_out_option
def review_undo(memory: Path | None, out: Path) -> None:
    """Revert the last review import: the approvals it replaced come back."""
    from translator.review import undo_import

    undone = undo_import(memory or out / MEMORY_NAME)
    click.echo(f"undid the import of {undone.file}: {undone.approvals} correction(s) of {undone.doc_key} → "
               f"{undone.tgt} reverted")


@review_app.command("status", short_help="Segments machine-translated, approved and flagged.")
@_memory_option(f"OUT/{MEMORY_NAME}")
@_out_option
def review_status(memory: Path | None, out: Path) -> None:
    """How many segments are machine-translated, approved and flagged, per document and language."""
    from translator.report import describe_status
    from translator.review import review_status as status_of

    click.echo(describe_status(status_of(memory or out / MEMORY_NAME)))


@review_app.command("serve", short_help="Review in the browser, straight into the translation memory.")
@click.argument("folder", type=PATH, default=DEFAULT_OUT, required=False)
@_memory_option(f"FOLDER/{MEMORY_NAME}")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port (0: any free one).")
@click.option("--host", default="127.0.0.1", help="Address to listen on; other than loopback, the URL carries a "
              "token.")
@click.option("--open", "open_browser", is_flag=True, help="Open the URL in the default browser.")
@click.option("--media", type=PATH, help="Video to preview with the rows as subtitles.",
              show_default="a video beside the input")
def review_serve(folder: Path, memory: Path | None, port: int, host: str, open_browser: bool,
                 media: Path | None) -> None:
    """Serve the documents FOLDER (a run's --out) holds for review in the browser: edit, comment and approve
    with the keyboard, each approval stored at once in the memory the next run applies. Needs the `review`
    extra: pip install 'translator[review]'."""
    from translator.errors import UsageError

    try:
        from translator.serve.server import serve
    except ModuleNotFoundError as exc:
        raise UsageError(f"`translator review serve` needs the review extra ({exc.name} is not installed): "
                         "pip install 'translator[review]'") from None
    serve(folder, memory, host, port, media, open_browser, click.echo)


def main() -> None:
    """Entry point: run the app, turning every mistake into one line on stderr and a documented exit code
    (translator/exits.py)."""
    run_and_exit(lambda: app.main(prog_name="translator", standalone_mode=False))  # click returns the exit code
