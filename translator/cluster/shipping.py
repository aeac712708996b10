"""Argos packages carried from the driver's packages folder to workers that share no disk with it: each package
folder is zipped once into bytes with their SHA-256 (`pack`), the bytes travel through Ray's object store, and a
worker checks the digest before it unpacks them into a folder of its node's temporary directory (`unpack`),
which the other workers on that node then reuse. A worker never downloads anything.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from translator.engine.packages import InstalledPackage
from translator.errors import PackageError

# Where a node keeps the packages it was sent, one folder per package and digest.
UNPACKED = "translator-packages"


@dataclass(frozen=True)
class PackedPackage:
    """A package's folder as zip bytes, the bytes' SHA-256, and the package as the driver has it installed."""

    package: InstalledPackage
    data: bytes
    sha256: str


def pack(pkg: InstalledPackage) -> PackedPackage:
    """Zip an installed package's folder (stored, not compressed: model weights do not shrink) in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for path in sorted(p for p in pkg.path.rglob("*") if p.is_file()):
            archive.write(path, path.relative_to(pkg.path).as_posix())
    data = buffer.getvalue()
    return PackedPackage(pkg, data, hashlib.sha256(data).hexdigest())


def unpack(pkg: InstalledPackage, data: bytes, sha256: str, root: Path | None = None) -> InstalledPackage:
    """The package unpacked on this node (into `root`, default the temporary directory), refused unless `data` has
    the digest the driver sent; a folder another worker unpacked from the same bytes is used as it is."""
    if hashlib.sha256(data).hexdigest() != sha256:
        raise PackageError(f"the package {pkg.identity} arrived damaged from the driver (SHA-256 differs); "
                           f"run again")
    base = (root or Path(tempfile.gettempdir())) / UNPACKED
    folder = base / f"{pkg.path.name}-{sha256[:16]}"
    if not folder.is_dir():
        base.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=base))
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                archive.extractall(partial)
            partial.rename(folder)  # whole or not at all; a worker beside this one may have won the race
        except OSError:
            if not folder.is_dir():
                raise
        finally:
            shutil.rmtree(partial, ignore_errors=True)
    return dataclasses.replace(pkg, path=folder)
