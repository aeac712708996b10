"""The OmegaT project a run writes beside the CAT files: its files, and OmegaT itself (3.6 and newer, console
mode) filling the segments of the sample interview and of a 150-cue talk from the project folder alone."""

from __future__ import annotations

import csv
import io
import itertools
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from translate.storage import tmx

from tests.conftest import SAMPLE, SampleRun
from tests.test_end_to_end import translator
from translator.timecode import format_timestamp

XLIFF = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
PROJECT = "interview-aisin.en-uk.omegat"


def test_the_project_holds_source_memories_and_glossary(sample_run: SampleRun) -> None:
    project = sample_run.out / PROJECT
    files = sorted(str(path.relative_to(project)) for path in project.rglob("*"))
    assert files == ["dictionary", "glossary", "glossary/interview-aisin.en-uk.txt", "omegat", "omegat.project",
                     "source", "source/interview-aisin.en-uk.xlf", "target", "tm", "tm/auto",
                     "tm/auto/interview-aisin.en-uk.machine.tmx", "tm/enforce",
                     "tm/enforce/interview-aisin.en-uk.approved.tmx"]
    settings = etree.parse(str(project / "omegat.project")).getroot().find("project")
    assert settings is not None
    assert (settings.findtext("source_lang"), settings.findtext("target_lang")) == ("en", "uk")
    assert settings.findtext("sentence_seg") == "false"
    units = etree.parse(str(project / "source" / "interview-aisin.en-uk.xlf")).findall(".//x:trans-unit", XLIFF)
    assert all(unit.findtext("x:target", namespaces=XLIFF) == unit.findtext("x:source", namespaces=XLIFF)
               for unit in units)
    machine = tmx.tmxfile(io.BytesIO((project / "tm/auto/interview-aisin.en-uk.machine.tmx").read_bytes()))
    sources = {unit.findtext("x:source", namespaces=XLIFF) for unit in units}
    assert len(machine.units) >= 0.95 * len(units) and {unit.source for unit in machine.units} <= sources
    assert tmx.tmxfile(io.BytesIO((project / "tm/enforce/interview-aisin.en-uk.approved.tmx").read_bytes())).units \
        == []
    glossary = (project / "glossary" / "interview-aisin.en-uk.txt").read_text("utf-8").splitlines()
    assert all(len(line.split("\t")) == 3 for line in glossary)


def _lines(text: str, width: int) -> list[str]:
    """`text` packed greedily into lines of at most `width` characters, as a live captioner cuts speech."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _talk(path: Path) -> Path:
    """A talk of about 150 cues: the sample interview's turns cut into cues of one subtitle line each, so that
    most sentences run over two or three cues."""
    lines = [line for text in SAMPLE.read_text("utf-8").splitlines()[2:] if text.strip()
             for line in _lines(text.split(": ", 1)[-1], 36)]
    blocks = []
    for number, (line, start) in enumerate(zip(lines, itertools.count(1000, 2500)), start=1):
        blocks.append(f"{number}\n{format_timestamp(start, ',')} --> {format_timestamp(start + 2400, ',')}\n{line}\n")
    path.write_text("\n".join(blocks), "utf-8")
    return path


def _omegat_fills(project: Path, config: Path) -> tuple[int, int]:
    """Run OmegaT in console mode on the project: (segments, segments its target documents fill with the
    machine translation or an approved correction), from `target/` and OmegaT's own statistics."""
    done = subprocess.run(["omegat", str(project), "--mode=console-translate", f"--config-dir={config}"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "Finished" in done.stdout + done.stderr, done.stdout[-2000:] + done.stderr
    memory = {}
    for folder in ("auto", "enforce"):
        for path in (project / "tm" / folder).glob("*.tmx"):
            memory.update({unit.source: unit.target for unit in tmx.tmxfile(io.BytesIO(path.read_bytes())).units})
    (target,) = (project / "target").glob("*.xlf")
    units = etree.parse(str(target)).findall(".//x:trans-unit", XLIFF)
    filled = sum(1 for unit in units if memory.get(unit.findtext("x:source", namespaces=XLIFF) or "")
                 == unit.findtext("x:target", namespaces=XLIFF))
    stats = (project / "omegat" / "project_stats.txt").read_text("utf-8").splitlines()
    total, remaining = (int(next(line for line in stats if line.startswith(name)).split("\t")[1])
                        for name in ("Total:", "Remaining:"))
    assert total == len(units)
    return total, min(filled, total - remaining)


@pytest.mark.skipif(shutil.which("omegat") is None,
                    reason="OmegaT is not installed (apt-get install omegat): the OmegaT project is not opened")
@pytest.mark.parametrize("kind", ["interview", "talk"])
def test_omegat_fills_every_segment_from_the_project(packages_dir: Path, tmp_path: Path, kind: str) -> None:
    source = SAMPLE if kind == "interview" else _talk(tmp_path / "talk.en.srt")
    out = tmp_path / "out"
    done = translator("run", str(source), "--to", "uk", "--out", str(out), env_dir=packages_dir)
    assert done.returncode == 0, done.stderr
    if kind == "talk":
        assert 140 <= source.read_text("utf-8").count("-->") <= 170
    (project,) = out.glob("*.omegat")
    total, filled = _omegat_fills(project, tmp_path / "omegat-config")
    assert filled >= 0.95 * total, (filled, total)


@pytest.mark.skipif(shutil.which("omegat") is None,
                    reason="OmegaT is not installed (apt-get install omegat): the OmegaT project is not opened")
def test_an_approved_correction_outranks_the_machine_text_in_omegat(packages_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = translator("run", str(SAMPLE), "--to", "uk", "--out", str(out), env_dir=packages_dir)
    assert first.returncode == 0, first.stderr
    table = out / "interview-aisin.en-uk.csv"
    rows = list(csv.reader(io.StringIO(table.read_text("utf-8-sig"))))
    row = next(row for row in rows[1:] if row[2].endswith(".") and row[2].count(".") == 1 and len(row[2]) > 20)
    row[3] = "Виправлений переклад."
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    table.write_text(buffer.getvalue(), "utf-8-sig")
    assert translator("review", "import", str(table), env_dir=packages_dir).returncode == 0
    again = translator("run", str(SAMPLE), "--to", "uk", "--out", str(out), env_dir=packages_dir)
    assert again.returncode == 0, again.stderr
    project = out / PROJECT
    approved = tmx.tmxfile(io.BytesIO((project / "tm/enforce/interview-aisin.en-uk.approved.tmx").read_bytes()))
    assert [(unit.source, unit.target) for unit in approved.units] == [(row[2], "Виправлений переклад.")]
    total, filled = _omegat_fills(project, tmp_path / "omegat-config")
    assert filled >= 0.95 * total
    (target,) = (project / "target").glob("*.xlf")
    units = etree.parse(str(target)).findall(".//x:trans-unit", XLIFF)
    assert [unit.findtext("x:target", namespaces=XLIFF) for unit in units
            if unit.findtext("x:source", namespaces=XLIFF) == row[2]] == ["Виправлений переклад."]


@pytest.mark.skipif(shutil.which("omegat") is None,
                    reason="OmegaT is not installed (apt-get install omegat): the OmegaT project is not opened")
def test_a_correction_made_in_omegat_comes_back_with_review_import(packages_dir: Path, tmp_path: Path) -> None:
    """The translated XLIFF OmegaT creates in target/ imports like the run's own XLIFF (docs/review.md): the one
    segment the translator changed is stored, the ones OmegaT filled from the machine translation are not."""
    out = tmp_path / "out"
    first = translator("run", str(SAMPLE), "--to", "uk", "--out", str(out), env_dir=packages_dir)
    assert first.returncode == 0, first.stderr
    project = out / PROJECT
    _omegat_fills(project, tmp_path / "omegat-config")
    (target,) = (project / "target").glob("*.xlf")
    tree = etree.parse(str(target))
    unit = next(unit for unit in tree.findall(".//x:trans-unit", XLIFF)
                if (unit.findtext("x:source", namespaces=XLIFF) or "").endswith("."))
    found = unit.find("x:target", XLIFF)
    assert found is not None
    found.text = "Виправлено в OmegaT."
    tree.write(str(target), xml_declaration=True, encoding="utf-8")
    imported = translator("review", "import", str(target), env_dir=packages_dir, cwd=out)
    assert imported.returncode == 0, imported.stderr
    assert "1 correction(s) stored" in imported.stdout, imported.stdout
    again = translator("run", str(SAMPLE), "--to", "uk", "--out", str(out), env_dir=packages_dir)
    assert again.returncode == 0, again.stderr
    assert "Виправлено в OmegaT." in (out / "interview-aisin.en-uk.csv").read_text("utf-8-sig")
