"""Packages that load but cannot translate a real sentence, and installs interrupted halfway (issue #26, 11-12).

The packages are the real tiny en-uk package with its learned position table cut to a few rows, as a damaged or
mismatched package has it: CTranslate2 loads it and then fails on the first sentence longer than the table.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from benchmarks.model_bin import with_position_rows
from tests.conftest import LEXICONS
from tests.tiny_argos import expected_output
from translator.engine import argos, packages
from translator.engine.argos import ArgosEngine
from translator.engine.positions import cut, input_limit, position_limit
from translator.errors import PackageError

# A turn as long as the one that ended runs in a traceback: 1,242 characters in one sentence.
LONG_SENTENCE = ("Thank you for the good afternoon in Moscow and Europe, " * 23).strip()[:1240] + " ."


def shrunk_package(source: Path, out: Path, rows: int, version: str) -> Path:
    """The package at `source` with `rows` position rows and another version number."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename.endswith("model/model.bin"):
                data = with_position_rows(data, rows)
            elif info.filename.endswith("metadata.json"):
                data = data.replace(b'"package_version": "1.0"', f'"package_version": "{version}"'.encode())
            new.writestr(info, data)
    path = out / f"translate-en_uk-{version}.argosmodel"
    path.write_bytes(buffer.getvalue())
    return path


def run_cli(*args: str, packages_dir: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(packages_dir)}
    return subprocess.run([sys.executable, "-m", "translator", *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=300)


def test_the_position_table_is_read_from_model_bin(package_files: dict[tuple[str, str], Path],
                                                   tmp_path: Path) -> None:
    folder = packages.install_file(package_files[("en", "uk")], tmp_path).path
    assert position_limit(folder / "model") == 1024
    (folder / "model" / "model.bin").write_bytes(with_position_rows((folder / "model" / "model.bin").read_bytes(), 80))
    assert position_limit(folder / "model") == 80
    (folder / "model" / "model.bin").write_bytes(b"\x06\x00")
    assert position_limit(folder / "model") is None


@pytest.mark.parametrize("bpe", [False, True])
def test_long_inputs_are_cut_into_parts_that_fit_at_word_starts(bpe: bool) -> None:
    words = [["▁w", "o", "rd"] if not bpe else ["w@@", "o@@", "rd"] for _ in range(40)]
    pieces = [piece for word in words for piece in word]
    parts = cut(pieces, 10, bpe)
    assert [piece for part in parts for piece in part] == pieces
    assert all(len(part) <= 10 for part in parts)
    assert all((part[0].startswith("▁") if not bpe else True) for part in parts)
    assert all(not part[-1].endswith("@@") for part in parts[:-1]) or not bpe
    assert cut(pieces[:10], 10, bpe) == [pieces[:10]]
    assert cut(["x"] * 25, 10) == [["x"] * 10, ["x"] * 10, ["x"] * 5]  # no word start: cut at the limit
    assert input_limit(None) == 1022 and input_limit(80) == 78 and input_limit(5000) == 1022


def test_a_sentence_longer_than_the_position_table_is_translated_whole(
    package_files: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    package = shrunk_package(package_files[("en", "uk")], tmp_path, 80, "1.1")
    installed = packages.install_file(package, tmp_path / "packages")
    engine = ArgosEngine(packages=[installed])
    [translated] = engine.translate([LONG_SENTENCE], "en", "uk")
    assert translated.split() == expected_output(LONG_SENTENCE, LEXICONS[("en", "uk")]).split()


def test_a_package_that_cannot_read_a_real_sentence_never_replaces_a_working_one(
    package_files: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    folder = tmp_path / "packages"
    packages.install_file(package_files[("en", "uk")], folder)
    broken = shrunk_package(package_files[("en", "uk")], tmp_path, 6, "2.0")
    done = run_cli("models", "install", str(broken), packages_dir=folder, cwd=tmp_path)
    assert done.returncode == 4
    assert done.stderr.count("\n") == 1 and "reads at most 6 pieces a sentence" in done.stderr
    assert [(p.name, p.version) for p in packages.installed_packages(folder)] == [("en-uk", "1.0")]


def test_a_model_failing_in_a_run_ends_in_one_line(package_files: dict[tuple[str, str], Path], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    folder = packages.install_file(package_files[("en", "uk")], tmp_path / "packages").path
    model = folder / "model" / "model.bin"
    model.write_bytes(with_position_rows(model.read_bytes(), 6))
    monkeypatch.setattr(argos, "position_limit", lambda model_dir: None)  # a table this reader cannot see
    engine = ArgosEngine(packages=packages.installed_packages(tmp_path / "packages"))
    with pytest.raises(PackageError, match=r"translate-en_uk@1.0 failed while translating .*; reinstall it"):
        engine.translate([LONG_SENTENCE], "en", "uk")


def test_a_replacing_install_killed_between_its_renames_is_recovered(
    package_files: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    folder = tmp_path / "packages"
    live = packages.install_file(package_files[("en", "uk")], folder).path
    live.rename(live.with_name(f".replaced-{live.name}"))  # the first rename done, the second never ran
    assert [p.name for p in packages.installed_packages(folder)] == ["en-uk"]
    assert live.is_dir() and not live.with_name(f".replaced-{live.name}").exists()
    shutil.copytree(live, live.with_name(f".replaced-{live.name}"))  # both renames done, the deletion not
    assert [p.name for p in packages.installed_packages(folder)] == ["en-uk"]
    assert sorted(p.name for p in folder.iterdir()) == [live.name]


def test_a_package_whose_compressed_data_is_damaged_is_refused_in_one_line(
    package_files: dict[tuple[str, str], Path], tmp_path: Path
) -> None:
    """Found by benchmarks/faults.py: bytes flipped inside a deflated member ended the install in zlib.error."""
    data = bytearray(package_files[("en", "uk")].read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        largest = max(archive.infolist(), key=lambda info: info.compress_size)
    name_length, extra_length = struct.unpack_from("<HH", data, largest.header_offset + 26)
    start = largest.header_offset + 30 + name_length + extra_length
    data[start + 100:start + 140] = b"\xff" * 40
    damaged = tmp_path / "translate-en_uk-2_0.argosmodel"
    damaged.write_bytes(bytes(data))
    folder = tmp_path / "packages"
    packages.install_file(package_files[("en", "uk")], folder)
    done = run_cli("models", "install", str(damaged), packages_dir=folder, cwd=tmp_path)
    assert done.returncode == 4 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.count("\n") == 1 and "cannot install" in done.stderr
    assert [(p.name, p.version) for p in packages.installed_packages(folder)] == [("en-uk", "1.0")]
