"""Cues as a ttconv document model, the one the TTML/IMSC and iTT writers hand to ttconv's IMSC writer.

Built from the model, not written as XML by hand: ttconv (Sandflow) writes the XML, namespaces and time
expressions. Each cue is a `<p>` in the region of its position (`region_id`: `bottom`, `top`, `middle`, with
`-left`/`-right`), whose `tts:displayAlign` is `after`, `before` or `center`, so a caption placed at the top
(`{\\an8}`, WebVTT `line:0`) is shown at the top. Italic, bold and underlined spans are kept; other tags are
dropped, their text kept.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from fractions import Fraction

from ttconv import model
from ttconv import style_properties as styles
from ttconv.imsc import config as imsc_config
from ttconv.imsc import writer as imsc_writer

from translator.subtitles.cues import OutCue
from translator.subtitles.markup import TAG, to_dialect
from translator.subtitles.position import alignment

_DISPLAY = {0: styles.DisplayAlignType.after, 1: styles.DisplayAlignType.center, 2: styles.DisplayAlignType.before}
_TEXT = {0: styles.TextAlignType.start, 1: styles.TextAlignType.center, 2: styles.TextAlignType.end}
_ROWS = {0: "bottom", 1: "middle", 2: "top"}
_COLUMNS = {0: "-left", 1: "", 2: "-right"}
SAFE_AREA = 10  # percent of the frame left clear on each side, as ttconv's own SRT reader does


def region_id(position: int) -> str:
    """`bottom`, `top`, `middle-left`...: iTT and Final Cut Pro name their regions top and bottom."""
    row, column = divmod(position - 1, 3)
    return _ROWS[row] + _COLUMNS[column]


def _region(doc: model.ContentDocument, position: int) -> model.Region:
    found = doc.get_region(region_id(position))
    if found is not None:
        return found
    row, column = divmod(position - 1, 3)
    region = model.Region(region_id(position), doc)
    pct = styles.LengthType.Units.pct
    region.set_style(styles.StyleProperties.Origin,
                     styles.CoordinateType(styles.LengthType(SAFE_AREA, pct), styles.LengthType(SAFE_AREA, pct)))
    region.set_style(styles.StyleProperties.Extent, styles.ExtentType(
        height=styles.LengthType(100 - 2 * SAFE_AREA, pct), width=styles.LengthType(100 - 2 * SAFE_AREA, pct)))
    region.set_style(styles.StyleProperties.DisplayAlign, _DISPLAY[row])
    region.set_style(styles.StyleProperties.TextAlign, _TEXT[column])
    doc.put_region(region)
    return region


_STYLE_TAGS = {
    "i": (styles.StyleProperties.FontStyle, styles.FontStyleType.italic),
    "b": (styles.StyleProperties.FontWeight, styles.FontWeightType.bold),
    "u": (styles.StyleProperties.TextDecoration, styles.TextDecorationType(underline=True)),
}


def _line_spans(doc: model.ContentDocument, marked: str) -> list[model.Span]:
    """One marked line as spans of plain text, each styled by the `<i>`/`<b>`/`<u>` tags around it."""
    neutral = to_dialect(marked, "vtt")  # escaped text and the tags WebVTT knows; ASS overrides gone
    spans: list[model.Span] = []
    active: list[str] = []
    position = 0

    def text(chunk: str) -> None:
        plain = html.unescape(chunk)
        if not plain:
            return
        span = model.Span(doc)
        for name in dict.fromkeys(active):
            prop, value = _STYLE_TAGS[name]
            span.set_style(prop, value)
        node = model.Text(doc, plain)
        span.push_child(node)
        spans.append(span)

    for match in TAG.finditer(neutral):
        text(neutral[position:match.start()])
        position = match.end()
        name = (match["name"] or "").lower()
        if match["tag"] and name in _STYLE_TAGS:
            if match["close"]:
                if name in active:
                    del active[len(active) - 1 - active[::-1].index(name)]
            else:
                active.append(name)
    text(neutral[position:])
    return spans


def cue_lines(cue: OutCue) -> list[str]:
    """The cue's marked lines that show something."""
    return [line for line in cue.marked if to_dialect(line, "srt").strip()]


def build(cues: Iterable[OutCue], lang: str, times: dict[int, tuple[Fraction, Fraction]] | None = None
          ) -> model.ContentDocument:
    """The ttconv model of `cues` in `lang`; `times` overrides a cue's (begin, end) in seconds by its index."""
    doc = model.ContentDocument()
    doc.set_lang(lang)
    body = model.Body(doc)
    doc.set_body(body)
    div = model.Div(doc)
    body.push_child(div)
    for index, cue in enumerate(cues):
        p = model.P(doc)
        begin, end = (times or {}).get(index, (Fraction(cue.start_ms, 1000), Fraction(cue.end_ms, 1000)))
        p.set_begin(begin)
        p.set_end(end)
        p.set_region(_region(doc, alignment(cue)))
        for number, line in enumerate(cue_lines(cue)):
            if number:
                p.push_child(model.Br(doc))
            for span in _line_spans(doc, line):
                p.push_child(span)
        div.push_child(p)
    return doc


def to_xml(doc: model.ContentDocument, config: imsc_config.IMSCWriterConfiguration | None = None) -> ET.Element:
    """ttconv's IMSC document for the model."""
    root: ET.Element = imsc_writer.from_model(doc, config).getroot()
    return root


def serialise(root: ET.Element) -> bytes:
    """UTF-8 with an XML declaration. Not indented: whitespace inside a `<p>` is text to a TTML reader."""
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
