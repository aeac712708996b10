"""A memory of ours damaged by hand — a table dropped, a column renamed, a JSON list rewritten — is refused in one
line with exit 5, not a traceback halfway through a run (issue #26, 13)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

DAMAGE: dict[str, tuple[str, str]] = {
    # Found by benchmarks/faults.py (bytes flipped in the file): a traceback where the run read the last report.
    "a text not UTF-8": ("UPDATE runs SET report = CAST(X'ff6c61677320ff' AS TEXT)",
                         "a text in its column report is not UTF-8"),
    "a table dropped": ("DROP TABLE approvals", "its table approvals is missing"),
    "a column renamed": ("ALTER TABLE sentences RENAME COLUMN target TO translation",
                         "table sentences lacks target"),
    "a run's files not JSON": ("UPDATE runs SET paths = '[not json'", "a run's list of files is not a list of names"),
    "a run's files not a list": ("UPDATE runs SET paths = '{\"a\": 1}'",
                                 "a run's list of files is not a list of names"),
    "glossaries not names": ("UPDATE documents SET glossaries = '[1, 2]'",
                             "a document's glossary list is not a list of names"),
}


def run(out: Path, env_dir: Path, review: bool = False) -> subprocess.CompletedProcess[str]:
    """`translator run` of the sample into `out`, or `review import` of its CSV there."""
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(env_dir)}
    command = (["review", "import", str(out / "interview-aisin.en-uk.csv")] if review
               else ["run", str(SAMPLE), "--to", "uk", "--out", str(out)])
    return subprocess.run([sys.executable, "-m", "translator", *command], capture_output=True, text=True, env=env,
                          timeout=300)


@pytest.fixture(scope="module")
def translated(packages_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A memory after one real run of the sample."""
    out = tmp_path_factory.mktemp("damage") / "out"
    done = run(out, packages_dir)
    assert done.returncode == 0, done.stderr
    return out / "translator.sqlite"


@pytest.mark.parametrize("case", list(DAMAGE))
def test_a_memory_damaged_by_hand_is_refused_in_one_line(translated: Path, packages_dir: Path, tmp_path: Path,
                                                         case: str) -> None:
    statement, told = DAMAGE[case]
    out = tmp_path / "out"
    shutil.copytree(translated.parent, out)
    memory = out / "translator.sqlite"
    with sqlite3.connect(memory) as db:
        db.execute(statement)
    db.close()
    before = memory.read_bytes()
    done = run(out, packages_dir, review=case.startswith("glossaries"))  # only an import reads them
    assert done.returncode == 5, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert done.stderr.startswith("translator: error: ") and told in done.stderr
    assert memory.read_bytes() == before
