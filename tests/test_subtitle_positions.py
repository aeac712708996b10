"""Positioned captions (`{\\an8}` in SRT, `line:0` in WebVTT): never merged with speech, and kept in place when a
run writes the other format. Read back with srt (what editors' tools use) and the WebVTT specification's parser."""

from __future__ import annotations

from pathlib import Path

import pytest
import srt

from tests.test_end_to_end import translated
from translator.document import Segment, Timing
from translator.readers import vtt as vtt_reader
from translator.subtitles import group_cues
from translator.subtitles.position import an_of_settings, placement, vtt_settings

DATELINE_SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\n{\\an8}KYIV, UKRAINE — MARCH 2024\n\n"
    "2\n00:00:03,200 --> 00:00:06,000\nThank you for the war in Europe\n\n"
    "3\n00:00:06,000 --> 00:00:08,000\nis the good friends of Moscow.\n"
)
TOP_VTT = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:03.000 line:0 position:20% align:start\nMoscow and Europe\n\n"
    "00:00:03.000 --> 00:00:05.000\nis the war.\n"
)


def _cue(number: int, text: str, markup: str | None = None, settings: str | None = None) -> Segment:
    return Segment(number, "cue", text, markup=markup, cue_settings=settings,
                   timing=Timing(number * 1000, number * 1000 + 900))


def test_a_positioned_caption_never_joins_the_speech_after_it() -> None:
    cues = [_cue(1, "KYIV, UKRAINE — MARCH 2024", "{\\an8}KYIV, UKRAINE — MARCH 2024"),
            _cue(2, "Thank you for the war"), _cue(3, "in Europe.")]
    assert group_cues(cues) == [[0], [1, 2]]
    top = [_cue(1, "Moscow and", settings="line:0"), _cue(2, "Europe.")]
    assert group_cues(top) == [[0], [1]]
    both_top = [_cue(1, "Moscow and", settings="line:0"), _cue(2, "Europe.", settings="line:0")]
    assert group_cues(both_top) == [[0, 1]]


@pytest.mark.parametrize(("an", "settings"), [(8, "line:0"), (7, "line:0 align:left"), (9, "line:0 align:right"),
                                              (5, "line:50%,center"), (1, "align:left"), (3, "align:right")])
def test_an_positions_map_to_webvtt_settings_and_back(an: int, settings: str) -> None:
    assert vtt_settings(an) == settings
    assert an_of_settings(settings) == an


def test_webvtt_settings_that_place_a_cue_read_as_an_position() -> None:
    assert an_of_settings("line:0 position:20% align:start") == 7
    assert an_of_settings("line:1") == 8 and an_of_settings("line:10%") == 8
    assert an_of_settings("line:-1") is None and an_of_settings("") is None and an_of_settings("size:80%") is None
    assert placement("{\\an8}KYIV", None) == 8 and placement(None, "line:0") == 8 and placement("Hi", None) is None


def test_srt_dateline_stays_its_own_cue_at_the_top_in_every_language(packages_dir: Path, tmp_path: Path) -> None:
    translated(packages_dir, tmp_path, "news.en.srt", DATELINE_SRT, to="uk,ru")
    for lang in ("uk", "ru"):
        cues = list(srt.parse((tmp_path / "out" / f"news.{lang}.srt").read_text("utf-8")))
        assert cues[0].content == "{\\an8}KYIV, UKRAINE — MARCH 2024"
        assert not any("2024" in cue.content or "{\\an" in cue.content for cue in cues[1:])
        vtt = vtt_reader.parse((tmp_path / "out" / f"news.{lang}.vtt").read_text("utf-8"), "news.vtt")
        assert vtt.notices == []
        assert vtt.segments[0].text == "KYIV, UKRAINE — MARCH 2024" and vtt.segments[0].cue_settings == "line:0"
        assert not any(cue.cue_settings for cue in vtt.segments[1:])
    xliff = (tmp_path / "out" / "news.en-uk.xlf").read_text("utf-8")
    assert "MARCH 2024 Thank" not in xliff


def test_webvtt_top_cue_is_at_the_top_in_srt(packages_dir: Path, tmp_path: Path) -> None:
    translated(packages_dir, tmp_path, "top.en.vtt", TOP_VTT)
    for name in ("top.uk.srt", "top.en-uk.srt"):
        cues = list(srt.parse((tmp_path / "out" / name).read_text("utf-8")))
        assert cues[0].content.startswith("{\\an7}") and cues[0].content.count("{\\an7}") == 1
        assert "{\\an" not in cues[1].content
