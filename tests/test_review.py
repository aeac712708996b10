"""Reviewer round trip: files written by the writers, edited the way a reviewer's tool would, imported back."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from translate.storage import xliff

from tests.test_writers_review import sample_doc
from translator.database import Database
from translator.document import Document, document_key
from translator.errors import InputError
from translator.ledger import Delivered, RunLedger, delivered_rows
from translator.memory import TranslationMemory
from translator.report import describe_status
from translator.review import match_segment, store_corrections
from translator.review_readers.cuts import cut_like
from translator.review_readers.rows import ReturnedRow
from translator.writers import WRITERS

FIXES = {2: "Вітаю, Айсіне! Я кажу «так».", 3: "SOCAR знову вдарили.", 5: "- Діалог\n- другий"}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with Database(tmp_path / "translator.sqlite") as opened:
        yield opened


@pytest.fixture
def doc(db: Database) -> Document:
    """The sample document, delivered (recorded in the memory) as a run would."""
    document = sample_doc()
    RunLedger(db).intend(document_key(document), delivered_rows(document), {}, {})
    return document


def written(tmp_path: Path, doc: Document, fmt: str, name: str | None = None) -> Path:
    path = tmp_path / (name or f"interview-aisin.en-uk.{fmt}")
    path.write_bytes(WRITERS[fmt].render(doc, "uk"))
    return path


def edit_csv(path: Path, fixes: dict[int, str], delimiter: str = ",", encoding: str = "utf-8-sig") -> None:
    table = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    for row in table[1:]:
        row[3] = fixes.get(int(row[0]), row[3])
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(table)
    path.write_bytes(out.getvalue().encode(encoding))


def test_record_run_feeds_status(doc: Document, db: Database) -> None:
    assert describe_status(RunLedger(db).status()) == "interview-aisin → uk: 4 machine, 0 approved, 2 flagged"
    # Row 4 counts as approved while the memory holds its approval: undone, the next run delivers it as machine.
    TranslationMemory(db).approve("interview-aisin", 4, "en", "uk", "Thank you.", "Дякую вам.")
    assert describe_status(RunLedger(db).status()) == "interview-aisin → uk: 3 machine, 1 approved, 2 flagged"
    assert describe_status([]) == "the memory holds no translated document yet"


def test_csv_import_stores_three_fixes_and_the_approved_row(tmp_path: Path, doc: Document,
                                                           db: Database) -> None:
    path = written(tmp_path, doc, "csv")
    edit_csv(path, FIXES)
    result = store_corrections(path, db)
    # Row 4 was delivered approved: a row as the memory already has it is no correction (issue #26, 8).
    assert (result.rows, result.approved, result.unchanged, result.unmatched) == (6, 3, 3, 0)
    assert result.target.doc_key == "interview-aisin" and (result.target.src, result.target.tgt) == ("en", "uk")
    approvals = TranslationMemory(db).approvals("interview-aisin", "uk")
    assert {i: a.translation for i, a in approvals.items() if i in FIXES} == FIXES
    assert 4 not in approvals
    assert approvals[5].source_text == doc.segments[4].text  # the exact segment text, multi-line cue included
    assert "3 correction(s) stored as approved for interview-aisin en→uk" in str(result)
    assert describe_status(RunLedger(db).status()).endswith("; 3 correction(s) not in the last run's output "
                                                   "(new, or their source changed)")


def test_an_unchanged_file_stores_nothing(tmp_path: Path, doc: Document, db: Database) -> None:
    doc.segments[3].translations["uk"].origin = "machine"
    RunLedger(db).intend(document_key(doc), delivered_rows(doc), {}, {})
    for fmt in ("csv", "xlf", "docx"):
        result = store_corrections(written(tmp_path, doc, fmt), db)
        assert (result.approved, result.unchanged) == (0, 6), fmt
    assert TranslationMemory(db).approvals("interview-aisin", "uk") == {}


def test_excel_semicolon_cp1251_csv_with_extra_words_in_the_name(tmp_path: Path, doc: Document,
                                                                 db: Database) -> None:
    path = written(tmp_path, doc, "csv", "interview-aisin.en-uk (reviewed by Olena).csv")
    edit_csv(path, {3: "СОКАР знову вдарили."}, delimiter=";", encoding="cp1251")
    result = store_corrections(path, db)
    assert result.approved == 1  # the fix; row 4 was delivered approved
    assert TranslationMemory(db).approvals("interview-aisin", "uk")[3].translation == "СОКАР знову вдарили."


def test_xliff_edited_in_a_cat_tool_imports_changes_and_final_states(tmp_path: Path, doc: Document,
                                                                    db: Database) -> None:
    path = written(tmp_path, doc, "xlf")
    store: xliff.xlifffile[xliff.Xliff1Unit] = xliff.xlifffile(io.BytesIO(path.read_bytes()))
    for unit in store.units:
        unit_id = unit.xmlelement.get("id")
        number = int(unit_id.split(".")[0])  # `2.1`, `2.2`: the sentences of segment 2
        if number in FIXES:
            unit.target = FIXES[number] if not unit_id.endswith((".2", ".3")) else ""
        if number == 1:
            unit.xmlelement.find("{*}target").set("state", "signed-off")
    path.write_bytes(bytes(store))
    result = store_corrections(path, db)
    # 3 fixes and unit 1 (signed-off); unit 4 was delivered final
    assert (result.approved, result.unchanged) == (4, 2)
    approvals = TranslationMemory(db).approvals("interview-aisin", "uk")
    assert approvals[1].translation == doc.segments[0].translations["uk"].text
    assert approvals[5].translation == FIXES[5]


def test_docx_renamed_still_knows_its_document(tmp_path: Path, doc: Document, db: Database) -> None:
    path = written(tmp_path, doc, "docx", "my corrections.docx")
    document = docx.Document(str(path))
    rows = document.tables[0].rows
    for row in rows[1:]:
        number = int(row.cells[0].text)
        if number in FIXES:
            row.cells[3].text = FIXES[number]
    document.save(str(path))
    result = store_corrections(path, db)
    assert result.approved == 3
    approvals = TranslationMemory(db).approvals("interview-aisin", "uk")
    assert {i: a.translation for i, a in approvals.items() if i in FIXES} == FIXES


def test_rows_match_by_source_when_ids_moved_and_keep_a_changed_source(tmp_path: Path, doc: Document,
                                                                     db: Database) -> None:
    path = tmp_path / "interview-aisin.en-uk.csv"
    path.write_text("id,source,translation,status\n"
                    "9,\"Hello, Aysin! I say \"\"yes\"\".\",Вітаю!,machine\n"  # id moved, source known
                    "3,SOCAR was hit hard. Again.,СОКАР.,machine\n"  # source edited since: kept, will be stale
                    "42,Nobody said this.,Ніхто.,machine\n", encoding="utf-8")
    result = store_corrections(path, db)
    assert (result.approved, result.unmatched) == (2, 1)
    approvals = TranslationMemory(db).approvals("interview-aisin", "uk")
    assert (approvals[2].source_text, approvals[2].translation) == ('Hello, Aysin! I say "yes".', "Вітаю!")
    assert (approvals[3].source_text, approvals[3].translation) == ("SOCAR was hit hard. Again.", "СОКАР.")
    assert approvals[3].generation == 1  # made after the run of generation 1


@given(st.permutations(range(1, 7)))
def test_any_shuffle_of_ids_is_matched_back_by_source(ids: list[int]) -> None:
    delivered = {i: Delivered(f"source {i}", f"target {i}", "machine") for i in range(1, 7)}
    rows = [ReturnedRow(wrong, f"source {right}", "x", False) for wrong, right in zip(ids, range(1, 7))]
    assert [match_segment(row, delivered) for row in rows] == [(i, f"source {i}") for i in range(1, 7)]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("notes.txt", b"x", "reads .csv, .xlf, .docx"),
    ("interview.csv", b"id,translation\n1,a\n", "does not say which document .* match no translated document"),
    ("interview-aisin.en-uk.csv", b"number,text\n1,a\n", "no id or translation column"),
    ("interview-aisin.en-uk.csv", b"id,translation\n1,a\nthree,b\n", "row 3: id 'three' is not a segment number"),
    ("interview-aisin.en-uk.csv", b"id,translation\n1,\x00\n", "binary file"),
    ("interview-aisin.en-uk.xlf", b"<xliff><file", "not well-formed XML"),
    ("interview-aisin.en-uk.xlf", b"<xliff><file/><file/></xliff>", "one <file>"),
    ("interview-aisin.en-uk.docx", b"PK\x03\x04 not really", "not a readable DOCX"),
    ("other.en-uk.csv", b"id,translation\n1,a\n", "has no run of other into uk"),
])
def test_bad_review_files_are_refused_in_one_line(tmp_path: Path, doc: Document, db: Database,
                                                  name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        store_corrections(path, db)
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)


def test_a_missing_file_is_refused(tmp_path: Path, db: Database) -> None:
    with pytest.raises(InputError, match="no such file"):
        store_corrections(tmp_path / "gone.en-uk.csv", db)


def test_xliff_external_entities_are_not_read(tmp_path: Path, doc: Document, db: Database) -> None:
    path = tmp_path / "interview-aisin.en-uk.xlf"
    path.write_bytes(b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><xliff><file original='interview-aisin'"
                     b" source-language='en-GB' target-language='uk-UA'><body><trans-unit id='1'><source>&e;</source>"
                     b"<target>&e;</target></trans-unit></body></file></xliff>")
    with pytest.raises(InputError, match="0 of its 1 source cells") as caught:  # not this document's source
        store_corrections(path, db)
    assert "root:" not in str(caught.value)
    assert TranslationMemory(db).approvals("interview-aisin", "uk") == {}


_WORD = st.text(alphabet="абвгдabc,.!", min_size=1, max_size=6)


@given(st.lists(st.lists(_WORD, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=5), st.data())
def test_a_unit_cut_back_gives_each_untouched_cue_as_delivered(parts: list[str], data: st.DataObject) -> None:
    """An untouched unit over cues gives back exactly what each cue delivered; a change in one cue leaves the
    others as delivered when it keeps their words apart (issue #26, 4)."""
    sources = [f"source {i} " * (i + 1) for i in range(len(parts))]
    assert cut_like(" ".join(parts), parts, sources) == parts
    changed = data.draw(st.integers(0, len(parts) - 1))
    edited = [*parts[:changed], "ZZZ", *parts[changed + 1:]]
    assert cut_like(" ".join(edited), parts, sources) == edited
