"""Argos package management: list, validate, install (from disk or the Argos index), remove, route.

The layout is argostranslate's (same packages directory, same metadata.json), so packages installed by
either tool serve both. We do not call argostranslate.package.install_from_path: it extracts any zip
without checking it and then imports argostranslate.translate (torch, stanza, spacy: seconds of start-up);
and depending on argostranslate at all would install torch for users who never need it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from translator.document import LANGUAGES
from translator.engine.validation import Metadata
from translator.errors import MissingPackageError, PackageError

PIVOT = "en"


@dataclass(frozen=True)
class InstalledPackage:
    """One installed translation package, read from its metadata.json."""

    path: Path
    from_code: str
    to_code: str
    version: str
    target_prefix: str = ""

    @classmethod
    def of(cls, path: Path, meta: Metadata) -> InstalledPackage:
        return cls(path, meta.from_code, meta.to_code, meta.version, meta.target_prefix)

    @property
    def name(self) -> str:
        return f"{self.from_code}-{self.to_code}"

    @property
    def identity(self) -> str:
        """What a translation depends on: direction and version (a translation-memory key)."""
        return f"translate-{self.from_code}_{self.to_code}@{self.version}"





def packages_dir() -> Path:
    """argostranslate's packages directory (ARGOS_PACKAGES_DIR, else $XDG_DATA_HOME/argos-translate/packages),
    read at call time so one process can switch it."""
    configured = os.environ.get("ARGOS_PACKAGES_DIR")
    if configured:
        return Path(configured).expanduser()
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "argos-translate" / "packages"


@dataclass(frozen=True)
class Unusable:
    """A folder in the packages directory that cannot run, why, and its metadata when that much is sound."""

    folder: Path
    reason: str
    metadata: Metadata | None


def scan(directory: Path | None = None) -> tuple[list[InstalledPackage], list[Unusable]]:
    """The packages that can run, sorted by direction, version and folder name, and the folders that cannot.
    Hidden folders (an interrupted install's `.installing-*`) are neither."""
    from translator.engine.validation import Refused, check_folder, folder_metadata

    root = directory or packages_dir()
    usable: list[InstalledPackage] = []
    unusable: list[Unusable] = []
    folders = sorted(root.iterdir()) if root.is_dir() else []
    for folder in folders:
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        try:
            meta = folder_metadata(folder)
        except Refused as exc:
            unusable.append(Unusable(folder, str(exc), None))
            continue
        try:
            check_folder(folder)
        except Refused as exc:
            unusable.append(Unusable(folder, str(exc), meta))
            continue
        usable.append(InstalledPackage.of(folder, meta))
    usable.sort(key=lambda p: (p.from_code, p.to_code, p.version, p.path.name))
    return usable, unusable


def installed_packages(directory: Path | None = None) -> list[InstalledPackage]:
    """Every installed package that can run (see `scan`)."""
    return scan(directory)[0]


def find_package(from_code: str, to_code: str, packages: list[InstalledPackage]) -> InstalledPackage | None:
    """The newest installed package for a direction; among equal versions, the folder whose name sorts first."""
    from packaging.version import InvalidVersion, Version

    def version_key(pkg: InstalledPackage) -> tuple[int, Version | str]:
        try:
            return (1, Version(pkg.version))
        except InvalidVersion:
            return (0, pkg.version)

    matches = sorted((p for p in packages if (p.from_code, p.to_code) == (from_code, to_code)), key=lambda p: p.path)
    return max(matches, key=version_key) if matches else None  # max keeps the first of equal keys


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


def install_file(
    path: Path, directory: Path | None = None, expected: tuple[str, str] | None = None, origin: str | None = None
) -> InstalledPackage:
    """Install a .argosmodel file after checking it and test-loading it; a refused file changes nothing, and a
    package it replaces is kept until the new one has loaded. `expected` is the direction asked for (an index
    download); `origin` names the file in errors (its link)."""
    from translator.engine.validation import Refused

    origin = origin or str(path)
    root = directory or packages_dir()
    try:
        with path.open("rb") as file:
            looks_like_html = file.read(512).lstrip().startswith(b"<")
        if not zipfile.is_zipfile(path):
            raise Refused("an HTML page, not a zip archive" if looks_like_html else "not a zip archive")
        root.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path) as archive:
            return _install_archive(archive, path.stat().st_size, root, expected)
    except Refused as exc:
        raise PackageError(f"{origin}: refused: {exc}") from None
    except FileNotFoundError:
        raise PackageError(f"{origin}: no such file") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise PackageError(f"{origin}: cannot install ({exc})") from None


def _install_archive(
    archive: zipfile.ZipFile, size: int, root: Path, expected: tuple[str, str] | None
) -> InstalledPackage:
    from translator.engine.validation import Refused, check_archive, shown

    top, meta = check_archive(archive, size)
    if expected and (meta.from_code, meta.to_code) != expected:
        raise Refused(f"it is a {meta.from_code}-{meta.to_code} package, not {'-'.join(expected)}")
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
    try:
        archive.extractall(staging)
        staged = InstalledPackage.of(staging / top, meta)
        trial_load(staged)
        target = root / meta.folder_name
        _swap_in(staging / top, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for other in installed_packages(root):  # the same direction and version under another folder name
        if (other.name, other.version) == (staged.name, staged.version) and other.path != target:
            shutil.rmtree(other.path)
    installed = InstalledPackage.of(target, meta)
    if installed not in installed_packages(root):
        raise Refused(f"it was installed in {shown(str(target))} but cannot be listed")
    return installed


def trial_load(pkg: InstalledPackage) -> None:
    """Load the tokenizer and the model and translate a word, as a run will: a package that fails here is
    refused before it replaces or shadows a working one."""
    import ctranslate2

    from translator.engine.tokenizer import load_tokenizer
    from translator.engine.validation import Refused

    try:
        tokenizer = load_tokenizer(pkg.path, pkg.from_code, pkg.to_code)
        model = ctranslate2.Translator(str(pkg.path / "model"), device="cpu", compute_type="default")
        model.translate_batch([tokenizer.encode("a")], max_decoding_length=4, beam_size=1)
    except PackageError as exc:
        raise Refused(str(exc).partition(": ")[2] or str(exc)) from None
    except (RuntimeError, ValueError, OSError) as exc:
        raise Refused(f"its model does not load ({' '.join(str(exc).split())[:200]})") from None


def _swap_in(new: Path, target: Path) -> None:
    """Move `new` to `target`; an existing `target` is set aside first and deleted only once `new` is in place."""
    old = target.with_name(f".replaced-{target.name}")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(new, target)
    except OSError:
        if old.exists():
            os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def remove(name: str, directory: Path | None = None) -> list[InstalledPackage]:
    """Remove every package of a direction such as `en-uk`, usable or not."""
    from_code, to_code = parse_direction(name)
    usable, unusable = scan(directory)
    broken = [InstalledPackage.of(u.folder, u.metadata) for u in unusable if u.metadata]
    victims = [p for p in usable + broken if (p.from_code, p.to_code) == (from_code, to_code)]
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


def supported_directions() -> list[tuple[str, str]]:
    """The six directions among en, uk and ru."""
    return [(a, b) for a in LANGUAGES for b in LANGUAGES if a != b]
