"""One returned text over several segments (a CAT unit over cues, two subtitle cues a reviewer merged) cut back
into one text per segment: as delivered wherever the reviewer left a segment's words alone, so an untouched
unit gives back exactly what each segment delivered and only the segments a reviewer changed change."""

from __future__ import annotations

from collections.abc import Sequence

from translator.units import spread


def _words(text: str) -> list[str]:
    return text.split()


def cut_like(text: str, delivered: Sequence[str], sources: Sequence[str]) -> list[str]:
    """`text` cut into len(delivered) parts: leading and trailing segments whose delivered words it still holds
    keep them; what is left is spread over the rest in proportion to their source texts (`units.spread`)."""
    words, parts = _words(text), [_words(part) for part in delivered]
    if not parts:
        return []
    first, last = 0, len(parts)
    head, tail = 0, len(words)
    while last - first > 1 and parts[first] and words[head:head + len(parts[first])] == parts[first]:
        head, first = head + len(parts[first]), first + 1
    while last - first > 1 and parts[last - 1] and tail - len(parts[last - 1]) >= head \
            and words[tail - len(parts[last - 1]):tail] == parts[last - 1]:
        tail, last = tail - len(parts[last - 1]), last - 1
    middle = spread(" ".join(words[head:tail]), list(sources[first:last]))
    return [" ".join(part) for part in parts[:first]] + middle + [" ".join(part) for part in parts[last:]]
