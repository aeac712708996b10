"""Reading back `S.SRC-L.xlf` (the writer is translator/writers/xliff.py) as a CAT tool saved it.

The document and languages come from `<file original source-language target-language>`; a unit counts as
approved when its `approved="yes"` or its target's state is final or signed-off. External entities and the
network are never read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from translator.errors import InputError
from translator.review_readers.rows import (
    NAME,
    ReturnedRow,
    Target,
    join_sentences,
    language,
    returned_row,
    target_from_name,
)

if TYPE_CHECKING:
    from lxml.etree import _Element


def _local(element: object) -> str:
    tag = getattr(element, "tag", "")
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element: _Element) -> str:
    return "".join(part for part in element.itertext() if isinstance(part, str))


def read(path: Path, data: bytes) -> tuple[Target, list[ReturnedRow]]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: not well-formed XML ({exc})") from None
    files = [element for element in root.iter() if _local(element) == "file"]
    if _local(root) != "xliff" or len(files) != 1:
        raise InputError(f"{path}: not an XLIFF file of one document (expected one <file> in <xliff>)")
    file = files[0]
    by_name = target_from_name(path) if NAME.match(path.name) else None
    src, tgt = language(file.get("source-language")), language(file.get("target-language"))
    key = file.get("original") or (by_name.doc_key if by_name else "")
    if not (key and src and tgt):
        raise InputError(f"{path}: the <file> element lacks original, source-language or target-language")
    rows = []
    for unit in file.iter():
        if _local(unit) != "trans-unit":
            continue
        parts = {_local(child): child for child in unit}
        target = parts.get("target")
        state = "approved" if unit.get("approved") == "yes" else (target.get("state", "") if target is not None else "")
        source = parts.get("source")
        rows.append(returned_row(path, f"line {unit.sourceline}", unit.get("id", ""),
                                 _text(source) if source is not None else None,
                                 _text(target) if target is not None else "", state))
    return Target(key, src, tgt), join_sentences(rows)
