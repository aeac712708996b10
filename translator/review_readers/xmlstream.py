"""XML read as a stream of tags and text, building no tree: memory stays bounded whatever a file holds.

A returned review file comes from a stranger's tool: 63 MiB of empty elements in a DOCX, or a 60 MiB XLIFF, once
took 2 GB as lxml trees. An lxml parser with a `target` calls the target's `start`, `end` and `data` as it reads
and keeps nothing itself. Entities are not resolved and neither a DTD nor the network is read.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

Text = str | bytes  # what lxml's parser-target protocol declares; a parse of bytes passes str


class TagReader:
    """What every parser target has; comments are not text. `line` is the line being read when the parser
    calls the target (`feed_lines` keeps it), for messages that point a reviewer at a unit."""

    line = 0

    def start(self, tag: Text, attrib: dict[Text, Text]) -> None:
        pass

    def end(self, tag: Text) -> None:
        pass

    def data(self, data: Text) -> None:
        pass

    def comment(self, text: Text) -> None:
        pass

    def close(self) -> object:
        return None


def parser_for(target: TagReader) -> etree.XMLParser:
    return etree.XMLParser(target=target, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def feed(chunks: Iterable[bytes], target: TagReader) -> None:
    """Parse `chunks` into `target`; raises etree.XMLSyntaxError for XML that is not well-formed."""
    parser = parser_for(target)
    for chunk in chunks:
        parser.feed(chunk)
    parser.close()


def feed_lines(data: bytes, target: TagReader) -> None:
    """Parse `data` line by line, telling the target which line it is on."""
    parser = parser_for(target)
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        target.line = number
        parser.feed(line)
    parser.close()
