"""Character spans and the links between a source text and its translation.

The engine produces these (from the model's attention) and the glossary consumes them (to find the word a
pinned name became), so they live below both instead of inside either.
"""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True)
class Link:
    """One target piece's characters and the source characters its attention peaked on."""

    source: Span
    target: Span


@dataclass(frozen=True)
class AlignedTranslation:
    """A translation and its links, sorted by target then source span."""

    text: str
    links: tuple[Link, ...]


def overlaps(a: Span, b: Span) -> bool:
    """Whether two half-open spans share a character."""
    return a[0] < b[1] and b[0] < a[1]
