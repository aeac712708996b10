"""What a run tells the user: progress bars (tqdm, on stderr) and the closing summary lines."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from tqdm import tqdm

if TYPE_CHECKING:
    from translator.ledger import StatusCounts
    from translator.pipeline import RunResult


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[tqdm[NoReturn]]:
    """A sentence counter; silent when nothing is to translate or stderr is not a terminal."""
    with tqdm(total=total, desc=label, unit="sent", disable=None if total else True, leave=False) as bar:
        yield bar


class _ByteBar:
    """A byte counter that appears with the first downloaded chunk (not while the index is being read)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: tqdm[NoReturn] | None = None

    def advance(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = tqdm(desc=self.label, total=total or None, unit="B", unit_scale=True, unit_divisor=1024)
        self.bar.update(done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@contextmanager
def download_bar(label: str) -> Iterator[_ByteBar]:
    bar = _ByteBar(label)
    try:
        yield bar
    finally:
        bar.close()


def describe_status(counts: list[StatusCounts]) -> str:
    """`translator review status` output: one line per document and target language."""
    if not counts:
        return "the memory holds no translated document yet"
    lines = []
    for c in counts:
        line = f"{c.doc_key} → {c.tgt}: {c.machine} machine, {c.approved} approved, {c.flagged} flagged"
        if c.unapplied:
            line += f"; {c.unapplied} correction(s) not in the last run's output (new, or their source changed)"
        lines.append(line)
    return "\n".join(lines)


def describe_result(result: RunResult, out_dir: Path) -> list[str]:
    """Lines such as `interview-aisin.en.txt: 27 segments (en → uk, ru), 120 sentences translated, ...`."""
    doc = result.doc
    lines = [
        f"{Path(doc.path).name}: {len(doc.segments)} segments ({doc.lang} → {', '.join(doc.targets)}), "
        f"{result.translated} sentences translated, {result.from_memory} from memory, "
        f"{len(result.written)} files written to {out_dir}/"
    ]
    flags = Counter((flag.code, flag.lang) for segment in doc.segments for flag in segment.flags)
    if flags:
        parts = [f"{n} {code}" + (f" ({lang})" if lang else "") for (code, lang), n in sorted(flags.items(), key=str)]
        lines.append("flags: " + ", ".join(parts))
    return lines
