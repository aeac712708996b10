"""TTML input (`.ttml`, `.dfxp`; IMSC, EBU-TT-D, Netflix DFXP, Apple iTT), read by ttconv's IMSC reader.

Every `<p>` with a time becomes a cue, its times resolved through the elements around it (TTML times nest) and
rounded to the millisecond; `<br/>` ends a line; italic, bold and underlined spans keep their tags. A cue in a
region in the upper part of the picture, or in a full-picture region that aligns its text `before`, is read as
placed at the top, `{\\an8}`, as an SRT file carries it. A file ttconv cannot read is refused in one line.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from fractions import Fraction

from ttconv import model
from ttconv import style_properties as styles
from ttconv.imsc import reader as imsc_reader

from translator.document import Document, Notice
from translator.errors import InputError
from translator.readers.timed_cues import BOTTOM, ReadCue, document, escape

_ROOT = re.compile(r"<(?:[\w.-]+:)?tt[\s>]")
_NAMESPACES = ("http://www.w3.org/ns/ttml", "http://www.w3.org/2006/10/ttaf1", "http://www.w3.org/2006/04/ttaf1")
# DFXP drafts named the namespaces differently; ttconv reads the TTML 1 names
_OLD = [(re.escape(old) + suffix, "http://www.w3.org/ns/ttml" + new)
        for old in _NAMESPACES[1:] for suffix, new in (("#style(?:ing)?", "#styling"), ("#parameter", "#parameter"),
                                                       ("#metadata", "#metadata"), ("(?=[\"'])", ""))]


def guess(text: str) -> bool:
    """TTML when the document's root is a `tt` element in a TTML namespace."""
    head = text[:4000]
    return bool(_ROOT.search(head)) and any(namespace in head for namespace in _NAMESPACES)


class _Collect(logging.Handler):
    """ttconv's warnings and errors, kept as notices instead of printed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _quiet() -> Iterator[_Collect]:
    logger = logging.getLogger("ttconv")
    handler, propagate = _Collect(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _ms(seconds: Fraction | int) -> int:
    return int(seconds * 1000 + Fraction(1, 2))


def _pct(length: styles.LengthType | None, default: float) -> float:
    if length is None or length.units is not styles.LengthType.Units.pct:
        return default
    return float(length.value)


def _position(p: model.ContentElement) -> int:
    """The keypad position of a paragraph, from its region's place and alignment."""
    element: model.ContentElement | None = p
    region = None
    while element is not None and region is None:
        region = element.get_region()
        element = element.parent()
    if region is None:
        return BOTTOM
    origin, extent = region.get_style(styles.StyleProperties.Origin), region.get_style(styles.StyleProperties.Extent)
    top = _pct(origin.y if origin else None, 0.0)
    middle = top + _pct(extent.height if extent else None, 100.0 - top) / 2
    align = region.get_style(styles.StyleProperties.DisplayAlign)
    if middle < 40:
        row = 7
    elif middle > 60:
        row = 1
    else:
        row = {styles.DisplayAlignType.before: 7, styles.DisplayAlignType.center: 4}.get(align, 1)
    text_align = p.get_style(styles.StyleProperties.TextAlign) or region.get_style(styles.StyleProperties.TextAlign)
    column = {styles.TextAlignType.start: 0, styles.TextAlignType.end: 2}.get(text_align, 1)
    return row + column


def _styled(name: str, value: object) -> bool:
    """Whether a style value means italic (`i`), bold (`b`) or underlined (`u`)."""
    if name == "i":
        return value in (styles.FontStyleType.italic, styles.FontStyleType.oblique)
    if name == "b":
        return value is styles.FontWeightType.bold
    return bool(getattr(value, "underline", False))


_TAGS = (("i", styles.StyleProperties.FontStyle), ("b", styles.StyleProperties.FontWeight),
         ("u", styles.StyleProperties.TextDecoration))


def _text(element: model.ContentElement, out: list[str]) -> None:
    """The element's text in SRT markup, `\\n` for each `<br/>`."""
    if isinstance(element, model.Br):
        out.append("\n")
        return
    if isinstance(element, model.Text):
        out.append(escape(re.sub(r"[ \t\r\n]+", " ", element.get_text())))
        return
    tags = [name for name, prop in _TAGS if element.has_style(prop) and _styled(name, element.get_style(prop))]
    out.extend(f"<{name}>" for name in tags)
    for child in element:
        _text(child, out)
    out.extend(f"</{name}>" for name in reversed(tags))


def _cues(element: model.ContentElement, begin: Fraction, end: Fraction | None, found: list[ReadCue]) -> None:
    """Each `<p>` under `element`, its times made absolute (a child's times count from its parent's begin)."""
    for child in element:
        start = begin + (child.get_begin() or 0)
        stop = begin + child.get_end() if child.get_end() is not None else end
        if isinstance(child, model.P):
            if stop is None:
                continue
            out: list[str] = []
            _text(child, out)
            lines = tuple(" ".join(line.split()) for line in "".join(out).split("\n"))
            found.append(ReadCue(_ms(start), _ms(stop), lines, _position(child), len(found) + 1))
        elif isinstance(child, (model.Div, model.Body)):
            _cues(child, start, stop, found)


def parse(text: str, path: str) -> Document:
    """Read a TTML file into cue segments, the same as an SRT file of the same cues."""
    for old, new in _OLD:
        text = re.sub(old, new, text)
    try:
        tree = ET.ElementTree(ET.fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", text)))
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else 1
        raise InputError(f"{path}: line {line}: not well-formed XML ({str(exc).split(':')[0]})") from None
    with _quiet() as log:
        try:
            doc = imsc_reader.to_model(tree)
        except Exception as exc:  # ttconv raises what its parsers raise on values it cannot read
            raise InputError(f"{path}: not a TTML document ttconv can read ({exc})") from None
    if doc is None or doc.get_body() is None:
        why = log.messages[-1] if log.messages else "no body"
        raise InputError(f"{path}: not a TTML document ttconv can read ({why})")
    found: list[ReadCue] = []
    body = doc.get_body()
    start = body.get_begin() or Fraction(0)
    _cues(body, start, body.get_end(), found)
    if not found:
        raise InputError(f"{path}: no timed paragraph (<p begin=… end=…>) in the TTML document")
    notices = [Notice(1, f"ttconv: {message}") for message in dict.fromkeys(log.messages)]
    return document(path, "ttml", found, notices)
