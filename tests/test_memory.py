"""The SQLite translation memory and run ledger: lookups by full key, approvals, status, survival of kill -9,
refusals, and schema upgrades that keep every approval."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translator.database import SCHEMA_VERSION, Database, Migration
from translator.errors import MemoryFileError
from translator.ledger import DeliveredRow, LastRun, RunLedger, StatusCounts
from translator.memory import Approval, TranslationMemory, fingerprint

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def memory_at(path: Path) -> Iterator[TranslationMemory]:
    with Database(path) as db:
        yield TranslationMemory(db)


@pytest.fixture
def memory(tmp_path: Path) -> Iterator[TranslationMemory]:
    with memory_at(tmp_path / "out" / "translator.sqlite") as opened:
        yield opened


def test_lookup_returns_only_what_matches_the_whole_key(memory: TranslationMemory) -> None:
    memory.store("en", "uk", "translate-en_uk-1.9", "g1", [("Hello.", "Привіт."), ("Bye.", "Бувай.")])
    assert memory.lookup("en", "uk", "translate-en_uk-1.9", "g1", ["Hello.", "Unknown.", "Hello."]) == {
        "Hello.": "Привіт."}
    assert memory.lookup("en", "uk", "translate-en_uk-1.9", "g2", ["Hello."]) == {}  # glossary changed
    assert memory.lookup("en", "uk", "translate-en_uk-2.0", "g1", ["Hello."]) == {}  # package changed
    assert memory.lookup("en", "ru", "translate-en_uk-1.9", "g1", ["Hello."]) == {}


def test_memory_persists_across_reopening_and_creates_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "tm.sqlite"
    with memory_at(path) as first:
        first.store("en", "ru", "e", "", [("War.", "Война.")])
    with memory_at(path) as second:
        assert second.lookup("en", "ru", "e", "", ["War."]) == {"War.": "Война."}


def test_lookup_handles_more_sentences_than_one_query_binds(memory: TranslationMemory) -> None:
    pairs = [(f"sentence {i}.", f"речення {i}.") for i in range(1800)]
    memory.store("en", "uk", "e", "g", pairs)
    assert memory.lookup("en", "uk", "e", "g", [s for s, _ in pairs] + ["missing"]) == dict(pairs)


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=30),
                       st.text(st.characters(blacklist_categories=["Cs"]), max_size=30), max_size=8))
def test_any_text_round_trips(memory: TranslationMemory, pairs: dict[str, str]) -> None:
    memory.store("en", "uk", "e", "any", list(pairs.items()))
    assert memory.lookup("en", "uk", "e", "any", list(pairs)) == pairs


def test_fingerprint_is_stable_and_content_sensitive() -> None:
    assert fingerprint("Aisin\tАйсін\n") == fingerprint(b"Aisin\t\xd0\x90\xd0\xb9\xd1\x81\xd1\x96\xd0\xbd\n")
    assert fingerprint("a") != fingerprint("b") and len(fingerprint("a")) == 16


def test_approvals_are_kept_per_document_segment_and_language(memory: TranslationMemory) -> None:
    memory.approve("interview", 3, "en", "uk", "Hello.", "Вітаю.")
    memory.approve("interview", 3, "en", "uk", "Hello.", "Доброго дня.")  # a later correction replaces it
    memory.approve("interview", 4, "en", "ru", "Bye.", "Пока.")
    assert memory.approvals("interview", "uk") == {3: Approval("Hello.", "Доброго дня.", revision=2)}
    assert memory.approvals("interview", "ru") == {4: Approval("Bye.", "Пока.")}
    assert memory.approvals("other", "uk") == {}


def test_an_approval_keeps_what_the_reviewer_said_and_counts_its_saves(memory: TranslationMemory) -> None:
    first = memory.approve("doc", 1, "en", "uk", "Hi.", "Привіт.", comment="too formal before",
                           category="style", severity="minor")
    second = memory.approve("doc", 1, "en", "uk", "Hi.", "Вітаю.", comment="", category="terminology")
    assert (first, second) == (1, 2)
    assert memory.approvals("doc", "uk") == {1: Approval("Hi.", "Вітаю.", "", "terminology", "", 2)}


def test_undoing_an_import_puts_back_the_comment_and_revision_it_replaced(memory: TranslationMemory) -> None:
    memory.approve("doc", 1, "en", "uk", "Hi.", "Вітаю.", comment="keep it warm", category="style",
                   severity="minor")
    before = memory.approvals("doc", "uk")
    memory.log_import("doc", "uk", "/tmp/doc.uk.srt", [1, 2], None)
    memory.approve("doc", 1, "en", "uk", "Hi.", "Привіт.")
    memory.approve("doc", 2, "en", "uk", "Bye.", "Бувай.")
    undone = memory.undo_import()
    assert undone is not None and undone.approvals == 2
    assert memory.approvals("doc", "uk") == before


def test_status_counts_the_last_run_and_unapplied_corrections(memory: TranslationMemory) -> None:
    ledger = RunLedger(memory.db)
    row = DeliveredRow
    ledger.intend("doc", {"uk": [row(1, "A.", "А.", "machine"), row(2, "B.", "Б.", "flagged"),
                                 row(3, "C.", "В.", "approved")]}, {}, {})
    memory.approve("doc", 3, "en", "uk", "C.", "В.")
    assert ledger.status() == [StatusCounts("doc", "uk", 1, 1, 1, 0)]
    memory.approve("doc", 1, "en", "uk", "A.", "Аа.")
    assert ledger.status("doc") == [StatusCounts("doc", "uk", 1, 1, 1, 1)]
    ledger.intend("doc", {"uk": [row(1, "A.", "Аа.", "approved"), row(2, "B.", "Б.", "machine")]}, {}, {})
    assert ledger.status("doc") == [StatusCounts("doc", "uk", 1, 1, 0, 1)]  # approval of a vanished segment 3
    assert ledger.status("nothing") == []


def test_an_import_batch_is_all_or_nothing(memory: TranslationMemory) -> None:
    with pytest.raises(RuntimeError), memory.db.transaction():
        memory.approve("doc", 1, "en", "uk", "A.", "А.")
        raise RuntimeError("reader failed halfway")
    assert memory.approvals("doc", "uk") == {}


# Nothing lost: kill -9 -------------------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from translator.database import Database
    from translator.memory import TranslationMemory

    memory = TranslationMemory(Database(Path(sys.argv[1])))
    batch = 0
    while True:
        memory.store("en", "uk", "e", "g", [(f"b{batch} s{i}", f"t{batch} {i}" * 20) for i in range(40)])
        print(batch, flush=True)
        batch += 1
""")


def test_kill_9_keeps_every_committed_batch_and_the_next_run_resumes(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, env=env, text=True)
    assert process.stdout is not None
    reported = -1
    while reported < 25:
        line = process.stdout.readline()
        assert line, "the writer died before it was killed"
        reported = int(line)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    reported = max([reported, *map(int, process.stdout.read().split())])  # what it said before it died
    process.stdout.close()

    with memory_at(path) as memory:  # opens: the file is consistent (quick_check passed)
        for batch in range(reported + 1):
            sources = [f"b{batch} s{i}" for i in range(40)]
            assert memory.lookup("en", "uk", "e", "g", sources) == {s: f"t{batch} {s.split('s')[-1]}" * 20
                                                                     for s in sources}
        rows = memory.db.connection.execute("SELECT source FROM sentences").fetchall()
        batches: dict[str, list[str]] = {}
        for (source,) in rows:
            batches.setdefault(source.split(" ")[0], []).append(source)
        assert all(len(found) == 40 for found in batches.values())  # no half batch
        assert sorted(batches) == sorted(f"b{n}" for n in range(len(batches)))
        assert len(batches) in (reported + 1, reported + 2)  # at most the batch it was about to report
        memory.store("en", "uk", "e", "g", [("after", "після")])  # and it goes on from there
    with memory_at(path) as memory:
        assert memory.lookup("en", "uk", "e", "g", ["after"]) == {"after": "після"}


# Refusals: never overwrite what is not ours -------------------------------------------------------------

def _refused(path: Path, match: str) -> None:
    before = path.read_bytes()
    with pytest.raises(MemoryFileError, match=match) as caught:
        Database(path)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("id,source\n1,Hello\n", encoding="utf-8")
    _refused(path, "not an SQLite file")


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "foreign.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE contacts (name TEXT)")
        db.execute("INSERT INTO contacts VALUES ('Ruslan')")
    db.close()
    _refused(path, "another program")


def test_a_memory_of_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    Database(path).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    _refused(path, "schema version 99")


def test_a_damaged_memory_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    with memory_at(path) as memory:
        memory.store("en", "uk", "e", "g", [(f"sentence {i}", "речення " * 30) for i in range(400)])
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 8 * page
    noise = random.Random(5).randbytes(3 * page)
    data[2 * page:5 * page] = noise
    path.write_bytes(bytes(data))
    _refused(path, "damaged")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MemoryFileError, match="not a regular file"):
        Database(tmp_path)


def test_an_empty_file_or_blank_database_becomes_a_memory(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    blank = tmp_path / "blank.sqlite"
    sqlite3.connect(blank).execute("VACUUM").connection.close()
    for path in (empty, blank):
        with memory_at(path) as memory:
            memory.store("en", "uk", "e", "g", [("a", "б")])
        with memory_at(path) as memory:
            assert memory.lookup("en", "uk", "e", "g", ["a"]) == {"a": "б"}


# Schema upgrades: approvals are never locked away ------------------------------------------------------

V1_DUMP = ROOT / "tests" / "data" / "memory-v1.sql"  # written by translator 0.1.0, before migrations existed


def _todays_file(tmp_path: Path) -> Path:
    path = tmp_path / "translator.sqlite"
    db = sqlite3.connect(path)
    db.executescript(V1_DUMP.read_text("utf-8"))
    db.close()
    return path


def _schema(path: Path) -> list[tuple[str, str]]:
    """Every table and index with its definition, blanks normalised."""
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT name, sql FROM sqlite_schema ORDER BY name").fetchall()
    db.close()
    return [(name, " ".join((sql or "").split())) for name, sql in rows]


def _assert_v1_content_intact(db: Database) -> None:
    memory, ledger = TranslationMemory(db), RunLedger(db)
    assert memory.approvals("interview-aisin", "uk") == {
        3: Approval("Good afternoon, Ruslan Aisin.", "Добрий день, Руслане Айсіне.")}
    assert memory.approvals("interview-aisin", "ru") == {4: Approval("Thank you.", "Спасибо вам.")}
    assert memory.lookup("en", "uk", "translate-en_uk-1_9", "g1", ["Hello.", "Thank you."]) == {
        "Hello.": "Привіт.", "Thank you.": "Дякую."}
    assert ledger.last_run("interview-aisin") == LastRun("f" * 64, ["/tmp/out/interview-aisin.uk.srt"],
                                                         "flags: 1 glossary-miss (uk)")
    assert ledger.outputs("interview-aisin", "uk")[4].status == "flagged"


def test_a_memory_written_by_todays_release_opens_with_everything_intact(tmp_path: Path) -> None:
    path = _todays_file(tmp_path)
    with Database(path) as db:
        (version,) = db.connection.execute("PRAGMA user_version").fetchone()
        assert version == SCHEMA_VERSION
        _assert_v1_content_intact(db)


def test_a_new_file_and_an_upgraded_one_have_the_same_schema(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh" / "translator.sqlite"
    Database(fresh).close()
    upgraded = _todays_file(tmp_path)
    Database(upgraded).close()
    assert _schema(fresh) == _schema(upgraded)


NEXT_STEP: Migration = ("ALTER TABLE approvals ADD COLUMN note TEXT NOT NULL DEFAULT ''",
                        "UPDATE approvals SET note = 'from 0.1.0'")


def test_an_upgrade_step_runs_in_place_and_keeps_every_approval(tmp_path: Path) -> None:
    from translator.database import MIGRATIONS

    path = _todays_file(tmp_path)
    with Database(path, (*MIGRATIONS, NEXT_STEP)) as db:
        assert db.connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION + 1,)
        assert db.connection.execute("SELECT DISTINCT note FROM approvals").fetchall() == [("from 0.1.0",)]
        _assert_v1_content_intact(db)
    with pytest.raises(MemoryFileError, match=f"schema version {SCHEMA_VERSION + 1} was written by a newer"):
        Database(path)  # today's code refuses the newer file rather than damage it


def test_a_failing_upgrade_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    from translator.database import MIGRATIONS

    path = _todays_file(tmp_path)
    before = _schema(path)
    broken: Migration = (NEXT_STEP[0], "UPDATE no_such_table SET x = 1")
    with pytest.raises(MemoryFileError, match=rf"cannot upgrade schema version 1 to {SCHEMA_VERSION + 1} .*left as it"):
        Database(path, (*MIGRATIONS, broken))
    assert _schema(path) == before  # the first statement was rolled back with the second
    with Database(path) as db:
        _assert_v1_content_intact(db)
