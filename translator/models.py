"""Argos packages as the `translator models` commands see them: what is installed, which of the six
directions a run can take (direct, through English, or not at all), installing and removing.

The work is in translator/engine/packages.py; this is the library face of the commands of the same names
(`inventory` is `models list`, `check_names` and `install` are `models install`, `remove` is `models remove`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from translator.engine.packages import (
    InstalledPackage,
    Unusable,
    check_index_direction,
    install_file,
    installed_packages,
    packages_dir,
    remove,
    route,
    scan,
    supported_directions,
)
from translator.errors import MissingPackageError

__all__ = [
    "Direction", "InstalledPackage", "Inventory", "Unusable", "check_names", "directions", "install",
    "installed_packages", "inventory", "remove", "scan",
]


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


@dataclass(frozen=True)
class Inventory:
    """What is installed: the packages folder, the usable packages in it, the folders in it that are no usable
    package (and why), and every direction with the packages a run would chain for it."""

    folder: Path
    packages: list[InstalledPackage]
    unusable: list[Unusable]
    directions: list[Direction]

    def lines(self) -> list[str]:
        """The inventory as `translator models list` prints it."""
        from translator.engine.validation import shown  # as scan() imports it: when a folder is looked into

        lines = [f"packages in {self.folder}:"]
        lines += [f"  {pkg.name}  version {pkg.version}  ({pkg.path.name})" for pkg in self.packages]
        lines += [f"  unusable: {shown(broken.folder.name)}: {broken.reason}" for broken in self.unusable]
        if not self.packages:
            lines.append("  (none) - install one with: translator models install en-uk")
        lines.append("directions:")
        lines += [f"  {direction.src}→{direction.tgt}  {direction.describe()}" for direction in self.directions]
        return lines


def inventory() -> Inventory:
    """The installed packages ($ARGOS_PACKAGES_DIR, else Argos's own folder) and the directions they give."""
    packages, unusable = scan()
    return Inventory(packages_dir(), packages, unusable, directions(packages))


def check_names(names: list[str]) -> None:
    """Refuse a name `install` could not take before anything is downloaded, explaining the mistake (`en-ua`: a
    country code; `uk-ru`: the index has no such package, it goes through English): each name must be a
    `.argosmodel` file or a direction the Argos index serves."""
    for name in names:
        if not (name.endswith(".argosmodel") or Path(name).is_file()):
            check_index_direction(name)


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
