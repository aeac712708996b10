"""Package management: install from disk with validation, list, route, remove."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from translator.engine import packages
from translator.errors import MissingPackageError, PackageError


def _zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


META = json.dumps({"type": "translate", "from_code": "en", "to_code": "uk", "package_version": "1.0"}).encode()


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"pkg/model/model.bin": b"x"}, "no pkg/metadata.json"),
        ({"pkg/metadata.json": b"{nope", "pkg/model/model.bin": b"x"}, "not valid JSON"),
        ({"pkg/metadata.json": META, "pkg/model/model.bin": b"x", "../evil.txt": b"x"}, "outside the package"),
        ({"pkg/metadata.json": META, "pkg/model/model.bin": b"x", "other/file": b"x"}, "one top-level folder"),
        ({"pkg/metadata.json": META}, "no pkg/model/model.bin"),
    ],
)
def test_invalid_archives_are_refused_and_change_nothing(tmp_path, files, message):
    target = tmp_path / "packages"
    target.mkdir()
    with pytest.raises(PackageError, match=message):
        packages.install_file(_zip(tmp_path / "bad.argosmodel", files), target)
    assert list(target.iterdir()) == []


def test_a_file_that_is_not_a_zip_is_refused(tmp_path):
    bad = tmp_path / "x.argosmodel"
    bad.write_text("hello")
    with pytest.raises(PackageError, match="not a zip"):
        packages.install_file(bad, tmp_path)


def test_install_list_route_remove(package_files, tmp_path):
    folder = tmp_path / "pk"
    installed = packages.install_file(package_files[("en", "uk")], folder)
    assert (installed.from_code, installed.to_code) == ("en", "uk")
    (folder / "stray-folder").mkdir()  # a folder without metadata.json must not break listing
    assert [p.name for p in packages.installed_packages(folder)] == ["en-uk"]
    packages.install_file(package_files[("uk", "en")], folder)
    packages.install_file(package_files[("en", "ru")], folder)
    found = packages.installed_packages(folder)
    assert [p.name for p in packages.route("uk", "ru", found)] == ["uk-en", "en-ru"]
    with pytest.raises(MissingPackageError, match="translator models install ru-en"):
        packages.route("ru", "uk", found)
    packages.remove("en-uk", folder)
    assert [p.name for p in packages.installed_packages(folder)] == ["en-ru", "uk-en"]
    with pytest.raises(PackageError):
        packages.remove("en-uk", folder)


def test_reinstalling_replaces_the_package(package_files, tmp_path):
    packages.install_file(package_files[("en", "uk")], tmp_path)
    packages.install_file(package_files[("en", "uk")], tmp_path)
    assert len(packages.installed_packages(tmp_path)) == 1


def test_unreachable_index_gives_a_clear_error(tmp_path):
    with pytest.raises(PackageError, match="cannot read the Argos package index"):
        packages.download_and_install("en-uk", directory=tmp_path)


def test_packages_dir_honours_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path))
    assert packages.packages_dir() == tmp_path
