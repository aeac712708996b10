"""`translator review serve` over plain HTTP and as a command: what it refuses (no token beyond loopback, another
Host, a write without the server's header or from another Origin, an oversized or non-JSON body), what a save
does to the memory (`review status` and `review undo` agree with it), the WebVTT it makes, and the command's
own life: its URL printed first, Ctrl-C stopping it cleanly, and no other command importing the web stack."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from benchmarks.review_server import running
from tests.in_process import environment, translator
from tests.review_server import run_again, translate_talk
from translator.database import Database
from translator.document import Document, Flag, GlossaryHit, Segment, Translation
from translator.ledger import DeliveredRow, RunLedger
from translator.memory import TranslationMemory
from translator.serve.app import Settings
from translator.serve.documents import Row
from translator.serve.machine import MachineTexts
from translator.serve.tracks import webvtt


@pytest.fixture
def out(tmp_path: Path, packages_dir: Path) -> Path:
    return translate_talk(tmp_path, packages_dir)[1]


@pytest.fixture
def server(out: Path) -> Iterator[tuple[str, str]]:
    """(base URL, the write token its pages carry)."""
    settings = Settings(folder=out, memory=out / "translator.sqlite")
    with running(settings) as url:
        yield url, settings.write_token


def call(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, Any]:
    """(status, body, headers) of a request; an HTTP error is an answer like any other."""
    method = "POST" if data is not None else "GET"
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8"), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8"), error.headers


def save(url: str, token: str, segment_id: int, payload: dict[str, Any], **headers: str) -> tuple[int, str, Any]:
    return call(f"{url}/doc/talk/uk/rows/{segment_id}/approve", json.dumps(payload).encode(),
                {"Content-Type": "application/json", "X-Review-Token": token, **headers})


def rows(url: str) -> list[dict[str, Any]]:
    return list(json.loads(call(f"{url}/doc/talk/uk/rows")[1]))


def test_a_save_is_in_the_memory_status_counts_it_and_review_undo_reverts_it(server: tuple[str, str],
                                                                              out: Path) -> None:
    url, token = server
    machine = rows(url)[0]["translation"]
    status, text, _ = save(url, token, 1, {"translation": "Вітаю, друзі!", "comment": "", "revision": 0,
                                           "base": machine}, Origin=url)
    assert status == 200 and json.loads(text)["status"] == "approved"
    counted = translator("review", "status", "--out", str(out))
    assert "1 correction(s) not in the last run's output" in counted.stdout
    undone = translator("review", "undo", "--out", str(out))
    assert undone.returncode == 0 and "1 correction(s) of talk → uk reverted" in undone.stdout, undone.stderr
    assert rows(url)[0]["translation"] == machine and rows(url)[0]["status"] == "machine"
    assert translator("review", "undo", "--out", str(out)).returncode == 2  # nothing left to undo


def test_a_rows_undo_reverts_its_part_of_an_imported_file_and_review_undo_the_rest(server: tuple[str, str],
                                                                                   out: Path) -> None:
    url, token = server
    table = out / "talk.en-uk.csv"
    lines = list(csv.reader(io.StringIO(table.read_text("utf-8-sig"))))
    header, body = lines[0], lines[1:]
    column = header.index("translation")
    for line in body[:2]:
        line[column] = f"Виправлено {line[0]}."
    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *body])
    assert translator("review", "import", str(table)).returncode == 0
    before = rows(url)
    assert [row["status"] for row in before[:3]] == ["approved", "approved", "machine"]
    history = json.loads(call(f"{url}/doc/talk/uk/rows/2/history")[1])
    assert [(h["before"], h["after"]) for h in history] == [(before[1]["machine"], "Виправлено 2.")]
    undo = call(f"{url}/doc/talk/uk/rows/2/undo", json.dumps({"revision": 1, "base": "Виправлено 2."}).encode(),
                {"Content-Type": "application/json", "X-Review-Token": token})
    assert undo[0] == 200 and json.loads(undo[1])["status"] == "machine"
    assert [row["status"] for row in rows(url)[:2]] == ["approved", "machine"]
    done = translator("review", "undo", "--out", str(out))
    assert "1 correction(s) of talk → uk reverted" in done.stdout, done.stderr
    assert [row["status"] for row in rows(url)[:2]] == ["machine", "machine"]


def test_a_rows_undo_puts_back_the_approval_it_replaced_with_its_comment(server: tuple[str, str]) -> None:
    url, token = server
    machine = rows(url)[0]["translation"]
    first = {"translation": "Вітаю, друзі!", "comment": "warmer", "revision": 0, "base": machine}
    assert save(url, token, 1, first, Origin=url)[0] == 200
    second = {"translation": "Привіт усім!", "comment": "", "revision": 1, "base": "Вітаю, друзі!"}
    assert save(url, token, 1, second, Origin=url)[0] == 200
    undo = call(f"{url}/doc/talk/uk/rows/1/undo", json.dumps({"revision": 2, "base": "Привіт усім!"}).encode(),
                {"Content-Type": "application/json", "X-Review-Token": token, "Origin": url})
    assert undo[0] == 200, undo[1]
    row = rows(url)[0]
    assert (row["translation"], row["status"], row["comment"]) == ("Вітаю, друзі!", "approved", "warmer")


def test_a_file_written_before_an_approval_made_in_the_browser_never_overrides_it(server: tuple[str, str],
                                                                                   out: Path) -> None:
    url, token = server
    table = out / "talk.en-uk.csv"  # written by the run, before the approval below
    lines = list(csv.reader(io.StringIO(table.read_text("utf-8-sig"))))
    lines[1][lines[0].index("translation")] = "Старий варіант."
    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(lines)
    machine = rows(url)[0]["translation"]
    edit = {"translation": "Вітаю, друзі!", "comment": "", "revision": 0, "base": machine}
    assert save(url, token, 1, edit, Origin=url)[0] == 200
    imported = translator("review", "import", str(table))
    assert imported.returncode == 0, imported.stderr
    assert "segment(s) 1 keep their newer approval" in imported.stdout + imported.stderr
    assert rows(url)[0]["translation"] == "Вітаю, друзі!" and rows(url)[0]["status"] == "approved"


def test_a_stale_save_is_refused_with_both_texts(server: tuple[str, str]) -> None:
    url, token = server
    machine = rows(url)[0]["translation"]
    assert save(url, token, 1, {"translation": "Перший.", "revision": 0, "base": machine})[0] == 200
    status, text, _ = save(url, token, 1, {"translation": "Другий.", "revision": 0, "base": machine})
    answer = json.loads(text)
    assert status == 409 and answer["current"]["translation"] == "Перший." and answer["yours"] == "Другий."
    assert rows(url)[0]["translation"] == "Перший."


def test_writes_need_the_servers_header_json_and_its_own_origin(server: tuple[str, str]) -> None:
    url, token = server
    body = {"translation": "Вітаю!", "revision": 0, "base": rows(url)[0]["translation"]}
    assert save(url, "", 1, body)[0] == 403  # no token header: a form or a script elsewhere
    assert save(url, "wrong", 1, body)[0] == 403
    assert save(url, token, 1, body, Origin="http://evil.example")[0] == 403
    assert save(url, token, 1, body, **{"Sec-Fetch-Site": "cross-site"})[0] == 403
    form = call(f"{url}/doc/talk/uk/rows/1/approve", b"translation=x",
                {"Content-Type": "application/x-www-form-urlencoded", "X-Review-Token": token})
    assert form[0] == 415
    assert rows(url)[0]["status"] == "machine"  # none of them stored anything
    assert save(url, token, 1, body, Origin=url)[0] == 200


def test_an_oversized_write_is_refused_unread(server: tuple[str, str]) -> None:
    url, token = server
    body = {"translation": "я" * 70_000, "revision": 0, "base": rows(url)[0]["translation"]}
    status, text, _ = save(url, token, 1, body)
    assert status == 413 and "at most" in text
    assert rows(url)[0]["status"] == "machine"


def test_only_its_own_host_name_is_answered_on_loopback(server: tuple[str, str]) -> None:
    url, _ = server
    assert call(f"{url}/")[0] == 200
    assert call(f"{url}/", headers={"Host": "rebound.example"})[0] == 421  # DNS rebinding


def test_beyond_loopback_the_token_is_required(out: Path) -> None:
    settings = Settings(folder=out, memory=out / "translator.sqlite", loopback=False, url_token="s3cret")
    with running(settings) as url:
        assert call(f"{url}/doc/talk/uk")[0] == 403
        assert call(f"{url}/doc/talk/uk?token=guess")[0] == 403
        status, page, headers = call(f"{url}/doc/talk/uk?token=s3cret")
        assert status == 200 and "talk" in page
        cookie = headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        assert call(f"{url}/doc/talk/uk/rows", headers={"Cookie": cookie.split(";")[0]})[0] == 200
        assert call(f"{url}/doc/talk/uk/track/translation.vtt")[0] == 403


def test_pages_forbid_inline_script_and_escape_every_text(server: tuple[str, str]) -> None:
    url, token = server
    hostile = '"><script>alert(1)</script>'
    assert save(url, token, 2, {"translation": hostile, "comment": hostile, "revision": 0,
                                "base": rows(url)[1]["translation"]})[0] == 200
    status, page, headers = call(f"{url}/doc/talk/uk")
    assert status == 200 and "script-src 'self'" in headers["content-security-policy"]
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page
    assert re.findall(r"<script\b[^>]*>", page) == ['<script src="/static/review.js" defer>']
    assert call(f"{url}/doc/talk/xx")[0] == 404 and call(f"{url}/doc/..%2Fetc/uk")[0] == 404


def test_the_track_is_webvtt_of_the_rows_with_their_text_escaped() -> None:
    row = Row(7, "", 1000, 2500, "a --> b", "x <i>y</i> & z\n\n\nend", "", "machine", (Flag("f", "m"),),
              "", "", "", 0, "", "")
    untimed = Row(8, "", None, None, "s", "t", "", "machine", (), "", "", "", 0, "", "")
    assert webvtt((row, untimed), "translation") == ("WEBVTT\n\n7\n00:00:01.000 --> 00:00:02.500\n"
                                                      "x &lt;i&gt;y&lt;/i&gt; &amp; z\nend\n")
    assert "a --&gt; b\nx &lt;i&gt;" in webvtt((row,), "both")


def test_other_commands_never_import_the_web_stack(out: Path, packages_dir: Path) -> None:
    script = (
        "import sys\n"
        "from translator import cli\n"
        "for args in sys.argv[1:]:\n"
        "    try:\n"
        "        cli.app.main(args.split('|'), prog_name='translator', standalone_mode=False)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in ('starlette', 'uvicorn', 'jinja2', 'translator.serve') if m in sys.modules))\n"
    )
    source = out.parent / "in" / "talk.en.srt"
    commands = ["--help", "review|--help", "review|serve|--help", f"review|status|--out|{out}",
                f"detect|{source}", f"run|{source}|--to|uk|--out|{out}"]
    done = subprocess.run([sys.executable, "-c", script, *commands], capture_output=True, text=True, timeout=300,
                          env=_env(packages_dir))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def _env(packages_dir: Path) -> dict[str, str]:
    changed = environment(ARGOS_PACKAGES_DIR=packages_dir)
    return {**os.environ, **{name: value for name, value in changed.items() if value is not None}}


def test_the_command_prints_its_url_and_ctrl_c_stops_it_cleanly(out: Path) -> None:
    process = subprocess.Popen([sys.executable, "-m", "translator", "review", "serve", str(out), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        found = re.search(r"at (http://127\.0\.0\.1:\d+/)$", first.strip())
        assert found, first
        assert call(found[1] + "doc/talk/uk")[0] == 200
        process.send_signal(signal.SIGINT)
        code = process.wait(30)
    finally:
        if process.poll() is None:
            process.kill()
    assert code in (0, 130)
    assert "Traceback" not in (process.stderr.read() if process.stderr else "")


def test_a_missing_folder_or_memory_is_one_line(tmp_path: Path) -> None:
    missing = translator("review", "serve", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "no such folder" in missing.stderr
    empty = translator("review", "serve", str(tmp_path))
    assert empty.returncode == 2 and "no translation memory" in empty.stderr


def act(url: str, token: str, segment_id: int, action: str, payload: dict[str, Any]) -> tuple[int, str, Any]:
    return call(f"{url}/doc/talk/uk/rows/{segment_id}/{action}", json.dumps(payload).encode(),
                {"Content-Type": "application/json", "X-Review-Token": token})


def approve_then_run(url: str, token: str, out: Path, packages_dir: Path) -> str:
    """Row 1 approved, then a run writes the approval into every output: S.json keeps no machine text for it.
    Returns the machine text the first run wrote."""
    machine = str(rows(url)[0]["translation"])
    assert save(url, token, 1, {"translation": "Вітаю, друзі!", "revision": 0, "base": machine})[0] == 200
    assert run_again(out.parent / "in" / "talk.en.srt", out, packages_dir).returncode == 0
    result = json.loads((out / "talk.json").read_text("utf-8"))
    assert result["segments"][0]["translations"]["uk"] == {**result["segments"][0]["translations"]["uk"],
                                                           "text": "Вітаю, друзі!", "origin": "approved"}
    return machine


def test_a_reject_after_the_run_wrote_the_approval_goes_back_to_the_memorys_machine_text(
        server: tuple[str, str], out: Path, packages_dir: Path) -> None:
    url, token = server
    machine = approve_then_run(url, token, out, packages_dir)
    assert rows(url)[0]["machine"] == machine  # found in the memory: the run's engine gave it for this sentence
    status, text, _ = act(url, token, 1, "reject", {"revision": 1, "base": "Вітаю, друзі!"})
    row = json.loads(text)
    assert status == 200 and (row["translation"], row["status"], row["unknown"]) == (machine, "machine", False)
    assert rows(url)[0]["translation"] == machine


def test_a_machine_text_known_nowhere_is_shown_as_the_next_runs_never_as_the_approval(
        server: tuple[str, str], out: Path, packages_dir: Path) -> None:
    url, token = server
    machine = approve_then_run(url, token, out, packages_dir)
    with Database(out / "translator.sqlite") as db, db.transaction():
        db.connection.execute("DELETE FROM sentences")  # a memory that no longer holds the machine's sentences
    assert rows(url)[0]["machine"] is None
    row = json.loads(act(url, token, 1, "reject", {"revision": 1, "base": "Вітаю, друзі!"})[1])
    assert (row["translation"], row["unknown"], row["status"]) == ("", True, "machine")
    assert "machine text after the next run" in row["translation_html"] and "Вітаю" not in row["translation_html"]
    history = json.loads(call(f"{url}/doc/talk/uk/rows/1/history")[1])
    assert [(h["before"], h["after"], h["undo"]) for h in history] == [(None, "Вітаю, друзі!", False),
                                                                       ("Вітаю, друзі!", None, False)]
    assert run_again(out.parent / "in" / "talk.en.srt", out, packages_dir).returncode == 0
    assert rows(url)[0]["translation"] == machine and not rows(url)[0]["unknown"]  # the run translated it again


def test_the_ledger_or_the_memory_gives_a_machine_text_only_when_it_is_certain(tmp_path: Path) -> None:
    segment = Segment(1, "turn", "Hello there.", sentences=["Hello there."], lang="en",
                      translations={"uk": Translation("Схвалено.", [], [], "approved")})
    doc = Document("talk.en.txt", "transcript", [segment], lang="en", targets=["uk"])
    with Database(tmp_path / "translator.sqlite") as db:
        texts = MachineTexts(db, doc, "uk")
        assert texts.of(segment) is None
        memory = TranslationMemory(db)
        memory.store("en", "uk", "engine-1", "glossary-0", [("Hello there.", "Привіт.")])
        assert MachineTexts(db, doc, "uk").of(segment) == "Привіт."
        memory.store("en", "uk", "engine-2", "glossary-0", [("Hello there.", "Вітаю.")])
        assert MachineTexts(db, doc, "uk").of(segment) is None  # two engines disagree: which one ran is unknown
        ledger = RunLedger(db)
        ledger.intend("talk", {"uk": [DeliveredRow(1, "Hello there.", "Привіт вам.", "machine")]}, {}, {})
        ledger.intend("talk", {"uk": [DeliveredRow(1, "Hello there.", "Схвалено.", "approved")]}, {}, {})
        assert MachineTexts(db, doc, "uk").of(segment) == "Привіт вам."  # what a run delivered as machine text
        ledger.intend("talk", {"uk": [DeliveredRow(1, "Hello, there.", "Інше.", "machine")]}, {}, {})
        assert MachineTexts(db, doc, "uk").of(segment) == "Привіт вам."  # not for another source text
        hit = GlossaryHit("Hello", "Hello", "Привіт", "uk", "pinned")
        glossed = dataclasses.replace(segment, glossary=[hit])
        doc.segments[0] = glossed
        memory.store("en", "uk", "engine-2", "glossary-0", [("Hello there.", "Привіт.")])
        db.connection.execute("DELETE FROM deliveries")
        assert MachineTexts(db, doc, "uk").of(glossed) is None  # a restored term: not the memory's text alone


def _near_now(stamp: str | None) -> bool:
    assert stamp is not None and stamp.endswith("Z")
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return abs((datetime.now(UTC) - moment).total_seconds()) < 600


def test_history_says_when_and_who_for_every_save_and_undo(server: tuple[str, str], out: Path) -> None:
    url, token = server
    machine = rows(url)[1]["translation"]
    assert save(url, token, 2, {"translation": "Дякую.", "revision": 0, "base": machine,
                                "reviewer": "  Olena\n Koval "})[0] == 200
    assert act(url, token, 2, "undo", {"revision": 1, "base": "Дякую.", "reviewer": "Taras"})[0] == 200
    assert save(url, token, 2, {"translation": "Дякую вам.", "revision": 0, "base": machine})[0] == 200
    history = json.loads(call(f"{url}/doc/talk/uk/rows/2/history")[1])
    assert [(h["before"], h["after"], h["reviewer"], h["undo"]) for h in history] == [
        (machine, "Дякую.", "Olena Koval", False), ("Дякую.", machine, "Taras", True),
        (machine, "Дякую вам.", None, False)]
    assert all(_near_now(h["at"]) for h in history)
    assert [h["at"] for h in history] == sorted(h["at"] for h in history)
    assert translator("review", "undo", "--out", str(out)).returncode == 0  # `review undo` is in it too
    history = json.loads(call(f"{url}/doc/talk/uk/rows/2/history")[1])
    assert [(h["before"], h["after"], h["undo"]) for h in history][-2:] == [(machine, "Дякую вам.", False),
                                                                          ("Дякую вам.", machine, True)]


def test_notes_download_as_csv_safe_for_spreadsheets_and_review_status_counts_them(server: tuple[str, str],
                                                                                   out: Path) -> None:
    url, token = server
    current = rows(url)
    assert save(url, token, 3, {"translation": "Москва — це війна.", "comment": "=HYPERLINK(\"http://x\")",
                                "category": "terminology", "severity": "major", "revision": 0,
                                "base": current[2]["translation"], "reviewer": "Olena"})[0] == 200
    assert save(url, token, 4, {"translation": "Європа.", "revision": 0, "base": current[3]["translation"]})[0] == 200
    status, _, headers = call(f"{url}/doc/talk/uk/notes.csv")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert 'filename="talk.uk.notes.csv"' in headers["content-disposition"]
    raw = urllib.request.urlopen(f"{url}/doc/talk/uk/notes.csv", timeout=30).read()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0] == ["id", "start", "end", "speaker", "source", "translation", "comment", "category",
                        "severity", "reviewer", "changed_at"]
    assert len(table) == 2  # row 4 has no note
    noted = dict(zip(table[0], table[1]))
    assert (noted["id"], noted["start"], noted["end"], noted["source"]) == ("3", "00:00:06.500", "00:00:09.000",
                                                                            "Moscow is the war.")
    assert noted["comment"] == "'=HYPERLINK(\"http://x\")"  # a spreadsheet shows it as text
    assert (noted["category"], noted["severity"], noted["reviewer"]) == ("terminology", "major", "Olena")
    assert _near_now(noted["changed_at"])
    assert call(f"{url}/doc/talk/xx/notes.csv")[0] == 404
    assert "1 with a reviewer's note" in translator("review", "status", "--out", str(out)).stdout
