"""A document's name: the stem S its outputs (`S.L.srt`, `S.SRC-L.csv`, `S.json`) and its records in the memory
go by. `talk.en.txt` and `talk.uk.txt` both reduce to `talk`; were both translated into one --out, the second
would overwrite the first's outputs and file its records (and a reviewer's corrections) under the first's name.
So two inputs of one run may not share a name, and a name translated from one source language may not be
reused for a document in another: the run is refused, naming both files, before anything is written.
"""

from __future__ import annotations

from pathlib import Path

from translator.document import Document, document_key, key_for_path
from translator.errors import UsageError
from translator.ledger import RunLedger


def refuse_shared_names(paths: list[Path]) -> None:
    """Two different inputs of one run whose names reduce to the same S."""
    seen: dict[str, Path] = {}
    for path in paths:
        key = key_for_path(path)
        other = seen.setdefault(key, path)
        if other.resolve() != path.resolve():
            raise UsageError(f"{other} and {path} would both be written as {key}.* (the language suffix is not part "
                             "of the name); rename one, or translate them into different --out folders")


def refuse_other_document(doc: Document, ledger: RunLedger) -> None:
    """A document whose name this memory already holds for a document in another source language."""
    key = document_key(doc)
    known = ledger.document(key)
    if known is not None and doc.lang and known[1] != doc.lang:
        raise UsageError(f"{doc.path} ({doc.lang}) would be written as {key}.*, the name of {known[0]} ({known[1]}) "
                         f"translated with this memory before; rename one, or translate it into another --out")
