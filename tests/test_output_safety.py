"""No text of an input can change how another program reads an output (issue #26, 16): a transcript line that
quotes two timestamps is no timing line in any SRT reader, and bidirectional controls reach no output."""

from __future__ import annotations

from pathlib import Path

import pysrt
import pysubs2
import pytest
import srt

import translator
from translator.readers import read

QUOTED_TIMES = "Barvynenko: From 00:00:05,000 to 00:00:09,000. Thank you for the good afternoon."


def _timing_lines(data: str) -> int:
    return sum(" --> " in line for line in data.splitlines())


@pytest.mark.usefixtures("argos_env")
def test_a_line_quoting_two_timestamps_is_no_timing_line_in_any_srt_reader(tmp_path: Path) -> None:
    source = tmp_path / "times.en.txt"
    source.write_text(f"Times\n\n{QUOTED_TIMES}\nAysin: Thank you.\n", "utf-8")
    translator.run([source], to="uk", out=tmp_path / "out")
    for name in ("times.uk.srt", "times.en-uk.srt"):
        text = (tmp_path / "out" / name).read_text("utf-8")
        cues = _timing_lines(text)
        assert cues >= 2
        assert len(pysubs2.SSAFile.from_string(text, format_="srt")) == cues, name
        assert len(list(srt.parse(text))) == cues, name
        assert len(pysrt.from_string(text)) == cues, name
    assert "00∶00∶05,000" in (tmp_path / "out" / "times.en-uk.srt").read_text("utf-8")
    assert "00:00:05,000" in (tmp_path / "out" / "times.en-uk.csv").read_text("utf-8")  # only SRT needs the change


@pytest.mark.usefixtures("argos_env")
def test_bidirectional_controls_reach_no_output(tmp_path: Path) -> None:
    source = tmp_path / "bidi.en.txt"
    source.write_text("Bidi\n\nBarvynenko: Thank you for the \u202eevil\u202c file and \u2066this\u2069.\n", "utf-8")
    assert [str(notice) for notice in read(source).notices] == ["line 3: bidirectional control characters removed"]
    [result] = translator.run([source], to="uk", out=tmp_path / "out")
    assert result.written
    for path in result.written:
        data = path.read_bytes()
        for control in ("\u202e", "\u202c", "\u2066", "\u2069"):
            assert control.encode() not in data, (path.name, control)
    assert "Thank you for the evil file and this." in (tmp_path / "out" / "bidi.en-uk.csv").read_text("utf-8")
