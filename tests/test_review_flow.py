"""A reviewer's round trip through the command line: fix three rows, import, re-run, find the fixes everywhere."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TypedDict, cast

import pysubs2
import pytest

from tests.conftest import SAMPLE
from tests.in_process import Done
from tests.test_end_to_end import translator

FIXES = {
    4: "Вітаю! Радий бути з вами і вітаю ваших глядачів.",
    12: "Як ви оцінюєте зустріч на Алясці та переговори у Вашингтоні?",
    27: "Дякую, що запросили.",
}


# The reviewed sample's folder, its outputs before the review, and the import and rerun that followed.
Reviewed = TypedDict("Reviewed", {"out": Path, "before": dict[str, bytes], "import": Done, "again": Done})


def _fix_csv(path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))
    for row in rows:
        if int(row["id"]) in FIXES:
            row["translation"] = FIXES[int(row["id"])]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), "utf-8")


@pytest.fixture(scope="module")
def reviewed(packages_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Reviewed:
    out = tmp_path_factory.mktemp("reviewed")
    first = translator("run", str(SAMPLE), "--to", "uk,ru", "--out", str(out), env_dir=packages_dir)
    assert first.returncode == 0, first.stderr
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.suffix != ".sqlite"}
    review_copy = out / "interview-aisin.en-uk.csv"
    _fix_csv(review_copy)
    imported = translator("review", "import", str(review_copy), "--memory", str(out / "translator.sqlite"),
                          env_dir=packages_dir)
    assert imported.returncode == 0, imported.stderr
    again = translator("run", str(SAMPLE), "--to", "uk,ru", "--out", str(out), env_dir=packages_dir)
    assert again.returncode == 0, again.stderr
    return {"out": out, "before": before, "import": imported, "again": again}


def test_import_reports_three_corrections(reviewed: Reviewed) -> None:
    assert "3 correction(s) stored as approved" in reviewed["import"].stdout


def test_rerun_translates_nothing_and_applies_the_fixes_everywhere(reviewed: Reviewed) -> None:
    out: Path = reviewed["out"]
    assert " 0 sentences translated" in reviewed["again"].stdout
    segments = json.loads((out / "interview-aisin.json").read_text("utf-8"))["segments"]
    for segment in segments:
        translation = segment["translations"]["uk"]
        if segment["id"] in FIXES:
            assert translation["text"] == FIXES[segment["id"]] and translation["origin"] == "approved"
        else:
            assert translation["origin"] == "machine"
    subtitles = " ".join(e.plaintext.replace("\n", " ") for e in pysubs2.load(str(out / "interview-aisin.uk.srt")))
    vtt = " ".join(e.plaintext.replace("\n", " ") for e in pysubs2.load(str(out / "interview-aisin.uk.vtt")))
    for fix in FIXES.values():
        assert fix in subtitles and fix in vtt
        for name in ("interview-aisin.en-uk.md", "interview-aisin.en-uk.html", "interview-aisin.en-uk.xlf"):
            text = (out / name).read_text("utf-8")
            assert fix.split(".")[0].split("!")[0] in text, name


def test_russian_outputs_are_unchanged(reviewed: Reviewed) -> None:
    out: Path = reviewed["out"]
    for name, data in reviewed["before"].items():
        if ".ru." in name or "-ru." in name:
            assert (out / name).read_bytes() == data, name


def test_review_status_counts_approved(reviewed: Reviewed, packages_dir: Path) -> None:
    done = translator("review", "status", "--memory", str(reviewed["out"] / "translator.sqlite"), env_dir=packages_dir)
    assert done.returncode == 0, done.stderr
    assert "interview-aisin → uk: " in done.stdout and "3 approved" in done.stdout


@pytest.mark.slow
def test_killed_run_resumes_from_the_memory(packages_dir: Path, tmp_path: Path) -> None:
    """kill -9 in the middle of a long run: what was stored is kept and the next run does only the rest.

    The run is stored a step (translation.STEP_SENTENCES, 256) at a time: 601 sentences are three steps, so the
    kill after the first stored step lands with more than a step still to translate (the run was 1,500 turns,
    six steps; more steps after the kill prove nothing more). That it landed mid-run is checked, not assumed."""
    long_input = tmp_path / "long.en.txt"
    turns = [f"Speaker{i % 2}: Moscow and Europe talk number {i} about the war, thank you friends."
             for i in range(600)]
    long_input.write_text("Long talk\n" + "\n".join(turns) + "\n", "utf-8")
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(packages_dir)}
    args = [sys.executable, "-m", "translator", "run", str(long_input), "--to", "uk", "--out", str(tmp_path / "o")]
    child = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    memory = tmp_path / "o" / "translator.sqlite"
    deadline = time.monotonic() + 600  # 120 s once ran out on a loaded two-core machine before 256 were stored
    while time.monotonic() < deadline and child.poll() is None:
        if memory.exists() and _stored(memory) >= 256:
            break
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL, "the run ended before the kill"
    kept = _stored(memory)
    assert 256 <= kept < len(turns) + 1
    resumed = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    counts = re.search(r"(\d+) sentences translated, (\d+) from memory", resumed.stdout)
    assert counts, resumed.stdout
    translated, from_memory = map(int, counts.groups())
    assert from_memory == kept and translated + from_memory == len(turns) + 1


def _stored(memory: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{memory}?mode=ro", uri=True, timeout=1) as db:
            return cast(int, db.execute("select count(*) from sentences").fetchone()[0])
    except sqlite3.Error:
        return 0
