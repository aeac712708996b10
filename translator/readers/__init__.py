"""Input formats behind one `read(path)`: the extension picks the reader, content sniffing corrects it.

Each reader module has `guess(text) -> bool` and `parse(text, path) -> Document`, pure functions over text,
like pysubs2's formats.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from translator.document import Document
from translator.textio import read_text

READERS: dict[str, str] = {".srt": "srt", ".vtt": "vtt", ".txt": "transcript"}
SNIFF_ORDER: tuple[str, ...] = ("vtt", "srt")


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"translator.readers.{name}")


def reader_for(path: Path, text: str) -> ModuleType:
    """Subtitle content is recognised whatever the extension says; anything else is a transcript."""
    by_extension = READERS.get(Path(path).suffix.lower())
    if by_extension and by_extension != "transcript":
        return _module(by_extension)
    for name in SNIFF_ORDER:
        module = _module(name)
        if module.guess(text):
            return module
    return _module("transcript")


def read(path: Path, encoding: str | None = None) -> Document:
    """Read any supported input file into a Document."""
    text, used = read_text(path, encoding)
    doc = reader_for(path, text).parse(text, str(path))
    doc.encoding = used
    return doc
