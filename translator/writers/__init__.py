"""Output formats behind one registry: a format name maps to its file name pattern and its writer module.

Every writer is a module with one pure function, `render(doc, lang, views) -> bytes` (the `Writer` protocol),
as pysubs2's formats each have `to_file`: `lang` is the language the file is for, a target language, or the
document's own language for a per-document format (S.json holds every target at once). `views` holds what
several writers read of the document in `lang` (writers/views.py): its subtitle layout (empty for a
per-document format), review rows and sentence units, each computed once per document and language and shared
by QA, the ledger and every writer. A writer only reads the Document; the caller writes the bytes atomically.

To add a format: write `translator/writers/NAME.py` with `render(doc: Document, lang: str, views: Views) ->
bytes`, and add a `WriterSpec` to `WRITERS` with its file name pattern (`{stem}`, `{src}` and `{lang}` are
filled in) and `per_target=False` if it makes one file per document. Modules are imported only when their
format is written, so heavy libraries (python-docx, lxml) load only when needed.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast

from translator.document import Document, document_key
from translator.subtitles.layout import SubtitleLayout
from translator.writers.language import source_language
from translator.writers.views import DocumentViews, Views


class Writer(Protocol):
    """What every writer module provides."""

    def render(self, doc: Document, lang: str, views: Views) -> bytes: ...


@dataclass(frozen=True)
class WriterSpec:
    """How one output format is named and which module renders it."""

    name: str
    module: str
    pattern: str  # {stem}, {src}, {lang} are filled in
    per_target: bool = True
    folders: tuple[str, ...] = ()  # empty folders the file needs beside it (an OmegaT project's own)

    def filename(self, stem: str, src: str, lang: str | None = None) -> str:
        return self.pattern.format(stem=stem, src=src, lang=lang)

    def writer(self) -> Writer:
        return cast(Writer, importlib.import_module(f"translator.writers.{self.module}"))

    def render(self, doc: Document, lang: str, layout: SubtitleLayout | None = None) -> bytes:
        """The file's bytes, rendered on its own; without a `layout` a target's is computed here."""
        views = DocumentViews(doc)
        if layout is not None:
            return self.writer().render(doc, lang, Views(views, lang, layout))
        return self.writer().render(doc, lang, views.language(lang) if self.per_target else views.whole(lang))


OMEGAT = "{stem}.{src}-{lang}.omegat"  # the OmegaT project's folder

WRITERS: dict[str, WriterSpec] = {
    spec.name: spec
    for spec in [
        WriterSpec("srt", "srt", "{stem}.{lang}.srt"),
        WriterSpec("vtt", "vtt", "{stem}.{lang}.vtt"),
        WriterSpec("bilingual-srt", "bilingual_srt", "{stem}.{src}-{lang}.srt"),
        WriterSpec("md", "markdown", "{stem}.{src}-{lang}.md"),
        WriterSpec("html", "html", "{stem}.{src}-{lang}.html"),
        WriterSpec("csv", "csv_table", "{stem}.{src}-{lang}.csv"),
        WriterSpec("docx", "docx_table", "{stem}.{src}-{lang}.docx"),
        WriterSpec("tmx", "tmx", "{stem}.{src}-{lang}.tmx"),
        WriterSpec("xlf", "xliff", "{stem}.{src}-{lang}.xlf"),
        WriterSpec("json", "json_result", "{stem}.json", per_target=False),
        # an OmegaT project (translator/writers/omegat/): a writer for each of its files
        WriterSpec("omegat", "omegat.project", f"{OMEGAT}/omegat.project", folders=("omegat", "target", "dictionary")),
        WriterSpec("omegat-source", "omegat.source", f"{OMEGAT}/source/{{stem}}.{{src}}-{{lang}}.xlf"),
        WriterSpec("omegat-machine", "omegat.machine", f"{OMEGAT}/tm/auto/{{stem}}.{{src}}-{{lang}}.machine.tmx"),
        WriterSpec("omegat-approved", "omegat.approved",
                   f"{OMEGAT}/tm/enforce/{{stem}}.{{src}}-{{lang}}.approved.tmx"),
        WriterSpec("omegat-glossary", "omegat.glossary", f"{OMEGAT}/glossary/{{stem}}.{{src}}-{{lang}}.txt"),
        # for editors, written on request (`translator run --extra-formats ttml,itt,ass`)
        WriterSpec("ttml", "ttml", "{stem}.{lang}.ttml"),
        WriterSpec("itt", "itt", "{stem}.{lang}.itt"),
        WriterSpec("ass", "ass", "{stem}.{lang}.ass"),
    ]
}

# Subtitle formats for video editors that a run writes only when asked: most runs need none of them.
EXTRA_FORMATS: tuple[str, ...] = ("ttml", "itt", "ass")
DEFAULT_FORMATS: tuple[str, ...] = tuple(name for name in WRITERS if name not in EXTRA_FORMATS)


@dataclass(frozen=True)
class PlannedOutput:
    """One file a run will write: where, by which writer, for which language."""

    path: Path
    spec: WriterSpec
    lang: str

    def render(self, views: DocumentViews) -> bytes:
        """The file's bytes, from the views the document's other files share."""
        own = views.language(self.lang) if self.spec.per_target else views.whole(self.lang)
        return self.spec.writer().render(views.doc, self.lang, own)


def import_writers_in_background(formats: Iterable[str]) -> None:
    """Import the writer modules of `formats` (python-docx and lxml take 0.1-0.15 s) in a thread, for a caller
    about to wait for the engine: the imports then share the cores with decoding instead of running alone after
    it. A module that fails to import is left for the writer's own import to report."""

    def load(names: tuple[str, ...]) -> None:
        for name in names:
            with contextlib.suppress(Exception):
                WRITERS[name].writer()

    threading.Thread(target=load, args=(tuple(formats),), name="import-writers", daemon=True).start()


def planned_outputs(doc: Document, out_dir: Path, formats: Iterable[str] = DEFAULT_FORMATS) -> list[PlannedOutput]:
    """Every file the requested formats produce for the document's targets, in a stable order."""
    stem, src = document_key(doc), source_language(doc)
    return [
        PlannedOutput(out_dir / spec.filename(stem, src, lang), spec, lang)
        for spec in (WRITERS[name] for name in formats)
        for lang in (doc.targets if spec.per_target else [src])
    ]
