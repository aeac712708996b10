"""Long segments in a language we do not translate are flagged `lang-unsupported`; short ones and ours are not."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.in_process import translator
from translator.document import Document, Segment
from translator.langid import detect_document

BELARUSIAN = ("Атрыманне агульнай базавай і агульнай сярэдняй адукацыі завяршаецца выпускнымі экзаменамі, якія "
              "праводзяцца ў адпаведнасці з парадкам, устаноўленым Міністэрствам адукацыі.")
BULGARIAN = ("Столичната община набира оферти за премахване на 13 общински обекта, които са негодни за ползване и "
             "опасни, съобщиха от кметството.")
FRENCH = ("Le gouvernement français a annoncé lundi de nouvelles mesures pour soutenir les agriculteurs touchés par "
          "la sécheresse.")
POLISH = "Rząd Polski zapowiedział w poniedziałek nowe sankcje wobec Rosji i Białorusi, poinformował rzecznik prasowy."
GERMAN = "Wir haben gestern lange über die Lage in der Region gesprochen, und niemand wusste eine gute Antwort darauf."
OURS = [
    "Сьогодні в нас у студії відомий політолог, публіцист і експерт зі східних питань, автор популярного каналу.",
    "Россия не может простить Азербайджану независимую политику, при этом не имея действенных рычагов влияния.",
    "This is typical Moscow behavior: it may say one thing publicly, but act in the opposite way.",
]


def _flags(texts: list[str]) -> list[list[str]]:
    doc = Document("t.txt", "transcript", [Segment(i + 1, "turn", text) for i, text in enumerate(texts)])
    detect_document(doc)
    return [[flag.code for flag in segment.flags] for segment in doc.segments]


@pytest.mark.parametrize("text", [BELARUSIAN, BULGARIAN, GERMAN, FRENCH, POLISH])
def test_a_long_segment_in_another_language_is_flagged(text: str) -> None:
    assert _flags([text]) == [["lang-unsupported"]]


@pytest.mark.parametrize("text", ["Беларускае тэлебачанне сёння развіваецца.", "Безкрайно много ги уважавам.",
                                  "Guten Morgen!"])
def test_a_short_one_is_not(text: str) -> None:
    assert _flags([text]) == [[]]


def test_our_languages_are_never_flagged() -> None:
    assert _flags(OURS) == [[], [], []]


def test_a_run_of_names_is_not_judged_so_it_neither_reads_as_latin_nor_loads_every_model() -> None:
    names = "Sanctions Barvynenko, Former UK Prime Minister Boris Johnson,"  # a cue of the film benchmark
    done = subprocess.run([sys.executable, "-c", (
        "import sys; from translator.document import Document, Segment; from translator.langid import detect_document\n"
        f"doc = Document('t.srt', 'subtitles', [Segment(1, 'cue', {names!r})])\n"
        "detect_document(doc); print([f.code for f in doc.segments[0].flags], 'lingua' in sys.modules)")],
        capture_output=True, text=True, timeout=300, check=True)
    assert done.stdout.split() == ["[]", "False"]


def test_detect_json_keeps_its_keys_and_shows_the_flag(tmp_path: Path) -> None:
    source = tmp_path / "mixed.txt"
    source.write_text(f"Host: {OURS[0]}\nGuest: {BELARUSIAN}\n", "utf-8")
    done = translator("detect", str(source), "--json")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [set(record) for record in records] == [{
        "file", "id", "kind", "speaker", "line", "lang", "lang_confidence", "text", "markup", "sentences", "timing",
        "translations", "glossary", "flags"}] * 2
    assert records[0]["lang"] == "uk" and records[1]["lang"] in ("uk", "ru")
    assert [[flag["code"] for flag in record["flags"]] for record in records] == [[], ["lang-unsupported"]]
    assert all(0.0 <= record["lang_confidence"] <= 1.0 for record in records)
