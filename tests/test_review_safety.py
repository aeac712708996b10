"""Review imports that cannot store garbage, through the command line (in-process: tests/in_process.py): files
that lost their letters, Word's tracked changes, renamed files, edited subtitles, dry runs and undo, and no stray
memory."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tests.in_process import Done
from tests.in_process import translator as in_process

FIX = "Добрий день, шановні друзі!"


def translator(*args: str, cwd: Path | None = None) -> Done:
    return in_process(*args, env={"TQDM_DISABLE": "1"}, cwd=cwd)


def one_line_failure(done: Done | subprocess.CompletedProcess[str], *words: str) -> str:
    assert done.returncode != 0 and "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def run_dir(argos_env: Path, tmp_path: Path) -> Path:
    """A folder holding `talk.en.txt` (the sample's first lines) and `output/`, translated into uk and ru."""
    talk = tmp_path / "talk.en.txt"
    talk.write_text("\n".join(SAMPLE.read_text("utf-8").splitlines()[:6]) + "\n", "utf-8")
    done = translator("run", "talk.en.txt", "--to", "uk,ru", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path


def approvals(memory: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(memory) as db:
        return db.execute("SELECT doc_key, tgt, segment_id, translation FROM approvals ORDER BY 1, 2, 3").fetchall()


def edited_rows(csv_path: Path, fixes: dict[int, str]) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(csv_path.read_text("utf-8-sig"), newline="")))
    for row in rows[1:]:
        row[3] = fixes.get(int(row[0]), row[3])
    return rows


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> None:
    with path.open("w", encoding=encoding, errors="replace", newline="") as handle:
        csv.writer(handle).writerows(rows)


def test_a_csv_saved_without_cyrillic_is_refused_and_nothing_is_stored(run_dir: Path) -> None:
    out = run_dir / "output"
    spoiled = out / "talk.en-uk.csv"
    write_csv(spoiled, edited_rows(spoiled, {3: FIX}), encoding="cp1252")  # Excel's "CSV" in a Western locale
    message = one_line_failure(translator("review", "import", str(spoiled)), "nothing imported", "UTF-8")
    assert re.search(r"segment\(s\) [\d, ]*3", message)
    assert approvals(out / "translator.sqlite") == []
    assert "no review import to undo" in translator("review", "undo", "--out", str(out)).stderr


def test_dry_run_shows_the_change_and_stores_nothing_then_import_and_undo(run_dir: Path) -> None:
    out = run_dir / "output"
    review = out / "talk.en-uk.csv"
    write_csv(review, edited_rows(review, {3: FIX}))
    dry = translator("review", "import", str(review), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert re.search(rf"^segment 3: '.+' → '{FIX}'$", dry.stdout, re.MULTILINE)
    assert "1 correction(s) would be stored (dry run: nothing stored)" in dry.stdout
    assert approvals(out / "translator.sqlite") == []
    done = translator("review", "import", str(review))
    assert done.returncode == 0 and "1 correction(s) stored" in done.stdout, done.stderr
    assert approvals(out / "translator.sqlite") == [("talk", "uk", 3, FIX)]
    undone = translator("review", "undo", "--out", str(out))
    assert undone.returncode == 0 and "1 correction(s) of talk → uk reverted" in undone.stdout, undone.stderr
    assert approvals(out / "translator.sqlite") == []
    # The edited CSV is again a person's unimported work: the next run refuses to overwrite it.
    one_line_failure(translator("run", "talk.en.txt", "--to", "uk,ru", cwd=run_dir), "talk.en-uk.csv was changed")


def _track_changes(docx: Path, old: str, deleted: str, inserted: str) -> None:
    """Edit a cell as Word does with Track Changes on: `deleted` struck out, `inserted` added after it."""
    with zipfile.ZipFile(docx) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    before, after = old.split(deleted, 1)
    text = '<w:t xml:space="preserve">{}</w:t>'
    edited = (text.format(before) + f'</w:r><w:del w:id="91" w:author="Reviewer"><w:r><w:delText xml:space="preserve">'
              f'{deleted}</w:delText></w:r></w:del><w:ins w:id="92" w:author="Reviewer"><w:r>{text.format(inserted)}'
              f"</w:r></w:ins><w:r>{text.format(after)}")
    assert xml.count(f"<w:t>{old}</w:t>") == 1
    xml = xml.replace(f"<w:t>{old}</w:t>", edited)
    parts["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_docx_with_tracked_changes_is_stored_as_accepted(run_dir: Path) -> None:
    out = run_dir / "output"
    rows = list(csv.reader(io.StringIO((out / "talk.en-uk.csv").read_text("utf-8-sig"), newline="")))
    old = next(row[3] for row in rows if row[0] == "3")
    _track_changes(out / "talk.en-uk.docx", old, "dear", "шановні")
    done = translator("review", "import", str(out / "talk.en-uk.docx"))
    assert done.returncode == 0, done.stderr
    assert approvals(out / "translator.sqlite") == [("talk", "uk", 3, old.replace("dear", "шановні", 1))]


def test_a_renamed_review_file_is_matched_by_its_content(run_dir: Path) -> None:
    out = run_dir / "output"
    renamed = run_dir / "Copy of edited.csv"
    write_csv(renamed, edited_rows(out / "talk.en-ru.csv", {3: "Добрый день, дорогие друзья!"}))
    done = translator("review", "import", str(renamed), "--memory", str(out / "translator.sqlite"))
    assert done.returncode == 0, done.stderr
    assert "for talk en→ru" in done.stdout
    assert approvals(out / "translator.sqlite") == [("talk", "ru", 3, "Добрый день, дорогие друзья!")]


def test_a_renamed_file_that_fits_two_documents_is_refused_naming_them(run_dir: Path) -> None:
    out = run_dir / "output"
    rows = [row[:3] for row in csv.reader(io.StringIO((out / "talk.en-uk.csv").read_text("utf-8-sig")))]
    rows[0].append("translation")
    for row in rows[1:]:
        row.append("")  # no translation tells the languages apart
    write_csv(run_dir / "edited.csv", rows)
    one_line_failure(translator("review", "import", "edited.csv", cwd=run_dir), "talk → ru and talk → uk")


def test_corrections_in_an_edited_subtitle_file_are_imported_by_time(run_dir: Path) -> None:
    out = run_dir / "output"
    srt = out / "talk.uk.srt"
    text = srt.read_text("utf-8")
    assert "dear друзі" in text
    srt.write_text(text.replace("dear друзі", "шановні друзі"), "utf-8")
    blocked = translator("run", "talk.en.txt", "--to", "uk,ru", cwd=run_dir)
    advice = one_line_failure(blocked, "talk.uk.srt was changed")
    command = re.search(r"\((translator review import [^)]+)\)", advice)
    assert command is not None
    done = translator(*command[1].split()[1:], cwd=run_dir)  # the advice is a command that works
    assert done.returncode == 0 and "1 correction(s) stored" in done.stdout, done.stderr
    (stored,) = approvals(out / "translator.sqlite")
    assert stored[:3] == ("talk", "uk", 3) and "шановні друзі" in str(stored[3])
    again = translator("run", "talk.en.txt", "--to", "uk,ru", cwd=run_dir)
    assert again.returncode == 0, again.stderr
    assert "шановні друзі" in (out / "talk.en-uk.csv").read_text("utf-8-sig")


def test_a_failed_import_creates_no_memory(argos_env: Path, tmp_path: Path) -> None:
    review = tmp_path / "talk.en-uk.csv"
    review.write_text("id,source,translation\n1,Hello.,Привіт.\n", "utf-8")
    one_line_failure(translator("review", "import", str(review), cwd=tmp_path), "no translation memory at")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["talk.en-uk.csv"]
    one_line_failure(translator("review", "status", cwd=tmp_path), "no translation memory")
    assert not (tmp_path / "output").exists()


def test_review_commands_find_the_memory_beside_the_imported_file(run_dir: Path, tmp_path: Path) -> None:
    out = run_dir / "output"
    review = out / "talk.en-uk.csv"
    write_csv(review, edited_rows(review, {3: FIX}))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = translator("review", "import", str(review), cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    assert approvals(out / "translator.sqlite") == [("talk", "uk", 3, FIX)]
    assert list(elsewhere.iterdir()) == []


def test_an_oversized_review_file_is_refused_unread(run_dir: Path) -> None:
    huge = run_dir / "output" / "talk.en-uk.csv"
    with huge.open("r+b") as handle:
        handle.truncate(65 << 20)  # sparse: 65 MiB without writing them
    one_line_failure(translator("review", "import", str(huge)), "65 MiB", "refused above 64 MiB")


def test_a_correction_that_breaks_the_glossary_is_stored_and_listed(argos_env: Path, tmp_path: Path) -> None:
    talk = tmp_path / "talk.en.txt"
    talk.write_text("\n".join(SAMPLE.read_text("utf-8").splitlines()[:6]) + "\n", "utf-8")
    glossary = Path(__file__).resolve().parents[1] / "glossaries" / "interview-aisin.tsv"
    done = translator("run", "talk.en.txt", "--to", "uk", "--glossary", str(glossary), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    review = tmp_path / "output" / "talk.en-uk.csv"
    rows = edited_rows(review, {})
    assert "Руслан Айсін" in rows[3][3]
    rows[3][3] = rows[3][3].replace("Руслан Айсін", "Руслан Айсин")  # the Russian spelling, in Ukrainian
    write_csv(review, rows)
    imported = translator("review", "import", str(review))  # the run's glossary, recorded by the run
    assert imported.returncode == 0, imported.stderr
    assert re.search(r"^segment 3: breaks the glossary: ", imported.stdout, re.MULTILINE)
    assert "1 of them break the glossary" in imported.stdout
    assert approvals(tmp_path / "output" / "translator.sqlite") == [("talk", "uk", 3, rows[3][3])]
