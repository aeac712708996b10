"""A run killed at any moment resumes with the same command to byte-identical outputs, and its half-written
files are never taken for a person's edits (benchmarks/interrupt.py runs many more kills than these)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.interrupt import Baseline, Scenario, baseline, small_input, stored_corrections, trial
from tests.conftest import ROOT, SAMPLE
from tests.test_writers_review import sample_doc
from translator.database import Database
from translator.document import document_key
from translator.ledger import RunLedger, delivered_rows
from translator.memory import TranslationMemory
from translator.review import store_corrections
from translator.writers import WRITERS


@pytest.fixture(scope="module")
def scenario(packages_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Scenario, Baseline, Path]:
    work = tmp_path_factory.mktemp("interrupt")
    chosen = Scenario(small_input(work, SAMPLE), ROOT / "glossaries" / "interview-aisin.tsv", packages_dir)
    return chosen, baseline(chosen, work), work


def test_the_second_run_changes_every_review_file(scenario: tuple[Scenario, Baseline, Path]) -> None:
    """Otherwise a kill in the second run could not tell old bytes from new ones."""
    _, base, _ = scenario
    assert sorted(base.first) == sorted(base.second)
    assert all(base.first[name] != base.second[name] for name in base.first if name.endswith((".csv", ".xlf")))


@pytest.mark.slow
@pytest.mark.parametrize(("second", "writing"), [(False, False), (False, True), (True, False), (True, True)])
def test_a_killed_run_resumes_to_the_same_bytes(scenario: tuple[Scenario, Baseline, Path], second: bool,
                                                writing: bool) -> None:
    chosen, base, work = scenario
    rng = random.Random(f"{second}{writing}")
    duration = base.second_s if second else base.first_s
    delay = rng.uniform(0, 0.04) if writing else rng.uniform(0.3, 0.9) * duration
    result = trial(chosen, base, work, second, delay, writing)
    assert result.problem == ""
    assert result.identical
    assert stored_corrections(result.imported) == 0, result.imported


def test_a_review_file_a_killed_run_left_holds_no_correction(tmp_path: Path) -> None:
    """The run recorded what it meant to deliver, wrote the new CSV and was killed before settling: the file's
    machine text is not a reviewer's, whichever of the two versions the file holds. (Segment 4 is delivered
    as approved: as the file already had it, it is no correction either.)"""
    first, second = sample_doc(), sample_doc()
    second.segments[0].translations["uk"].text = "Інший машинний переклад."
    csv = tmp_path / f"{document_key(first)}.en-uk.csv"
    with Database(tmp_path / "translator.sqlite") as db:
        ledger = RunLedger(db)
        ledger.intend(document_key(first), delivered_rows(first), {}, {})
        ledger.settle([])
        ledger.intend(document_key(second), delivered_rows(second), {str(csv): "new"}, {})
        for doc in (second, first):
            csv.write_bytes(WRITERS["csv"].render(doc, "uk"))
            store_corrections(csv, db)
            assert TranslationMemory(db).approvals(document_key(first), "uk") == {}


@pytest.mark.parametrize("delay", [0.0, 1.5])
def test_ctrl_c_at_any_moment_exits_130_in_one_line(packages_dir: Path, tmp_path: Path, delay: float) -> None:
    """Issue #26, 10: Ctrl-C once printed `aborted` with exit 1, and a traceback while the modules loaded.

    The delay counts from the moment the entry point is loaded (`-X importtime` reports it on stderr): before
    that the interpreter itself is starting, which on a loaded machine can take longer than any fixed sleep.
    """
    from benchmarks import corpus

    source = tmp_path / "long.en.txt"
    source.write_text(corpus.transcript(corpus.turns(corpus.sentences(600))), "utf-8")  # decoding for a while
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(packages_dir)}
    child = subprocess.Popen([sys.executable, "-X", "importtime", "-m", "translator", "run", str(source), "--to",
                              "uk,ru", "--out", str(tmp_path / "out")], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    assert child.stderr is not None
    loaded = next((line for line in iter(child.stderr.readline, "") if line.endswith("translator.launch\n")), "")
    assert loaded, "the entry point never loaded"
    time.sleep(delay)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=120)
    assert child.returncode == 130, err
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("translator: error:")]
    assert len(errors) == 1 and "interrupted" in errors[0], err


def test_ctrl_c_while_the_command_line_loads_exits_130_in_one_line() -> None:
    """Before translator's own code runs, a Ctrl-C is the interpreter's (Python's startup prints its own fatal
    error); from the moment the entry point starts loading the command line, it is one line and 130."""
    code = ("import sys, importlib.abc\n"
            "class Interrupting(importlib.abc.MetaPathFinder):\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'translator.cli':\n"
            "            raise KeyboardInterrupt\n"
            "sys.meta_path.insert(0, Interrupting())\n"
            "from translator.launch import main\n"
            "main()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (130, "")
    assert done.stderr == "translator: error: interrupted before anything was done\n"
