"""Dependencies are bounded above, and constraints.txt (what CI installs) pins each one inside its range."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
RUNTIME = [Requirement(line) for line in PROJECT["dependencies"]]
EXTRAS = PROJECT["optional-dependencies"]
# The extras' own packages; `translator[review]` inside `test` only names another extra.
TEST = [requirement for extra in ("test", "review") for requirement in map(Requirement, EXTRAS[extra])
        if canonicalize_name(requirement.name) != "translator"]


def _pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "constraints.txt").read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            requirement = Requirement(line)
            (spec,) = requirement.specifier
            assert spec.operator == "==", line
            pins[canonicalize_name(requirement.name)] = spec.version
    return pins


@pytest.mark.parametrize("requirement", RUNTIME, ids=str)
def test_every_runtime_dependency_has_an_upper_bound(requirement: Requirement) -> None:
    assert any(spec.operator in ("<", "<=", "==", "~=") for spec in requirement.specifier), requirement


@pytest.mark.parametrize("requirement", RUNTIME + TEST, ids=str)
def test_constraints_pin_every_dependency_inside_its_range(requirement: Requirement) -> None:
    pinned = _pins().get(canonicalize_name(requirement.name))
    assert pinned is not None, f"constraints.txt does not pin {requirement.name}"
    assert requirement.specifier.contains(pinned, prereleases=True), f"{requirement.name}=={pinned} ∉ {requirement}"


def test_ci_installs_through_the_constraints() -> None:
    assert "-c constraints.txt" in (ROOT / ".ci" / "run").read_text("utf-8")
