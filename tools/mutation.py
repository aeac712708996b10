"""Mutation testing (mutmut 3) of the modules whose tests must pin their behaviour (issue #24), with a score.

Install the tool and run it from the checkout's root, one worker (the figures in the README came from this):

    pip install -c constraints.txt -e '.[test,mutation]'
    python -m tools.mutation                        # every target: subtitles, align, readers, grammar
    python -m tools.mutation wrap align             # some targets; a target is a name below
    python -m tools.mutation --threshold 90         # exit 1 when a target (or the total) scores below 90 %
    python -m tools.mutation --keep --survivors     # reuse cached verdicts, list the mutants that survive
    python -m tools.mutation --list                 # the targets, their modules and their tests

Each target runs in its own work folder, `.mutation/<target>/` (ignored by git), that links the checkout's
`translator/`, `tests/` and the files the tests read, and holds a copy of pyproject.toml with a `[tool.mutmut]`
section naming the modules to mutate and the test files that cover them. mutmut copies the code into that
folder's `mutants/`, runs the selected tests once to learn which test reaches which function, then runs only
those tests against each mutant, in one worker process; hypothesis runs derandomized and without deadlines
(this module is also the pytest plugin that sets that profile), and a mutant that hangs is stopped after
4 × (its tests' time + 1 s) of CPU.

A fresh run is the default: the score counts every mutant of the current code against the current tests.
`--keep` reuses the cached verdicts: it re-runs the mutants that survived, then those never checked (and those
of changed functions): the quick loop while adding tests; after tests were removed or changed, run fresh. A surviving
mutant is shown by `cd .mutation/<target> && mutmut show NAME`.

The score is killed / all mutants, per module and in all: a timeout counts as killed (the mutant hangs a test),
a mutant no selected test reaches counts as surviving. A mutant that cannot change behaviour is excluded in the
code with `# pragma: no mutate` and a one-line reason. CI does not run this: it takes minutes per target.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".mutation"
LINKED = ("translator", "tests", "examples", "glossaries", "tools")  # the code, the tests' files, this plugin


@dataclass(frozen=True)
class Target:
    """Modules mutated together (globs from the checkout's root) and the test files that cover them."""

    modules: tuple[str, ...]
    tests: tuple[str, ...]


SUBTITLE_TESTS = (
    "tests/test_subtitle_wrap.py",
    "tests/test_subtitle_timing.py",
    "tests/test_subtitle_distribute.py",
    "tests/test_subtitle_group.py",
    "tests/test_subtitle_markup.py",
    "tests/test_subtitle_qa.py",
    "tests/test_subtitle_writers.py",
    "tests/test_mutants_subtitles.py",
)
READER_TESTS = (
    "tests/test_srt_reader.py",
    "tests/test_vtt_reader.py",
    "tests/test_transcript_reader.py",
    "tests/test_mutants_readers.py",
)

TARGETS: dict[str, Target] = {
    "subtitles": Target(("translator/subtitles/*",), SUBTITLE_TESTS),
    "align": Target(("translator/align.py",), ("tests/test_align.py", "tests/test_mutants_align.py")),
    "readers": Target(("translator/readers/*",), READER_TESTS),
    "grammar": Target(
        ("translator/glossary/grammar.py",),
        ("tests/test_glossary_pin.py", "tests/test_mutants_grammar.py"),
    ),
    # one module of a larger target, for a quick loop
    "wrap": Target(("translator/subtitles/wrap.py",), SUBTITLE_TESTS),
    "chunks": Target(("translator/subtitles/chunks.py",), SUBTITLE_TESTS),
    "breaks": Target(("translator/subtitles/breaks.py",), SUBTITLE_TESTS),
    "distribute": Target(("translator/subtitles/distribute.py",), SUBTITLE_TESTS),
    "cuerepair": Target(("translator/readers/cuerepair.py",), READER_TESTS),
    # where a cue sits on screen, between SRT {\anN}, WebVTT settings, TTML, iTT and ASS (issue #27)
    "position": Target(("translator/subtitles/position.py",),
                       ("tests/test_subtitle_positions.py", "tests/test_editor_formats.py")),
    # a name's paradigm read against a model's rendering (issue #25)
    "paradigm": Target(
        ("translator/glossary/paradigm.py",),
        ("tests/test_mutants_paradigm.py", "tests/test_glossary_pin.py", "tests/test_glossary_fuzzy.py"),
    ),
}
DEFAULT_TARGETS = ("subtitles", "align", "readers", "grammar")

# mutmut's exit codes per mutant (mutmut/stats.py): a test failed (1, 3), a timeout (CPU limit), the type checker.
KILLED = {1, 3, 36, 37, -24, 24, 152, 255}
SURVIVED = {0, 5, 33}  # 5 and 33: no selected test reaches the mutant


@dataclass
class Score:
    """Verdicts of one module's mutants."""

    killed: int = 0
    survived: int = 0
    other: int = 0  # not checked, skipped, suspicious, segfault: reported, counted as not killed
    survivors: list[str] = field(default_factory=list)  # not killed, checked or not
    surviving: list[str] = field(default_factory=list)  # checked and not killed

    @property
    def total(self) -> int:
        return self.killed + self.survived + self.other

    @property
    def percent(self) -> float:
        return 100.0 * self.killed / self.total if self.total else 100.0

    def add(self, other: Score) -> None:
        self.killed += other.killed
        self.survived += other.survived
        self.other += other.other
        self.survivors += other.survivors
        self.surviving += other.surviving


def _config(target: Target) -> str:
    """The checkout's pyproject.toml with mutmut's section for `target` appended."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    if "[tool.mutmut]" in text:
        raise SystemExit("pyproject.toml has its own [tool.mutmut] section: this tool writes one per target")
    quoted = ", ".join(json.dumps(test) for test in target.tests if (ROOT / test).exists())
    modules = ", ".join(json.dumps(module) for module in target.modules)
    return (
        f"{text}\n[tool.mutmut]\n"
        'source_paths = ["translator"]\n'
        'also_copy = ["examples", "glossaries", "tools"]\n'
        f"only_mutate = [{modules}]\n"
        f"pytest_add_cli_args_test_selection = [{quoted}]\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-p", "tools.mutation"]\n'
        "use_git_change_detection = false\n"
        # a mutant that hangs is stopped after 2 × 2 × (its tests' time + 1 s) of CPU, not mutmut's 2 × 15 ×
        "timeout_multiplier = 2.0\n"
        "timeout_constant = 1.0\n"
    )


def _prepare(name: str, target: Target, fresh: bool) -> Path:
    folder = WORK / name
    if fresh and folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for linked in LINKED:
        link = folder / linked
        if not link.is_symlink():
            link.symlink_to(ROOT / linked, target_is_directory=True)
    (folder / "pyproject.toml").write_text(_config(target), encoding="utf-8")
    return folder


def _environment() -> dict[str, str]:
    """The caller's environment without PYTHONPATH: the tests must import the mutated copy, never the checkout."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _mutmut(folder: Path, names: Sequence[str] = ()) -> None:
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", "1", *names]
    done = subprocess.run(command, cwd=folder, env=_environment(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        sys.stdout.write(done.stdout.decode("utf-8", "replace")[-4000:])
        raise SystemExit(f"mutmut failed in {folder} (exit {done.returncode})")


def read_scores(folder: Path) -> dict[str, Score]:
    """Verdicts per module from mutmut's `mutants/**/*.py.meta` files."""
    scores: dict[str, Score] = {}
    for meta in sorted((folder / "mutants").rglob("*.py.meta")):
        verdicts: dict[str, int | None] = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        if not verdicts:
            continue
        score = Score()
        for mutant, code in sorted(verdicts.items()):
            if code in KILLED:
                score.killed += 1
            elif code in SURVIVED:
                score.survived += 1
                score.survivors.append(mutant)
                score.surviving.append(mutant)
            else:
                score.other += 1
                score.survivors.append(mutant)
        scores[str(meta.relative_to(folder / "mutants"))[: -len(".meta")]] = score
    return scores


def _keep_verdicts(folder: Path) -> None:
    """Make mutmut keep its verdicts although the test selection changed (a new test file): mutmut would reset
    them all. A test added can only kill more mutants, so a killed verdict stands; the others are re-run."""
    stats = folder / "mutants" / "mutmut-stats.json"
    if stats.exists():
        data = json.loads(stats.read_text(encoding="utf-8"))
        data.pop("config_fingerprint", None)
        stats.write_text(json.dumps(data), encoding="utf-8")


def run_target(name: str, target: Target, *, fresh: bool) -> dict[str, Score]:
    folder = _prepare(name, target, fresh)
    if not fresh and (folder / "mutants").exists():
        # cached survivors first (new tests kill them quickly), then the mutants never checked
        _keep_verdicts(folder)
        survivors = [mutant for score in read_scores(folder).values() for mutant in score.surviving]
        if survivors:
            _mutmut(folder, survivors)
    _mutmut(folder)
    return read_scores(folder)


def pytest_configure(config: object) -> None:
    """As a pytest plugin (`-p tools.mutation`, in the mutated copy): hypothesis without deadlines (mutmut's
    trampolines slow every call, and a deadline would kill a mutant that changes nothing) and derandomized,
    so that a run's score is repeatable."""
    from hypothesis import HealthCheck, settings

    settings.register_profile(
        "mutation", deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
    )
    settings.load_profile("mutation")


def _line(label: str, score: Score) -> str:
    return (
        f"{label:<40} {score.killed:>5} {score.survived:>8} {score.other:>6} {score.total:>6} {score.percent:>6.1f}%"
    )


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tools.mutation", description="Mutation scores of the targets' modules (mutmut, one worker)."
    )
    parser.add_argument("targets", nargs="*", metavar="TARGET", help=f"targets (default: {' '.join(DEFAULT_TARGETS)})")
    parser.add_argument("--threshold", type=float, default=0.0, help="exit 1 when a target or the total scores below")
    parser.add_argument("--keep", action="store_true", help="reuse cached verdicts; re-run the mutants not killed")
    parser.add_argument("--survivors", action="store_true", help="list the mutants that were not killed")
    parser.add_argument("--list", action="store_true", help="list the targets and exit")
    arguments = parser.parse_args(argv)
    unknown = [target for target in arguments.targets if target not in TARGETS]
    if unknown:
        parser.error(f"unknown target(s): {', '.join(unknown)} (choose from {', '.join(TARGETS)})")
    if not 0.0 <= arguments.threshold <= 100.0:
        parser.error("--threshold is a percentage, 0 to 100")
    arguments.targets = list(dict.fromkeys(arguments.targets or DEFAULT_TARGETS))
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    if arguments.list:
        for name, target in TARGETS.items():
            print(f"{name}: {' '.join(target.modules)}\n    tests: {' '.join(target.tests)}")
        return 0
    print(f"{'module':<40} {'killed':>5} {'survived':>8} {'other':>6} {'total':>6} {'score':>7}")
    total, failing = Score(), []
    for name in arguments.targets:
        started = time.monotonic()
        scores = run_target(name, TARGETS[name], fresh=not arguments.keep)
        target_score = Score()
        for module, score in scores.items():
            print(_line(module, score))
            target_score.add(score)
        print(_line(f"= {name} ({time.monotonic() - started:.0f} s)", target_score))
        if arguments.survivors:
            for mutant in target_score.survivors:
                print(f"    survived: {mutant}")
        if target_score.percent < arguments.threshold:
            failing.append(name)
        total.add(target_score)
    print(_line("= all", total))
    if total.percent < arguments.threshold:
        failing.append("all")
    if failing:
        print(f"below {arguments.threshold:g} %: {', '.join(failing)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
