"""A dialogue cue (one speaker a line) keeps its two lines in the translation cells of the review files, as its
source cell does: CSV, DOCX, Markdown."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import docx

from tests.test_end_to_end import translated

DIALOGUE = "1\n00:00:01,000 --> 00:00:04,000\n- Hello, friends!\n- Good afternoon.\n"


def test_dialogue_lines_stay_lines_in_review_cells(packages_dir: Path, tmp_path: Path) -> None:
    out = translated(packages_dir, tmp_path, "talk.en.srt", DIALOGUE)
    rows = list(csv.reader(io.StringIO((out / "talk.en-uk.csv").read_text("utf-8-sig"))))
    assert rows[1][2:4] == ["- Hello, friends!\n- Good afternoon.", "- Привіт, друзі!\n- Добрий день."]
    cells = [cell.text for cell in docx.Document(str(out / "talk.en-uk.docx")).tables[0].rows[1].cells]
    assert cells[3] == "- Привіт, друзі!\n- Добрий день."
    assert "- Привіт, друзі!<br>- Добрий день." in (out / "talk.en-uk.md").read_text("utf-8")
