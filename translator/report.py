"""What a run says about its results, as lines of text: the CLI prints them, the run ledger keeps them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from translator.document import Document

if TYPE_CHECKING:
    from translator.ledger import StatusCounts
    from translator.results import RunResult


def headline(result: RunResult, out_dir: Path) -> str:
    """`interview-aisin.en.txt: 27 segments (en → uk, ru), 120 sentences translated, ...`, or that it is
    unchanged since the last run."""
    doc = result.doc
    if doc is None:
        return (f"{result.path.name}: unchanged since the last run, 0 sentences translated; "
                f"its outputs in {out_dir}/ are kept")
    return (f"{Path(doc.path).name}: {len(doc.segments)} segments ({doc.lang} → {', '.join(doc.targets)}), "
            f"{result.translated} sentences translated, {result.from_memory} from memory, "
            f"{len(result.written)} files written to {out_dir}/")


def flag_lines(doc: Document) -> list[str]:
    """`flags: 3 glossary-miss (uk), ...` when anything was flagged."""
    flags = Counter((flag.code, flag.lang) for segment in doc.segments for flag in segment.flags)
    if not flags:
        return []
    parts = [f"{n} {code}" + (f" ({lang})" if lang else "") for (code, lang), n in sorted(flags.items(), key=str)]
    return ["flags: " + ", ".join(parts)]


def describe_status(counts: list[StatusCounts]) -> str:
    """`translator review status` output: one line per document and target language."""
    if not counts:
        return "the memory holds no translated document yet"
    lines = []
    for c in counts:
        line = f"{c.doc_key} → {c.tgt}: {c.machine} machine, {c.approved} approved, {c.flagged} flagged"
        if c.unapplied:
            line += f"; {c.unapplied} correction(s) not in the last run's output (new, or their source changed)"
        if c.notes:
            line += f"; {c.notes} with a reviewer's note (review serve: Notes CSV)"
        lines.append(line)
    return "\n".join(lines)
