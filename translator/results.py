"""What a run hands back and tells as it goes: `RunResult` per input and the progress events.

A leaf of the data model (it imports only `document`), so the library's run, the command line's report and a
cluster's workers all name the same types without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from translator.document import Document, GlossaryHit


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


@dataclass(frozen=True)
class Started:
    """A document is read and about to be translated; `sentences` of it are not in the memory yet."""

    doc: Document
    sentences: int


@dataclass(frozen=True)
class Translated:
    """Another step of `sentences` sentences of the current document came back from the engine."""

    sentences: int


@dataclass(frozen=True)
class Finished:
    """A document is done: translated and written, or found unchanged since its last run."""

    result: RunResult


RunEvent = Started | Translated | Finished
Progress = Callable[[RunEvent], object]
