"""Argos packages as the `translator models` commands see them: what is installed, which of the six
directions a run can take (direct, through English, or not at all), installing and removing.

The work is in translator/engine/packages.py; this is the library face of the commands of the same names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from translator.engine.packages import (
    InstalledPackage,
    Unusable,
    install_file,
    installed_packages,
    remove,
    route,
    scan,
    supported_directions,
)
from translator.errors import MissingPackageError

__all__ = ["Direction", "InstalledPackage", "Unusable", "directions", "install", "installed_packages", "remove", "scan"]


@dataclass(frozen=True)
class Direction:
    """A language pair and the packages a run would chain for it (none: it cannot be translated yet)."""

    src: str
    tgt: str
    chain: tuple[InstalledPackage, ...]

    def describe(self) -> str:
        """`direct`, `pivot uk → en → ru` or `missing`."""
        if not self.chain:
            return "missing"
        return "direct" if len(self.chain) == 1 else "pivot " + " → ".join([self.src] + [p.to_code for p in self.chain])


def directions(packages: list[InstalledPackage] | None = None) -> list[Direction]:
    """Every direction between English, Ukrainian and Russian, with the installed packages it would use."""
    found = installed_packages() if packages is None else packages
    result = []
    for src, tgt in supported_directions():
        try:
            chain = tuple(route(src, tgt, found))
        except MissingPackageError:
            chain = ()
        result.append(Direction(src, tgt, chain))
    return result


def install(
    name: str | Path, progress: Callable[[int, int], None] | None = None, notify: Callable[[str], None] | None = None
) -> InstalledPackage:
    """Install a `.argosmodel` file from disk (air-gapped machines), or a direction such as `en-uk` from the
    Argos package index; `progress(bytes_done, bytes_total)` follows a download, `notify` hears which link is
    tried and why one failed."""
    if str(name).endswith(".argosmodel") or Path(name).is_file():
        return install_file(Path(name))
    from translator.engine.download import download_and_install  # urllib only when a download is asked for

    return download_and_install(str(name), progress=progress, notify=notify)
