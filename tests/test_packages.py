"""Package management: install from disk with checks, list, route, remove — and every hostile package refused.

The hostile packages are the real tiny en-uk package with one thing changed, each a case from issue #9 that once
did damage or raised a traceback. Each goes through `translator models install` as a user meets it: one line, a
non-zero exit, and the en-uk package installed before it still listed and translating.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.in_process import Done, environment
from tests.in_process import translator as in_process
from translator.engine import packages
from translator.engine.argos import ArgosEngine, EngineSettings
from translator.errors import MissingPackageError, PackageError

Files = dict[str, bytes]


def _entries(path: Path) -> Files:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(files: Files, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _patched_headers(data: bytes, *, method: int | None = None, flag: int = 0) -> bytes:
    """Rewrite every local and central header's compression method and general-purpose flags."""
    out = bytearray(data)
    for signature, flags_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        at = out.find(signature)
        while at >= 0:
            old_flags = struct.unpack_from("<H", out, at + flags_at)[0]
            struct.pack_into("<H", out, at + flags_at, old_flags | flag)
            if method is not None:
                struct.pack_into("<H", out, at + method_at, method)
            at = out.find(signature, at + 4)
    return bytes(out)


def _with_metadata(change: Callable[[dict[str, object]], object]) -> Callable[[Files], bytes]:
    def build(files: Files) -> bytes:
        name = next(n for n in files if n.endswith("/metadata.json"))
        meta = json.loads(files[name])
        files[name] = json.dumps(change(meta)).encode()
        return _zip(files)
    return build


def _set(**values: object) -> Callable[[dict[str, object]], dict[str, object]]:
    return lambda meta: {**meta, **values}


def _replaced(suffix: str, data: bytes) -> Callable[[Files], bytes]:
    def build(files: Files) -> bytes:
        files[next(n for n in files if n.endswith(suffix))] = data
        return _zip(files)
    return build


def _without(suffix: str) -> Callable[[Files], bytes]:
    return lambda files: _zip({n: d for n, d in files.items() if not n.endswith(suffix)})


def _renamed_top(top: str, **values: object) -> Callable[[Files], bytes]:
    def build(files: Files) -> bytes:
        renamed = {top + "/" + name.split("/", 1)[1]: data for name, data in files.items()}
        return _with_metadata(_set(**values))(renamed)
    return build


def _bomb(files: Files) -> bytes:
    top = next(iter(files)).split("/")[0]
    return _zip({**files, f"{top}/stanza/padding.bin": bytes(200 << 20)})  # 200 MiB of zeros in ~200 KiB


def _broken_model(version: int) -> Callable[[Files], bytes]:
    return _replaced("model/model.bin", struct.pack("<I", version) + b"\x07TransformerSpec\0" + os.urandom(64))


def _raw_metadata(raw: bytes) -> Callable[[Files], bytes]:
    return _replaced("/metadata.json", raw)


def _bpe_instead(codes: bytes) -> Callable[[Files], bytes]:
    def build(files: Files) -> bytes:
        top = next(iter(files)).split("/")[0]
        return _zip({**{n: d for n, d in files.items() if not n.endswith("sentencepiece.model")},
                     f"{top}/bpe.model": codes})
    return build


HOSTILE: dict[str, tuple[Callable[[Files], bytes], str]] = {
    "numeric codes": (_with_metadata(_set(from_code=1, to_code=2)), "from_code 1 is not a language code"),
    "metadata a list": (_with_metadata(lambda meta: [meta]), "metadata.json is not an object but list"),
    "metadata nested deeply": (_raw_metadata(b"[" * 100_000 + b"]" * 100_000), "nested too deeply"),
    "integer target_prefix": (_with_metadata(_set(target_prefix=7)), "target_prefix 7 is not a short text"),
    "ANSI escape in a code": (_with_metadata(_set(from_code="\x1b[31men")), r"from_code '\x1b[31men' is not"),
    "newline in a code": (_with_metadata(_set(to_code="uk\nru")), r"to_code 'uk\nru' is not a language code"),
    "unsupported compression": (lambda files: _patched_headers(_zip(files), method=9), "unsupported compression"),
    "encrypted flag": (lambda files: _patched_headers(_zip(files), flag=0x1), "encrypted file"),
    "folder of another direction": (_renamed_top("translate-en_uk-1_0", to_code="ru"),
                                    "names en-uk, but its metadata says en-ru"),
    "broken model.bin": (_broken_model(6), "its model does not load"),
    "newer broken version": (lambda files: _broken_model(6)(_entries_with(files, package_version="9.0")),
                             "its model does not load"),
    "binary version 7": (_broken_model(7), "binary version 7; this CTranslate2 reads versions 1 to 6"),
    "v6 without config.json": (_without("model/config.json"), "needs model/config.json"),
    "no vocabulary": (_without("shared_vocabulary.json"), "no vocabulary"),
    "unsupported tokenizer": (_without("sentencepiece.model"), "no tokenizer"),
    "broken BPE codes": (_bpe_instead(b"#version: 0.2\na b c\n"), "bpe.model is not subword-nmt BPE codes"),
    "zip bomb": (_bomb, "MiB (50× the archive, at most 4 GiB)"),
    "HTML login page": (lambda files: b"<!DOCTYPE html><html><body>Sign in</body></html>", "an HTML page"),
    "corrupt zip": (lambda files: _zip(files)[:-300], "not a zip archive"),
}


def _entries_with(files: Files, **values: object) -> Files:
    name = next(n for n in files if n.endswith("/metadata.json"))
    return {**files, name: json.dumps({**json.loads(files[name]), **values}).encode()}


def translator(*args: str, folder: Path) -> Done:
    return in_process(*args, env=environment(ARGOS_PACKAGES_DIR=folder))


@pytest.fixture
def en_uk_installed(package_files: dict[tuple[str, str], Path], tmp_path: Path) -> Path:
    folder = tmp_path / "packages"
    packages.install_file(package_files[("en", "uk")], folder)
    return folder


def _still_working(folder: Path) -> None:
    [pkg] = packages.installed_packages(folder)
    assert pkg.name == "en-uk"
    assert ArgosEngine(EngineSettings(threads=1), [pkg]).translate(["Hello."], "en", "uk") == ["Привіт."]


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_package_is_refused_in_one_line(
    case: str, package_files: dict[tuple[str, str], Path], en_uk_installed: Path, tmp_path: Path
) -> None:
    build, message = HOSTILE[case]
    hostile = tmp_path / "hostile.argosmodel"
    hostile.write_bytes(build(_entries(package_files[("en", "uk")])))
    before = sorted(p.name for p in en_uk_installed.iterdir())
    done = translator("models", "install", str(hostile), folder=en_uk_installed)
    assert done.returncode != 0
    [line] = done.stderr.splitlines()
    assert line.startswith("translator: error: ") and "\x1b" not in line
    assert message in line, line
    assert sorted(p.name for p in en_uk_installed.iterdir()) == before
    _still_working(en_uk_installed)


def test_a_leftover_staging_folder_is_never_used(
    package_files: dict[tuple[str, str], Path], en_uk_installed: Path
) -> None:
    leftover = en_uk_installed / ".installing-x1"
    shutil.copytree(en_uk_installed / "translate-en_uk-1_0", leftover / "translate-en_uk-1_0")
    shutil.copy(leftover / "translate-en_uk-1_0" / "metadata.json", leftover / "metadata.json")
    _still_working(en_uk_installed)
    assert "installing" not in translator("models", "list", folder=en_uk_installed).stdout


def test_equal_packages_are_chosen_by_folder_name(en_uk_installed: Path) -> None:
    """Two copies of one direction and version: the one whose folder name sorts first, whatever the order they
    were made in."""
    original = en_uk_installed / "translate-en_uk-1_0"
    shutil.copytree(original, en_uk_installed / "zz-copy")
    shutil.copytree(original, en_uk_installed / "aa-copy")
    chosen = packages.route("en", "uk", packages.installed_packages(en_uk_installed))
    assert [pkg.path.name for pkg in chosen] == ["aa-copy"]


def test_an_unusable_package_is_listed_as_such_and_never_routed(
    en_uk_installed: Path, package_files: dict[tuple[str, str], Path]
) -> None:
    packages.install_file(package_files[("en", "ru")], en_uk_installed)
    (en_uk_installed / "translate-en_ru-1_0" / "model" / "model.bin").write_bytes(struct.pack("<I", 9))
    (en_uk_installed / "weird").mkdir()
    (en_uk_installed / "weird" / "metadata.json").write_text('{"from_code": 1, "to_code": "\\u001b[2J"}')
    listing = translator("models", "list", folder=en_uk_installed)
    assert listing.returncode == 0, listing.stderr
    assert "unusable: translate-en_ru-1_0: model/model.bin has binary version 9" in listing.stdout
    assert "unusable: weird: metadata.json from_code 1 is not a language code" in listing.stdout
    assert "  en→ru  missing" in listing.stdout and "  en→uk  direct" in listing.stdout
    assert "\x1b" not in listing.stdout
    removed = translator("models", "remove", "en-ru", folder=en_uk_installed)  # a broken package goes too
    assert removed.returncode == 0, removed.stderr
    assert "removed en-ru version 1.0" in removed.stdout
    assert not (en_uk_installed / "translate-en_ru-1_0").exists()
    _still_working(en_uk_installed)


def test_a_new_version_is_installed_beside_and_a_reinstall_replaces(
    package_files: dict[tuple[str, str], Path], en_uk_installed: Path, tmp_path: Path
) -> None:
    files = _entries(package_files[("en", "uk")])
    newer = tmp_path / "newer.argosmodel"
    newer.write_bytes(_zip(_entries_with(files, package_version="1.1")))
    packages.install_file(newer, en_uk_installed)
    packages.install_file(newer, en_uk_installed)
    found = packages.installed_packages(en_uk_installed)
    assert [(p.name, p.version) for p in found] == [("en-uk", "1.0"), ("en-uk", "1.1")]
    assert packages.route("en", "uk", found)[0].version == "1.1"


def test_legacy_folder_of_the_same_version_is_replaced_not_duplicated(
    package_files: dict[tuple[str, str], Path], en_uk_installed: Path
) -> None:
    shutil.move(en_uk_installed / "translate-en_uk-1_0", en_uk_installed / "en_uk")  # as argospm installed 1.4
    packages.install_file(package_files[("en", "uk")], en_uk_installed)
    assert [p.path.name for p in packages.installed_packages(en_uk_installed)] == ["translate-en_uk-1_0"]


def test_install_list_route_remove(package_files: dict[tuple[str, str], Path], tmp_path: Path) -> None:
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


def test_non_ascii_packages_folder(package_files: dict[tuple[str, str], Path], tmp_path: Path) -> None:
    """sentencepiece cannot open non-ASCII paths on Windows (argos-translate #480): the model is read from bytes."""
    folder = tmp_path / "Користувач Ölçü" / "packages"
    packages.install_file(package_files[("en", "uk")], folder)
    _still_working(folder)


def test_packages_dir_honours_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path))
    assert packages.packages_dir() == tmp_path
