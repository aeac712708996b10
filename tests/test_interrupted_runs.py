"""A run killed at any moment resumes with the same command to byte-identical outputs, and its half-written
files are never taken for a person's edits (benchmarks/interrupt.py runs many more kills than these)."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from benchmarks.interrupt import Baseline, Scenario, baseline, outputs, small_input, stored_corrections, trial
from tests.conftest import ROOT, SAMPLE
from tests.in_process import child, environment, translator
from tests.test_writers_review import sample_doc
from translator.database import Database
from translator.document import document_key
from translator.engine.argos import ArgosEngine, EngineSettings
from translator.engine.packages import installed_packages
from translator.exits import INTERRUPTED_MESSAGE
from translator.ledger import RunLedger, delivered_rows
from translator.memory import TranslationMemory
from translator.review import store_corrections
from translator.translation.plan import Leg, Plan
from translator.translation.steps import machine_translations
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
    as approved, so importing it stores it again: that is the only approval.)"""
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


class _Stopped(Exception):
    """What the test's signal handler raises for Ctrl-C (pytest takes a real KeyboardInterrupt as its own)."""


def _stop(signum: int, frame: object) -> None:
    raise _Stopped


def _signal_once_a_batch_is_done(engine: ArgosEngine) -> None:
    """Send the main thread SIGUSR1 as soon as the engine has finished any batch it was handed."""
    while not any(result.done() for decoding in list(engine._in_flight) for result in decoding.results):
        time.sleep(0.001)
    signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGUSR1)


def test_an_interrupt_keeps_every_sentence_the_engine_finished_of_the_steps_in_flight(
        packages_dir: Path, tmp_path: Path) -> None:
    """Issue #26, 10: stopped 2-8 s into the sample interview, a run kept nothing and its re-run translated all
    144 sentences: a step (256 sentences, the whole interview) was stored only once all of it was done. Here
    120 sentences, one step of 30 batches of 4: the signal comes the moment the engine has finished its first
    batch; what it finished is stored, and is what the engine gives for those sentences."""
    from benchmarks import corpus

    sentences = tuple(corpus.sentences(60))
    leg = Leg("en", "uk", "engine", "glossary", sentences, {})
    settings = EngineSettings(batch_size=2)
    engine = ArgosEngine(settings, installed_packages(packages_dir))
    previous = signal.signal(signal.SIGUSR1, _stop)
    try:
        with Database(tmp_path / "memory.sqlite") as db:
            memory = TranslationMemory(db)
            threading.Thread(target=_signal_once_a_batch_is_done, args=(engine,), daemon=True).start()
            with pytest.raises(_Stopped):
                machine_translations(Plan(("uk",), (), {}, (leg,)), engine, memory)
            kept = memory.lookup("en", "uk", "engine", "glossary", list(sentences))
    finally:
        signal.signal(signal.SIGUSR1, previous)
    assert len(kept) >= settings.batch_size
    fresh = ArgosEngine(settings, installed_packages(packages_dir))
    assert list(kept.values()) == fresh.translate(list(kept), "en", "uk")


def test_what_the_engine_finished_follows_a_pivot_through_both_legs(packages_dir: Path) -> None:
    engine = ArgosEngine(packages=installed_packages(packages_dir))
    sentences = ["Дякую, друзі!", "Привіт, Москва.", " "]
    assert engine.finished(sentences, "uk", "ru") == {" ": " "}
    translated = engine.translate(sentences, "uk", "ru")
    assert engine.finished(sentences, "uk", "ru") == dict(zip(sentences, translated))


@pytest.fixture(scope="module")
def long_input(packages_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """100 sentences (one step per target, decoding for a few seconds) and their uninterrupted outputs."""
    from benchmarks import corpus

    work = tmp_path_factory.mktemp("long")
    source = work / "long.en.txt"
    source.write_text(corpus.transcript(corpus.turns(corpus.sentences(100))), "utf-8")
    out = work / "uninterrupted"
    done = translator("run", str(source), "--to", "uk,ru", "--out", str(out),
                      env=environment(ARGOS_PACKAGES_DIR=packages_dir))
    assert done.returncode == 0, done.stderr
    return source, outputs(out)


def _stored_sentences(memory: Path) -> int:
    if not memory.exists():
        return 0
    with Database(memory) as db:
        count: int = db.connection.execute("SELECT count(*) FROM sentences").fetchone()[0]
    return count


def _wait_for(path: Path, process: subprocess.Popen[str]) -> None:
    while not path.exists() and process.poll() is None:
        time.sleep(0.005)


@pytest.mark.parametrize(("awaited", "delay"), [("out", 0.0), ("out/translator.sqlite", 0.2),
                                               ("out/translator.sqlite", 1.0)])
def test_ctrl_c_at_any_moment_exits_130_in_one_line_and_the_run_resumes(
        packages_dir: Path, long_input: tuple[Path, dict[str, bytes]], tmp_path: Path, awaited: str,
        delay: float) -> None:
    """Issue #26, 10: Ctrl-C once printed `aborted` with exit 1, a traceback while the modules loaded, and
    waited for the whole step in flight (several seconds). Now: 130, one line, at once; the re-run takes every
    sentence the interrupted run stored from the memory, translates only the rest, and writes the same bytes.
    The moments count from what the run has done (its --out made, then its memory opened, just before the
    engine starts), not from its start: on a loaded machine Python's own start-up took 0.3 s, and a Ctrl-C
    there is the interpreter's (test_ctrl_c_while_the_command_line_loads_exits_130_in_one_line)."""
    source, expected = long_input
    out = tmp_path / "out"
    args = ["run", str(source), "--to", "uk,ru", "--out", str(out)]
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(packages_dir), "TQDM_DISABLE": "1"}
    started = subprocess.Popen([sys.executable, "-m", "translator", *args], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    _wait_for(tmp_path / awaited, started)
    assert started.poll() is None, "the run ended before the moment came"
    time.sleep(delay)
    started.send_signal(signal.SIGINT)
    stopping = time.perf_counter()
    _, err = started.communicate(timeout=120)
    assert started.returncode == 130, err
    assert time.perf_counter() - stopping < 10  # it waited for a whole step's decoding; now for a 10 ms poll
    assert err.splitlines() == [f"translator: error: {INTERRUPTED_MESSAGE}"], err
    kept = _stored_sentences(out / "translator.sqlite")
    resumed = child(*args, env=environment(ARGOS_PACKAGES_DIR=packages_dir))
    assert resumed.returncode == 0, resumed.stderr
    counts = re.search(r"(\d+) sentences translated, (\d+) from memory", resumed.stdout)
    assert counts, resumed.stdout
    translated, from_memory = map(int, counts.groups())
    assert (from_memory, translated + from_memory) == (kept, 200)
    assert outputs(out) == expected


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


def test_an_interrupt_while_a_document_is_written_keeps_what_the_engine_finished_of_the_next(
        argos_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The next document's first steps are decoding while one is written: an interrupt there stores what the
    engine finished of them before the memory closes (the executor is closed on the way out, not whenever the
    garbage collector frees it, by then after the memory was closed)."""
    from benchmarks import corpus
    from translator import workflow

    first, second = tmp_path / "a.en.txt", tmp_path / "b.en.txt"
    first.write_text(corpus.transcript(corpus.turns(corpus.sentences(30, seed=1))), "utf-8")
    second.write_text(corpus.transcript(corpus.turns(corpus.sentences(300, seed=2))), "utf-8")
    workflow.run([first], to="uk", out=tmp_path / "alone")
    alone = _stored_sentences(tmp_path / "alone" / "translator.sqlite")

    def interrupted(*args: object, **kwargs: object) -> list[Path]:
        time.sleep(1.0)  # the engine decodes the next document's first batches meanwhile
        raise _Stopped

    monkeypatch.setattr(workflow, "write_document", interrupted)
    with pytest.raises(_Stopped):
        workflow.run([first, second], to="uk", out=tmp_path / "out")
    assert _stored_sentences(tmp_path / "out" / "translator.sqlite") > alone
