"""The translation memory as one document's translation uses it: look sentences up, store each step as soon as
the engine returns it (a killed run resumes), read the reviewers' approvals.

`translator.memory.TranslationMemory` is one; a worker elsewhere can hand a document's translation a view that
answers from what it was given and records what is stored, for the one process that owns the memory to store.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from translator.memory import Approval


class MemoryView(Protocol):
    """What a document's translation reads from and writes to the translation memory."""

    def lookup(self, src: str, tgt: str, engine_id: str, glossary_id: str,
               sentences: list[str]) -> Mapping[str, str]: ...

    def store(self, src: str, tgt: str, engine_id: str, glossary_id: str, pairs: list[tuple[str, str]]) -> None: ...

    def approvals(self, doc_key: str, tgt: str) -> Mapping[int, Approval]: ...
