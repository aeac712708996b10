"""A cue's tags (`<i>`, `{\\an8}`) are inline elements a CAT tool shows and moves (`<bpt>`/`<ept>`, `<ph>`) in
XLIFF and TMX, not dropped; the text around them reads as before, and an unchanged XLIFF imports as unchanged."""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree
from translate.storage import tmx, xliff

from tests.test_end_to_end import translated, translator

TAGGED = ("1\n00:00:01,000 --> 00:00:03,000\n{\\an8}KYIV, UKRAINE — MARCH 2024\n\n"
          "2\n00:00:04,000 --> 00:00:06,000\n<i>Moscow</i> and Europe & friends.\n")
XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"


def test_tags_are_inline_elements_in_xliff_and_tmx(packages_dir: Path, tmp_path: Path) -> None:
    out = translated(packages_dir, tmp_path, "tags.en.srt", TAGGED)
    root = etree.parse(str(out / "tags.en-uk.xlf")).getroot()
    sources = list(root.iter(f"{XLIFF}source"))
    targets = list(root.iter(f"{XLIFF}target"))
    assert [(child.tag.split("}")[1], child.text) for child in sources[0]] == [("ph", "{\\an8}")]
    assert [(child.tag.split("}")[1], child.text) for child in sources[1]] == [("bpt", "<i>"), ("ept", "</i>")]
    assert sources[1][0].tail == "Moscow" and sources[1][1].tail == " and Europe & friends."
    assert [child.text for child in targets[1]] == ["<i>", "</i>"] and targets[1][0].tail == "Москва"
    store: xliff.xlifffile[xliff.Xliff1Unit] = xliff.xlifffile(io.BytesIO((out / "tags.en-uk.xlf").read_bytes()))
    assert len(store.units) == 2
    memory = etree.parse(str(out / "tags.en-uk.tmx")).getroot()
    segs = list(memory.iter("seg"))
    assert [(child.tag, child.get("i"), child.text) for child in segs[2]] == [("bpt", "1", "<i>"), ("ept", "1", "</i>")]
    assert len(tmx.tmxfile(io.BytesIO((out / "tags.en-uk.tmx").read_bytes())).units) == 2
    unchanged = translator("review", "import", str(out / "tags.en-uk.xlf"), "--dry-run", env_dir=packages_dir)
    assert unchanged.returncode == 0, unchanged.stderr
    assert "0 correction(s)" in unchanged.stdout
