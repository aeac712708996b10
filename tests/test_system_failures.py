"""A full disk, a read-only memory and inputs that would share a name, through the installed command: one line,
a non-zero exit, nothing lost, and the same command finishes the work once the cause is gone."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tests.test_review_safety import approvals, one_line_failure, translator

ROOT_USER = os.geteuid() == 0
UKRAINIAN = "Інтерв'ю\nБарвіненко: Добрий день, друзі! Дякую вам.\nАйсін: Вітаю, дякую.\n"


def talk(folder: Path) -> Path:
    path = folder / "talk.en.txt"
    path.write_text("\n".join(SAMPLE.read_text("utf-8").splitlines()[:6]) + "\n", "utf-8")
    return path


def _mount(folder: Path, options: str) -> bool:
    return subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB file system of its own (a tmpfs; needs root, as CI has)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if not ROOT_USER or not _mount(folder, "size=1m"):
        pytest.skip("mounting a small file system needs root")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


def test_a_full_disk_is_one_line_and_the_same_command_finishes_after(argos_env: Path, small_disk: Path) -> None:
    source = talk(small_disk)
    filler = small_disk / "filler"
    room = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    filler.write_bytes(b"\0" * max(0, room - 150_000))  # room for the memory, not for every output
    done = translator("run", str(source), "--to", "uk,ru", "--out", str(small_disk / "out"))
    one_line_failure(done, "no space left on the disk", "run again")
    assert not [p for p in (small_disk / "out").iterdir() if p.name.endswith(".tmp")]
    filler.unlink()
    again = translator("run", str(source), "--to", "uk,ru", "--out", str(small_disk / "out"))
    assert again.returncode == 0, again.stderr
    written = [p for p in (small_disk / "out").iterdir() if not p.name.startswith("translator.sqlite")]
    assert len(written) == 21  # 19 files and an OmegaT project's folder for each of the two targets


def _outputs(out: Path) -> dict[str, bytes]:
    """Every file a run wrote (an OmegaT project's too) but the memory."""
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*")
            if p.is_file() and not p.name.startswith("translator.sqlite")}


def _limit_file_size(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize("limit", [30_000, 8_000])
def test_a_file_size_limit_is_one_line(argos_env: Path, tmp_path: Path, limit: int) -> None:
    """Without root: writes beyond RLIMIT_FSIZE fail as on a full disk (EFBIG), in outputs and in SQLite. At 8 kB
    the new memory's schema cannot be written: that once read "cannot upgrade schema version 0 to 4", as if the
    file were damaged (found by benchmarks/faults.py)."""
    source = talk(tmp_path)
    command = [str(Path(sys.executable).with_name("translator")), "run", str(source), "--to", "uk", "--out",
               str(tmp_path / "out")]
    done = subprocess.run(command, capture_output=True, text=True, preexec_fn=lambda: _limit_file_size(limit),
                          timeout=300)
    line = one_line_failure(done)
    assert "free some" in line and "upgrade" not in line, line
    again = translator("run", str(source), "--to", "uk", "--out", str(tmp_path / "out"))
    assert again.returncode == 0, again.stderr


@pytest.fixture
def read_only_out(argos_env: Path, tmp_path: Path) -> Iterator[Path]:
    """An --out folder with a translated document and its memory, then made read-only: a remounted tmpfs as
    root (who may write anything), permissions otherwise."""
    folder = tmp_path / "shared"
    folder.mkdir()
    mounted = ROOT_USER and _mount(folder, "size=8m")
    if ROOT_USER and not mounted:
        pytest.skip("a read-only folder for root needs a tmpfs mount")
    done = translator("run", str(talk(tmp_path)), "--to", "uk", "--out", str(folder))
    assert done.returncode == 0, done.stderr
    if mounted:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    else:
        for path in folder.iterdir():
            path.chmod(0o444)
        folder.chmod(0o555)
    yield folder
    if mounted:
        subprocess.run(["umount", str(folder)], check=True)
    else:
        folder.chmod(0o755)


def test_a_read_only_memory_answers_status_and_refuses_writes_in_one_line(read_only_out: Path,
                                                                          tmp_path: Path) -> None:
    status = translator("review", "status", "--out", str(read_only_out))
    assert status.returncode == 0, status.stderr
    assert status.stdout.startswith("talk → uk: 4 machine, 0 approved, 2 flagged")
    memory = str(read_only_out / "translator.sqlite")
    run = translator("run", str(tmp_path / "talk.en.txt"), "--to", "uk", "--out", str(tmp_path / "elsewhere"),
                     "--memory", memory)
    one_line_failure(run, "read-only", "--memory")
    review = read_only_out / "talk.en-uk.csv"
    one_line_failure(translator("review", "import", str(review)), "read-only")
    dry = translator("review", "import", str(review), "--dry-run")
    assert dry.returncode == 0 and "0 correction(s) would be stored" in dry.stdout, dry.stderr


def test_two_inputs_with_one_name_are_refused_before_anything_is_written(argos_env: Path, tmp_path: Path) -> None:
    english = talk(tmp_path)
    ukrainian = tmp_path / "talk.uk.txt"
    ukrainian.write_text(UKRAINIAN, "utf-8")
    out = tmp_path / "out"
    one_line_failure(translator("run", str(english), str(ukrainian), "--to", "ru", "--out", str(out)),
                     "talk.en.txt and", "talk.uk.txt would both be written as talk.*")
    assert not out.exists() or not any(out.iterdir())


def test_a_name_taken_by_a_document_in_another_language_is_refused(argos_env: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = translator("run", str(talk(tmp_path)), "--to", "ru", "--out", str(out))
    assert first.returncode == 0, first.stderr
    before = _outputs(out)
    ukrainian = tmp_path / "talk.uk.txt"
    ukrainian.write_text(UKRAINIAN, "utf-8")
    one_line_failure(translator("run", str(ukrainian), "--to", "ru", "--out", str(out)),
                     "talk.uk.txt (uk) would be written as talk.*", "talk.en.txt (en)")
    assert _outputs(out) == before
    assert approvals(out / "translator.sqlite") == []
