"""A transcript's XLIFF has one unit a sentence, as its TMX has (not one a paragraph), and a corrected XLIFF of
sentences comes back onto the paragraphs they belong to. Read with translate-toolkit, as a CAT tool's library."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from translate.storage import tmx, xliff

from tests.conftest import SAMPLE, SampleRun
from tests.test_end_to_end import translator


def _xliff(path: Path) -> xliff.xlifffile[xliff.Xliff1Unit]:
    return xliff.xlifffile(io.BytesIO(path.read_bytes()))


def _id(unit: xliff.xliffunit) -> str:
    """The unit's own id, as written (translate-toolkit's getid prefixes the file's `original`)."""
    return str(unit.xmlelement.get("id"))


def test_transcript_xliff_has_a_unit_per_sentence_like_the_tmx(sample_run: SampleRun) -> None:
    out = sample_run.out
    units = _xliff(out / "interview-aisin.en-uk.xlf").units
    result = json.loads((out / "interview-aisin.json").read_text("utf-8"))
    sentences = sum(len(segment["sentences"]) for segment in result["segments"])
    assert len(units) >= 0.9 * sentences > len(result["segments"])
    memory = list(tmx.tmxfile(io.BytesIO((out / "interview-aisin.en-uk.tmx").read_bytes())).units)
    assert {unit.source for unit in memory} <= {unit.source for unit in units}
    many = [_id(unit) for unit in units if _id(unit).endswith(".2")]
    assert many, "a paragraph of several sentences is several units, ids SEGMENT.N"


def test_a_corrected_sentence_unit_comes_back_onto_its_paragraph(packages_dir: Path, tmp_path: Path,
                                                                 sample_run: SampleRun) -> None:
    out = tmp_path / "out"
    shutil.copytree(sample_run.out, out)
    path = out / "interview-aisin.en-uk.xlf"
    store = _xliff(path)
    unit = next(unit for unit in store.units if _id(unit).endswith(".2"))
    unit.target = "Виправлене речення."
    path.write_bytes(bytes(store))
    done = translator("review", "import", str(path), env_dir=packages_dir, cwd=out)
    assert done.returncode == 0, done.stderr
    again = translator("run", str(SAMPLE), "--to", "uk,ru", "--out", str(out), env_dir=packages_dir)
    assert again.returncode == 0, again.stderr
    segment_id = _id(unit).split(".")[0]
    rows = {row[0]: row for row in csv.reader(io.StringIO((out / "interview-aisin.en-uk.csv").read_text("utf-8-sig")))}
    first = next(u for u in store.units if _id(u) == f"{segment_id}.1")
    assert rows[segment_id][3] == f"{first.target} Виправлене речення." or \
        rows[segment_id][3].startswith(f"{first.target} Виправлене речення. ")
    assert rows[segment_id][5] == "approved"
