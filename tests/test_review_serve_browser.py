"""`translator review serve` in real Chromium (Debian's, driven by Playwright): a reviewer who never touches the
mouse edits, comments, approves and undoes, and the next `translator run` writes what was approved; two
reviewers saving one row: the second is shown both texts and nothing is lost; the video's subtitle track follows
an edit; markup typed into a translation stays text. Skipped where chromium or Playwright is missing (CI
installs both: .ci/run)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.review_server import CHROMIUM, CHROMIUM_ARGS, running, running_film
from tests.review_server import make_video, run_again, translate_talk
from translator.database import Database
from translator.memory import TranslationMemory
from translator.serve.app import Settings

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the test extra)")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")

HOSTILE = "<img src=x onerror=\"document.body.dataset.pwned='yes'\"><script>document.title='pwned'</script> & --> ok"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def talk(tmp_path: Path, packages_dir: Path) -> tuple[Path, Path]:
    return translate_talk(tmp_path, packages_dir)


def open_page(browser: Any, url: str) -> Any:
    page = browser.new_context().new_page()
    page.goto(url)
    page.wait_for_selector("body.ready")
    return page


def status(page: Any, segment_id: int) -> str:
    return str(page.inner_text(f"#s{segment_id} td.status"))


def wait_status(page: Any, segment_id: int, wanted: str) -> None:
    page.wait_for_function("([id, wanted]) => document.querySelector('#s' + id + ' td.status').textContent === wanted",
                           arg=[segment_id, wanted])


def approvals(out: Path) -> dict[int, Any]:
    with Database(out / "translator.sqlite") as db:
        return TranslationMemory(db).approvals("talk", "uk")


def edit_current(page: Any, text: str) -> None:
    """Enter opens the editor on the current row; select all, type, Ctrl+Enter approves."""
    page.keyboard.press("Enter")
    page.wait_for_selector("tr.editing textarea:focus")
    page.keyboard.press("Control+a")
    page.keyboard.type(text)
    page.keyboard.press("Control+Enter")


def note_and_approve(page: Any, comment: str, category: str, severity: str) -> None:
    """From the editor's text: Tab to the comment, the error category and the severity (each chosen by typing
    its first letters), then Ctrl+Enter approves."""
    for typed in (comment, category, severity):
        page.keyboard.press("Tab")
        page.keyboard.type(typed)
    page.keyboard.press("Control+Enter")


def test_keyboard_only_review_then_run_writes_the_approved_text(browser: Any, talk: tuple[Path, Path],
                                                                packages_dir: Path) -> None:
    source, out = talk
    with running(Settings(folder=out, memory=out / "translator.sqlite")) as url:
        page = open_page(browser, f"{url}/doc/talk/uk")
        page.keyboard.press("?")
        assert page.is_visible("#overlay") and "Ctrl+Enter" in page.inner_text("#overlay")
        page.keyboard.press("Escape")
        assert not page.is_visible("#overlay")
        assert page.evaluate("() => document.activeElement.id") == "s1"
        page.keyboard.press("j")  # row 2
        page.keyboard.press("Enter")
        page.wait_for_selector("tr.editing textarea:focus")
        page.keyboard.press("Control+a")
        page.keyboard.type("Дякую за добрий день.")
        note_and_approve(page, "word for word", "f", "ma")  # error category fluency, severity major
        wait_status(page, 2, "approved")
        assert page.inner_text("#s2 td.tgt") == "Дякую за добрий день."
        assert page.evaluate("() => document.activeElement.id") == "s3"  # approving moves on
        page.keyboard.press("Control+Enter")  # row 3 approved as it is
        wait_status(page, 3, "approved")
        page.keyboard.press("k")
        page.keyboard.press("u")  # undo row 3: machine again
        wait_status(page, 3, "machine")
        page.keyboard.press("j")
        page.keyboard.press("x")  # select row 4
        page.keyboard.press("Shift+A")  # approve the selected rows
        wait_status(page, 4, "approved")
        page.keyboard.press("r")  # reject row 4: back to the machine text
        wait_status(page, 4, "machine")
        page.keyboard.press("g")
        page.keyboard.press("j")
        page.keyboard.press("h")  # row 2's history
        page.wait_for_selector("tr.history li")
        assert "Дякую за добрий день." in page.inner_text("tr.history")

    stored = approvals(out)
    assert list(stored) == [2]
    assert (stored[2].translation, stored[2].comment, stored[2].category, stored[2].severity) == (
        "Дякую за добрий день.", "word for word", "fluency", "major")
    run_again(source, out, packages_dir)
    assert "Дякую за добрий день." in (out / "talk.uk.srt").read_text("utf-8")
    assert "Дякую за добрий день." in (out / "talk.uk.vtt").read_text("utf-8")
    result = json.loads((out / "talk.json").read_text("utf-8"))
    origins = {s["id"]: s["translations"]["uk"]["origin"] for s in result["segments"]}
    assert origins == {1: "machine", 2: "approved", 3: "machine", 4: "machine", 5: "machine"}


def test_two_reviewers_on_one_row_the_second_sees_both_texts_and_nothing_is_lost(
        browser: Any, talk: tuple[Path, Path]) -> None:
    _, out = talk
    with running(Settings(folder=out, memory=out / "translator.sqlite")) as url:
        first, second = open_page(browser, f"{url}/doc/talk/uk"), open_page(browser, f"{url}/doc/talk/uk")
        edit_current(first, "Вітаю, друзі!")
        wait_status(first, 1, "approved")
        edit_current(second, "Привіт вам, друзі.")
        second.wait_for_selector("tr.conflict")
        assert second.inner_text("tr.conflict .theirs") == "Вітаю, друзі!"
        assert second.inner_text("tr.conflict .yours") == "Привіт вам, друзі."
        assert approvals(out)[1].translation == "Вітаю, друзі!"  # the first reviewer's save stands
        second.keyboard.press("Control+Enter")  # save mine over theirs, knowingly
        second.wait_for_function("() => document.querySelector('#s1 td.tgt').textContent === 'Привіт вам, друзі.'")
        assert approvals(out)[1].translation == "Привіт вам, друзі."
        second.keyboard.press("h")
        second.wait_for_selector("tr.history li")
        assert "Вітаю, друзі!" in second.inner_text("tr.history")  # the first save is in the history
        first.keyboard.press("k")
        first.keyboard.press("Control+Enter")  # the first reviewer's page is stale now: refused too
        first.wait_for_selector("tr.conflict")
        assert first.inner_text("tr.conflict .theirs") == "Привіт вам, друзі."
        first.keyboard.press("Escape")  # keep theirs
        assert first.inner_text("#s1 td.tgt") == "Привіт вам, друзі."


def shown(page: Any) -> list[str]:
    return list(page.evaluate("() => Array.from(document.querySelectorAll('#review tr.row'))"
                              ".filter(tr => !tr.hidden).map(tr => tr.id)"))


def test_flagged_rows_find_and_replace_in_the_translation_column_by_keyboard(browser: Any,
                                                                            talk: tuple[Path, Path]) -> None:
    _, out = talk
    with running(Settings(folder=out, memory=out / "translator.sqlite")) as url:
        page = open_page(browser, f"{url}/doc/talk/uk")
        assert page.get_attribute("#s5 td.flags li", "data-code") == "reading-speed"
        page.keyboard.press("n")  # next flagged row
        assert page.evaluate("() => document.activeElement.id") == "s5"
        page.keyboard.press("F")  # flagged first
        assert page.evaluate("() => document.querySelector('#review tbody tr.row').id") == "s5"
        page.keyboard.press("F")
        page.keyboard.press("f")  # only flagged
        assert shown(page) == ["s5"]
        page.keyboard.press("f")
        sources = page.eval_on_selector_all("#review td.src", "cells => cells.map(c => c.textContent)")
        translations = page.eval_on_selector_all("#review td.tgt", "cells => cells.map(c => c.textContent)")
        word = "друзі"
        assert translations[0].count(word) == 1  # the tiny model's "friends"
        page.keyboard.press("/")
        page.keyboard.type(word)
        page.keyboard.press("Enter")  # back to the rows, only those that hold the word
        having = [f"s{n + 1}" for n, (s, t) in enumerate(zip(sources, translations)) if word in s + t]
        assert shown(page) == having and len(having) >= 2
        page.keyboard.press("Shift+R")
        page.keyboard.type("друзям")
        page.keyboard.press("Enter")  # replace in the shown rows' translations, each one approved
        page.wait_for_function("(n) => document.querySelectorAll('#review tr.row.approved').length === n",
                               arg=len(having))
    stored = approvals(out)
    assert sorted(stored) == [int(row_id[1:]) for row_id in having]
    for number, approval in stored.items():
        assert approval.translation == translations[number - 1].replace(word, "друзям")
        assert approval.source_text == sources[number - 1]  # the source column is never touched


def cues(page: Any) -> list[list[Any]]:
    return list(page.evaluate("""() => {
        const track = document.querySelector('track[label="translation"]').track;
        return track.cues ? Array.from(track.cues).map(c => [Number(c.id), Math.round(c.startTime * 1000),
                                                             Math.round(c.endTime * 1000),
                                                             c.getCueAsHTML().textContent]) : [];
    }"""))


def test_the_video_track_cues_equal_the_rows_after_an_edit(browser: Any, talk: tuple[Path, Path]) -> None:
    source, out = talk
    video = make_video(source.with_suffix(".webm"))  # talk.en.webm beside talk.en.srt is found by itself
    if video is None:
        pytest.skip("ffmpeg is missing or cannot write WebM (the track's WebVTT is tested over HTTP too)")
    with running(Settings(folder=out, memory=out / "translator.sqlite")) as url:
        page = open_page(browser, f"{url}/doc/talk/uk")
        page.wait_for_function("() => document.querySelector('video').readyState >= 1")
        page.wait_for_function("() => document.querySelector('track[label=\"translation\"]').track.cues?.length === 5")
        page.keyboard.press("j")
        edit_current(page, "Дякую за <добрий> день & --> вечір.")
        wait_status(page, 2, "approved")
        rows = page.evaluate(f"fetch('{url}/doc/talk/uk/rows').then(r => r.json())")
        expected = [[r["id"], r["start_ms"], r["end_ms"], r["translation"]] for r in rows]
        page.wait_for_function("(want) => { const t = document.querySelector('track[label=\"translation\"]').track;"
                               " return t.cues?.length === 5 && t.cues[1].getCueAsHTML().textContent === want; }",
                               arg=expected[1][3])
        assert cues(page) == expected
        page.click("#s3 td.src")  # a click on a row seeks to its cue
        page.wait_for_function("() => Math.abs(document.querySelector('video').currentTime - 6.5) < 0.01")
        shot = out.parent / "review-serve.png"
        page.set_viewport_size({"width": 1600, "height": 340})
        page.screenshot(path=str(shot))
        if os.environ.get("REVIEW_SCREENSHOT"):  # the README's picture: REVIEW_SCREENSHOT=docs/review-serve.png
            shutil.copyfile(shot, os.environ["REVIEW_SCREENSHOT"])


def test_markup_typed_into_a_translation_renders_as_text(browser: Any, talk: tuple[Path, Path]) -> None:
    _, out = talk
    with running(Settings(folder=out, memory=out / "translator.sqlite")) as url:
        page = open_page(browser, f"{url}/doc/talk/uk")
        edit_current(page, HOSTILE)
        wait_status(page, 1, "approved")
        for view in (page, open_page(browser, f"{url}/doc/talk/uk")):  # as saved, and as served afresh
            assert view.inner_text("#s1 td.tgt") == HOSTILE
            assert view.eval_on_selector_all("#review img, #review script", "nodes => nodes.length") == 0
            assert view.title() != "pwned" and view.evaluate("() => document.body.dataset.pwned") is None
    assert approvals(out)[1].translation == HOSTILE


def test_a_reject_after_a_run_wrote_the_approval_shows_the_machine_text_or_says_it_comes_with_the_next_run(
        browser: Any, talk: tuple[Path, Path], packages_dir: Path) -> None:
    source, out = talk
    with running(Settings(folder=out, memory=out / "translator.sqlite")) as url:
        page = open_page(browser, f"{url}/doc/talk/uk")
        machine = [page.inner_text(f"#s{n} td.tgt") for n in (1, 2)]
        edit_current(page, "Вітаю, друзі!")
        wait_status(page, 1, "approved")
        edit_current(page, "Дякую.")
        wait_status(page, 2, "approved")
    run_again(source, out, packages_dir)  # S.json now holds the approvals, not the machine text
    with Database(out / "translator.sqlite") as db, db.transaction():  # the memory forgot row 2's sentence
        db.connection.execute("DELETE FROM sentences WHERE source = ?", ("Thank you for the good afternoon.",))
    with running(Settings(folder=out, memory=out / "translator.sqlite")) as url:
        page = open_page(browser, f"{url}/doc/talk/uk")
        assert [page.text_content(f"#s{n} td.status") for n in (1, 2)] == ["approved", "approved"]
        page.keyboard.press("r")  # reject row 1: its machine text is in the memory
        wait_status(page, 1, "machine")
        assert page.inner_text("#s1 td.tgt") == machine[0]
        page.keyboard.press("j")
        page.keyboard.press("r")  # reject row 2: its machine text is known nowhere until the next run
        wait_status(page, 2, "machine")
        assert page.inner_text("#s2 td.tgt") == "machine text after the next run"
        assert "Дякую." not in page.inner_text("#s2") and page.is_visible("#s2 td.tgt.unknown")
        page.keyboard.press("Enter")  # the editor starts empty: nothing to pass off as machine text
        page.wait_for_selector("tr.editing textarea:focus")
        assert page.input_value("tr.editing textarea") == ""
        page.keyboard.press("Escape")
        reopened = open_page(browser, f"{url}/doc/talk/uk")
        assert reopened.inner_text("#s2 td.tgt") == "machine text after the next run"
    run_again(source, out, packages_dir)
    with running(Settings(folder=out, memory=out / "translator.sqlite")) as url:
        page = open_page(browser, f"{url}/doc/talk/uk")
        assert [page.inner_text(f"#s{n} td.tgt") for n in (1, 2)] == machine


def test_the_history_says_when_and_who_and_the_browser_keeps_the_name(browser: Any,
                                                                      talk: tuple[Path, Path]) -> None:
    _, out = talk
    with running(Settings(folder=out, memory=out / "translator.sqlite")) as url:
        page = open_page(browser, f"{url}/doc/talk/uk")
        page.focus("#reviewer")
        page.keyboard.type("Olena")
        page.keyboard.press("Enter")  # back to the rows
        assert page.evaluate("() => document.activeElement.id") == "s1"
        edit_current(page, "Вітаю, друзі!")
        wait_status(page, 1, "approved")
        page.keyboard.press("k")
        page.keyboard.press("u")
        wait_status(page, 1, "machine")
        page.keyboard.press("h")
        page.wait_for_selector("tr.history li")
        items = page.query_selector_all("tr.history li")
        assert len(items) == 2 and "Olena" in items[0].inner_text() and "Olena" in items[1].inner_text()
        assert "undone" in items[1].inner_text() and "undone" not in items[0].inner_text()
        stamps = [item.get_attribute("datetime") for item in page.query_selector_all("tr.history li time")]
        assert all(stamp and stamp.endswith("Z") for stamp in stamps) and stamps == sorted(stamps)
        again = page.context.new_page()  # the same browser profile: the name is remembered
        again.goto(f"{url}/doc/talk/uk")
        again.wait_for_selector("body.ready")
        assert again.input_value("#reviewer") == "Olena"


def test_d_downloads_the_reviewers_notes_as_csv_safe_for_spreadsheets(browser: Any, talk: tuple[Path, Path]) -> None:
    _, out = talk
    with running(Settings(folder=out, memory=out / "translator.sqlite")) as url:
        page = open_page(browser, f"{url}/doc/talk/uk")
        page.keyboard.press("Enter")
        page.wait_for_selector("tr.editing textarea:focus")
        note_and_approve(page, "=2+2 is not a greeting", "t", "c")  # terminology, critical
        wait_status(page, 1, "approved")
        with page.expect_download() as download:
            page.keyboard.press("d")
        saved = Path(download.value.path())
        assert download.value.suggested_filename == "talk.uk.notes.csv"
        table = list(csv.reader(io.StringIO(saved.read_text("utf-8-sig"))))
    assert [dict(zip(table[0], row)) for row in table[1:]] == [{
        "id": "1", "start": "00:00:01.000", "end": "00:00:03.000", "speaker": "", "source": "Hello, friends.",
        "translation": approvals(out)[1].translation, "comment": "'=2+2 is not a greeting", "category": "terminology",
        "severity": "critical", "reviewer": "", "changed_at": table[1][-1]}]
    assert table[1][-1].endswith("Z")


def test_a_long_page_is_ready_for_keys_before_its_rows_off_screen_are_laid_out(browser: Any) -> None:
    """Start-up lays out only the rows on screen (the rest wait until scrolled to), so a film is ready for keys
    sooner; a key still reaches any row."""
    from benchmarks import review_serve

    with running_film(review_serve.film(400)) as url:
        page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        page.goto(f"{url}/doc/film/uk")
        page.wait_for_selector("body.ready")
        laid_out = "(id) => document.querySelector('#' + id + ' td.src').checkVisibility({contentVisibilityAuto: true})"
        assert page.evaluate(laid_out, "s1") and not page.evaluate(laid_out, "s400")
        page.keyboard.press("G")  # the last row: scrolled to, laid out, current
        page.wait_for_selector("#s400.current")
        assert page.evaluate("() => document.activeElement.id") == "s400" and page.evaluate(laid_out, "s400")
        page.context.close()


def test_the_benchmark_measures_a_small_document(browser: Any) -> None:
    """benchmarks/review_serve.py end to end on 30 cues (nothing timed here: the figures come from running it)."""
    from benchmarks import review_serve

    doc = review_serve.film(30)
    assert len(doc.segments) == 30 and sum(bool(s.flags) for s in doc.segments) == 3
    with running_film(doc) as url:
        result = review_serve.measure(url, loads=1, saves=3, browser=browser)
    assert result["rows"] == 30 and result["approve_median_ms"] > 0 and result["first_paint_ms"] > 0
