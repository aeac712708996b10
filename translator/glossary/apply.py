"""`translator glossary apply`: the restore step on a translation made elsewhere (another engine, a person), line
by line, with no model loaded; and `check_translation`, the same check on one translated text (review import
uses it to flag a correction that breaks the glossary)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translator.document import LANGUAGES, GlossaryHit
from translator.errors import InputError, UsageError
from translator.glossary.model import Glossary
from translator.glossary.pin import protect, restore
from translator.textio import read_text


@dataclass(frozen=True)
class AppliedLine:
    """One line of the translation with its glossary names pinned, and what became of each occurrence."""

    line: int
    text: str
    glossary: list[GlossaryHit]

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text, "glossary": [hit.to_json() for hit in self.glossary]}


def check_translation(
    glossary: Glossary, source: str, translation: str, src: str, tgt: str
) -> tuple[str, list[GlossaryHit]]:
    """`translation` of `source` with every glossary occurrence in its glossary form, in the case the sentence
    needs, and one GlossaryHit per occurrence (pinned, uncertain or missed). A translation keeps the glossary
    when the returned text equals it and no hit is missed; otherwise the hits say which term it breaks."""
    return restore(glossary, protect(glossary, source, src, tgt), translation, tgt)


def apply_glossary(
    glossary: Glossary, src: str, tgt: str, sources: list[str], translations: list[str]
) -> list[AppliedLine]:
    """`check_translation` for aligned lines, numbered from 1."""
    if len(sources) != len(translations):
        raise InputError(f"the source has {len(sources)} lines but the translation has {len(translations)}")
    return [
        AppliedLine(n, *check_translation(glossary, source, translation, src, tgt))
        for n, (source, translation) in enumerate(zip(sources, translations), 1)
    ]


def apply_files(glossary: Glossary, src: str, tgt: str, source: Path, translation: Path) -> list[AppliedLine]:
    """`apply_glossary` over two UTF-8 files of one segment a line."""
    for option, lang in (("--from", src), ("--to", tgt)):
        if lang not in LANGUAGES:
            raise UsageError(f"unknown language {option} {lang!r} (use one of {', '.join(LANGUAGES)})")
    if src == tgt:
        raise UsageError(f"--from and --to are both {src}")
    sources, translations = (read_text(path, "utf-8")[0].splitlines() for path in (source, translation))
    return apply_glossary(glossary, src, tgt, sources, translations)
