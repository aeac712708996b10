"""What a run says about the glossary: a one-line summary, and the misses with their segment ids."""

from __future__ import annotations

from collections.abc import Iterable

from translator.document import GlossaryHit, Segment


def summary_line(hits_by_lang: dict[str, list[GlossaryHit]]) -> str:
    """`glossary: 41/41 pinned (uk), 40/41 pinned (ru)`, languages in the order given."""
    parts = [
        f"{sum(h.status == 'pinned' for h in hits)}/{len(hits)} pinned ({lang})" for lang, hits in hits_by_lang.items()
    ]
    return "glossary: " + ", ".join(parts)


def miss_lines(segments: Iterable[Segment]) -> list[str]:
    """One line per missed occurrence, with its segment id, to print after the summary."""
    return [
        f"glossary missed: segment {segment.id} ({hit.lang}): '{hit.source_text}' ({hit.term})"
        for segment in segments
        for hit in segment.glossary
        if hit.status == "missed"
    ]
