"""TMX and XLIFF from a subtitle input pair whole sentences, however many cues a sentence runs over, and a
corrected XLIFF comes back onto the cues the way the run spread the translation over them."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from translate.storage import tmx, xliff

from translator.database import Database
from translator.document import Document, Translation, document_key
from translator.ledger import RunLedger, delivered_rows
from translator.memory import TranslationMemory
from translator.readers import srt as srt_reader
from translator.review import store_corrections
from translator.sentences import split_sentences
from translator.subtitles.distribute import distribute
from translator.subtitles.group import group_cues
from translator.writers import WRITERS

SOURCE = (
    "1\n00:00:01,000 --> 00:00:03,000\nThe strikes on the Odesa region\n\n"
    "2\n00:00:03,000 --> 00:00:05,000\ncontinued all night. Officials said\n\n"
    "3\n00:00:05,000 --> 00:00:07,000\nthe grid is down.\n\n"
    "4\n00:00:09,000 --> 00:00:10,000\nThank you.\n"
)
SENTENCES = ["Удари по Одеській області тривали всю ніч.", "Чиновники заявили, що мережа не працює.",
             "Дякую."]


def translated_doc() -> Document:
    """Cues 1-3 translated as one group and spread back over the cues, as the pipeline does."""
    doc = srt_reader.parse(SOURCE, "talk.en.srt")
    doc.lang, doc.targets = "en", ["uk"]
    for segment in doc.segments:
        segment.lang = "en"
        segment.sentences = split_sentences(segment.text, "en")
    assert group_cues(doc.segments) == [[0, 1, 2], [3]]
    parts = distribute(" ".join(SENTENCES[:2]), [s.text for s in doc.segments[:3]])
    for segment, part in zip(doc.segments, [*parts, SENTENCES[2]]):
        segment.translations["uk"] = Translation(part, [part], [(0, 0)])
    return doc


def test_tmx_holds_one_unit_per_sentence_with_its_whole_translation() -> None:
    store = tmx.tmxfile(io.BytesIO(WRITERS["tmx"].render(translated_doc(), "uk")))
    pairs = [(unit.source, unit.target) for unit in store.units]
    assert pairs == [("The strikes on the Odesa region continued all night.", SENTENCES[0]),
                     ("Officials said the grid is down.", SENTENCES[1]),
                     ("Thank you.", SENTENCES[2])]
    assert [unit.xmlelement.get("tuid") for unit in store.units] == ["1-3.1", "1-3.2", "4"]


def test_xliff_holds_whole_sentences_and_a_single_cue_keeps_its_id() -> None:
    store: xliff.xlifffile[xliff.Xliff1Unit] = xliff.xlifffile(
        io.BytesIO(WRITERS["xlf"].render(translated_doc(), "uk")))
    assert [(unit.xmlelement.get("id"), unit.source, unit.target) for unit in store.units] == [
        ("1-3.1", "The strikes on the Odesa region continued all night.", SENTENCES[0]),
        ("1-3.2", "Officials said the grid is down.", SENTENCES[1]),
        ("4", "Thank you.", SENTENCES[2]),
    ]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with Database(tmp_path / "translator.sqlite") as opened:
        yield opened


def test_a_corrected_sentence_comes_back_onto_its_cues(tmp_path: Path, db: Database) -> None:
    doc = translated_doc()
    RunLedger(db).intend(document_key(doc), delivered_rows(doc), {}, {})
    path = tmp_path / "talk.en-uk.xlf"
    path.write_bytes(WRITERS["xlf"].render(doc, "uk"))
    unchanged = store_corrections(path, db)
    assert (unchanged.approved, unchanged.unchanged) == (0, 4)  # every cue as delivered
    store: xliff.xlifffile[xliff.Xliff1Unit] = xliff.xlifffile(io.BytesIO(path.read_bytes()))
    fixed = "Чиновники кажуть, що енергомережа досі не працює."
    for unit in store.units:
        if unit.xmlelement.get("id") == "1-3.2":
            unit.target = fixed
    path.write_bytes(bytes(store))
    result = store_corrections(path, db)
    approvals = TranslationMemory(db).approvals("talk", "uk")
    expected = distribute(f"{SENTENCES[0]} {fixed}", [s.text for s in doc.segments[:3]])
    changed = {number for number, part in enumerate(expected, start=1)
               if part != doc.segments[number - 1].translations["uk"].text}
    assert result.approved == len(changed) and set(approvals) == changed
    assert all(approvals[number].translation == expected[number - 1] for number in changed)
    assert " ".join(approvals[n].translation for n in sorted(changed)).endswith(fixed)
