"""WebVTT reading: header, comments, identifiers, settings and voices, each reported; refusals name the line."""

from __future__ import annotations

import pytest

from translator.errors import InputError
from translator.readers import vtt


def read(text: str) -> tuple[list[tuple[str, int, int]], list[str]]:
    doc = vtt.parse(text, "a.vtt")
    assert doc.format == "vtt"
    cues = [(s.text, s.timing.start_ms, s.timing.end_ms) for s in doc.segments]  # type: ignore[union-attr]
    return cues, [str(notice) for notice in doc.notices]


def test_a_clean_file_with_short_timestamps() -> None:
    cues, notes = read("WEBVTT\n\n00:01.000 --> 00:02.500\nHello\n\n01:00:00.000 --> 01:00:01.000\nBye\n")
    assert cues == [("Hello", 1000, 2500), ("Bye", 3600000, 3601000)] and notes == []


def test_header_comments_styles_settings_and_identifiers_are_reported_once_each() -> None:
    text = (
        "WEBVTT - a film\nKind: captions\n\nNOTE written by Jill\nover two lines\n\nSTYLE\n::cue { color: red }\n\n"
        "intro\n00:00:01.000 --> 00:00:02.000 align:start position:10%\nOne\n\nNOTE again\n\n"
        "2\n00:00:03.000 --> 00:00:04.000 align:end\nTwo\n"
    )
    cues, notes = read(text)
    assert cues == [("One", 1000, 2000), ("Two", 3000, 4000)]
    assert notes == [
        "line 1: header text '- a film' not carried over to the output (and 1 more like it)",
        "line 4: NOTE block not carried over to the output (and 1 more like it)",
        "line 7: STYLE block not carried over to the output",
        "line 10: cue identifier 'intro' not carried over to the output",
        "line 11: cue settings 'align:start position:10%' not carried over to the output (and 1 more like it)",
    ]


def test_voices_become_the_speaker_and_tags_stay_in_markup() -> None:
    raw = "<v Roger Bingham>We are in <b>New York</b> &amp; more"
    doc = vtt.parse(f"WEBVTT\n\n00:01.000 --> 00:02.000\n{raw}\n", "a.vtt")
    segment = doc.segments[0]
    assert (segment.text, segment.speaker) == ("We are in New York & more", "Roger Bingham")
    assert segment.markup == raw


def test_inline_timestamps_are_dropped_from_the_text_and_reported() -> None:
    cues, notes = read("WEBVTT\n\n00:16.500 --> 00:18.500\nWhen the moon <00:17.500>hits your eye\n")
    assert cues == [("When the moon hits your eye", 16500, 18500)]
    assert notes == ["line 3: inline timestamps (karaoke timing) not carried over"]


def test_a_file_without_header_that_starts_with_a_cue_is_read() -> None:
    cues, notes = read("00:00:00.500 --> 00:00:07.000\nCaption\n")
    assert cues == [("Caption", 500, 7000)] and notes == ["line 1: no 'WEBVTT' header: read as WebVTT cues"]


def test_header_variants_with_one_reading() -> None:
    assert read("\nWEBvtt\n\n00:01.000 ---> 00:02.000\nx\n")[1] == [
        "line 2: header 'WEBvtt' read as 'WEBVTT'",
        "line 4: arrow '--->' read as '-->'",
    ]
    assert read("WEBVTT\n00:11.000 --> 00:13.000\nTest")[1] == ["line 2: no blank line after the header"]


def test_cues_without_blank_lines_and_repeated_timing_lines() -> None:
    cues, notes = read(
        "WEBVTT\n\n00:00.000 --> 00:02.000\nText\n00:02.000 --> 00:04.000\n00:02.000 --> 00:04.000\nMore\n"
    )
    assert cues == [("Text", 0, 2000), ("More", 2000, 4000)]
    assert notes == [
        "line 5: no blank line before this cue: a new cue starts here",
        "line 5: empty cue (no text) removed",
        "line 6: no blank line before this cue: a new cue starts here",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("garbage\n\n00:00.000 --> 00:02.000\ntext", "a.vtt: line 1: not a WebVTT file"),
        (" \nBROKENVTT\n", "a.vtt: line 2: not a WebVTT file"),
        ("WEBVTT\n\n00:00.000 --> 00:01.000\nOne\n\nCaption text #2\n", "a.vtt: line 6: text outside any cue"),
        ("WEBVTT\n\n00:00:00.500 --> 00:00:1d.890\nx\n", "a.vtt: line 3: cannot read the time '00:00:1d.890'"),
        ("WEBVTT\n\n00:00.000 00:00.001\n", "a.vtt: line 3: timing line without '-->'"),
        ("WEBVTT\n\nNOTE nothing else\n", "a.vtt: line 1: no subtitle cues"),
    ],
)
def test_what_has_no_clear_reading_is_refused_with_its_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        vtt.parse(text, "a.vtt")
    assert str(error.value).startswith(message) and "\n" not in str(error.value)


def test_guess_needs_the_signature() -> None:
    assert vtt.guess("\ufeffWEBVTT\n\n00:01.000 --> 00:02.000\nx")
    assert vtt.guess("\n\nWEBVTT - title\n")
    assert not vtt.guess("WEBVTTX\n") and not vtt.guess("1\n00:00:01,000 --> 00:00:02,000\nx")
