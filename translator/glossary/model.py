"""The glossary data model: one entry per concept, its forms per language, and the problems a file can have."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from translator.document import LANGUAGES

# Bump when pinning behaves differently for the same glossary, so cached translations are redone.
PIN_VERSION = 2

T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    """Something wrong in a glossary file, at a line (0 when it concerns the whole file).
    `str()` gives "12: message" (or " message" for the whole file), for printing after the file name."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}: {self.message}" if self.line else f" {self.message}"


@dataclass(frozen=True)
class GlossaryEntry:
    """One concept. `forms[lang]` lists the forms recognised in that language, the first being the one to
    write; `keep` forms are recognised in every language and the first is written in every language."""

    forms: dict[str, tuple[str, ...]]
    keep: tuple[str, ...] = ()
    note: str = ""
    path: str = ""
    line: int = 0

    def recognised(self, lang: str) -> tuple[str, ...]:
        """Forms that count as an occurrence in a text in `lang`."""
        return self.forms.get(lang, ()) + self.keep

    def written(self, lang: str) -> str | None:
        """The form a translation into `lang` must show, or None when the glossary gives none."""
        if self.keep:
            return self.keep[0]
        forms = self.forms.get(lang)
        return forms[0] if forms else None

    @property
    def label(self) -> str:
        """The name reports use for the concept: its English form, else its kept or first form."""
        return self.written("en") or next(iter(self.forms.values()))[0]

    def all_forms(self) -> list[tuple[str, str]]:
        """(language, form) for every form, kept forms under the pseudo-language "keep"."""
        return [(lang, f) for lang, forms in self.forms.items() for f in forms] + [("keep", f) for f in self.keep]


@dataclass
class Glossary:
    """All loaded entries, in file order. Derived lookup tables are memoised per instance."""

    entries: tuple[GlossaryEntry, ...] = ()
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def memo(self, key: Any, build: Callable[[], T]) -> T:
        """Build a derived table once (compiled patterns, paradigms): a glossary is never mutated."""
        if key not in self._memo:
            self._memo[key] = build()
        value: T = self._memo[key]
        return value

    def fingerprint(self) -> str:
        """A stable hash of what changes translations: forms, kept forms and notes (a note can say a name is a
        woman's or fix its locative), not comments or the order of files on disk, plus the pinning version."""
        content = [{"forms": dict(sorted(e.forms.items())), "keep": e.keep, "note": e.note} for e in self.entries]
        blob = json.dumps({"v": PIN_VERSION, "entries": content}, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def conflicts(self) -> list[Problem]:
        """A form recognised by two entries that write different targets: pinning would be ambiguous. Each
        pair of entries is reported once, at the later one's line."""
        seen: dict[tuple[str, str], int] = {}
        reported: set[tuple[int, int]] = set()
        problems: list[Problem] = []
        for index, entry in enumerate(self.entries):
            for lang in LANGUAGES:
                for form in entry.recognised(lang):
                    first = seen.setdefault((lang, form.casefold()), index)
                    found = _disagreement(self.entries[first], entry, form, lang) if first != index else None
                    if found and (first, index) not in reported:
                        reported.add((first, index))
                        problems.append(found)
        return problems


def _disagreement(earlier: GlossaryEntry, later: GlossaryEntry, form: str, lang: str) -> Problem | None:
    """The problem when two entries that both recognise `form` write different things into some language."""
    for target in LANGUAGES:
        a, b = earlier.written(target), later.written(target)
        if target != lang and a and b and a != b:
            where = f"line {earlier.line}" if earlier.path == later.path else f"{earlier.path}:{earlier.line}"
            message = f"'{form}' ({lang}) maps to '{b}' ({target}) here but to '{a}' at {where}"
            return Problem(later.path, later.line, message)
    return None
