"""Input formats behind one `read(path)`: the extension picks the reader, content sniffing corrects it.

Each reader is a module with two pure functions over text, as pysubs2's formats are classes with
`guess_format` and `from_file`: `guess(text) -> bool` (is this text in my format?) and
`parse(text, path) -> Document`. To add a format: write `translator/readers/NAME.py` with those two
functions (the `Reader` protocol below; mypy checks every module in `READERS` against it), add its extension
to `READERS`, and, if its content can be recognised whatever the file is called, to `SNIFF_ORDER`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

from translator.document import Document, Notice
from translator.readers import ass, srt, transcript, ttml, vtt
from translator.textio import read_text


class Reader(Protocol):
    """What every reader module provides."""

    def guess(self, text: str) -> bool: ...

    def parse(self, text: str, path: str) -> Document: ...


READERS: dict[str, Reader] = {
    ".srt": srt, ".vtt": vtt, ".txt": transcript, ".ttml": ttml, ".dfxp": ttml, ".ass": ass, ".ssa": ass,
}
# Formats recognised by content, most specific first (a WebVTT file may contain SRT-like timing lines).
SNIFF_ORDER: tuple[Reader, ...] = (vtt, ttml, ass, srt)


def reader_for(path: Path, text: str) -> Reader:
    """Subtitle content is recognised whatever the extension says; anything else is a transcript."""
    by_extension = READERS.get(Path(path).suffix.lower())
    if by_extension is not None and by_extension is not transcript:
        return by_extension
    return next((reader for reader in SNIFF_ORDER if reader.guess(text)), transcript)


# Bidirectional embeddings, overrides and isolates: invisible, they reorder the text around them in every
# program that shows it (U+202E turns "gnp.exe" around), and English, Ukrainian and Russian never need them.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def read(path: Path, encoding: str | None = None) -> Document:
    """Read any supported input file into a Document; bidi controls are removed, each line that held one noted."""
    text, used = read_text(path, encoding)
    lines: list[int] = []
    if BIDI_CONTROLS.search(text):
        lines = [number for number, line in enumerate(text.split("\n"), start=1) if BIDI_CONTROLS.search(line)]
        text = BIDI_CONTROLS.sub("", text)
    doc = reader_for(path, text).parse(text, str(path))
    doc.encoding = used
    doc.notices = sorted([*doc.notices, *(Notice(line, "bidirectional control characters removed") for line in lines)],
                         key=lambda notice: notice.line)
    return doc
