"""Progress bars on a terminal (tqdm, on stderr) for the CLI; silent when stderr is not a terminal.

tqdm is imported only for a bar that shows: its import (0.065 s, most of it `importlib.metadata` for its version)
would otherwise come before every run's first batch, also where nobody sees a bar (a pipe, a log, CI).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from translator.results import Finished, RunEvent, Started, Translated

if TYPE_CHECKING:
    from tqdm import tqdm


class RunProgress:
    """Shows a run's events: a document's notices and a sentence bar while it translates, then `on_done`."""

    def __init__(self, on_notice: Callable[[str], None], on_done: Callable[[Finished], None]) -> None:
        self.on_notice, self.on_done = on_notice, on_done
        self.bar: tqdm[NoReturn] | None = None

    def __call__(self, event: RunEvent) -> None:
        if isinstance(event, Started):
            for notice in event.doc.notices:
                self.on_notice(f"{event.doc.path}: {notice}")
            if event.sentences and sys.stderr.isatty():  # tqdm's own rule for disable=None
                from tqdm import tqdm

                label = f"translating {Path(event.doc.path).name}"
                self.bar = tqdm(total=event.sentences, desc=label, unit="sent", leave=False, disable=None)
        elif isinstance(event, Translated):
            if self.bar is not None:
                self.bar.update(event.sentences)
        else:
            if self.bar is not None:
                self.bar.close()
                self.bar = None
            self.on_done(event)


class _ByteBar:
    """A byte counter that appears with the first downloaded chunk (not while the index is being read)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: tqdm[NoReturn] | None = None

    def advance(self, done: int, total: int) -> None:
        if self.bar is None:
            from tqdm import tqdm

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
