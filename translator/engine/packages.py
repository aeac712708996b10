"""Argos package management: list, validate, install (from disk or the Argos index), remove, route.

The layout is argostranslate's (same packages directory, same metadata.json), so packages installed by
either tool serve both. We do not call argostranslate.package.install_from_path: it extracts any zip
without checking it and then imports argostranslate.translate (torch, stanza, spacy: seconds of start-up);
and depending on argostranslate at all would install torch for users who never need it.
"""

from __future__ import annotations

import lzma
import os
import shutil
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from translator.document import LANGUAGES
from translator.engine.validation import Metadata
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
    if root.is_dir():
        recover_replaced(root)
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


def recover_replaced(root: Path) -> None:
    """Finish a replacing install that was killed (`_swap_in`): between its two renames the old package is only
    in `.replaced-NAME`, and goes back to NAME; after them, only its deletion was left undone."""
    for hidden in sorted(root.glob(".replaced-*")):
        live = hidden.with_name(hidden.name.removeprefix(".replaced-"))
        try:
            if live.exists():
                shutil.rmtree(hidden)
            else:
                os.replace(hidden, live)
        except OSError:  # a read-only folder: the next writable start will do it
            continue


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
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, zlib.error, lzma.LZMAError) as exc:
        raise PackageError(f"{origin}: cannot install ({exc})") from None  # zlib, lzma: a member's data damaged


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


# What a trial translates before a package may replace anything: sentences of the lengths an interview has,
# and one as long as a long turn, in the package's source language (English for any other).
TRIAL_SENTENCES = {
    "en": ("Thank you.", "We spoke about the war, the sanctions and what Europe can still do before the winter.",
           " ".join(["The minister said that the talks in Brussels would go on for another week, and that "
                     "nobody expected a decision before the summit in the spring."] * 3)),
    "uk": ("Дякую.", "Ми говорили про війну, санкції і про те, що Європа ще може зробити до зими.",
           " ".join(["Міністр сказав, що переговори в Брюсселі триватимуть ще тиждень і що ніхто не чекає "
                     "рішення до саміту навесні."] * 3)),
    "ru": ("Спасибо.", "Мы говорили о войне, санкциях и о том, что Европа ещё может сделать до зимы.",
           " ".join(["Министр сказал, что переговоры в Брюсселе продлятся ещё неделю и что никто не ждёт "
                     "решения до саммита весной."] * 3)),
}
MIN_POSITIONS = 64  # a model that reads fewer pieces a sentence cannot translate a real one


def trial_load(pkg: InstalledPackage) -> None:
    """Load the tokenizer and the model and translate real sentences, a long one included, as a run will: a
    package that fails here is refused before it replaces or shadows a working one."""
    import ctranslate2

    from translator.engine.positions import cut, input_limit, position_limit
    from translator.engine.tokenizer import BPETokenizer, load_tokenizer
    from translator.engine.validation import Refused

    rows = position_limit(pkg.path / "model")
    if rows is not None and rows < MIN_POSITIONS:
        raise Refused(f"its model reads at most {rows} pieces a sentence; a real sentence needs more")
    try:
        tokenizer = load_tokenizer(pkg.path, pkg.from_code, pkg.to_code)
        model = ctranslate2.Translator(str(pkg.path / "model"), device="cpu", compute_type="default")
        bpe = isinstance(tokenizer, BPETokenizer)
        sentences = TRIAL_SENTENCES.get(pkg.from_code, TRIAL_SENTENCES["en"])
        inputs = [part for text in sentences for part in cut(tokenizer.encode(text), input_limit(rows), bpe)]
        prefix = [[pkg.target_prefix]] * len(inputs) if pkg.target_prefix else None
        results = model.translate_batch(inputs, target_prefix=prefix, beam_size=1,
                                        max_decoding_length=min(256, (rows or 258) - 2))
        if not all(result.hypotheses and result.hypotheses[0] for result in results):
            raise Refused("its model translates a sentence into nothing")
    except PackageError as exc:
        raise Refused(str(exc).partition(": ")[2] or str(exc)) from None
    except (RuntimeError, ValueError, OSError) as exc:
        raise Refused(f"its model does not load or translate ({' '.join(str(exc).split())[:200]})") from None


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


def supported_directions() -> list[tuple[str, str]]:
    """The six directions among en, uk and ru."""
    return [(a, b) for a in LANGUAGES for b in LANGUAGES if a != b]
