"""The package's layers point one way: the command line sits on the library's run, the run on the stages, and
no stage imports the run or the command line (issue #15). Read from the source, so a new upward import fails."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "translator"
# Each top layer and the only modules allowed to import it.
TOP_LAYERS = {
    "translator.cli": {"translator.__main__"},
    "translator.exits": {"translator.cli"},
    "translator.terminal": {"translator.cli"},
    "translator.workflow": {"translator", "translator.cli", "translator.terminal"},
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_no_module_imports_a_layer_above_it() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path)
        for layer, allowed in TOP_LAYERS.items():
            if name != layer and name not in allowed and layer in _imports(path):
                upward.append(f"{name} imports {layer}")
    assert upward == []


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    module.write_text("from translator.workflow import run\nimport translator.cli\n", "utf-8")
    assert {"translator.workflow", "translator.cli"} <= _imports(module)
