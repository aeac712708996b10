"""A reviewer's correction is never lost (issue #26), through the command line as a reviewer meets it: an import
is matched per segment and language against what the ledger recorded for that very file, whatever the last run
targeted; an older file never overrides newer approvals; another document's file is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import srt

from tests.in_process import Done
from tests.in_process import translator as in_process

RUSSIAN_SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\nСпасибо, друзья!\n\n"
    "2\n00:00:03,500 --> 00:00:05,000\nМосква и Европа.\n\n"
    "3\n00:00:05,500 --> 00:00:07,000\nВойна и Россия.\n\n"
    "4\n00:00:08,000 --> 00:00:10,000\nПривет, Москва!\n\n"
    "5\n00:00:10,500 --> 00:00:12,000\nДобрый день.\n\n"
    "6\n00:00:12,500 --> 00:00:14,000\nСпасибо, Европа.\n\n"
)


def translator(*args: str, cwd: Path | None = None) -> Done:
    return in_process(*args, env={"TQDM_DISABLE": "1"}, cwd=cwd)


def ok(done: Done) -> Done:
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return done


def approvals(memory: Path) -> dict[tuple[str, int], str]:
    with sqlite3.connect(memory) as db:
        return {(tgt, segment): text for tgt, segment, text in
                db.execute("SELECT tgt, segment_id, translation FROM approvals ORDER BY 1, 2")}


def cue_texts(path: Path) -> list[str]:
    return [cue.content for cue in srt.parse(path.read_text("utf-8"))]


def edit_cue(path: Path, number: int, text: str) -> None:
    cues = list(srt.parse(path.read_text("utf-8")))
    cues[number - 1].content = text
    path.write_text(srt.compose(cues, reindex=False), "utf-8")


@pytest.fixture
def film(argos_env: Path, tmp_path: Path) -> Path:
    """`d.ru.srt` in a folder, translated into en and uk."""
    (tmp_path / "d.ru.srt").write_text(RUSSIAN_SRT, "utf-8")
    ok(translator("run", "d.ru.srt", "--to", "en,uk", cwd=tmp_path))
    return tmp_path


def test_an_srt_edited_after_a_run_of_another_language_is_imported(film: Path) -> None:
    """Item 1: the last run targeted uk only; the English subtitles it did not touch are still the reviewer's."""
    ok(translator("run", "d.ru.srt", "--to", "uk", cwd=film))
    english = film / "output" / "d.en.srt"
    edit_cue(english, 2, "Moscow and Europe, together.")
    done = ok(translator("review", "import", str(english), cwd=film))
    assert "1 correction(s) stored" in done.stdout, done.stdout
    assert approvals(film / "output" / "translator.sqlite") == {("en", 2): "Moscow and Europe, together."}
    ok(translator("run", "d.ru.srt", "--to", "en,uk", cwd=film))
    assert cue_texts(english)[1] == "Moscow and Europe, together."
