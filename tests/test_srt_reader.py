"""SubRip reading: cues, markup, and every repair reported with its line (or a refusal naming the line)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import srt as srt_lib
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.document import Document
from translator.errors import InputError
from translator.readers import srt

WORDS = st.sampled_from(["we", "are", "in", "New", "York", "City", "привіт", "світе", "да", "нет", "Aysin", "ok"])
CUE_TEXT = st.lists(st.lists(WORDS, min_size=1, max_size=5).map(" ".join), min_size=1, max_size=2).map("\n".join)


def notes(doc: Document) -> list[str]:
    return [str(notice) for notice in doc.notices]


def times(doc: Document) -> list[tuple[int, int]]:
    assert all(s.timing for s in doc.segments)
    return [(s.timing.start_ms, s.timing.end_ms) for s in doc.segments]  # type: ignore[union-attr]


def test_a_clean_file_becomes_cue_segments() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,500\nHello there,\nfriend.\n\n2\n01:02:03,004 --> 01:02:04,000\nBye.\n"
    doc = srt.parse(text, "a.srt")
    assert doc.format == "srt" and doc.notices == []
    assert [(s.id, s.kind, s.text, s.line, s.markup) for s in doc.segments] == [
        (1, "cue", "Hello there,\nfriend.", 1, None),
        (2, "cue", "Bye.", 6, None),
    ]
    assert times(doc) == [(1000, 2500), (3723004, 3724000)]
    assert not any(s.timing.estimated for s in doc.segments)  # type: ignore[union-attr]


def test_tags_are_removed_from_the_text_and_kept_as_markup() -> None:
    raw = '{\\an8}<i>Hello</i> &amp; <font color="red">bye</font>'
    doc = srt.parse(f"1\n00:00:01,000 --> 00:00:02,000\n{raw}\n", "a.srt")
    segment = doc.segments[0]
    assert segment.text == "Hello & bye"
    assert segment.markup == raw


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_do_not_matter(newline: str) -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nOne\ntwo\n\n2\n00:00:03,000 --> 00:00:04,000\nThree\n"
    doc = srt.parse(text.replace("\n", newline), "a.srt")
    assert [s.text for s in doc.segments] == ["One\ntwo", "Three"] and doc.notices == []


@pytest.mark.parametrize(
    ("text", "expected_times", "expected_note"),
    [
        ("1\n00:00:01.500 --> 00:00:02,000\nA\n", [(1500, 2000)], "line 2: '.' before the milliseconds read as ','"),
        ("1\n00:00:01 --> 00:00:02,000\nA\n", [(1000, 2000)], "line 2: time '00:00:01' has no milliseconds"),
        ("1\n00:00:01,5 --> 00:00:02,25\nA\n", [(1500, 2250)], "line 2: time '00:00:01,5' read as 500 milliseconds"),
        ("1\n00:00:01,000 -> 00:00:02,000\nA\n", [(1000, 2000)], "line 2: arrow '->' read as '-->'"),
        ("1\n00:01,000 --> 00:02,000\nA\n", [(1000, 2000)], "line 2: time '00:01,000' has no hours"),
        ("1\n00:00:01,000 --> 00:00:02,000  X1:40 X2:600\nA\n", [(1000, 2000)],
         "line 2: text after the times 'X1:40 X2:600' not carried over"),
    ],
)
def test_timestamp_variants_with_one_reading_are_repaired_and_reported(
    text: str, expected_times: list[tuple[int, int]], expected_note: str
) -> None:
    doc = srt.parse(text, "a.srt")
    assert times(doc) == expected_times
    assert any(note.startswith(expected_note) for note in notes(doc)), notes(doc)


def test_missing_numbers_and_blank_lines_are_repaired() -> None:
    doc = srt.parse("00:00:01,000 --> 00:00:02,000\nOne\n7\n00:00:03,000 --> 00:00:04,000\nTwo\n", "a.srt")
    assert [s.text for s in doc.segments] == ["One", "Two"] and [s.id for s in doc.segments] == [1, 2]
    assert [s.line for s in doc.segments] == [1, 3]
    assert notes(doc) == [
        "line 1: cue without a number: cues numbered in order",
        "line 3: cue number 7 where 2 was expected: cues renumbered from 1",
        "line 4: no blank line before this cue: a new cue starts here",
    ]


def test_empty_cues_are_removed_and_reported() -> None:
    doc = srt.parse("1\n00:00:01,000 --> 00:00:02,000\n\n\n2\n00:00:03,000 --> 00:00:04,000\nTwo\n", "a.srt")
    assert [s.text for s in doc.segments] == ["Two"]
    assert notes(doc) == ["line 1: empty cue (no text) removed"]


def test_overlaps_are_trimmed_and_simultaneous_cues_merged() -> None:
    doc = srt.parse(
        "1\n00:00:01,000 --> 00:00:05,000\nFirst\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nSecond\n\n"
        "3\n00:00:03,000 --> 00:00:06,000\nThird\n",
        "a.srt",
    )
    assert [s.text for s in doc.segments] == ["First", "Second\nThird"]
    assert times(doc) == [(1000, 3000), (3000, 6000)]
    assert notes(doc) == [
        "line 1: overlaps the next cue (line 5) by 2000 ms: now ends at 00:00:03,000",
        "line 9: starts with the cue at line 5: merged into that cue",
    ]


def test_cues_out_of_time_order_are_sorted() -> None:
    doc = srt.parse("1\n00:00:05,000 --> 00:00:06,000\nLater\n\n2\n00:00:01,000 --> 00:00:02,000\nEarlier\n", "a.srt")
    assert [s.text for s in doc.segments] == ["Earlier", "Later"] and [s.id for s in doc.segments] == [1, 2]
    assert "line 5: cue starts before the cue above it: moved to its place in time" in notes(doc)


def test_zero_length_cues_get_their_reading_time_up_to_the_next_cue() -> None:
    doc = srt.parse(
        "1\n00:00:01,000 --> 00:00:01,000\nHidden\n\n2\n00:00:01,400 --> 00:00:02,000\nShown\n\n"
        "3\n00:00:09,000 --> 00:00:09,000\nThe last cue is long enough to need two seconds and more\n",
        "a.srt",
    )
    assert times(doc) == [(1000, 1400), (1400, 2000), (9000, 12294)]
    assert "line 1: zero-length cue: now shown for 400 ms" in notes(doc)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1\n00:00:01,000 --> 00:00:02,000\nOne\n\n2\nTwo\n", "a.srt: line 5: text outside any cue"),
        ("Hello\n00:00:01,000 --> 00:00:02,000\nOne\n", "a.srt: line 1: text before the first cue: 'Hello'"),
        ("1\n00:00:1d,000 --> 00:00:02,000\nOne\n", "a.srt: line 2: cannot read the time '00:00:1d,000'"),
        ("1\n00:00:01,000 00:00:02,000\nOne\n", "a.srt: line 2: timing line without '-->'"),
        ("1\n00:00:05,000 --> 00:00:02,000\nOne\n", "a.srt: line 1: the cue ends (00:00:02,000) before it starts"),
        ("1\n00:00:01,0000 --> 00:00:02,000\nOne\n", "a.srt: line 2: more than 3 digits after the seconds"),
        ("1\n00:61:01,000 --> 00:62:02,000\nOne\n", "a.srt: line 2: minutes or seconds over 59"),
        ("1\n120:00:00,000 --> 120:00:01,000\nOne\n", "a.srt: line 2: time '120:00:00,000' is past 99 hours"),
        ("just some text\n", "a.srt: line 1: text before the first cue"),
        ("1\n00:00:01,000 --> 00:00:02,000\n\n", "a.srt: line 1: no cue has any text"),
    ],
)
def test_what_has_no_clear_reading_is_refused_with_its_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        srt.parse(text, "a.srt")
    assert str(error.value).startswith(message) and "\n" not in str(error.value)


def test_a_webvtt_file_named_srt_is_read_as_webvtt() -> None:
    doc = srt.parse("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", "a.srt")
    assert (doc.format, [s.text for s in doc.segments]) == ("vtt", ["Hi"])
    assert [str(n) for n in doc.notices] == ["line 1: a WebVTT file (it starts with 'WEBVTT'): read as WebVTT"]


def test_guess_recognises_subrip_content() -> None:
    assert srt.guess("1\n00:00:01,000 --> 00:00:02,000\nx\n")
    assert not srt.guess("Interview. Ruslan Aisin: 10:00 --> noon\n")


@st.composite
def subtitles(draw: st.DrawFn) -> list[srt_lib.Subtitle]:
    """Valid, sorted, non-overlapping cues."""
    cues, start = [], 0
    for index, text in enumerate(draw(st.lists(CUE_TEXT, min_size=1, max_size=8)), start=1):
        start += draw(st.integers(0, 5000))
        end = start + draw(st.integers(1, 8000))
        cues.append(srt_lib.Subtitle(index, timedelta(milliseconds=start), timedelta(milliseconds=end), text))
        start = end
    return cues


@settings(max_examples=80)
@given(subtitles(), st.sampled_from(["\n", "\r\n"]))
def test_files_composed_by_the_srt_library_read_back_exactly(cues: list[srt_lib.Subtitle], newline: str) -> None:
    doc = srt.parse(srt_lib.compose(cues).replace("\n", newline), "a.srt")
    assert doc.notices == []
    assert [s.text for s in doc.segments] == [c.content for c in cues]
    assert times(doc) == [(c.start // timedelta(milliseconds=1), c.end // timedelta(milliseconds=1)) for c in cues]


@pytest.mark.parametrize("digits", [12, 4_301, 9_000])
def test_hours_of_thousands_of_digits_are_refused_in_one_line(digits: int) -> None:
    """Found by benchmarks/faults.py's fuzzing: int() refuses 4,300 digits and more with a ValueError."""
    with pytest.raises(InputError, match=r"line 2: time '9+.*' is past 99 hours"):
        srt.parse(f"1\n{'9' * digits}:00:01,000 --> 00:00:02,000\nHi.\n", "a.srt")


@pytest.mark.parametrize("digits", [9, 4_301, 6_000])
def test_a_cue_number_of_thousands_of_digits_is_renumbered_and_reported(digits: int) -> None:
    """Found by benchmarks/faults.py's fuzzing: a cue number of 4,300+ digits ended in int()'s ValueError."""
    doc = srt.parse(f"{'7' * digits}\n00:00:01,000 --> 00:00:02,000\nHi.\n", "a.srt")
    assert [segment.text for segment in doc.segments] == ["Hi."]
    [note] = [line for line in notes(doc) if "renumbered" in line]
    assert len(note) < 200
