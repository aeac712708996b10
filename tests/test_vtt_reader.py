"""WebVTT reading: header, blocks, identifiers, settings and voices kept; bad cues skipped as the WebVTT parser
skips them, each reported with its line; refusals name the line."""

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


def test_header_blocks_settings_and_identifiers_are_kept_as_written() -> None:
    text = (
        "WEBVTT - a film\nKind: captions\n\nNOTE written by Jill\nover two lines\n\nSTYLE\n::cue { color: red }\n\n"
        "REGION\nid:fred width:40%\n\n"
        "intro\n00:00:01.000 --> 00:00:02.000 align:start position:10% region:fred\nOne\n\nNOTE again\n\n"
        "2\n00:00:03.000 --> 00:00:04.000 align:end\nTwo\n"
    )
    doc = vtt.parse(text, "a.vtt")
    assert doc.notices == []
    assert doc.header == "WEBVTT - a film\nKind: captions"
    assert doc.blocks == [(0, "NOTE written by Jill\nover two lines"), (0, "STYLE\n::cue { color: red }"),
                          (0, "REGION\nid:fred width:40%"), (1, "NOTE again")]
    assert [(s.text, s.cue_id, s.cue_settings) for s in doc.segments] == [
        ("One", "intro", "align:start position:10% region:fred"), ("Two", "2", "align:end")]


def test_overlapping_and_simultaneous_cues_keep_their_times() -> None:
    cues, notes = read("WEBVTT\n\n00:01.000 --> 00:04.000\n<v A>One\n\n00:01.000 --> 00:03.000\n<v B>Two\n\n"
                       "00:02.000 --> 00:05.000\nThree\n")
    assert cues == [("One", 1000, 4000), ("Two", 1000, 3000), ("Three", 2000, 5000)] and notes == []


@pytest.mark.parametrize(
    ("bad", "note"),
    [
        ("00:00:02.000 -> 00:00:03.000 --> x", "line 6: cue skipped: cannot read the timing line"),
        ("-00:00:02.000 --> 00:00:03.000", "line 6: cue skipped: cannot read the timing line '-00:00:02.000"),
        ("00:00:03.000 --> 00:00:02.000", "line 6: cue skipped: the cue ends (00:00:02.000) before it starts"),
        ("00:00:02.000 --> 00:00:1d.890", "line 6: cue skipped: cannot read the time '00:00:1d.890'"),
        ("00:00:02.000 00:00:03.000", "line 6: cue skipped: timing line without '-->'"),
    ],
)
def test_a_bad_cue_is_skipped_and_reported_and_the_rest_kept(bad: str, note: str) -> None:
    cues, notes = read(f"WEBVTT\n\n00:00.000 --> 00:01.000\nOne\n\n{bad}\nBad\n\n00:04.000 --> 00:05.000\nThree\n")
    assert cues == [("One", 0, 1000), ("Three", 4000, 5000)]
    assert len(notes) == 1 and notes[0].startswith(note)


def test_stray_text_and_late_style_blocks_are_skipped_with_their_line() -> None:
    cues, notes = read("WEBVTT\n\n00:00.000 --> 00:01.000\nOne\n\nCaption text #2\n\nSTYLE\n::cue {}\n\n"
                       "00:02.000 --> 00:03.000\nTwo\n")
    assert cues == [("One", 0, 1000), ("Two", 2000, 3000)]
    assert notes == ["line 6: text outside any cue (a cue without its timing line?) skipped: 'Caption text #2'",
                     "line 8: STYLE block after the first cue skipped (WebVTT players ignore it)"]


def test_nul_becomes_the_replacement_character() -> None:
    cues, notes = read("WEBVTT\n\n00:00.000 --> 00:01.000\nA\0B\n")
    assert cues == [("A\ufffdB", 0, 1000)]
    assert notes == ["line 4: NUL characters replaced with U+FFFD, as WebVTT players do"]


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
        ("WEBVTT\n\n00:00:00.500 --> 00:00:1d.890\nx\n", "a.vtt: line 3: no cue could be read: cannot read the time"),
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


def test_a_timing_line_after_a_skipped_cue_is_one_line_not_a_traceback() -> None:
    """Issue #26, 13: `WEBVTT`, a blank line and two bare arrows once raised IndexError in the cue reader."""
    with pytest.raises(InputError, match=r"a.vtt: line 3: no cue could be read"):
        vtt.parse("WEBVTT\n\n-->\n-->", "a.vtt")


def test_style_and_note_blocks_keep_their_indentation() -> None:
    """A STYLE block is CSS: written back as it was, indentation and all, as an editor laid it out."""
    text = "WEBVTT\n\nSTYLE\n::cue {\n  color: yellow;\n\tbackground: none;\n}\n\n00:00:01.000 --> 00:00:02.000\nHi.\n"
    doc = vtt.parse(text, "styled.vtt")
    assert doc.blocks == [(0, "STYLE\n::cue {\n  color: yellow;\n\tbackground: none;\n}")]
