"""WebVTT voices and overlaps: two voices in one cue stay two lines (and two voices), and in SRT, which has no
voices and whose players show one cue at a time, they become dialogue lines and the overlaps are taken out."""

from __future__ import annotations

import itertools
from pathlib import Path

import pysubs2

from tests.readback import srt_cues
from tests.test_end_to_end import translated
from translator.readers import vtt as vtt_reader

VOICES_VTT = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v.loud Fred>Is it war?</v>\n<v Bill>No, friends.</v>\n\n"
    "00:00:03.000 --> 00:00:06.000\n<v Ann>Hello, friends!</v>\n\n"
    "00:00:06.000 --> 00:00:08.000\nThank you.\n\n"
    "00:00:06.000 --> 00:00:07.000\nGood afternoon.\n"
)


def _run(packages_dir: Path, tmp_path: Path) -> Path:
    return translated(packages_dir, tmp_path, "voices.en.vtt", VOICES_VTT)


def test_two_voices_on_one_cue_stay_two_lines_and_two_voices(packages_dir: Path, tmp_path: Path) -> None:
    out = _run(packages_dir, tmp_path)
    text = (out / "voices.uk.vtt").read_text("utf-8")
    first = text.split("\n\n")[1].splitlines()
    assert first[1:] == ["<v.loud Fred>Є it війна?</v>", "<v Bill>No, друзі.</v>"]
    doc = vtt_reader.parse(text, "voices.uk.vtt")
    assert doc.segments[0].text.splitlines() == ["Є it війна?", "No, друзі."]
    assert doc.segments[1].speaker == "Ann"


def test_voices_become_dialogue_lines_and_overlaps_go_in_srt(packages_dir: Path, tmp_path: Path) -> None:
    out = _run(packages_dir, tmp_path)
    cues = srt_cues((out / "voices.uk.srt").read_bytes())
    assert cues[0][2].splitlines() == ["— Є it війна?", "— No, друзі."]
    assert cues[1][2] == "Привіт, друзі!"  # one voice: the cue is that speaker's, nothing to tell apart
    times = [(start, end) for start, end, _ in cues]
    assert all(end <= following for (_, end), (following, _) in itertools.pairwise(times)), times
    assert times[:2] == [(1000, 3000), (3000, 6000)]  # the first cue gives way when the second starts
    # two cues starting together are one cue of two lines, as long as the longer
    assert cues[2] == (6000, 8000, "— Дякую вам.\n— Добрий день.")
    assert len(cues) == 3
    bilingual = pysubs2.load(str(out / "voices.en-uk.srt"))
    assert [(e.start, e.end) for e in bilingual][:2] == [(1000, 3000), (3000, 6000)]
    assert bilingual[0].plaintext.splitlines() == ["- Is it war?", "- No, friends.", "— Є it війна?", "— No, друзі."]
