"""Re-runs: nothing changed stops at once; a changed turn, option or deleted output redoes only what it must."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import SAMPLE
from tests.test_end_to_end import translator


def _counts(stdout: str) -> tuple[int, int]:
    found = re.search(r"(\d+) sentences translated, (\d+) from memory", stdout)
    assert found, stdout
    translated, from_memory = found.groups()
    return int(translated), int(from_memory)


def test_reruns(packages_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "talk.en.txt"
    shutil.copy(SAMPLE, source)
    out = tmp_path / "out"
    first = translator("run", str(source), "--to", "uk", "--out", str(out), env_dir=packages_dir)
    assert first.returncode == 0, first.stderr
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}

    again = translator("run", str(source), "--to", "uk", "--out", str(out), env_dir=packages_dir)
    assert again.returncode == 0 and "unchanged since the last run, 0 sentences translated" in again.stdout
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.suffix != ".sqlite" and "-wal" not in p.name
            and "-shm" not in p.name} == {n: t for n, t in stamps.items() if not n.startswith("translator.sqlite")}

    (out / "talk.uk.srt").unlink()
    restored = translator("run", str(source), "--to", "uk", "--out", str(out), env_dir=packages_dir)
    assert _counts(restored.stdout)[0] == 0 and (out / "talk.uk.srt").exists()

    text = source.read_text("utf-8").replace("Thank you for having me.", "Thanks a lot. Goodbye, friends!")
    source.write_text(text, "utf-8")
    changed = translator("run", str(source), "--to", "uk", "--out", str(out), env_dir=packages_dir)
    assert changed.returncode == 0, changed.stderr
    assert _counts(changed.stdout)[0] == 2  # the changed turn's two sentences, nothing else

    other_beam = translator("run", str(source), "--to", "uk", "--out", str(out), "--beam-size", "2",
                            env_dir=packages_dir)
    assert "unchanged" not in other_beam.stdout and _counts(other_beam.stdout)[1] == 0
