"""What a run says about the glossary: a one-line summary counting pinned, uncertain and missed occurrences, and
the misses with their segment ids."""

from __future__ import annotations

from collections.abc import Iterable

from translator.document import GlossaryHit, Segment


def summary_line(hits_by_lang: dict[str, list[GlossaryHit]]) -> str:
    """`glossary: 109 pinned, 5 uncertain, 1 missed (uk); 110 pinned, 4 uncertain, 1 missed (ru)`, languages in
    the order given, then, when there are any, the occurrences kept: `; kept as the translation wrote them:
    12 (uk), 9 (ru)` (a correct form, left byte for byte). "pinned": rewritten into the glossary's form;
    "uncertain": in a case the sentence did not confirm."""
    parts = [
        ", ".join(f"{sum(h.status == status for h in hits)} {status}" for status in ("pinned", "uncertain", "missed"))
        + f" ({lang})"
        for lang, hits in hits_by_lang.items()
    ]
    kept = [f"{sum(h.status == 'kept' for h in hits)} ({lang})" for lang, hits in hits_by_lang.items()]
    if any(h.status == "kept" for hits in hits_by_lang.values() for h in hits):
        parts.append("kept as the translation wrote them: " + ", ".join(kept))
    return "glossary: " + "; ".join(parts)


def miss_lines(segments: Iterable[Segment]) -> list[str]:
    """One line per missed occurrence, with its segment id, to print after the summary (uncertain ones are
    flagged in the review files; a run may have many)."""
    return [
        f"glossary missed: segment {segment.id} ({hit.lang}): '{hit.source_text}' ({hit.term})"
        for segment in segments
        for hit in segment.glossary
        if hit.status == "missed"
    ]
