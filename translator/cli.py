"""The `translator` command line: a thin layer over the library functions of the same names.

Heavy modules (CTranslate2, pymorphy3, python-docx) are imported inside the commands that need them, so
`translator --help` and `translator models list` start at once. Every TranslatorError becomes one line on
stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from translator.database import DEFAULT_OUT, MEMORY_NAME
from translator.errors import TranslatorError

app = typer.Typer(
    help="Translate interview transcripts and subtitles between English, Ukrainian and Russian, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
models_app = typer.Typer(help="Install, list and remove Argos translation packages.", no_args_is_help=True)
glossary_app = typer.Typer(help="Check glossary files; pin glossary names in a translation.", no_args_is_help=True)
review_app = typer.Typer(help="Bring reviewers' corrections back into the translation memory.", no_args_is_help=True)
app.add_typer(models_app, name="models")
app.add_typer(glossary_app, name="glossary")
app.add_typer(review_app, name="review")


def _say(message: str) -> None:
    typer.echo(message, err=True)


@app.command()
def run(
    inputs: Annotated[list[Path], typer.Argument(help="Transcripts (.txt), subtitles (.srt, .vtt) or folders.")],
    to: Annotated[str, typer.Option("--to", help="Target languages, comma-separated: uk,ru,en.")] = "uk,ru",
    source: Annotated[str | None, typer.Option("--from", help="Source language; overrides detection.")] = None,
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = DEFAULT_OUT,
    glossary: Annotated[list[Path] | None, typer.Option("--glossary", help="Glossary TSV (repeatable).")] = None,
    memory: Annotated[Path | None, typer.Option("--memory", help="Translation memory [default: OUT/translator.sqlite].")
    ] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Force the input encoding (e.g. cp1251).")] = None,
    beam_size: Annotated[int, typer.Option("--beam-size", min=1, max=16, help="Beam size: lower is faster.")] = 4,
    threads: Annotated[int, typer.Option("--threads", min=0, help="CPU threads (0: one per core).")] = 0,
    device: Annotated[str | None, typer.Option("--device", help="cpu or cuda [default: $ARGOS_DEVICE_TYPE or cpu].")
    ] = None,
    compute_type: Annotated[str, typer.Option("--compute-type", help="int8, float32, ... or auto [default: the "
                                              "precision each model was saved in].")] = "default",
    keep_cues: Annotated[bool, typer.Option(
        "--keep-cues", help="One output cue per source cue, even where a translation needs more than two lines "
        "(flagged); by default such a cue is split in time.")] = False,
    subtitle_headings: Annotated[bool, typer.Option(
        "--subtitle-headings", help="Put a transcript's title, intro and headings in its subtitles too, not only "
        "the turns.")] = False,
) -> None:
    """Translate INPUTS into each --to language and write subtitles, review files and S.json into --out."""
    from translator.report import headline
    from translator.terminal import RunProgress
    from translator.workflow import Finished, run

    def done(event: Finished) -> None:
        typer.echo("\n".join([headline(event.result, out), *event.result.report]))

    run(inputs, to, out, glossary or [], memory, source=source, encoding=encoding, beam_size=beam_size,
        threads=threads, device=device, compute_type=compute_type, keep_cues=keep_cues,
        subtitle_headings=subtitle_headings, progress=RunProgress(_say, done))


@app.command()
def detect(
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders to examine.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per segment and line.")] = False,
    source: Annotated[str | None, typer.Option("--from", help="Force the language instead of detecting.")] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Force the input encoding.")] = None,
) -> None:
    """Print every segment's language and confidence, without loading any model."""
    from translator.workflow import detect

    for doc in detect(inputs, source=source, encoding=encoding):
        for segment in doc.segments:
            if as_json:
                record = {"file": doc.path, **segment.to_json()}
                typer.echo(json.dumps(record, ensure_ascii=False))
            else:
                preview = segment.text if len(segment.text) <= 60 else segment.text[:57] + "..."
                typer.echo(f"{doc.path}\t{segment.id}\t{segment.kind}\t{segment.lang}\t{segment.lang_confidence:.2f}\t{preview}")


@models_app.command("list")
def models_list() -> None:
    """Installed packages, and which of the six directions a run can use (direct or via English)."""
    from translator.engine.packages import packages_dir
    from translator.engine.validation import shown
    from translator.models import directions, scan

    packages, unusable = scan()
    typer.echo(f"packages in {packages_dir()}:")
    for pkg in packages:
        typer.echo(f"  {pkg.name}  version {pkg.version}  ({pkg.path.name})")
    for broken in unusable:
        typer.echo(f"  unusable: {shown(broken.folder.name)}: {broken.reason}")
    if not packages:
        typer.echo("  (none) - install one with: translator models install en-uk")
    typer.echo("directions:")
    for direction in directions(packages):
        typer.echo(f"  {direction.src}→{direction.tgt}  {direction.describe()}")


@models_app.command("install")
def models_install(
    names: Annotated[list[str], typer.Argument(help="Directions such as en-uk (Argos index) or .argosmodel files.")],
) -> None:
    """Install packages from files on disk (air-gapped machines) or from the Argos package index
    ($ARGOS_PACKAGE_INDEX: a URL holding index.json, default the public argospm-index). Every package is
    checked and test-loaded before it replaces anything."""
    from translator.models import install
    from translator.terminal import download_bar

    for name in names:
        with download_bar(f"downloading {name}") as bar:  # appears only when a download starts
            installed = install(name, progress=bar.advance, notify=_say)
        typer.echo(f"installed {installed.name} version {installed.version} in {installed.path}")


@models_app.command("remove")
def models_remove(name: Annotated[str, typer.Argument(help="A direction such as en-uk.")]) -> None:
    """Remove the installed package(s) of a direction."""
    from translator.models import remove

    for pkg in remove(name):
        typer.echo(f"removed {pkg.name} version {pkg.version} from {pkg.path}")


@glossary_app.command("check")
def glossary_check(
    files: Annotated[list[Path], typer.Argument(help="Glossary TSV files.")],
    forms: Annotated[bool, typer.Option("--forms", help="Print each entry's generated case forms.")] = False,
) -> None:
    """Validate glossaries; print each problem with its line number; exit 1 if there is any."""
    from translator.glossary import check_glossary, form_lines

    problems = 0
    for path in files:
        found = check_glossary(path)
        for problem in found:
            typer.echo(f"{path}:{problem}")
        problems += len(found)
        if not found:
            typer.echo(f"{path}: ok")
        if forms:
            for line in form_lines(path):
                typer.echo(line)
    if problems:
        raise typer.Exit(1)


@glossary_app.command("apply")
def glossary_apply(
    source: Annotated[Path, typer.Argument(help="Source text, UTF-8, one segment a line.")],
    translation: Annotated[Path, typer.Argument(help="Its translation, aligned line by line.")],
    src: Annotated[str, typer.Option("--from", help="Source language.")],
    tgt: Annotated[str, typer.Option("--to", help="Translation language.")],
    glossary: Annotated[list[Path], typer.Option("--glossary", help="Glossary TSV (repeatable).")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object a line, with glossary records.")] = False,
) -> None:
    """Pin glossary names in a translation made elsewhere, in the case each sentence needs; no model is loaded."""
    from translator.glossary import apply_files, load_glossaries

    for line in apply_files(load_glossaries(glossary), src, tgt, source, translation):
        typer.echo(json.dumps(line.to_json(), ensure_ascii=False) if as_json else line.text)


@review_app.command("import")
def review_import(
    file: Annotated[Path, typer.Argument(help="A corrected S.SRC-L.csv, .xlf or .docx.")],
    memory: Annotated[Path, typer.Option("--memory", help="Translation memory.")] = DEFAULT_OUT / MEMORY_NAME,
) -> None:
    """Store a reviewer's corrections as approved translations; later runs use them everywhere."""
    from translator.review import import_review

    typer.echo(str(import_review(file, memory)))


@review_app.command("status")
def review_status(
    memory: Annotated[Path, typer.Option("--memory", help="Translation memory.")] = DEFAULT_OUT / MEMORY_NAME,
) -> None:
    """How many segments are machine-translated, approved and flagged, per document and language."""
    from translator.report import describe_status
    from translator.review import review_status

    typer.echo(describe_status(review_status(memory)))


def main() -> None:
    """Entry point: run the app, turning user errors into one line and an exit code."""
    try:
        sys.exit(app(standalone_mode=False) or 0)  # without standalone mode click returns the exit code
    except TranslatorError as exc:
        _say(f"translator: error: {exc}")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _say("translator: interrupted; finished translations are kept in the memory, run again to resume")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # click's usage errors and aborts
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Abort):
            sys.exit(1)
        raise
