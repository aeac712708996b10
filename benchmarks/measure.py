"""Run one contender in a fresh child process and measure its wall time and peak memory.

A fresh process per contender keeps their peaks apart (imports, models and buffers of one never count for
another) and makes the wall time what a user waits for: interpreter start, imports, model load and work.
The peak is the child's own high-water mark of resident memory (ru_maxrss from wait4, taken by the small
benchmarks.launch process so that this process's memory is not counted in), not a sample.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class BenchmarkError(RuntimeError):
    """A contender failed: the message is one line naming it, with the last line it printed."""


@dataclass(frozen=True)
class Measurement:
    """One contender's cost for one input."""

    label: str
    sentences: int
    wall_s: float
    peak_mib: float
    stdout: str = ""
    started: float = 0.0  # the child's start as a perf_counter reading (system-wide monotonic on Linux)
    stages: dict[str, float] = field(default_factory=dict)  # a translator run's seconds per stage
    first_decode_s: float | None = None  # from the start of a translator run to its first translate_batch

    @property
    def per_second(self) -> float:
        return self.sentences / self.wall_s if self.wall_s else 0.0


def python_command(*args: str) -> list[str]:
    """This interpreter, without writing .pyc files into the tree (the repository is shared); it reads those
    `compile_tree` wrote."""
    return [sys.executable, "-B", *args]


def compile_tree() -> None:
    """Compile translator's and the benchmark's modules once, as installing a package does: without .pyc files
    (none are written where PYTHONDONTWRITEBYTECODE is set, as on this machine) every (a) run compiled its
    77 modules from source again, 0.15 s that neither a user nor the floor pays."""
    import compileall

    for package in ("translator", "benchmarks"):
        compileall.compile_dir(ROOT / package, quiet=1)


def measure(label: str, sentences: int, argv: Sequence[str], env: dict[str, str] | None = None,
            stdin: str = "") -> Measurement:
    """Run argv from the repository root through benchmarks.launch; its wall time and peak resident memory."""
    child_env = {**os.environ, "TQDM_DISABLE": "1", **(env or {})}
    with tempfile.TemporaryDirectory(prefix="measure-") as tmp:
        files = {name: Path(tmp) / name for name in ("stdin", "stdout", "stderr", "result.json")}
        files["stdin"].write_text(stdin, "utf-8")
        with files["stdin"].open("rb") as given, files["stdout"].open("wb") as out, files["stderr"].open("wb") as err:
            done = subprocess.run(python_command("-m", "benchmarks.launch", str(files["result.json"]), *argv),
                                  cwd=ROOT, env=child_env, stdin=given, stdout=out, stderr=err, check=False)
        stdout, stderr = files["stdout"].read_text("utf-8"), files["stderr"].read_text("utf-8")
        if done.returncode != 0:
            last = (stderr.strip().splitlines() or ["(no output)"])[-1]
            raise BenchmarkError(f"{label} exited with status {done.returncode}: {last}")
        result = json.loads(files["result.json"].read_text("utf-8"))
    print(f"{label}: {result['wall_s']:.2f} s", file=sys.stderr, flush=True)  # progress of a long benchmark
    return Measurement(label, sentences, result["wall_s"], result["peak_kib"] / 1024, stdout, result["started"])


def best_start(argv: Sequence[str], env: dict[str, str] | None = None, repeats: int = 5) -> float:
    """The fastest of a few start-ups: the other runs are the same work slowed by a busy machine."""
    return min(measure("start-up", 0, argv, env).wall_s for _ in range(repeats))
