"""A cue's formatting as the inline elements CAT tools show as tags: `<bpt>`/`<ept>` around a paired tag's text
(`<i>…</i>`, `<b>`, `<font>`, WebVTT `<v>`/`<c>`) and `<ph>` for a tag that sits at one place (`{\\an8}`), each
holding the tag as written. XLIFF 1.2 and TMX 1.4b share these elements (XLIFF numbers them with `id`, TMX with
`i`), so a translator sees the tags, can move them, and a TMX match keeps them. The text between them is plain."""

from __future__ import annotations

import html
from collections.abc import Callable

from lxml import etree

from translator.subtitles.markup import TAG
from translator.writers.review_rows import xml_safe

Maker = Callable[[etree._Element, str, dict[str, str]], etree._Element]


def fill(element: etree._Element, neutral: str, make: Maker, number: str) -> None:
    """Put `neutral` (a cue's lines in markup's neutral form: escaped text and tags) into `element`: its text
    with inline elements for the tags. `make(parent, tag, attributes)` creates a child in the file's namespace;
    `number` is the attribute that numbers a pair (`id` in XLIFF, `i` in TMX)."""
    last: etree._Element | None = None
    opened: list[tuple[str, str]] = []  # (tag name, number) of the open pairs

    def text(chunk: str) -> None:
        value = xml_safe(html.unescape(chunk))
        if last is None:
            element.text = (element.text or "") + value
        else:
            last.tail = (last.tail or "") + value

    position = 0
    for count, match in enumerate(TAG.finditer(neutral), start=1):
        text(neutral[position:match.start()])
        position = match.end()
        if match["tag"] and not match["close"]:
            opened.append((match["name"].lower(), str(count)))
            last = make(element, "bpt", {number: str(count)})
        elif match["tag"] and any(name == match["name"].lower() for name, _ in opened):
            while opened:
                name, pair = opened.pop()
                if name == match["name"].lower():
                    break
            last = make(element, "ept", {number: pair})
        else:  # `{\an8}`, a karaoke time or a stray closing tag: a placeholder
            last = make(element, "ph", {"id" if number == "id" else "x": str(count)})
        last.text = match.group()
    text(neutral[position:])
