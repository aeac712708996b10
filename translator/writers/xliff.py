"""`S.SRC-L.xlf`: XLIFF 1.2 for CAT tools, one `trans-unit` per sentence with the review state of its target: a
transcript paragraph of three sentences is units `7.1` to `7.3`, a subtitle sentence has its whole translation,
however many cues it runs over (see `sentence_units`).

Unit ids are the segment ids (or cue spans), so `translator review import` matches a returned file back unit by
unit; the
`file` element's `original` is the document key. Machine output, flagged or not, is
`state="needs-review-translation"` with `state-qualifier="mt-suggestion"` (the flags as notes), so no CAT tool takes
unreviewed machine text for done; a reviewer's approved correction is `final` (also `approved="yes"`).
"""

from __future__ import annotations

import html

from lxml import etree

from translator._version import __version__
from translator.document import Document, document_key
from translator.writers.inline import fill
from translator.writers.language import source_language
from translator.writers.review_rows import TOOL_NAME, xml_safe
from translator.writers.views import Views

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
MACHINE = {"state": "needs-review-translation", "state-qualifier": "mt-suggestion"}
APPROVED = {"state": "final"}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _el(
    parent: etree._Element, tag: str, attrib: dict[str, str] | None = None, text: str | None = None
) -> etree._Element:
    element = etree.SubElement(parent, f"{{{NAMESPACE}}}{tag}", attrib or {})
    if text is not None:
        element.text = xml_safe(text)
    return element


def _make(parent: etree._Element, tag: str, attrib: dict[str, str]) -> etree._Element:
    return _el(parent, tag, attrib)


def render(doc: Document, lang: str, views: Views) -> bytes:
    """`S.SRC-L.xlf`: each target the machine translation (or the approved correction), with its state."""
    return document(doc, lang, views)


def document(doc: Document, lang: str, views: Views, *, omegat: bool = False) -> bytes:
    """The XLIFF of the document's sentence units. `omegat`: each `<target>` a copy of its `<source>` and no
    states, as OmegaT expects the XLIFF it translates (its XLIFF filter translates the `<target>`'s text: a
    machine text there would be taken for the source); the translations reach OmegaT as TMX (`writers.omegat`)."""
    root = etree.Element(f"{{{NAMESPACE}}}xliff", {"version": "1.2"}, nsmap={None: NAMESPACE})  # type: ignore[dict-item]  # None: the default namespace
    file = _el(
        root,
        "file",
        {
            "original": document_key(doc),
            "source-language": source_language(doc),
            "target-language": lang,
            "datatype": "plaintext",
            "tool-id": TOOL_NAME,
        },
    )
    header = _el(file, "header")
    _el(header, "tool", {"tool-id": TOOL_NAME, "tool-name": TOOL_NAME, "tool-version": __version__})
    body = _el(file, "body")
    pending: list[tuple[etree._Element, str]] = []  # filled after indenting: their text is mixed content
    for row in views.sentence_units:
        unit = _el(body, "trans-unit", {"id": str(row.id), _XML_SPACE: "preserve"})
        plain = html.escape(row.source, quote=False)
        source_marked = plain if omegat else row.source_marked or plain  # OmegaT: see writers.omegat
        target_marked = source_marked if omegat else row.target_marked or html.escape(row.translation, quote=False)
        if not omegat and row.status == "approved":
            unit.set("approved", "yes")
        pending.append((_el(unit, "source"), source_marked))
        states = {} if omegat else APPROVED if row.status == "approved" else MACHINE
        pending.append((_el(unit, "target", states), target_marked))
        if row.speaker:
            group = _el(unit, "context-group", {"purpose": "information"})
            _el(group, "context", {"context-type": "x-speaker"}, row.speaker)
        if row.comment:
            _el(unit, "note", {"from": TOOL_NAME, "annotates": "target"}, row.comment)
    etree.indent(root, space="  ")
    for element, marked in pending:
        fill(element, marked, _make, "id")
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"
