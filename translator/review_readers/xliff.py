"""Reading back `S.SRC-L.xlf` (the writer is translator/writers/xliff.py) as a CAT tool saved it.

The document and languages come from `<file original source-language target-language>`; a unit counts as
approved when its `approved="yes"` or its target's state is final or signed-off. The file is read as a stream
(xmlstream): a 60 MiB XLIFF costs its text, not a tree. External entities and the network are never read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from translator.errors import InputError
from translator.review_readers.rows import (
    ReturnedRow,
    Target,
    join_sentences,
    language,
    returned_row,
    target_from_name,
)
from translator.review_readers.xmlstream import TagReader, Text, feed_lines


def _local(tag: Text) -> str:
    text = tag if isinstance(tag, str) else tag.decode()
    return text.rsplit("}", 1)[-1]


@dataclass
class _Unit:
    """A trans-unit as read so far: its attributes, where it starts, and its source and target text."""

    id: str
    approved: bool
    line: int
    texts: dict[str, list[str]] = field(default_factory=dict)  # "source"/"target" → text pieces
    state: str = ""


# Inline elements that hold a tag as written (`<bpt>&lt;i&gt;</bpt>`): markup, not text of the translation.
_NATIVE_CODE = frozenset({"bpt", "ept", "ph", "it"})


class _XliffReader(TagReader):
    """The one <file>'s attributes and every trans-unit's source, target and state (an xmlstream target: the
    document is never a tree in memory)."""

    def __init__(self) -> None:
        self.root = ""
        self.files: list[dict[str, str]] = []
        self.units: list[_Unit] = []
        self.path: list[str] = []  # local names of the open elements
        self.unit: _Unit | None = None
        self.part = ""  # "source" or "target" while inside the current unit's child of that name

    def start(self, tag: Text, attrib: dict[Text, Text]) -> None:
        name = _local(tag)
        attributes = {_local(key): str(value) for key, value in attrib.items()}
        if not self.path:
            self.root = name
        if name == "file":
            self.files.append(attributes)
        elif name == "trans-unit":  # one inside another's <source> starts afresh: its text is not that source's
            self.part = ""
            self.unit = _Unit(attributes.get("id", ""), attributes.get("approved") == "yes", self.line)
            self.units.append(self.unit)
        elif self.unit is not None and self.path[-1] == "trans-unit" and name in ("source", "target"):
            self.part = name
            self.unit.texts[name] = []  # a repeated child counts as the last one, as a dict of children did
            if name == "target":
                self.unit.state = attributes.get("state", "")
        self.path.append(name)

    def end(self, tag: Text) -> None:
        name = self.path.pop()
        if name == "trans-unit":
            self.unit = None
        elif self.path and self.path[-1] == "trans-unit" and name == self.part:
            self.part = ""

    def data(self, data: Text) -> None:
        if self.unit is not None and self.part and not _NATIVE_CODE.intersection(self.path):
            self.unit.texts[self.part].append(str(data))


def read(path: Path, data: bytes) -> tuple[Target | None, list[ReturnedRow]]:
    reader = _XliffReader()
    try:
        feed_lines(data, reader)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: not well-formed XML ({exc})") from None
    if reader.root != "xliff" or len(reader.files) != 1:
        raise InputError(f"{path}: not an XLIFF file of one document (expected one <file> in <xliff>)")
    file = reader.files[0]
    by_name = target_from_name(path)
    src, tgt = language(file.get("source-language")), language(file.get("target-language"))
    key = file.get("original") or (by_name.doc_key if by_name else "")
    if not (key and src and tgt):
        raise InputError(f"{path}: the <file> element lacks original, source-language or target-language")
    rows = []
    for unit in reader.units:
        source, target = unit.texts.get("source"), unit.texts.get("target")
        state = "approved" if unit.approved else (unit.state if target is not None else "")
        rows.append(returned_row(path, f"line {unit.line}", unit.id, None if source is None else "".join(source),
                                 "".join(target or []), state))
    return Target(key, src, tgt), join_sentences(rows)
