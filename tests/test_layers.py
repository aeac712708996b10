"""Imports point one way (issues #15 and #24): every module of the package has a place in LAYERS, imports only
modules of its own layer and those below it, never its own package's __init__, and no modules import each other
round in a cycle. Read from the source, every import (top level, inside functions, under TYPE_CHECKING), so a new
cycle or upward import fails here, however it is hidden."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "translator"

Layers = Sequence[tuple[str, Sequence[str]]]

# The layers, lowest first; a module may import its own layer and those below. An entry names a module, or a
# package with its __init__ and every submodule (the longest entry that covers a module wins). A new module
# fails `test_every_module_has_a_layer` until it is placed: in the lowest layer at or above everything it imports.
LAYERS: Layers = (
    ("leaves", (
        "translator._version", "translator.errors", "translator.spans", "translator.timecode", "translator.stages",
        "translator.atomic", "translator.textio", "translator.encoding_detection", "translator.speakers",
        "translator.morphology",  # the pymorphy3 adapter, shared by langid and the glossary
        "translator.names",  # the petrovich/shevchenko adapter: personal names declined
    )),
    ("data model", ("translator.document", "translator.results", "translator.review_model")),
    ("stages", (
        "translator.readers", "translator.langid", "translator.sentences", "translator.glossary",
        "translator.subtitles", "translator.align", "translator.engine", "translator.database", "translator.memory",
        "translator.ledger", "translator.qa",
        "translator.units",  # what is translated as a whole: cues grouped into sentences, once per document
    )),
    ("review readers", ("translator.review_readers",)),  # read returned files; they share the row model, not writers
    ("outputs", ("translator.writers", "translator.outputs", "translator.report")),
    ("orchestration", (
        "translator.translation", "translator.pipeline", "translator.review", "translator.rerun",
        "translator.identity", "translator.models",
        "translator.executors",  # where a run's documents are translated: here, or (translator.cluster) on Ray
        "translator.cluster",
    )),
    ("review server", ("translator.serve",)),  # `review serve`: Starlette over the memory; only the CLI imports it
    ("the run", ("translator.workflow",)),  # the library's run: only the interface and the root above it
    ("interface", ("translator.terminal", "translator.exits", "translator.cli", "translator.launch",
                   "translator.__main__")),
    # Re-exports lazily (TYPE_CHECKING and __getattr__): may import anything; no module imports it.
    ("package root", ("translator",)),
)


def modules(root: Path) -> dict[str, Path]:
    """Every module of the package at `root`, by dotted name (a package by its own name, for its __init__)."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _ancestors(name: str) -> list[str]:
    """`a.b.c` → [`a.b`, `a`]."""
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)]


def _resolve(name: str, known: Mapping[str, Path]) -> str | None:
    """The module an import of `name` loads last: `name` itself, or the package holding the imported object."""
    for candidate in [name, *_ancestors(name)]:
        if candidate in known:
            return candidate
    return None


def imports(name: str, known: Mapping[str, Path]) -> set[str]:
    """The package's modules `name` imports, wherever its import statements stand. `from a.b import c` counts as
    `a.b.c` when that is a module, else as `a.b`; importing `a.b.c` also runs the packages `a.b` and `a`, which
    count unless `name` is inside them (its own packages were imported before it)."""
    path = known[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    top = name.split(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            targets.update(
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names
            )
    found: set[str] = set()
    for target in targets:
        if target != top and not target.startswith(top + "."):
            continue
        module = _resolve(target, known)
        if module is None:
            continue
        found.add(module)
        found.update(a for a in _ancestors(module) if a in known and not (name + ".").startswith(a + "."))
    found.discard(name)
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module → the package's modules it imports."""
    known = modules(root)
    return {name: imports(name, known) for name in known}


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Groups of modules that import each other round (strongly connected components), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(start: str) -> None:  # Tarjan's algorithm, iterative: deep import chains need no recursion limit
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for target in edges:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def layer_of(name: str, layers: Layers) -> int | None:
    """The index in `layers` of the longest entry covering `name`; the package root only by its own entry."""
    place = {entry: number for number, (_, entries) in enumerate(layers) for entry in entries}
    candidates = [name, *_ancestors(name)[:-1]]  # not the top-level package: it would swallow every new module
    return next((place[c] for c in candidates if c in place), None)


def unplaced(graph: Mapping[str, object], layers: Layers) -> list[str]:
    return [name for name in sorted(graph) if layer_of(name, layers) is None]


def upward(graph: Mapping[str, Iterable[str]], layers: Layers) -> list[str]:
    """Every import of a module in a higher layer than the importer's, as `importer (layer) imports module (layer)`."""
    found = []
    for name in sorted(graph):
        own = layer_of(name, layers)
        for target in sorted(graph[name]):
            theirs = layer_of(target, layers)
            if own is not None and theirs is not None and theirs > own:
                found.append(f"{name} ({layers[own][0]}) imports {target} ({layers[theirs][0]})")
    return found


def own_package_imports(graph: Mapping[str, Iterable[str]]) -> list[str]:
    """Submodules that import their own package's __init__ (which sits above them: it gathers the package)."""
    return [
        f"{name} imports its own package {target}"
        for name in sorted(graph)
        for target in sorted(graph[name])
        if name.startswith(target + ".")
    ]


@cache
def _package_graph() -> dict[str, set[str]]:
    """The package's import graph, read once for all the tests here."""
    return import_graph(PACKAGE)


def test_every_module_has_a_layer() -> None:
    missing = unplaced(_package_graph(), LAYERS)
    assert missing == [], (
        f"{missing}: place each in LAYERS (tests/test_layers.py), in the lowest layer at or above every module it "
        "imports; a module that would have to sit below something it imports is a sign the split is wrong"
    )


def test_the_layer_table_names_only_modules_that_exist() -> None:
    known = modules(PACKAGE)
    stale = [
        entry for _, entries in LAYERS for entry in entries
        if not any(name == entry or name.startswith(entry + ".") for name in known)
    ]
    assert stale == [], f"{stale}: no such module or package any more; remove or rename the entries in LAYERS"


def test_no_import_cycles() -> None:
    found = cycles(_package_graph())
    assert found == [], "modules that import each other round (break the cycle; a function-level import does "\
        f"not): {found}"


def test_no_module_imports_a_layer_above_it() -> None:
    assert upward(_package_graph(), LAYERS) == []


def test_no_submodule_imports_its_own_package() -> None:
    assert own_package_imports(_package_graph()) == []


def test_the_command_line_and_the_run_stay_on_top() -> None:
    """Issue #15's guard: nothing below imports the command line, the terminal's progress display or the run."""
    names = [name for name, _ in LAYERS]
    assert names[-3:] == ["the run", "interface", "package root"]
    assert layer_of("translator.workflow", LAYERS) == len(LAYERS) - 3
    for module in ("translator.cli", "translator.terminal", "translator.__main__"):
        assert layer_of(module, LAYERS) == len(LAYERS) - 2


def test_only_the_adapter_imports_pymorphy3() -> None:
    """The glossary and language identification share one pymorphy3 adapter, and its analyzers."""
    users = []
    for name, path in modules(PACKAGE).items():
        tree = ast.parse(path.read_text("utf-8"))
        found = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        found |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and not node.level}
        if any(module.split(".")[0] == "pymorphy3" for module in found):
            users.append(name)
    assert users == ["translator.morphology"]


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    """A synthetic package `pkg` under `tmp_path`: relative file name → source."""
    root = tmp_path / "pkg"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def test_the_checker_sees_a_cycle_however_it_is_hidden(tmp_path: Path) -> None:
    root = _package(tmp_path, {
        "__init__.py": "",
        "a.py": "def f():\n    from pkg.b import g\n    return g\n",  # inside a function
        "b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import c\n",  # for types only
        "c.py": "from . import a\n",  # relative
        "d.py": "import pkg.a\n",  # imports into the cycle, is not part of it
    })
    graph = import_graph(root)
    assert graph["pkg.b"] == {"pkg.c"} and graph["pkg.c"] == {"pkg.a"}
    assert cycles(graph) == [["pkg.a", "pkg.b", "pkg.c"]]


def test_the_checker_sees_an_upward_import_and_an_unplaced_module(tmp_path: Path) -> None:
    root = _package(tmp_path, {
        "__init__.py": "import importlib\n",
        "low.py": "from pkg.high import run\n",
        "high.py": "from pkg.sub import mod\nfrom pkg.sub.mod import thing\n",
        "sub/__init__.py": "VALUE = 1\n",
        "sub/mod.py": "from ..low import x\n",
        "new.py": "",
    })
    layers: Layers = (("bottom", ("pkg.low", "pkg.sub")), ("top", ("pkg.high", "pkg")))
    graph = import_graph(root)
    assert graph["pkg.high"] == {"pkg.sub", "pkg.sub.mod"}  # the package's __init__ runs first
    assert graph["pkg.sub.mod"] == {"pkg.low"}
    assert upward(graph, layers) == ["pkg.low (bottom) imports pkg.high (top)"]
    assert unplaced(graph, layers) == ["pkg.new"]  # the root's entry does not cover its submodules
    assert layer_of("pkg.sub.mod", layers) == 0 and layer_of("pkg", layers) == 1


def test_the_checker_sees_a_submodule_importing_its_own_package(tmp_path: Path) -> None:
    root = _package(tmp_path, {
        "__init__.py": "",
        "sub/__init__.py": "NAME = 'x'\n",
        "sub/one.py": "from pkg.sub import NAME\n",  # the package's __init__, for a name defined there
        "sub/two.py": "from pkg.sub import one\nfrom . import one as again\n",  # a sibling module: fine
    })
    graph = import_graph(root)
    assert graph["pkg.sub.two"] == {"pkg.sub.one"}
    assert own_package_imports(graph) == ["pkg.sub.one imports its own package pkg.sub"]
