"""`S.SRC-L.tmx`: a TMX 1.4b translation memory of one language pair, for OmegaT, Trados and memoQ.

Each aligned piece of a segment (usually one sentence) is a translation unit; a segment whose alignment is too
coarse to cut is one unit marked `segtype="paragraph"`. The header carries every attribute TMX 1.4b requires
and no creation date, so the same input gives a byte-identical file. Units carry the segment id, speaker and
review status as `x-` properties, and the review table's comment (the reviewer's, then the flags') as a
`<note>`. Segments already in the target language are left out: they are no pair.
For a subtitle input the units are whole sentences, however many cues they run over (see `sentence_units`);
their `tuid` and `x-segment` name the cues.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from translator._version import __version__
from translator.document import Document, document_key
from translator.review_model import review_row
from translator.writers.inline import fill
from translator.writers.language import source_language
from translator.writers.review_rows import TOOL_NAME, sentence_pairs, xml_safe
from translator.writers.sentence_units import SentenceUnit
from translator.writers.views import Views

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


Pending = list[tuple[etree._Element, str]]  # segs with tags, filled after indenting (their text is mixed content)


def _tuv(tu: etree._Element, lang: str, text: str, marked: str = "", pending: Pending | None = None) -> None:
    tuv = etree.SubElement(tu, "tuv", {_XML_LANG: lang})
    seg = etree.SubElement(tuv, "seg")
    if marked and pending is not None:
        pending.append((seg, marked))  # the cue's tags as <bpt>/<ept>/<ph>
    else:
        seg.text = xml_safe(text)


def _prop(tu: etree._Element, kind: str, value: str) -> None:
    etree.SubElement(tu, "prop", {"type": kind}).text = xml_safe(value)


def _unit(body: etree._Element, tuid: str, segment: str, props: dict[str, str]) -> etree._Element:
    tu = etree.SubElement(body, "tu", {"tuid": tuid})
    _prop(tu, "x-document", props["document"])
    _prop(tu, "x-segment", segment)
    if props["speaker"]:
        _prop(tu, "x-speaker", props["speaker"])
    _prop(tu, "x-status", props["status"])
    if props["comment"]:  # the reviewer's comment and the flags' messages, as in the review table's comment column
        etree.SubElement(tu, "note").text = xml_safe(props["comment"])
    return tu


def _segment_units(body: etree._Element, doc: Document, lang: str) -> None:
    for segment in doc.segments:
        translation = segment.translations.get(lang)
        if translation is None or translation.origin == "kept":
            continue  # nothing was translated: the segment is already in the target language
        row = review_row(segment, lang)
        pieces = [(s, t) for s, t in sentence_pairs(segment, lang) if s.strip() and t.strip()]
        props = {"document": document_key(doc), "speaker": row.speaker, "status": row.status, "comment": row.comment}
        for number, (source, target) in enumerate(pieces, start=1):
            tu = _unit(body, f"{segment.id}.{number}", str(segment.id), props)
            if len(pieces) == 1 and len(segment.sentences) > 1:
                tu.set("segtype", "paragraph")
            _tuv(tu, segment.lang or source_language(doc), source)
            _tuv(tu, lang, target)


def _subtitle_units(body: etree._Element, doc: Document, lang: str, units: Iterable[SentenceUnit],
                    pending: Pending) -> None:
    for unit in units:
        if unit.kept or not (unit.source.strip() and unit.translation.strip()):
            continue
        props = {"document": document_key(doc), "speaker": unit.speaker, "status": unit.status,
                 "comment": unit.comment}
        tu = _unit(body, unit.id, unit.id.split(".")[0], props)
        _tuv(tu, unit.source_lang or source_language(doc), unit.source, unit.source_marked, pending)
        _tuv(tu, lang, unit.translation, unit.target_marked, pending)


def render(doc: Document, lang: str, views: Views) -> bytes:
    root, body = _memory(doc)
    pending: Pending = []
    if doc.is_subtitles:
        _subtitle_units(body, doc, lang, views.sentence_units, pending)
    else:
        _segment_units(body, doc, lang)
    return _bytes(root, pending)


def sentence_memory(doc: Document, lang: str, units: Iterable[SentenceUnit]) -> bytes:
    """A TMX of these sentence units (the OmegaT project's machine and approved memories)."""
    root, body = _memory(doc)
    pending: Pending = []
    _subtitle_units(body, doc, lang, units, pending)
    return _bytes(root, pending)


def _bytes(root: etree._Element, pending: Pending) -> bytes:
    etree.indent(root, space="  ")
    for seg, marked in pending:
        fill(seg, marked, etree.SubElement, "i")
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def _memory(doc: Document) -> tuple[etree._Element, etree._Element]:
    src = source_language(doc)
    root = etree.Element("tmx", {"version": "1.4"})
    etree.SubElement(root, "header", {
        "creationtool": TOOL_NAME,
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": TOOL_NAME,
        "adminlang": "en",
        "srclang": src,
        "datatype": "plaintext",
        "o-encoding": "UTF-8",
    })
    return root, etree.SubElement(root, "body")
