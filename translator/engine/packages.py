"""Argos package management: list, validate, install (from disk or the Argos index), remove, route.

The layout is argostranslate's (same packages directory, same metadata.json), so packages installed by
either tool serve both. We do not call argostranslate.package.install_from_path: it extracts any zip
without checking it and then imports argostranslate.translate (torch, stanza, spacy: seconds of start-up);
and depending on argostranslate at all would install torch for users who never need it.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from translator.document import LANGUAGES
from translator.errors import MissingPackageError, PackageError, UsageError

PIVOT = "en"
# Codes people type for our languages that are not ISO 639-1 language codes: country codes and ISO 639-2.
_MISTAKEN_CODES = {"ua": "uk", "ukr": "uk", "rus": "ru", "eng": "en", "gb": "en", "us": "en"}


@dataclass(frozen=True)
class InstalledPackage:
    """One installed translation package, read from its metadata.json."""

    path: Path
    from_code: str
    to_code: str
    version: str
    target_prefix: str = ""

    @property
    def name(self) -> str:
        return f"{self.from_code}-{self.to_code}"

    @property
    def identity(self) -> str:
        """What a translation depends on: direction and version (a translation-memory key)."""
        return f"translate-{self.from_code}_{self.to_code}@{self.version}"


DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"


def packages_dir() -> Path:
    """argostranslate's packages directory (ARGOS_PACKAGES_DIR, else $XDG_DATA_HOME/argos-translate/packages),
    read at call time so one process can switch it."""
    configured = os.environ.get("ARGOS_PACKAGES_DIR")
    if configured:
        return Path(configured).expanduser()
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "argos-translate" / "packages"


def _read_metadata(folder: Path) -> InstalledPackage | None:
    try:
        meta = json.loads((folder / "metadata.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("type", "translate") != "translate" or not meta.get("from_code") or not meta.get("to_code"):
        return None
    return InstalledPackage(
        folder, meta["from_code"], meta["to_code"], str(meta.get("package_version", "0")), meta.get("target_prefix", "")
    )


def installed_packages(directory: Path | None = None) -> list[InstalledPackage]:
    """Every valid translation package in the directory, sorted; folders without metadata are skipped."""
    root = directory or packages_dir()
    if not root.is_dir():
        return []
    found = (_read_metadata(folder) for folder in sorted(root.iterdir()) if folder.is_dir())
    return sorted((pkg for pkg in found if pkg), key=lambda p: (p.from_code, p.to_code, p.version))


def find_package(from_code: str, to_code: str, packages: list[InstalledPackage]) -> InstalledPackage | None:
    """The newest installed package for a direction."""
    from packaging.version import InvalidVersion, Version

    def version_key(pkg: InstalledPackage) -> tuple[int, Version | str]:
        try:
            return (1, Version(pkg.version))
        except InvalidVersion:
            return (0, pkg.version)

    matches = [p for p in packages if p.from_code == from_code and p.to_code == to_code]
    return max(matches, key=version_key) if matches else None


def route(from_code: str, to_code: str, packages: list[InstalledPackage]) -> list[InstalledPackage]:
    """Packages to chain for a direction: direct if installed, else through English; raises if missing."""
    direct = find_package(from_code, to_code, packages)
    if direct:
        return [direct]
    if PIVOT not in (from_code, to_code):
        legs = [(from_code, PIVOT), (PIVOT, to_code)]
        chain = [find_package(a, b, packages) for a, b in legs]
        missing = [f"{a}-{b}" for (a, b), pkg in zip(legs, chain) if pkg is None]
        if not missing:
            return [pkg for pkg in chain if pkg]
    else:
        missing = [f"{from_code}-{to_code}"]
    commands = " && ".join(f"translator models install {name}" for name in missing)
    raise MissingPackageError(
        f"no Argos package for {from_code}→{to_code}: missing {', '.join(missing)}; install with: {commands}"
    )


def _check_archive(archive: zipfile.ZipFile, origin: str) -> tuple[str, dict[str, Any]]:
    """The archive's single top-level folder and its metadata; refuse anything that could escape or mislead."""
    names = archive.namelist()
    tops = {PurePosixPath(name).parts[0] for name in names if PurePosixPath(name).parts}
    for info in archive.infolist():
        parts = PurePosixPath(info.filename).parts
        if info.filename.startswith(("/", "\\")) or ".." in parts or ":" in info.filename:
            raise PackageError(f"{origin}: refused, the archive holds a path outside the package: {info.filename}")
        if (info.external_attr >> 16) & 0o170000 == 0o120000:
            raise PackageError(f"{origin}: refused, the archive holds a symbolic link: {info.filename}")
    if len(tops) != 1:
        raise PackageError(f"{origin}: not an Argos package (expected one top-level folder, found {len(tops)})")
    top = tops.pop()
    try:
        meta = json.loads(archive.read(f"{top}/metadata.json"))
    except KeyError:
        raise PackageError(f"{origin}: not an Argos package (no {top}/metadata.json)") from None
    except ValueError:
        raise PackageError(f"{origin}: not an Argos package (metadata.json is not valid JSON)") from None
    if not isinstance(meta, dict) or meta.get("type", "translate") != "translate":
        raise PackageError(f"{origin}: not a translation package (metadata type {meta.get('type')!r})")
    if not meta.get("from_code") or not meta.get("to_code"):
        raise PackageError(f"{origin}: metadata.json lacks from_code/to_code")
    if f"{top}/model/model.bin" not in names:
        raise PackageError(f"{origin}: not an Argos package (no {top}/model/model.bin)")
    return top, meta


def install_file(path: Path, directory: Path | None = None) -> InstalledPackage:
    """Install a .argosmodel file after validating it; an invalid file changes nothing."""
    root = directory or packages_dir()
    if not path.is_file():
        raise PackageError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise PackageError(f"{path}: not an Argos package (not a zip archive)")
    root.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(path) as archive:
            top, _ = _check_archive(archive, str(path))
            staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
            try:
                archive.extractall(staging)
                target = root / top
                if target.exists():
                    shutil.rmtree(target)
                os.replace(staging / top, target)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackageError(f"{path}: cannot install ({exc})") from None
    installed = _read_metadata(root / top)
    assert installed is not None  # validated above
    return installed


def remove(name: str, directory: Path | None = None) -> list[InstalledPackage]:
    """Remove every installed package of a direction such as `en-uk`."""
    from_code, to_code = parse_direction(name)
    victims = [p for p in installed_packages(directory) if (p.from_code, p.to_code) == (from_code, to_code)]
    if not victims:
        raise PackageError(f"no installed package {name}")
    for pkg in victims:
        shutil.rmtree(pkg.path)
    return victims


def parse_direction(name: str) -> tuple[str, str]:
    """`en-uk` (or `en_uk`, `en:uk`) → ("en", "uk")."""
    for sep in ("-", "_", ":"):
        if sep in name:
            from_code, _, to_code = name.partition(sep)
            if from_code and to_code:
                return from_code.strip().lower(), to_code.strip().lower()
    raise PackageError(f"{name!r} is not a direction like en-uk")


def _index_entries() -> list[dict[str, Any]]:
    """The Argos package index (ARGOS_PACKAGE_INDEX honoured), fetched only when the user asks to install."""
    import urllib.request

    url = os.environ.get("ARGOS_PACKAGE_INDEX", DEFAULT_INDEX).rstrip("/") + "/index.json"
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            entries = json.loads(response.read())
    except (OSError, ValueError) as exc:
        raise PackageError(
            f"cannot read the Argos package index at {url} ({exc}); "
            "on a machine without network, install a file: translator models install FILE.argosmodel"
        ) from None
    return [entry for entry in entries if isinstance(entry, dict)]


def check_index_direction(name: str) -> tuple[str, str]:
    """A direction the Argos index can serve, or a UsageError that explains the mistake without any network:
    a country code for a language code (`ua`), or a pair the index has no package for (uk↔ru pivot through en)."""
    from_code, to_code = parse_direction(name)
    for code in (from_code, to_code):
        if code in _MISTAKEN_CODES:
            fixed = "-".join(_MISTAKEN_CODES.get(c, c) for c in (from_code, to_code))
            raise UsageError(f"{code!r} is not a language code: {LANGUAGES[_MISTAKEN_CODES[code]]} is "
                             f"{_MISTAKEN_CODES[code]!r} (translator models install {fixed})")
        if code not in LANGUAGES:
            raise UsageError(f"unknown language code {code!r} in {name!r} (use {', '.join(LANGUAGES)})")
    if from_code == to_code:
        raise UsageError(f"{name!r} translates a language into itself")
    if PIVOT not in (from_code, to_code):
        raise UsageError(
            f"the Argos index has no {from_code}-{to_code} package: {from_code}→{to_code} is translated through "
            f"English, so install {from_code}-{PIVOT} and {PIVOT}-{to_code} "
            f"(translator models install {from_code}-{PIVOT} {PIVOT}-{to_code})"
        )
    return from_code, to_code


def download_and_install(
    name: str, progress: Callable[[int, int], None] | None = None, directory: Path | None = None
) -> InstalledPackage:
    """Fetch a direction's package from the Argos index (with progress), validate it, install it."""
    from_code, to_code = check_index_direction(name)
    candidates = [
        entry for entry in _index_entries()
        if (entry.get("from_code"), entry.get("to_code")) == (from_code, to_code)
        and entry.get("type", "translate") == "translate"
    ]
    if not candidates:
        raise PackageError(f"the Argos index has no package {name}")
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / f"translate-{from_code}_{to_code}.argosmodel"
        _download(list(candidates[0].get("links", [])), target, progress)
        return install_file(target, directory)


def _download(links: list[str], target: Path, progress: Callable[[int, int], None] | None) -> None:
    import urllib.request

    errors = []
    for link in links:
        try:
            with urllib.request.urlopen(link, timeout=60) as response, open(target, "wb") as out:
                total = int(response.headers.get("Content-Length") or 0)
                while chunk := response.read(1 << 16):
                    out.write(chunk)
                    if progress:
                        progress(len(chunk), total)
            return
        except OSError as exc:
            errors.append(f"{link}: {exc}")
    raise PackageError("download failed: " + ("; ".join(errors) or "the index lists no link"))


def supported_directions() -> list[tuple[str, str]]:
    """The six directions among en, uk and ru."""
    return [(a, b) for a in LANGUAGES for b in LANGUAGES if a != b]
