"""The hand-off writers: review table rows, CSV, Markdown, HTML, DOCX, TMX, XLIFF and JSON.

Documents are built by hand; every file is read back with an independent reader (csv, python-docx, lxml,
translate-toolkit) rather than compared with a string we wrote ourselves.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from copy import deepcopy
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html
from translate.storage import tmx, xliff

from translator.document import Document, Flag, GlossaryHit, Segment, Timing, Translation
from translator.review_model import COLUMNS, from_cell, is_dialogue_cell, to_cell
from translator.review_readers import docx_table as docx_reader
from translator.writers import WRITERS, docx_table
from translator.writers.markdown import cell as md_cell
from translator.writers.review_rows import review_rows, sentence_pairs, xml_safe

SCRIPT = "<script>alert('x')</script>"


def sample_doc() -> Document:
    """Six segments covering every case a review file shows: machine, glossary, flags, approved, cue, kept."""
    aysin = GlossaryHit("Aysin", "Aysin", "Айсін", "uk", "pinned")
    missed = GlossaryHit("SOCAR", "SOCAR", "SOCAR", "uk", "missed")
    segments = [
        Segment(1, "title", f"Interview {SCRIPT} & more", sentences=[f"Interview {SCRIPT} & more"], lang="en",
                translations={"uk": Translation(f"Інтерв'ю {SCRIPT} і більше", [f"Інтерв'ю {SCRIPT} і більше"],
                                                [(0, 0)])}),
        Segment(2, "turn", 'Hello, Aysin! I say "yes".', speaker="Ruslan Aysin", lang="en",
                sentences=["Hello, Aysin!", 'I say "yes".'],
                translations={"uk": Translation('Привіт, Айсіне! Я кажу "так".', ["Привіт, Айсіне!", 'Я кажу "так".'],
                                                [(0, 0), (1, 1)])},
                glossary=[aysin]),
        Segment(3, "turn", "SOCAR was hit. Again.", speaker="Barvynenko", lang="en",
                sentences=["SOCAR was hit.", "Again."],
                translations={"uk": Translation("Знову вдарили по СОКАР.", ["Знову вдарили по СОКАР."],
                                                [(0, 0), (1, 0)])},
                flags=[Flag("glossary-miss", "glossary term SOCAR not kept as SOCAR", "uk"),
                       Flag("lang-uncertain", "language uncertain (en 0.61)")],
                glossary=[missed]),
        Segment(4, "turn", "Thank you.", speaker="Aysin", lang="en", sentences=["Thank you."],
                translations={"uk": Translation("Дякую вам.", ["Дякую вам."], [(0, 0)], "approved")}),
        Segment(5, "cue", "- Dialogue | with pipe\n- second line", lang="en", timing=Timing(1000, 2500),
                sentences=["- Dialogue | with pipe", "- second line"],
                translations={"uk": Translation("- Діалог | з рискою\n- другий рядок",
                                                ["- Діалог | з рискою", "- другий рядок"], [(0, 0), (1, 1)])},
                flags=[Flag("reading-speed", "too fast to read: 31 characters a second", "uk")]),
        Segment(6, "turn", "Слава Україні!", speaker="Aysin", lang="uk", sentences=["Слава Україні!"],
                translations={"uk": Translation("Слава Україні!", ["Слава Україні!"], [(0, 0)], "kept")},
                flags=[Flag("untranslated", "not translated into ru", "ru")]),
    ]
    return Document("in/interview-aisin.en.txt", "transcript", segments, lang="en", targets=["uk"])


def render(name: str, doc: Document | None = None, lang: str = "uk") -> bytes:
    return WRITERS[name].render(doc or sample_doc(), lang)


def _elements(node: etree._Element, path: str) -> list[lxml_html.HtmlElement]:
    """The HTML elements `path` selects, checked: lxml types what xpath returns as any value XPath can give."""
    found = node.xpath(path)
    assert isinstance(found, list)
    elements = [item for item in found if isinstance(item, lxml_html.HtmlElement)]
    assert len(elements) == len(found), found
    return elements


def _attribute(element: etree._Element | None, name: str) -> str:
    """A DOCX element's attribute `name` (a prefixed name such as w:w), which both must exist."""
    assert element is not None, name
    value = element.get(qn(name))
    assert value is not None, name
    return value


# Review rows ---------------------------------------------------------------------------------------------

def test_rows_status_and_comment_follow_origin_and_flags() -> None:
    rows = review_rows(sample_doc(), "uk")
    assert [row.id for row in rows] == [1, 2, 3, 4, 5, 6]
    assert [row.status for row in rows] == ["machine", "machine", "flagged", "approved", "flagged", "machine"]
    assert rows[2].comment == "glossary term SOCAR not kept as SOCAR; language uncertain (en 0.61)"
    assert rows[5].comment == ""  # its flag concerns Russian only
    assert rows[1].speaker == "Ruslan Aysin" and rows[0].speaker == ""


def test_sentence_pairs_follow_alignment_and_fall_back_to_the_whole_segment() -> None:
    doc = sample_doc()
    assert sentence_pairs(doc.segments[1], "uk") == [("Hello, Aysin!", "Привіт, Айсіне!"),
                                                    ('I say "yes".', 'Я кажу "так".')]
    assert sentence_pairs(doc.segments[2], "uk") == [("SOCAR was hit. Again.", "Знову вдарили по СОКАР.")]
    assert sentence_pairs(doc.segments[0], "ru") == [(doc.segments[0].text, "")]
    partial = Segment(9, "cue", "One. Two.", sentences=["One.", "Two."],
                      translations={"uk": Translation("Один.", ["Один."], [(0, 0)])})
    assert sentence_pairs(partial, "uk") == [("One. Two.", "Один.")]


@given(st.lists(st.integers(1, 3), min_size=1, max_size=6), st.lists(st.integers(1, 3), min_size=1, max_size=6))
def test_sentence_pairs_cover_every_sentence_once_in_order(src_sizes: list[int], tgt_sizes: list[int]) -> None:
    """For any monotone bead alignment (n source ↔ m target sentences), pieces rebuild both texts in order."""
    beads = list(zip(src_sizes, tgt_sizes))
    source = [f"s{i}." for i in range(sum(s for s, _ in beads))]
    target = [f"t{i}." for i in range(sum(t for _, t in beads))]
    alignment, si, ti = [], 0, 0
    for s, t in beads:
        alignment += [(si + a, ti + b) for a in range(s) for b in range(t)]
        si, ti = si + s, ti + t
    segment = Segment(1, "turn", " ".join(source), sentences=source,
                      translations={"uk": Translation(" ".join(target), target, alignment)})
    pieces = sentence_pairs(segment, "uk")
    assert len(pieces) == len(beads)
    assert " ".join(s for s, _ in pieces) == " ".join(source)
    assert " ".join(t for _, t in pieces) == " ".join(target)


# CSV -----------------------------------------------------------------------------------------------------

def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_has_the_header_bom_and_crlf_and_reads_back() -> None:
    data = render("csv")
    assert data.startswith(b"\xef\xbb\xbfid,speaker,source,translation,comment,status\r\n")
    table = read_csv(data)
    assert table[0] == list(COLUMNS)
    assert [row[0] for row in table[1:]] == ["1", "2", "3", "4", "5", "6"]
    assert table[2][2] == 'Hello, Aysin! I say "yes".'
    assert table[3][4] == "glossary term SOCAR not kept as SOCAR; language uncertain (en 0.61)"
    assert table[5][2] == "'- Dialogue | with pipe\n- second line"  # no spreadsheet formula
    assert [from_cell(c) for c in table[5]][3] == "- Діалог | з рискою\n- другий рядок"
    assert [row[5] for row in table[1:]] == ["machine", "machine", "flagged", "approved", "flagged", "machine"]


text_cells = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=40)


@given(text_cells)
def test_formula_escape_is_reversible_and_neutralises(text: str) -> None:
    cell = to_cell(text)
    assert from_cell(cell) == text
    assert not cell.startswith(("=", "+", "-", "@")) or is_dialogue_cell(cell)


def test_a_dialogue_dash_is_no_formula_and_gets_no_quote() -> None:
    """LibreOffice shows a CSV cell's leading `'` as text: a dialogue line keeps its dash as written."""
    assert to_cell("- Привіт!\n- Добрий день.") == "- Привіт!\n- Добрий день."
    assert to_cell("— Так.") == "— Так." and to_cell("+ more") == "+ more"
    for formula in ("=1+1", "-2+3", "+A1", "@SUM(A1)", "- 2+3", "-cmd|' /C calc'!A0", "- x+cmd|' /C calc'!A0",
                    "- A1=1", "-\tA"):
        assert to_cell(formula) == "'" + formula, formula


@settings(max_examples=60)
@given(st.lists(st.tuples(text_cells, text_cells, text_cells), min_size=1, max_size=5))
def test_csv_round_trips_any_text(rows: list[tuple[str, str, str]]) -> None:
    segments = [Segment(i, "turn", source, speaker=speaker or None,
                        translations={"uk": Translation(target, [target], [(0, 0)])})
                for i, (speaker, source, target) in enumerate(rows, start=1)]
    doc = Document("x.txt", "transcript", segments, lang="en", targets=["uk"])
    table = [[from_cell(c) for c in row] for row in read_csv(render("csv", doc))]
    assert [tuple(row[1:4]) for row in table[1:]] == rows


# Markdown ------------------------------------------------------------------------------------------------

def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)(?:\\\\)*\|", line))


@given(text_cells)
def test_markdown_cell_never_breaks_the_row(text: str) -> None:
    cell = md_cell(text)
    assert "\n" not in cell and "\r" not in cell
    assert _unescaped_pipes(f"| {cell} |") == 2


def test_markdown_table_has_one_row_per_segment() -> None:
    lines = render("md").decode("utf-8").splitlines()
    rows = [line for line in lines if line.startswith("| ")]
    assert rows[0] == "| # | Speaker | English | Ukrainian | Notes |"
    assert rows[1] == "| ---: | --- | --- | --- | --- |"
    assert [row.split(" ")[1] for row in rows[2:]] == ["1", "2", "3", "4", "5", "6"]
    assert all(_unescaped_pipes(row) == 6 for row in rows)
    assert rows[6] == ("| 5 |  | - Dialogue \\| with pipe<br>- second line | - Діалог \\| з рискою<br>- другий рядок "
                       "| too fast to read: 31 characters a second |")


DANGEROUS = ("<script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) "
             "![i](javascript:x) <javascript:alert(1)> a \\[b](javascript:y) & &lt;")


def test_markdown_passes_no_html_and_no_link_through() -> None:
    from markdown_it import MarkdownIt

    doc = sample_doc()
    doc.segments[1].translations["uk"] = Translation(DANGEROUS, [DANGEROUS], [(0, 0)])
    rendered = MarkdownIt("commonmark").enable("table").render(render("md", doc).decode("utf-8"))
    tree = lxml_html.fromstring(f"<div>{rendered}</div>")
    assert not tree.xpath("//script | //img | //a"), rendered
    cell = _elements(tree, "//tbody/tr[2]/td[4]")[0]
    assert cell.text_content() == DANGEROUS  # shown exactly as written


@given(st.text(alphabet="ab Яя<>[]()!&;|#:/=\"'-.", max_size=40))
def test_markdown_cell_shows_exactly_its_text(text: str) -> None:
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").enable("table").render(f"| a |\n| --- |\n| {md_cell(text)} |\n")
    tree = lxml_html.fromstring(f"<div>{rendered}</div>")
    assert not tree.xpath("//script | //img | //a")
    assert " ".join(str(tree.xpath("string(//tbody/tr/td)")).split()) == " ".join(text.split())


# TMX -----------------------------------------------------------------------------------------------------

def test_tmx_has_the_required_header_and_reads_back_with_translate_toolkit() -> None:
    data = render("tmx")
    header = etree.fromstring(data).find("header")
    assert header is not None
    for attribute in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attribute), attribute
    assert header.get("srclang") == "en" and header.get("creationdate") is None
    store = tmx.tmxfile(io.BytesIO(data))
    pairs = [(unit.source, unit.target) for unit in store.units]
    assert ("Hello, Aysin!", "Привіт, Айсіне!") in pairs
    assert (f"Interview {SCRIPT} & more", f"Інтерв'ю {SCRIPT} і більше") in pairs
    assert ("SOCAR was hit. Again.", "Знову вдарили по СОКАР.") in pairs
    assert "Слава Україні!" not in {source for source, _ in pairs}  # kept: no translation pair
    languages = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in etree.fromstring(data).iter("tuv")}
    assert languages == {"en", "uk"}


# XLIFF ---------------------------------------------------------------------------------------------------

def test_xliff_states_ids_and_notes_read_back_with_translate_toolkit() -> None:
    store: xliff.xlifffile[xliff.Xliff1Unit] = xliff.xlifffile(io.BytesIO(render("xlf")))
    units = {unit.xmlelement.get("id"): unit for unit in store.units}
    assert list(units) == ["1", "2.1", "2.2", "3", "4", "5", "6"]  # a unit a sentence (or aligned pair)
    assert units["1"].source == f"Interview {SCRIPT} & more"
    assert (units["2.2"].source, units["2.2"].target) == ('I say "yes".', 'Я кажу "так".')
    assert units["3"].target == "Знову вдарили по СОКАР."  # two sentences translated as one stay one unit
    assert units["5"].target == "- Діалог | з рискою\n- другий рядок"  # a dialogue's lines stay one unit
    states = {uid: unit.xmlelement.find("{*}target").get("state") for uid, unit in units.items()}
    review = "needs-review-translation"  # machine output is never "translated": a person has not seen it
    assert states == {uid: "final" if uid == "4" else review for uid in units}
    qualifiers = {uid: unit.xmlelement.find("{*}target").get("state-qualifier") for uid, unit in units.items()}
    assert qualifiers == {uid: None if uid == "4" else "mt-suggestion" for uid in units}
    assert units["4"].isapproved() and not units["2.1"].isapproved()
    assert "glossary term SOCAR" in units["3"].getnotes()
    # translate-toolkit's Xliff1File leaves these two getters unannotated (its base class types them)
    assert store.getsourcelanguage() == "en" and store.gettargetlanguage() == "uk"  # type: ignore[no-untyped-call]


@settings(max_examples=40)
@given(text_cells, text_cells)
def test_xliff_round_trips_any_text(source: str, target: str) -> None:
    doc = Document("x.txt", "transcript", [Segment(1, "turn", source, translations={
        "uk": Translation(target, [target], [(0, 0)])})], lang="en", targets=["uk"])
    unit = xliff.xlifffile(io.BytesIO(render("xlf", doc))).units[0]
    assert (unit.source, unit.target) == (xml_safe(source), xml_safe(target))


# DOCX ----------------------------------------------------------------------------------------------------

def test_docx_table_repeats_its_header_and_holds_every_row() -> None:
    data = render("docx")
    document = docx.Document(io.BytesIO(data))
    table = document.tables[0]
    assert [cell.text for cell in table.rows[0].cells] == list(COLUMNS)
    header = table.rows[0]._tr.trPr
    assert header is not None and header.find("{*}tblHeader") is not None
    texts = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert [row[0] for row in texts] == ["1", "2", "3", "4", "5", "6"]
    assert texts[4][2] == "- Dialogue | with pipe\n- second line"
    assert texts[3][5] == "approved"
    assert document.core_properties.identifier == "interview-aisin.en-uk"
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_docx_grid_and_cells_agree_on_fixed_widths_and_rows_may_break_across_pages() -> None:
    table = docx.Document(io.BytesIO(render("docx"))).tables[0]
    grid = [int(_attribute(column, "w:w")) for column in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert len(grid) == len(COLUMNS) and len(set(grid)) > 1  # not six equal columns
    for row in table.rows:
        assert [int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for cell in row.cells] == grid
        assert row._tr.trPr is None or row._tr.trPr.find(qn("w:cantSplit")) is None
    width = table._tbl.tblPr.find(qn("w:tblW"))
    assert (_attribute(width, "w:type"), int(_attribute(width, "w:w"))) == ("dxa", sum(grid))
    assert _attribute(table._tbl.tblPr.find(qn("w:tblLayout")), "w:type") == "fixed"


@given(st.text(st.sampled_from("ab Я\t\n\r<&\"")))
def test_docx_cell_text_is_the_xml_python_docx_writes(text: str) -> None:
    """Copied rows get their texts as one w:t (or through python-docx's setter for tabs and breaks): the same
    XML as python-docx's own `run.text = text`, edge spaces preserved, tabs and breaks as w:tab and w:br."""
    run = docx.Document().add_paragraph().add_run()
    run.bold = False
    ours, theirs = deepcopy(run._r), deepcopy(run._r)
    docx_table._set_text(ours, text)
    theirs.text = text
    assert etree.tostring(ours) == etree.tostring(theirs)


def test_docx_refuses_nothing_xml_cannot_hold() -> None:
    doc = sample_doc()
    doc.segments[0].text = "form\x0cfeed\x00"
    table = docx.Document(io.BytesIO(render("docx", doc))).tables[0]
    assert table.rows[1].cells[2].text == "form\ufffdfeed\ufffd"


# HTML ----------------------------------------------------------------------------------------------------

def test_html_escapes_input_and_is_self_contained() -> None:
    page = render("html").decode("utf-8")
    assert SCRIPT not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert page.count("<script>") == 1  # ours, the filter
    assert not re.search(r"(?:src|href)\s*=|url\(|@import|https?:", page, re.IGNORECASE)
    assert "default-src 'none'" in page


def test_html_replaces_control_characters_and_keeps_timestamps_on_one_line() -> None:
    doc = sample_doc()
    doc.segments[1].text = "Hello\x80 Aysin\x94\x07!"
    doc.segments[1].sentences = [doc.segments[1].text]
    doc.segments[1].translations["uk"].alignment = [(0, 0), (0, 1)]
    page = render("html", doc).decode("utf-8")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", page)
    assert "Hello\ufffd" in page and "\ufffd\ufffd!" in page
    tree = lxml_html.fromstring(page.encode("utf-8"))
    assert tree.xpath("string(//tbody[@id='s5']//th/small[1])") == "00:00:01.000"
    assert re.search(r"th small\{[^}]*white-space:nowrap", page)


def test_html_shows_every_segment_with_flags_marks_and_aligned_sentences() -> None:
    tree = lxml_html.fromstring(render("html"))
    bodies = _elements(tree, "//tbody[contains(@class, 'seg')]")
    assert [body.get("id") for body in bodies] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    flagged = [body.get("id") for body in bodies if "flagged" in body.get("class", "").split()]
    assert flagged == ["s3", "s5"]
    two_sentences = _elements(bodies[1], ".//tr")
    assert [tr.xpath("string(td[contains(@class,'tgt')])") for tr in two_sentences] == [
        "Привіт, Айсіне!", 'Я кажу "так".']
    assert bodies[1].xpath(".//td[contains(@class,'src')]//mark/text()") == ["Aysin"]
    assert bodies[1].xpath(".//td[contains(@class,'tgt')]//mark/text()") == ["Айсін"]
    assert bodies[2].xpath(".//td[contains(@class,'src')]//mark[@class='missed']/text()") == ["SOCAR"]
    codes = bodies[2].xpath(".//ul[@class='flags']/li/@data-code")
    assert codes == ["glossary-miss", "lang-uncertain"]
    assert bodies[4].xpath("string(.//th/small[1])") == "00:00:01.000"
    assert tree.xpath("//input[@id='only-flagged']/@type") == ["checkbox"]


# JSON and determinism ------------------------------------------------------------------------------------

def test_json_is_the_document_contract() -> None:
    doc = sample_doc()
    data = WRITERS["json"].render(doc, "en")
    assert json.loads(data) == doc.to_json() and data.endswith(b"\n")
    assert "Айсін".encode() in data


@pytest.mark.parametrize("name", [n for n in WRITERS if WRITERS[n].module in
                                  ("html", "csv_table", "docx_table", "tmx", "xliff", "markdown", "json_result")])
def test_output_is_byte_identical_for_the_same_document(name: str) -> None:
    lang = "uk" if WRITERS[name].per_target else "en"
    first = WRITERS[name].render(sample_doc(), lang)
    assert WRITERS[name].render(sample_doc(), lang) == first
    assert not first.startswith(b"\xef\xbb\xbf") or name == "csv"


def test_a_docx_cell_with_a_crlf_reads_back_as_one_line_break() -> None:
    # Found by the round-trip property test: python-docx writes \r and \n each as a break.
    doc = Document("talk.en.txt", "transcript", [Segment(1, "turn", "first\r\nsecond", lang="en",
                                                         sentences=["first\r\nsecond"])], lang="en", targets=["uk"])
    _, rows = docx_reader.read(Path("talk.en-uk.docx"), render("docx", doc))
    assert [row.source for row in rows] == ["first\nsecond"]
