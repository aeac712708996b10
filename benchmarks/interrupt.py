"""Stress: `kill -9` a run at random moments, resume it with the same command, compare with an uninterrupted run.

```bash
. .venv/bin/activate && python -m benchmarks.interrupt --kills 20     # from the repository root
```

Two commands are exercised, as a user meets them: a first run into an empty --out, and a second run that
changes every output (the same input with a glossary added). For each kill, a fresh --out is brought to the
state before the command (nothing, or the first command's result, by running it there: the ledger knows
files by their absolute paths, so a copied folder would not do), the command is started and killed with
SIGKILL, then run again to completion. Half of the kills come at a random moment of the whole run (mostly
start-up and translation); the other half a random 0–40 ms after the run starts writing its outputs, a
window too short for uniform kills to hit often. The resumed
outputs must be byte-identical to the uninterrupted run's, no temporary file may be left, and the review CSV
the killed run left must import with 0 corrections (a run's own half-written text is never taken for a
reviewer's). The test suite runs a few kills of this (tests/test_interrupted_runs.py); this script runs many.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

MEMORY_FILES = ("translator.sqlite", "translator.sqlite-wal", "translator.sqlite-shm")


@dataclass(frozen=True)
class Scenario:
    """A document and the two commands run on it: `first` into an empty folder, then `second`."""

    input: Path
    glossary: Path
    packages: Path

    def args(self, out: Path, second: bool) -> list[str]:
        args = [sys.executable, "-m", "translator", "run", str(self.input), "--to", "uk,ru", "--out", str(out)]
        return [*args, "--glossary", str(self.glossary)] if second else args

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "ARGOS_PACKAGES_DIR": str(self.packages), "TQDM_DISABLE": "1"}

    def run(self, out: Path, second: bool) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self.args(out, second), env=self.env, capture_output=True, text=True, timeout=600)

    def review_import(self, csv: Path) -> subprocess.CompletedProcess[str]:
        args = [sys.executable, "-m", "translator", "review", "import", str(csv), "--memory",
                str(csv.parent / MEMORY_FILES[0])]
        return subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=600)


def outputs(out: Path) -> dict[str, bytes]:
    """Every file in --out but the memory, by its path under --out (an OmegaT project is a folder): what a user
    compares."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name not in MEMORY_FILES}


@dataclass(frozen=True)
class Baseline:
    """The uninterrupted result of both commands and how long each took."""

    first: dict[str, bytes]
    second: dict[str, bytes]
    first_s: float
    second_s: float


def baseline(scenario: Scenario, work: Path) -> Baseline:
    out = work / "baseline"
    started = time.perf_counter()
    _check(scenario.run(out, second=False))
    first_s = time.perf_counter() - started
    first = outputs(out)
    started = time.perf_counter()
    _check(scenario.run(out, second=True))
    return Baseline(first, outputs(out), first_s, time.perf_counter() - started)


@dataclass(frozen=True)
class Trial:
    second: bool
    delay_s: float  # after the start, or (when `writing`) after the first output was touched
    writing: bool
    finished_before_kill: bool
    imported: str  # the import line for the CSV the killed run left, or why there was none
    identical: bool
    problem: str


def _stamps(out: Path) -> dict[str, int]:
    try:
        return {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.name not in MEMORY_FILES}
    except OSError:  # the folder is not there yet, or a temporary file went away while we looked
        return {}


def _await_writing(child: subprocess.Popen[bytes], out: Path) -> None:
    """Return as soon as an output file appears or changes (or the run ends)."""
    before = _stamps(out)
    while child.poll() is None and _stamps(out) == before:
        time.sleep(0.001)


def trial(scenario: Scenario, base: Baseline, work: Path, second: bool, delay_s: float, writing: bool) -> Trial:
    """One kill `delay_s` into the command (into its writing, if `writing`), then the same command again."""
    out = work / f"trial-{'second' if second else 'first'}-{'w' if writing else 'r'}-{delay_s:.4f}"
    if second:
        _check(scenario.run(out, second=False))
    child = subprocess.Popen(scenario.args(out, second), env=scenario.env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    if writing:
        _await_writing(child, out)
    time.sleep(delay_s)
    finished = child.poll() is not None
    child.send_signal(signal.SIGKILL)
    child.wait()
    csv = out / "small.en-uk.csv"
    imported = "no CSV yet"
    if csv.exists() and (out / MEMORY_FILES[0]).exists():
        done = scenario.review_import(csv)
        imported = (done.stdout or done.stderr).strip()
    resumed = scenario.run(out, second)
    problem = "" if resumed.returncode == 0 else resumed.stderr.strip()
    expected = base.second if second else base.first
    identical = resumed.returncode == 0 and outputs(out) == expected
    if resumed.returncode == 0 and not identical:
        got = outputs(out)
        problem = "differs: " + ", ".join(sorted(n for n in set(got) | set(expected) if got.get(n) != expected.get(n)))
    return Trial(second, delay_s, writing, finished, imported, identical, problem)


def stored_corrections(imported: str) -> int:
    """How many corrections an import line says it stored (0 when the import refused the file)."""
    found = re.search(r"(\d+) correction\(s\) stored", imported)
    return int(found[1]) if found else 0


def _check(done: subprocess.CompletedProcess[str]) -> None:
    if done.returncode != 0:
        raise RuntimeError(done.stderr)


def small_input(folder: Path, sample: Path, lines: int = 6) -> Path:
    """The first lines of the sample interview: a run of a few seconds, so many kills fit."""
    path = folder / "small.en.txt"
    path.write_text("\n".join(sample.read_text("utf-8").splitlines()[:lines]) + "\n", "utf-8")
    return path


def main() -> None:
    from benchmarks import corpus
    from benchmarks.package import packages_folder

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=20, help="kills in all, half of them in second runs")
    parser.add_argument("--seed", type=int, default=None, help="random seed (printed; default: from the clock)")
    options = parser.parse_args()
    seed = options.seed if options.seed is not None else int(time.time())
    rng = random.Random(seed)
    packages = packages_folder((("en", "uk"), ("en", "ru")), base_shapes=False)
    work = Path(os.environ.get("TMPDIR", "/tmp")) / f"translator-interrupt-{os.getpid()}"
    work.mkdir(parents=True)
    try:
        scenario = Scenario(small_input(work, corpus.SAMPLE), corpus.ROOT / "glossaries" / "interview-aisin.tsv",
                            packages)
        base = baseline(scenario, work)
        print(f"seed {seed}; uninterrupted: first run {base.first_s:.1f} s, second run {base.second_s:.1f} s")
        failures = 0
        for number in range(options.kills):
            second, writing = number % 2 == 1, number % 4 >= 2
            duration = base.second_s if second else base.first_s
            delay = rng.uniform(0, 0.04) if writing else rng.uniform(0.05, 1.0) * duration
            result = trial(scenario, base, work, second, delay, writing)
            bad = not result.identical or stored_corrections(result.imported) > 0
            failures += bad
            print(f"{number + 1:2d} {'second' if second else 'first '} run killed "
                  f"{f'{delay * 1000:4.1f} ms into writing' if writing else f'at {delay:5.2f} s'}"
                  f"{' (had finished)' if result.finished_before_kill else ''}: "
                  f"{'identical' if result.identical else 'NOT identical'}; import: {result.imported[:90]}"
                  f"{'; ' + result.problem if result.problem else ''}")
        print(f"{options.kills - failures}/{options.kills} resumed byte-identical with no correction stored")
        if failures:
            sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
