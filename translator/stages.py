"""Where a run's time goes: wall seconds per stage (read, detect, split, glossary, load, translate, layout,
write), so the benchmark can show which stage a regression came from.

Stages nest: while a stage runs inside another (the model loads inside the first translation), the outer one's
clock stops, so each second of the main thread counts for one stage only and the shares add up. A stage run in
another thread (a model loading in the background) counts as `NAME (background)`: it overlaps the main thread's
stages. The cost is two clock reads per stage entered. With `TRANSLATOR_TIMINGS=FILE` in the environment, the
process writes the totals to FILE as JSON when it exits (`benchmarks.run` reads it from its `translator run`
child); nothing is written otherwise.
"""

from __future__ import annotations

import atexit
import json
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENVIRONMENT = "TRANSLATOR_TIMINGS"

_seconds: dict[str, float] = {}
_marks: dict[str, float] = {}


class _Open(threading.local):
    """[name, started] of the stages now running in this thread, innermost last."""

    def __init__(self) -> None:
        self.stages: list[list[object]] = []


_running = _Open()


def _charge(entry: list[object], now: float) -> None:
    name, started = entry
    assert isinstance(name, str) and isinstance(started, float)
    _seconds[name] = _seconds.get(name, 0.0) + now - started


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Count the wall time of the block for `name`, and not for the stage it runs inside."""
    if threading.current_thread() is not threading.main_thread():
        name += " (background)"
    running = _running.stages
    now = time.perf_counter()
    if running:
        _charge(running[-1], now)
    running.append([name, now])
    try:
        yield
    finally:
        now = time.perf_counter()
        _charge(running.pop(), now)
        if running:
            running[-1][1] = now


def mark(name: str) -> None:
    """Remember when something first happened (the first translated batch): a perf_counter reading, which on
    Linux is the system's monotonic clock, so a parent process can subtract its own start from it."""
    _marks.setdefault(name, time.perf_counter())


def totals() -> dict[str, float]:
    """Seconds per stage so far in this process."""
    return dict(_seconds)


def marks() -> dict[str, float]:
    return dict(_marks)


def _write(path: str) -> None:
    Path(path).write_text(json.dumps({"stages": totals(), "marks": marks()}, sort_keys=True), "utf-8")


if os.environ.get(ENVIRONMENT):
    atexit.register(_write, os.environ[ENVIRONMENT])
