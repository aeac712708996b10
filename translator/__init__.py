"""translator: offline interview and subtitle translation between English, Ukrainian and Russian.

The library the `translator` command is a thin layer over (see docs/library.md):
`run` and `detect`, the data model (`Document`, `RunResult`, the progress events), glossaries
(`load_glossaries`, `check_glossary`), `RayExecutor` (a run on a Ray cluster), the review round trip
(`import_review`, `undo_import`, `review_status`) and the `models` module (`directions`, `install`, `remove`,
`installed_packages`). Names are imported on first use, so `import translator` (and `translator --help`) stays
instant.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from translator._version import __version__

if TYPE_CHECKING:
    from translator import models
    from translator.cluster.executor import RayExecutor
    from translator.document import Document, Segment
    from translator.glossary import Glossary, check_glossary, load_glossaries
    from translator.ledger import StatusCounts
    from translator.results import Finished, RunEvent, RunResult, Started, Translated
    from translator.review import ImportResult, import_review, review_status, undo_import
    from translator.workflow import detect, run

__all__ = [
    "Document", "Finished", "Glossary", "ImportResult", "RayExecutor", "RunEvent", "RunResult", "Segment", "Started",
    "StatusCounts", "Translated", "__version__", "check_glossary", "detect", "import_review", "load_glossaries",
    "models", "review_status", "run", "undo_import",
]
_HOMES = {
    "translator.workflow": ("run", "detect"),
    "translator.results": ("RunResult", "RunEvent", "Started", "Translated", "Finished"),
    "translator.document": ("Document", "Segment"),
    "translator.glossary": ("Glossary", "load_glossaries", "check_glossary"),
    "translator.review": ("import_review", "undo_import", "review_status", "ImportResult"),
    "translator.ledger": ("StatusCounts",),
    "translator.cluster.executor": ("RayExecutor",),
}
_EXPORTS = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    """Import an exported name from its module the first time it is asked for."""
    if name == "models":
        return importlib.import_module("translator.models")
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'translator' has no attribute {name!r}")
