"""The one data model every stage reads and enriches: a Document of Segments.

Readers create segments; detection, sentence splitting, translation, glossary and QA fill in their fields;
writers only read them. `Document.to_json()` is the S.json contract other tools consume.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from translator._version import __version__

SegmentKind = Literal["title", "intro", "heading", "turn", "cue"]
GlossaryStatus = Literal["pinned", "kept", "uncertain", "missed"]
TranslationOrigin = Literal["machine", "memory", "approved", "kept"]

LANGUAGES: dict[str, str] = {"en": "English", "uk": "Ukrainian", "ru": "Russian"}
# Which program and release wrote a file: in S.json, TMX, XLIFF, HTML and DOCX, so a file can be traced back.
GENERATOR = f"translator {__version__}"
# The version of the S.json layout: raised when a key changes meaning or goes, so other tools can check it.
RESULT_SCHEMA = 1


@dataclass
class Timing:
    """Cue time in milliseconds; `estimated` is true when derived from reading speed, not read from a file."""

    start_ms: int
    end_ms: int
    estimated: bool = False

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms

    def to_json(self) -> dict[str, Any]:
        return {"start_ms": self.start_ms, "end_ms": self.end_ms, "estimated": self.estimated}


@dataclass
class Flag:
    """A problem a reviewer should look at. `lang` is the target language it concerns, or None for the source."""

    code: str
    message: str
    lang: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "lang": self.lang}


@dataclass
class GlossaryHit:
    """One occurrence of a glossary term in a segment and what became of it in one target language."""

    term: str
    source_text: str
    target_text: str
    lang: str
    status: GlossaryStatus
    # Where target_text lies in its sentence's translation, when it was written there: places the hit on the
    # subtitle cue that shows it. Not part of S.json.
    span: tuple[int, int] | None = field(default=None, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "term": self.term,
            "source_text": self.source_text,
            "target_text": self.target_text,
            "lang": self.lang,
            "status": self.status,
        }


@dataclass
class Translation:
    """A segment's text in one target language, sentence by sentence, aligned to the source sentences."""

    text: str
    sentences: list[str]
    alignment: list[tuple[int, int]]
    origin: TranslationOrigin = "machine"
    comment: str = ""  # what the reviewer who approved it said about it

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "sentences": list(self.sentences),
            "alignment": [list(pair) for pair in self.alignment],
            "origin": self.origin,
            **({"comment": self.comment} if self.comment else {}),
        }


@dataclass
class Segment:
    """One unit of the input: a transcript line (title, intro, heading, turn) or a subtitle cue."""

    id: int
    kind: SegmentKind
    text: str
    speaker: str | None = None
    line: int = 0  # 1-based line number in the input file where the segment starts
    markup: str | None = None  # a cue's text with its formatting tags, when it had any
    cue_id: str | None = None  # a WebVTT cue's identifier, written back as it was
    cue_settings: str | None = None  # a WebVTT cue's settings (`line:0 position:20% align:start`), kept
    lang: str | None = None
    lang_confidence: float = 0.0
    sentences: list[str] = field(default_factory=list)
    timing: Timing | None = None
    translations: dict[str, Translation] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)
    glossary: list[GlossaryHit] = field(default_factory=list)

    def flag(self, code: str, message: str, lang: str | None = None) -> None:
        """Add a flag once: re-running a stage must not duplicate it."""
        new = Flag(code, message, lang)
        if new not in self.flags:
            self.flags.append(new)

    def flags_for(self, lang: str) -> list[Flag]:
        """Flags that matter when reviewing the translation into `lang` (source flags included)."""
        return [f for f in self.flags if f.lang in (None, lang)]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "speaker": self.speaker,
            "line": self.line,
            "lang": self.lang,
            "lang_confidence": round(self.lang_confidence, 4),
            "text": self.text,
            "markup": self.markup,
            "sentences": list(self.sentences),
            "timing": self.timing.to_json() if self.timing else None,
            "translations": {lang: t.to_json() for lang, t in sorted(self.translations.items())},
            "glossary": [hit.to_json() for hit in self.glossary],
            "flags": [flag.to_json() for flag in self.flags],
        }


@dataclass
class Notice:
    """Something a reader repaired or noticed in the input file, reported to the user with its line."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class Document:
    """A whole input file: its segments in order, plus what the reader had to repair."""

    path: str
    format: Literal["transcript", "srt", "vtt", "ttml", "ass"]
    segments: list[Segment]
    lang: str | None = None  # the document's main language
    targets: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    encoding: str = "utf-8"
    # WebVTT blocks kept as written: the header (`WEBVTT` line and what follows it), then STYLE, REGION and NOTE
    # blocks, each with the number of cues before it.
    header: str | None = None
    blocks: list[tuple[int, str]] = field(default_factory=list)

    @property
    def is_subtitles(self) -> bool:
        return self.format != "transcript"

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": RESULT_SCHEMA,
            "source": self.lang,
            "targets": list(self.targets),
            "file": self.path,
            "generator": GENERATOR,
            "format": self.format,
            "encoding": self.encoding,
            "notices": [{"line": n.line, "message": n.message} for n in self.notices],
            "segments": [segment.to_json() for segment in self.segments],
        }


def key_for_path(path: str | Path) -> str:
    """`interview-aisin.en.txt` → `interview-aisin`: the extension goes, and so does a language suffix,
    since every output name states its languages itself (`interview-aisin.en-uk.srt`)."""
    stem = Path(path).stem
    base, dot, suffix = stem.rpartition(".")
    return base if dot and base and suffix.lower() in LANGUAGES else stem


def document_key(doc: Document) -> str:
    """The stem S of every output name, also the document's key in the translation memory and run ledger."""
    return key_for_path(doc.path)
