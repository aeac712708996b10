"""The review page in a real headless browser (Debian's chromium): it loads, shows every segment, runs none of
the input's markup, and its "only flagged rows" filter hides exactly the unflagged segments.

Chromium's `--dump-dom` prints the DOM after the page's scripts ran; a click is simulated by appending one line
of script to a copy of the page. Skipped where chromium is not installed (CI installs it:
`apt-get install -y chromium`).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tests.test_writers_review import sample_doc
from translator.document import Segment, Translation
from translator.writers import WRITERS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")

HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=\"document.body.dataset.pwned='yes'\">"


def page_bytes() -> bytes:
    doc = sample_doc()
    doc.segments.append(Segment(7, "turn", HOSTILE, speaker="<b>Mallory</b>", sentences=[HOSTILE],
                                translations={"uk": Translation(HOSTILE, [HOSTILE], [(0, 0)])}))
    return WRITERS["html"].render(doc, "uk")


def dump_dom(tmp_path: Path, page: bytes, fragment: str = "", then: str = "") -> lxml_html.HtmlElement:
    """Load the page (plus an optional script run after the page's own) and return the DOM chromium built."""
    if then:
        page = page.replace(b"</body>", f"<script>{then}</script>\n</body>".encode())
    path = tmp_path / "review.html"
    path.write_bytes(page)
    assert CHROMIUM is not None  # the module is skipped without it
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", path.as_uri() + fragment],
        capture_output=True, timeout=120, check=True,
    )
    assert result.stdout, result.stderr.decode(errors="replace")[-2000:]
    return lxml_html.fromstring(result.stdout)


def shown(tree: lxml_html.HtmlElement) -> list[str]:
    return [body.get("id") for body in tree.xpath("//tbody[contains(@class,'seg')]") if body.get("hidden") is None]


def test_page_loads_shows_every_segment_and_runs_no_input_markup(tmp_path: Path) -> None:
    tree = dump_dom(tmp_path, page_bytes())
    assert shown(tree) == ["s1", "s2", "s3", "s4", "s5", "s6", "s7"]
    assert tree.xpath("string(//output[@id='shown'])") == "7 of 7 segments shown"  # our script ran
    assert tree.xpath("string(//title)") != "pwned" and tree.xpath("//body/@data-pwned") == []
    assert tree.xpath("//img") == [] and tree.xpath("//b[text()='Mallory']") == []
    assert tree.xpath("string(//tbody[@id='s7']//td[contains(@class,'src')])") == HOSTILE


def test_fragment_shows_only_flagged_rows(tmp_path: Path) -> None:
    tree = dump_dom(tmp_path, page_bytes(), fragment="#flagged")
    assert shown(tree) == ["s3", "s5"]
    assert tree.xpath("string(//output[@id='shown'])") == "2 of 7 segments shown"


def test_clicking_the_box_filters_and_clicking_again_restores(tmp_path: Path) -> None:
    once = dump_dom(tmp_path, page_bytes(), then="document.getElementById('only-flagged').click();")
    assert shown(once) == ["s3", "s5"]
    twice = dump_dom(tmp_path, page_bytes(),
                     then="var b = document.getElementById('only-flagged'); b.click(); b.click();")
    assert shown(twice) == ["s1", "s2", "s3", "s4", "s5", "s6", "s7"]
