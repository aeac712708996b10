"""The documents a review server shows: each `S.json` of an output folder, read back into a Document, with the
memory's approvals over its machine text, as rows of the one review model (review_model.py).

S.json holds what the memory does not: speakers, timings, flags and glossary hits. The memory holds what the
reviewer did since: an approval wins over the run's text, exactly as the next run will apply it
(translation/approvals.py), so the page shows what the next run writes. Where the run wrote an approval the
memory no longer holds (rejected since), the next run writes the machine text: shown where it can be known
(machine.py), else the row says so and shows no text (`unknown`). A parsed S.json is kept while its file
is unchanged, so a save answers without reading it again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from translator.database import Database
from translator.document import Document, Flag, GlossaryHit, Segment, Timing, Translation, key_for_path
from translator.errors import InputError
from translator.memory import Approval, TranslationMemory
from translator.review_model import review_row
from translator.serve.machine import MachineTexts
from translator.writers.html import glossary_terms, marked
from translator.writers.language import source_language

VIDEO_SUFFIXES = (".mp4", ".webm", ".mkv", ".mov", ".m4v", ".ogv")
UNKNOWN = "machine text after the next run"  # what a row shows whose machine text is not known here
UNKNOWN_HTML = f'<span class="unknown-text">{UNKNOWN}</span>'
MachineOf = Callable[[Segment], "str | None"]


def _segment(data: dict[str, Any]) -> Segment:
    timing = data.get("timing")
    return Segment(
        id=int(data["id"]), kind=data["kind"], text=data["text"], speaker=data.get("speaker"),
        line=int(data.get("line") or 0), markup=data.get("markup"), lang=data.get("lang"),
        sentences=list(data.get("sentences") or []),
        timing=Timing(timing["start_ms"], timing["end_ms"], bool(timing.get("estimated"))) if timing else None,
        translations={lang: Translation(t["text"], list(t.get("sentences") or []),
                                        [(a, b) for a, b in t.get("alignment") or []], t.get("origin", "machine"))
                      for lang, t in (data.get("translations") or {}).items()},
        flags=[Flag(f["code"], f["message"], f.get("lang")) for f in data.get("flags") or []],
        glossary=[GlossaryHit(h["term"], h["source_text"], h["target_text"], h["lang"], h["status"])
                  for h in data.get("glossary") or []],
    )


def read_result(path: Path) -> Document:
    """An S.json as `Document.to_json` wrote it; anything else is refused in one line."""
    try:
        data = orjson.loads(path.read_bytes())
        return Document(path=data["file"], format=data["format"], segments=[_segment(s) for s in data["segments"]],
                        lang=data.get("source"), targets=list(data.get("targets") or []))
    except (OSError, orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{path}: not a result file written by translator ({exc})") from None


@dataclass(frozen=True)
class Row:
    """One segment of one target language as the review page shows it."""

    id: int
    speaker: str
    start_ms: int | None  # None: no timing read from a file (a transcript's estimates are left out)
    end_ms: int | None
    source: str
    translation: str
    machine: str | None  # the run's machine text; None when the run wrote an approval and it is not known here
    status: str
    flags: tuple[Flag, ...]
    comment: str
    category: str
    severity: str
    revision: int  # the approval's revision, 0 without one: a save against another revision is refused
    source_html: str  # escaped, glossary terms marked
    translation_html: str
    unknown: bool = False  # the next run writes the machine text, which is not known here: `translation` is ""


@dataclass(frozen=True)
class Page:
    """A document in one target language."""

    key: str
    src: str
    tgt: str
    rows: tuple[Row, ...]

    def row(self, segment_id: int) -> Row | None:
        return next((row for row in self.rows if row.id == segment_id), None)


def build_row(segment: Segment, lang: str, approval: Approval | None, machine_of: MachineOf | None = None) -> Row:
    """A row with the approval (if it was made for this source text, as apply_approvals decides) over the run's
    text; an approval for another source text stays out and is flagged. Where the run wrote an approval that no
    longer applies, the row is the machine text the next run writes, from `machine_of` (None: not known)."""
    run_text = segment.translations.get(lang)
    written = run_text is not None and run_text.origin == "approved"  # the run kept no machine text
    machine: str | None = (machine_of(segment) if machine_of else None) if written else (
        run_text.text if run_text is not None else "")
    flags = segment.flags_for(lang)
    applies = approval is not None and approval.source_text == segment.text
    if applies:
        assert approval is not None
        segment = dataclasses.replace(segment, translations={
            **segment.translations, lang: Translation(approval.translation, [], [], "approved")})
    else:
        if approval is not None:
            flags = [*flags, Flag("correction-stale", "a reviewer's correction was made for a different source "
                                  f"text and was not applied: {approval.translation}", lang)]
        if written:
            segment = dataclasses.replace(segment, translations={
                **segment.translations, lang: Translation(machine or "", [], [], "machine")})
    unknown = written and not applies and machine is None
    row = review_row(segment, lang)
    source_terms, target_terms = glossary_terms(segment, lang)
    timing = segment.timing if segment.timing is not None and not segment.timing.estimated else None
    return Row(
        id=row.id, speaker=row.speaker, start_ms=timing.start_ms if timing else None,
        end_ms=timing.end_ms if timing else None, source=row.source, translation=row.translation, machine=machine,
        status=row.status, flags=tuple(flags), comment=approval.comment if approval else "",
        category=approval.category if approval else "", severity=approval.severity if approval else "",
        revision=approval.revision if approval else 0,
        source_html=marked(row.source, source_terms, "source"),
        translation_html=UNKNOWN_HTML if unknown else marked(row.translation, target_terms, "target"),
        unknown=unknown,
    )


class Library:
    """The documents of one output folder (its `*.json` results) and the memory their approvals live in."""

    def __init__(self, folder: Path, db: Database, media: Path | None = None) -> None:
        self.folder, self.db, self.media = folder, db, media
        self._parsed: dict[Path, tuple[int, Document]] = {}

    def documents(self) -> dict[str, Document]:
        """Every result in the folder by document key; files that are not results are passed over."""
        found: dict[str, Document] = {}
        for path in sorted(self.folder.glob("*.json")):
            try:
                doc = self._read(path)
            except InputError:
                continue
            found.setdefault(key_for_path(doc.path), doc)
        return found

    def document(self, key: str) -> Document | None:
        path = self.folder / f"{key}.json"
        if path.name != f"{key}.json" or "/" in key or "\\" in key or not path.is_file():
            return None
        try:
            doc = self._read(path)
        except InputError:
            return None
        return doc if key_for_path(doc.path) == key else None

    def _read(self, path: Path) -> Document:
        stamp = path.stat().st_mtime_ns
        cached = self._parsed.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, read_result(path))
            self._parsed[path] = cached
        return cached[1]

    def page(self, key: str, lang: str) -> Page | None:
        doc = self.document(key)
        if doc is None or lang not in doc.targets:
            return None
        approvals = TranslationMemory(self.db).approvals(key, lang)
        machine = MachineTexts(self.db, doc, lang)
        rows = tuple(build_row(segment, lang, approvals.get(segment.id), machine.of) for segment in doc.segments)
        return Page(key, source_language(doc), lang, rows)

    def source(self, key: str) -> str:
        doc = self.document(key)
        return source_language(doc) if doc is not None else ""

    def segment(self, key: str, lang: str, segment_id: int) -> Segment | None:
        doc = self.document(key)
        if doc is None or lang not in doc.targets:
            return None
        return next((segment for segment in doc.segments if segment.id == segment_id), None)

    def row(self, key: str, lang: str, segment_id: int) -> Row | None:
        doc, segment = self.document(key), self.segment(key, lang, segment_id)
        if doc is None or segment is None:
            return None
        return build_row(segment, lang, TranslationMemory(self.db).approval(key, lang, segment_id),
                         MachineTexts(self.db, doc, lang).of)

    def video(self, key: str) -> Path | None:
        """The video to preview: --media, else one with the input's name beside the input."""
        if self.media is not None:
            return self.media
        doc = self.document(key)
        if doc is None:
            return None
        given = Path(doc.path)  # as the run was given it: absolute, or relative to where it ran
        places = [given.parent] if given.is_absolute() else [given.parent, self.folder.parent / given.parent]
        for place in places:
            for stem in dict.fromkeys((given.stem, key)):  # `S.en.srt` beside `S.en.mp4` or `S.mp4`
                for suffix in VIDEO_SUFFIXES:
                    if (place / (stem + suffix)).is_file():
                        return place / (stem + suffix)
        return None
