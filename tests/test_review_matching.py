"""A reviewer's correction is never lost (issue #26), through the command line as a reviewer meets it: an import
is matched per segment and language against what the ledger recorded for that very file, whatever the last run
targeted; an older file never overrides newer approvals; another document's file is refused."""

from __future__ import annotations

import csv
import errno
import io
import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path
from unittest import mock

import docx
import pytest
import srt

from tests.in_process import Done
from tests.in_process import translator as in_process
from translator import atomic, outputs

# Cues 2 and 3 are one sentence: a CAT file's unit over both.
RUSSIAN_SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\nСпасибо, друзья!\n\n"
    "2\n00:00:03,500 --> 00:00:05,000\nМосква и Европа,\n\n"
    "3\n00:00:05,500 --> 00:00:07,000\nвойна и Россия.\n\n"
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


def import_file(path: Path, *options: str, cwd: Path) -> str:
    return ok(translator("review", "import", str(path), *options, cwd=cwd)).stdout


def test_an_older_csv_never_overrides_newer_approvals(film: Path) -> None:
    """Item 2: a CSV exported before segments 3 and 6 were approved holds their machine text; importing it,
    even after a run rewrote every file, leaves the approvals alone, names the rows and says how to force."""
    out = film / "output"
    exported = film / "d.ru-en (exported).csv"
    shutil.copy(out / "d.ru-en.csv", exported)
    english = out / "d.en.srt"
    machine = cue_texts(english)
    edit_cue(english, 3, "the war and Russia.")
    edit_cue(english, 6, "Thank you, Europe.")
    assert "2 correction(s) stored" in import_file(english, cwd=film)
    ok(translator("run", "d.ru.srt", "--to", "en,uk", cwd=film))
    approved = {("en", 3): "the war and Russia.", ("en", 6): "Thank you, Europe."}
    assert approvals(out / "translator.sqlite") == approved
    done = import_file(exported, "--memory", str(out / "translator.sqlite"), cwd=film)
    assert "0 correction(s) stored" in done and "segment(s) 3, 6 keep their newer approval" in done, done
    assert "--force" in done
    assert approvals(out / "translator.sqlite") == approved
    forced = import_file(exported, "--memory", str(out / "translator.sqlite"), "--force", cwd=film)
    assert "2 correction(s) stored" in forced, forced
    assert approvals(out / "translator.sqlite") == {("en", 3): machine[2], ("en", 6): machine[5]}


def test_another_documents_csv_named_like_this_one_is_refused_naming_it(film: Path) -> None:
    """Item 3: `d.ru-en (2).csv` is the CSV of another document: every source cell differs."""
    (film / "other.ru.srt").write_text(RUSSIAN_SRT.replace("Спасибо", "Привет").replace("Москва", "Россия")
                                       .replace("Добрый день", "Война"), "utf-8")
    ok(translator("run", "other.ru.srt", "--to", "en", cwd=film))
    out = film / "output"
    edit_cue(out / "d.en.srt", 2, "Moscow and Europe, together,")
    import_file(out / "d.en.srt", cwd=film)
    before = approvals(out / "translator.sqlite")
    lookalike = film / "d.ru-en (2).csv"
    text = (out / "other.ru-en.csv").read_text("utf-8-sig")
    lookalike.write_text(text.replace(",machine", " (reviewed),machine"), "utf-8")
    done = translator("review", "import", str(lookalike), "--memory", str(out / "translator.sqlite"), cwd=film)
    assert done.returncode != 0 and "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1
    assert "nothing imported" in done.stderr and "the name says d ru→en" in done.stderr, done.stderr
    assert "those of other → en" in done.stderr, done.stderr
    assert approvals(out / "translator.sqlite") == before


def test_an_untouched_xliff_after_an_approval_moves_nothing(film: Path) -> None:
    """Item 4: cues 2 and 3 are one XLIFF unit; cue 2 was approved, much longer, from the SRT. The untouched XLIFF,
    before and after the run that rewrote it, imports no correction and leaves the approval whole (cut in
    proportion to the source, the unit once gave cue 2's last words to cue 3)."""
    out = film / "output"
    english = out / "d.en.srt"
    longer = "Moscow and all of the great old cities of Europe,"
    edit_cue(english, 2, longer)
    import_file(english, cwd=film)
    approved = approvals(out / "translator.sqlite")
    assert approved == {("en", 2): longer}
    assert 'id="2-3' in (out / "d.ru-en.xlf").read_text("utf-8")
    for run_first in (False, True):
        if run_first:
            ok(translator("run", "d.ru.srt", "--to", "en,uk", cwd=film))
        done = import_file(out / "d.ru-en.xlf", cwd=film)
        assert "0 correction(s) stored" in done, done
        assert approvals(out / "translator.sqlite") == approved
    assert " ".join(cue_texts(english)[1].split()) == longer


def test_an_srt_written_by_a_run_that_failed_is_read_against_that_run(film: Path) -> None:
    """Item 5: the input was retimed and run again; the disk filled up while S.json was written, so the new SRT
    lies beside the old S.json. An edit of the new SRT is matched against the run that wrote it: one correction,
    of the segment edited."""
    source = film / "d.ru.srt"
    cues = list(srt.parse(source.read_text("utf-8")))
    for cue in cues:
        cue.start, cue.end = cue.start + timedelta(seconds=1.5), cue.end + timedelta(seconds=1.5)
    source.write_text(srt.compose(cues), "utf-8")
    real_write = atomic.write_bytes_atomic

    def disk_full_at_the_result(path: Path, data: bytes) -> None:
        if path.suffix == ".json":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real_write(path, data)

    with mock.patch.object(outputs, "write_bytes_atomic", disk_full_at_the_result):
        failed = translator("run", "d.ru.srt", "--to", "en,uk", cwd=film)
    assert failed.returncode != 0 and "Traceback" not in failed.stderr, failed.stderr
    english = film / "output" / "d.en.srt"
    assert next(cue.start.total_seconds() for cue in srt.parse(english.read_text("utf-8"))) == 2.5  # the new SRT
    edit_cue(english, 4, "Hello, dear Moscow!")
    done = import_file(english, cwd=film)
    assert "1 correction(s) stored" in done, done
    assert approvals(film / "output" / "translator.sqlite") == {("en", 4): "Hello, dear Moscow!"}
    ok(translator("run", "d.ru.srt", "--to", "en,uk", cwd=film))
    assert cue_texts(english)[3] == "Hello, dear Moscow!"


def test_two_cues_merged_in_an_srt_are_read_as_one_stretch(film: Path) -> None:
    """Item 6: a reviewer merged cues 2 and 3 (one sentence) and reworded its end: the merged text covers both
    segments' time, each keeps its share, and the next run shows the sentence once."""
    english = film / "output" / "d.en.srt"
    cues = list(srt.parse(english.read_text("utf-8")))
    first = cues[1].content
    cues[1] = srt.Subtitle(2, cues[1].start, cues[2].end, f"{first}\nthe war and all of Russia.")
    del cues[2]
    english.write_text(srt.compose(cues), "utf-8")
    done = import_file(english, cwd=film)
    assert "1 correction(s) stored" in done, done
    assert approvals(film / "output" / "translator.sqlite") == {("en", 3): "the war and all of Russia."}
    ok(translator("run", "d.ru.srt", "--to", "en,uk", cwd=film))
    texts = " ".join(cue_texts(english))
    assert texts.count(" ".join(first.split())) == 1 and texts.count("the war and all of Russia.") == 1


def test_undo_after_importing_the_same_file_twice_reverts_it(film: Path) -> None:
    """Item 8: the second import of the same file stores nothing, so undo reverts the first; status no longer
    counts the undone approval; a dry run of the rewritten file counts no approved row as a correction."""
    out = film / "output"
    english = out / "d.en.srt"
    machine = cue_texts(english)[4]
    edit_cue(english, 5, "Good day to you.")
    assert "1 correction(s) stored" in import_file(english, cwd=film)
    assert "0 correction(s) stored" in import_file(english, cwd=film)
    ok(translator("run", "d.ru.srt", "--to", "en,uk", cwd=film))
    status = ok(translator("review", "status", cwd=film)).stdout
    assert "d → en: 5 machine, 1 approved" in status, status
    dry = import_file(out / "d.ru-en.csv", "--dry-run", cwd=film)
    assert "0 correction(s) would be stored" in dry, dry
    undone = ok(translator("review", "undo", cwd=film)).stdout
    assert "1 correction(s) of d → en reverted" in undone, undone
    assert approvals(out / "translator.sqlite") == {}
    status = ok(translator("review", "status", cwd=film)).stdout
    assert "d → en: 6 machine, 0 approved" in status, status
    ok(translator("run", "d.ru.srt", "--to", "en,uk", cwd=film))
    assert cue_texts(english)[4] == machine


def test_an_input_is_never_overwritten(argos_env: Path, tmp_path: Path) -> None:
    """Item 9: the input in --out: its own language is skipped, and an input whose name says the target (Russian
    text in `film.en.srt`) is refused in one line, left byte for byte."""
    film = tmp_path / "film.ru.srt"
    film.write_bytes(RUSSIAN_SRT.encode("cp1251"))
    done = ok(translator("run", "film.ru.srt", "--to", "ru,en", "--out", ".", cwd=tmp_path))
    assert "skipped ru: film.ru.srt is already in ru" in done.stdout
    assert film.read_bytes() == RUSSIAN_SRT.encode("cp1251")
    mislabelled = tmp_path / "talk.en.srt"
    mislabelled.write_bytes(RUSSIAN_SRT.encode("cp1251"))
    refused = translator("run", "talk.en.srt", "--from", "ru", "--to", "en", "--out", ".", cwd=tmp_path)
    assert refused.returncode != 0 and len(refused.stderr.splitlines()) == 1, refused.stderr
    assert "talk.en.srt is the input itself" in refused.stderr
    assert mislabelled.read_bytes() == RUSSIAN_SRT.encode("cp1251")


def test_a_file_the_ledger_did_not_write_is_never_replaced(film: Path) -> None:
    """Item 9: a person's own `film.uk.srt` in --out, and a CSV edited in place while --memory points
    elsewhere, are refused in one line naming them; nothing is replaced."""
    (film / "film.ru.srt").write_text(RUSSIAN_SRT, "utf-8")
    own = film / "output" / "film.uk.srt"
    own.write_text("1\n00:00:01,000 --> 00:00:03,000\nМій власний переклад.\n", "utf-8")
    refused = translator("run", "film.ru.srt", "--to", "uk", cwd=film)
    assert refused.returncode != 0 and len(refused.stderr.splitlines()) == 1, refused.stderr
    assert "film.uk.srt was not written by translator" in refused.stderr and "move it away" in refused.stderr
    assert own.read_text("utf-8").endswith("Мій власний переклад.\n")
    review = film / "output" / "d.ru-en.csv"
    edited = review.read_text("utf-8-sig").replace(",machine", ",machine (checked)", 1)
    review.write_text(edited, "utf-8")
    elsewhere = translator("run", "d.ru.srt", "--to", "en", "--memory", str(film / "other.sqlite"), cwd=film)
    assert elsewhere.returncode != 0 and "d.ru-en.csv was not written by translator" in elsewhere.stderr
    assert review.read_text("utf-8") == edited


def test_an_output_folder_moved_with_its_memory_is_still_the_tools_own(film: Path) -> None:
    """A folder copied elsewhere (another disk, a colleague's machine) keeps its memory: an import there and a
    re-run rewrite its files, which hold exactly what the tool wrote under those names; a file a person put there
    is still refused."""
    moved = film / "moved"
    shutil.copytree(film / "output", moved)
    english = moved / "d.en.srt"
    edit_cue(english, 2, "Moscow and Europe, together.")
    ok(translator("review", "import", str(english), cwd=film))
    ok(translator("run", "d.ru.srt", "--to", "en,uk", "--out", str(moved), cwd=film))
    assert "Moscow and Europe, together." in (moved / "d.ru-en.csv").read_text("utf-8-sig")
    other = film / "other"
    shutil.copytree(film / "output", other)
    own = other / "d.uk.srt"
    own.write_text("1\n00:00:01,000 --> 00:00:03,000\nМій власний переклад.\n", "utf-8")
    edit_cue(other / "d.en.srt", 2, "Moscow and Europe, side by side.")
    ok(translator("review", "import", str(other / "d.en.srt"), cwd=film))
    refused = translator("run", "d.ru.srt", "--to", "en,uk", "--out", str(other), cwd=film)
    assert refused.returncode != 0 and "d.uk.srt was not written by translator" in refused.stderr, refused.stderr
    assert own.read_text("utf-8").endswith("Мій власний переклад.\n")


def edit_csv(path: Path, edits: dict[int, dict[str, str]]) -> None:
    rows = list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"), newline="")))
    for row in rows:
        row.update(edits.get(int(row["id"]), {}))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), "utf-8")


def test_a_reviewers_comments_survive_into_every_view(film: Path) -> None:
    """Item 7: comments typed into the CSV's comment column are stored with the approval, shown in every review
    view, carried into XLIFF and TMX notes, and a comment changed alone makes the next run rewrite the files."""
    out = film / "output"
    review = out / "d.ru-en.csv"
    edit_csv(review, {2: {"translation": "Moscow and Europe, together,", "comment": "name checked with the speaker"},
                      4: {"comment": "keep the exclamation"}})
    done = import_file(review, "--dry-run", cwd=film)
    assert "(comment: 'name checked with the speaker')" in done, done
    assert "2 correction(s) stored" in import_file(review, cwd=film)
    with sqlite3.connect(out / "translator.sqlite") as db:
        assert db.execute("SELECT segment_id, comment FROM approvals ORDER BY 1").fetchall() == [
            (2, "name checked with the speaker"), (4, "keep the exclamation")]
    ok(translator("run", "d.ru.srt", "--to", "en,uk", cwd=film))
    for name in ("d.ru-en.csv", "d.ru-en.md", "d.ru-en.html", "d.ru-en.xlf", "d.ru-en.tmx"):
        text = (out / name).read_text("utf-8-sig")
        assert "name checked with the speaker" in text and "keep the exclamation" in text, name
    assert "<note" in (out / "d.ru-en.tmx").read_text("utf-8")
    cells = [cell.text for table in docx.Document(str(out / "d.ru-en.docx")).tables
             for row in table.rows for cell in row.cells]
    assert "name checked with the speaker" in cells
    edit_csv(review, {2: {"comment": "name checked twice"}})
    assert "1 correction(s) stored" in import_file(review, cwd=film)
    again = ok(translator("run", "d.ru.srt", "--to", "en,uk", cwd=film))
    assert "files written" in again.stdout, again.stdout
    assert "name checked twice" in (out / "d.ru-en.html").read_text("utf-8")
    assert "0 correction(s) would be stored" in import_file(review, "--dry-run", cwd=film)  # as delivered
