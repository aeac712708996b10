"""What makes an Argos package safe to install and able to run, checked before anything is extracted.

Packages come from the index or from a stranger's disk, so nothing in one is trusted: metadata must be a small
JSON object whose codes are language codes (they are printed, and they name folders); the zip must be one
top-level folder of plain, unencrypted files in a compression Python reads, and must not expand beyond a cap; the
files a run needs must be there — a tokenizer, a model.bin whose binary version this CTranslate2 reads (4 bytes),
config.json where that version needs one, a vocabulary. The same checks serve an installed folder, so
`models list` never offers a package that cannot run. Every refusal is one line naming the problem.
"""

from __future__ import annotations

import json
import re
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from translator.engine.tokenizer import BPE_FILE, SENTENCEPIECE_FILE, TOKENIZER_FILES, check_bpe_codes

LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")  # Argos's codes: en, uk, ru, zt, pb
FOLDER_DIRECTION = re.compile(r"(?:^|-)([a-z]{2,3})_([a-z]{2,3})(?:-|$)")  # en_uk/, translate-en_ru-1_9/
VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+-]{0,31}")
MAX_METADATA_BYTES = 1 << 20
MAX_UNPACKED_BYTES = 4 << 30
MAX_EXPANSION = 50  # unpacked size at most this many times the archive's
SUPPORTED_BINARY_VERSIONS = range(1, 7)  # what CTranslate2 4.x loads; 6 and above keep settings in config.json
CONFIG_FROM_VERSION = 6
READABLE_COMPRESSION = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
VOCABULARY_SUFFIXES = (".json", ".txt")  # CTranslate2 tries .json first


@dataclass(frozen=True)
class Metadata:
    """The fields of metadata.json a translation needs, each checked."""

    from_code: str
    to_code: str
    version: str
    target_prefix: str

    @property
    def folder_name(self) -> str:
        """The folder an install writes, from checked fields only (never the archive's own folder name, which
        could be another direction's)."""
        return f"translate-{self.from_code}_{self.to_code}-{self.version.replace('.', '_')}"


class Refused(Exception):
    """A package that must not be installed or used; the message is one line naming what is wrong."""


def printable(text: str, limit: int = 300) -> str:
    """A stranger's text (a link, a server's message) safe to print in full: every character that is not
    printable — terminal escapes, bidi overrides such as U+202E — as its escape, and at most `limit` characters."""
    safe = "".join(char if char.isprintable() else ascii(char)[1:-1] for char in text)
    return safe if len(safe) <= limit else safe[:limit - 3] + "..."


def shown(value: object) -> str:
    """A value from a package, safe to print: as it is when it is printable text, else with escapes instead of
    terminal control characters; short either way."""
    text = value if isinstance(value, str) and value.isprintable() else ascii(value)
    return text if len(text) <= 40 else text[:37] + "..."


def parse_metadata(raw: bytes) -> Metadata:
    """Checked metadata, or Refused naming the first problem."""
    if len(raw) > MAX_METADATA_BYTES:
        raise Refused("metadata.json is larger than 1 MiB")
    try:
        meta = json.loads(raw)
    except RecursionError:
        raise Refused("metadata.json is nested too deeply") from None
    except ValueError:
        raise Refused("metadata.json is not valid JSON") from None
    if not isinstance(meta, dict):
        raise Refused(f"metadata.json is not an object but {type(meta).__name__}")
    if meta.get("type", "translate") != "translate":
        raise Refused(f"not a translation package (type {shown(meta.get('type'))})")
    codes = [meta.get("from_code"), meta.get("to_code")]
    for key, code in zip(("from_code", "to_code"), codes):
        if not isinstance(code, str) or not LANGUAGE_CODE.fullmatch(code):
            raise Refused(f"metadata.json {key} {shown(code)} is not a language code")
    version = meta.get("package_version", "0")
    if isinstance(version, int | float) and not isinstance(version, bool):
        version = str(version)
    if not isinstance(version, str) or not VERSION.fullmatch(version):
        raise Refused(f"metadata.json package_version {shown(version)} is not a version")
    prefix = meta.get("target_prefix", "")
    if not isinstance(prefix, str) or not prefix.isprintable() or len(prefix) > 64:
        raise Refused(f"metadata.json target_prefix {shown(prefix)} is not a short text")
    return Metadata(str(codes[0]), str(codes[1]), version, prefix)


def check_contents(has: Callable[[str], bool], read: Callable[[str], bytes]) -> None:
    """Refused unless a package's files (names relative to its folder) hold what a run needs."""
    if not any(has(name) for name in TOKENIZER_FILES):
        raise Refused(f"no tokenizer ({' or '.join(TOKENIZER_FILES)})")
    if not has(SENTENCEPIECE_FILE):
        try:
            check_bpe_codes(read(BPE_FILE).decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise Refused(f"{BPE_FILE} is not subword-nmt BPE codes ({exc})") from None
    if not has("model/model.bin"):
        raise Refused("no model/model.bin")
    head = read("model/model.bin")[:4]
    version = struct.unpack("<I", head)[0] if len(head) == 4 else 0
    if version not in SUPPORTED_BINARY_VERSIONS:
        raise Refused(f"model/model.bin has binary version {version}; this CTranslate2 reads versions 1 to 6")
    if version >= CONFIG_FROM_VERSION and not has("model/config.json"):
        raise Refused(f"model/model.bin is binary version {version}, which needs model/config.json")
    if not _has_vocabulary(has):
        raise Refused("no vocabulary in model/ (shared_vocabulary, or source and target vocabularies)")


def _has_vocabulary(has: Callable[[str], bool]) -> bool:
    def any_of(stem: str) -> bool:
        return any(has(f"model/{stem}{suffix}") for suffix in VOCABULARY_SUFFIXES)

    return any_of("shared_vocabulary") or (any_of("target_vocabulary") and (
        any_of("source_vocabulary") or any_of("source_1_vocabulary")))


def folder_metadata(folder: Path) -> Metadata:
    """An installed package's checked metadata, or Refused."""
    try:
        return parse_metadata((folder / "metadata.json").read_bytes())
    except OSError as exc:
        raise Refused(f"cannot read its metadata.json ({exc.strerror or exc})") from None


def check_folder(folder: Path) -> None:
    """Refused when an installed package lacks what a run needs."""
    try:
        check_contents(lambda name: (folder / name).is_file(), lambda name: _head(folder / name, name))
    except OSError as exc:
        raise Refused(f"cannot read it ({exc.strerror or exc})") from None


def _head(path: Path, name: str) -> bytes:
    """model.bin's first 4 bytes (it can be gigabytes), other files whole."""
    with path.open("rb") as file:
        return file.read(4) if name.endswith(".bin") else file.read()


def check_archive(archive: zipfile.ZipFile, archive_size: int) -> tuple[str, Metadata]:
    """The archive's single top-level folder and its checked metadata; Refused for anything unsafe or unusable."""
    infos = archive.infolist()
    for info in infos:
        _check_entry(info)
    unpacked = sum(info.file_size for info in infos)
    cap = min(MAX_UNPACKED_BYTES, MAX_EXPANSION * max(archive_size, 1))
    if unpacked > cap:
        raise Refused(f"it would expand to {unpacked >> 20} MiB, more than {cap >> 20} MiB "
                      f"({MAX_EXPANSION}× the archive, at most {MAX_UNPACKED_BYTES >> 30} GiB)")
    tops = {PurePosixPath(info.filename).parts[0] for info in infos if PurePosixPath(info.filename).parts}
    if len(tops) != 1:
        raise Refused(f"not an Argos package (expected one top-level folder, found {len(tops)})")
    top = tops.pop()
    files = {info.filename for info in infos if not info.is_dir()}
    if f"{top}/metadata.json" not in files:
        raise Refused(f"not an Argos package (no {shown(top)}/metadata.json)")
    meta = parse_metadata(archive.read(f"{top}/metadata.json"))
    named = FOLDER_DIRECTION.search(top)
    if named and named.groups() != (meta.from_code, meta.to_code):
        raise Refused(f"its folder {shown(top)} names {'-'.join(named.groups())}, "
                      f"but its metadata says {meta.from_code}-{meta.to_code}")

    def read(name: str) -> bytes:
        with archive.open(f"{top}/{name}") as member:
            return member.read(4) if name.endswith(".bin") else member.read()

    check_contents(lambda name: f"{top}/{name}" in files, read)
    return top, meta


def _check_entry(info: zipfile.ZipInfo) -> None:
    name = info.filename
    parts = PurePosixPath(name).parts
    if name.startswith(("/", "\\")) or ".." in parts or ":" in name or "\\" in name:
        raise Refused(f"the archive holds a path outside the package: {shown(name)}")
    if (info.external_attr >> 16) & 0o170000 == 0o120000:
        raise Refused(f"the archive holds a symbolic link: {shown(name)}")
    if info.flag_bits & 0x1:
        raise Refused(f"the archive holds an encrypted file: {shown(name)}")
    if info.compress_type not in READABLE_COMPRESSION:
        raise Refused(f"the archive uses an unsupported compression (method {info.compress_type}) for {shown(name)}")
