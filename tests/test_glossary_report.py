"""How a run reports the glossary: the summary line counts pinned, uncertain and missed honestly, and every
uncertain or missed occurrence is flagged in every review file a reviewer opens."""

from __future__ import annotations

import io
import zipfile
from typing import cast

import pytest

from translator.document import Document, GlossaryHit, GlossaryStatus, Segment, Translation
from translator.glossary import summary_line
from translator.qa import flag_document
from translator.subtitles import layout_subtitles
from translator.writers import WRITERS


def test_summary_counts_the_three_statuses_per_language() -> None:
    # cast: mypy types a sum of lists of literals as list[str]
    statuses = cast(dict[str, list[GlossaryStatus]],
                    {"uk": ["pinned"] * 109 + ["uncertain"] * 5 + ["missed"], "ru": ["pinned", "missed"]})
    hits = {lang: [GlossaryHit("Putin", "Putin", "Путін", lang, s) for s in found] for lang, found in statuses.items()}
    assert summary_line(hits) == ("glossary: 109 pinned, 5 uncertain, 1 missed (uk); "
                                  "1 pinned, 0 uncertain, 1 missed (ru)")


def _document() -> Document:
    segment = Segment(1, "turn", "Trump thanked Putin.", lang="en", lang_confidence=1.0,
                      sentences=["Trump thanked Putin."],
                      translations={"uk": Translation("Трамп подякував Путін.", ["Трамп подякував Путін."], [(0, 0)])},
                      glossary=[GlossaryHit("Trump", "Trump", "Трамп", "uk", "pinned"),
                                GlossaryHit("Putin", "Putin", "Путін", "uk", "uncertain")])
    doc = Document("talk.txt", "transcript", [segment], lang="en", targets=["uk"])
    flag_document(doc, {"uk": layout_subtitles(doc, "uk")})
    return doc


def test_an_uncertain_occurrence_is_flagged_for_its_language_only() -> None:
    flags = _document().segments[0].flags
    assert [(f.code, f.lang) for f in flags] == [("glossary-uncertain", "uk")]
    assert "Путін" in flags[0].message


@pytest.mark.parametrize("name", ["md", "html", "csv", "docx", "xlf", "json"])
def test_every_review_view_shows_the_flag(name: str) -> None:
    data = WRITERS[name].render(_document(), "uk")
    if name == "docx":
        data = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    assert b"check its grammatical case" in data
