"""Output formats behind one registry: a format name maps to its file name and its render function.

Each writer module has `render(doc, lang, layout) -> bytes` (or `render(doc) -> bytes` for per-document formats)
and is imported only when that format is written, so heavy libraries (python-docx, lxml) load only when needed.
`layout` is the document's subtitle layout in `lang`, computed once per run and shared by QA and every writer.
Every file is written atomically.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from translator.document import LANGUAGES, Document
from translator.subtitles.layout import SubtitleLayout, layout_subtitles


@dataclass(frozen=True)
class WriterSpec:
    """How one output format is named and which module renders it."""

    name: str
    module: str
    pattern: str  # {stem}, {src}, {lang} are filled in
    per_target: bool = True

    def filename(self, stem: str, src: str, lang: str | None = None) -> str:
        return self.pattern.format(stem=stem, src=src, lang=lang)

    def render(self, doc: Document, lang: str | None, layout: SubtitleLayout | None = None) -> bytes:
        """The file's bytes; without a `layout` (a single file rendered on its own) it is laid out here."""
        module = importlib.import_module(f"translator.writers.{self.module}")
        if not self.per_target or lang is None:
            data: bytes = module.render(doc)
            return data
        data = module.render(doc, lang, layout or layout_subtitles(doc, lang))
        return data


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
    ]
}

DEFAULT_FORMATS: tuple[str, ...] = tuple(WRITERS)


def document_key(doc: Document) -> str:
    """The stem S of every output name, also the document's key in the translation memory."""
    return key_for_path(doc.path)


def key_for_path(path: str | Path) -> str:
    """`interview-aisin.en.txt` → `interview-aisin`: the extension goes, and so does a language suffix,
    since every output name states its languages itself (`interview-aisin.en-uk.srt`)."""
    stem = Path(path).stem
    base, dot, suffix = stem.rpartition(".")
    return base if dot and base and suffix.lower() in LANGUAGES else stem


@dataclass(frozen=True)
class PlannedOutput:
    """One file a run will write: where, by which writer, for which target language."""

    path: Path
    spec: WriterSpec
    lang: str | None

    def render(self, doc: Document, layouts: Mapping[str, SubtitleLayout]) -> bytes:
        return self.spec.render(doc, self.lang, layouts.get(self.lang) if self.lang else None)


def planned_outputs(doc: Document, out_dir: Path, formats: Iterable[str] = DEFAULT_FORMATS) -> list[PlannedOutput]:
    """Every file the requested formats produce for the document's targets, in a stable order."""
    stem, src = document_key(doc), doc.lang or "xx"
    return [
        PlannedOutput(out_dir / spec.filename(stem, src, lang), spec, lang)
        for spec in (WRITERS[name] for name in formats)
        for lang in (doc.targets if spec.per_target else [None])
    ]
