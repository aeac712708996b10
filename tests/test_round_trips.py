"""Round trips over generated documents: S.json gives back every field, and a review table written as CSV
or DOCX reads back (with `translator review import`'s own readers) as the rows that were written."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from translator.document import Document, Flag, GlossaryHit, Segment, Timing, Translation
from translator.review_readers import csv_table, docx_table
from translator.writers import WRITERS
from translator.writers.review_rows import review_rows, xml_safe

# Any text a decoded input can hold (no lone surrogates), Cyrillic, quotes, separators and line breaks included.
TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)
CELL = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), min_size=1, max_size=40)


@st.composite
def documents(draw: st.DrawFn, text: st.SearchStrategy[str] = TEXT) -> Document:
    segments = []
    for number in range(1, draw(st.integers(1, 5)) + 1):
        source = draw(text)
        segment = Segment(number, draw(st.sampled_from(["turn", "heading", "cue"])), source,
                          speaker=draw(st.none() | text), lang="en", lang_confidence=draw(st.floats(0, 1)),
                          sentences=[source], timing=draw(st.none() | st.builds(Timing, st.integers(0, 10**6),
                                                                                 st.integers(0, 10**6))))
        if draw(st.booleans()):
            translated = draw(text)
            segment.translations["uk"] = Translation(translated, [translated], [(0, 0)],
                                                     draw(st.sampled_from(["machine", "approved"])))
        if draw(st.booleans()):
            segment.glossary.append(GlossaryHit("Aisin", source[:5], "Айсін", "uk", "pinned"))
            segment.flags.append(Flag("glossary-miss", draw(text), "uk"))
        segments.append(segment)
    return Document("talk.en.txt", "transcript", segments, lang="en", targets=["uk"])


@settings(max_examples=60, deadline=None)
@given(documents())
def test_s_json_gives_back_every_field(doc: Document) -> None:
    assert json.loads(WRITERS["json"].render(doc, "en").decode("utf-8")) == json.loads(json.dumps(doc.to_json()))


def _written_rows(doc: Document, xml: bool) -> list[tuple[int, str, str]]:
    """What a returned table should read back as: XML formats make text XML-safe, the readers trim it."""
    def clean(text: str) -> str:
        return (xml_safe(text) if xml else text).replace("\r\n", "\n").replace("\r", "\n").strip()

    return [(row.id, clean(row.source), clean(row.translation)) for row in review_rows(doc, "uk")]


@settings(max_examples=40, deadline=None)
@given(documents(CELL))
def test_a_csv_review_table_reads_back_as_written(doc: Document) -> None:
    target, rows = csv_table.read(Path("talk.en-uk.csv"), WRITERS["csv"].render(doc, "uk"))
    assert target is not None
    assert (target.doc_key, target.src, target.tgt) == ("talk", "en", "uk")
    assert [(row.id, row.source, row.translation) for row in rows] == _written_rows(doc, xml=False)
    assert [row.approved for row in rows] == [row.status == "approved" for row in review_rows(doc, "uk")]


@settings(max_examples=25, deadline=None)
@given(documents(CELL))
def test_a_docx_review_table_reads_back_as_written(doc: Document) -> None:
    target, rows = docx_table.read(Path("renamed.docx"), WRITERS["docx"].render(doc, "uk"))
    assert target is not None
    assert (target.doc_key, target.src, target.tgt) == ("talk", "en", "uk")  # from the file's identifier
    assert [(row.id, row.source, row.translation) for row in rows] == _written_rows(doc, xml=True)
    assert [row.approved for row in rows] == [row.status == "approved" for row in review_rows(doc, "uk")]
