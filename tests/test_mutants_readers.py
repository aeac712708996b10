"""Cue repairs that mutation testing (tools/mutation.py, issue #24) found unpinned: a zero-length cue is never
lengthened over the next cue's start, wherever it stands in the file."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translator.document import Document
from translator.errors import InputError
from translator.readers import read, reader_for, srt, transcript, vtt
from translator.readers.cuetext import (
    SRT,
    VTT,
    Dialect,
    Report,
    is_timing_line,
    parse_timestamp,
    parse_timing_line,
    split_lines,
)


def _times(doc: Document) -> list[tuple[int, int]]:
    return [(s.timing.start_ms, s.timing.end_ms) for s in doc.segments if s.timing]


def _srt(cues: list[tuple[int, int, str]]) -> str:
    def stamp(ms: int) -> str:
        return f"00:{ms // 60000:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"

    return "".join(f"{n}\n{stamp(a)} --> {stamp(b)}\n{text}\n\n" for n, (a, b, text) in enumerate(cues, start=1))


def test_a_zero_length_cue_before_the_last_stops_at_the_last_cues_start() -> None:
    text = _srt([(1000, 2000, "A"), (5000, 5000, "Hidden cue text"), (5300, 6000, "B")])
    doc = srt.parse(text, "a.srt")
    assert _times(doc) == [(1000, 2000), (5000, 5300), (5300, 6000)]
    assert [str(notice) for notice in doc.notices] == ["line 5: zero-length cue: now shown for 300 ms"]


def test_a_zero_length_webvtt_cue_stops_at_the_next_cues_start() -> None:
    doc = vtt.parse("WEBVTT\n\n00:01.000 --> 00:01.000\nHidden\n\n00:01.300 --> 00:02.000\nB\n", "a.vtt")
    assert _times(doc) == [(1000, 1300), (1300, 2000)]
    assert [str(notice) for notice in doc.notices] == ["line 3: zero-length cue: now shown for 300 ms"]


def test_a_last_zero_length_cue_gets_its_whole_reading_time() -> None:
    doc = srt.parse(_srt([(1000, 2000, "A"), (3000, 3000, "x" * 34)]), "a.srt")
    assert _times(doc) == [(1000, 2000), (3000, 5000)]


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 3), st.sampled_from(["A", "Some words here"])),
                min_size=1, max_size=6))
def test_subrip_cues_never_overlap_and_none_is_of_zero_length(raw: list[tuple[int, int, str]]) -> None:
    cues = [(start * 250, start * 250 + length * 250, words) for start, length, words in raw]
    doc = srt.parse(_srt(cues), "a.srt")
    times = _times(doc)
    assert times == sorted(times)
    assert all(start < end for start, end in times)
    assert all(end <= following for (_, end), (following, _) in itertools.pairwise(times))


# timestamps and timing lines


@pytest.mark.parametrize(
    ("token", "dialect", "ms", "notices"),
    [
        ("01:02:03,004", SRT, 3723004, []),
        ("1:02:03,4", SRT, 3723400, ["line 7: time '1:02:03,4' read as 400 milliseconds"]),
        ("00:00:01,12", SRT, 1120, ["line 7: time '00:00:01,12' read as 120 milliseconds"]),
        ("02:03,004", SRT, 123004, ["line 7: time '02:03,004' has no hours: read as minutes:seconds"]),
        ("02:03,004", VTT, 123004, ["line 7: ',' before the milliseconds read as '.'"]),
        ("02:03", VTT, 123000, ["line 7: time '02:03' has no milliseconds: read as .000"]),
        ("1:2:3", VTT, 3723000, ["line 7: time '1:2:3' has no milliseconds: read as .000"]),
        ("99:59:59,999", SRT, 359999999, []),
        ("00:59:59.999", SRT, 3599999, ["line 7: '.' before the milliseconds read as ','"]),
    ],
)
def test_timestamps_table(token: str, dialect: Dialect, ms: int, notices: list[str]) -> None:
    report = Report()
    assert parse_timestamp(token, 7, dialect, report, "a.srt") == ms
    assert [str(notice) for notice in report.notices()] == notices


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("100:00:00,000", "a.srt: line 7: time '100:00:00,000' is past 99 hours (SRT holds two digits of hours)"),
        ("00:60:00,000", "a.srt: line 7: minutes or seconds over 59 in '00:60:00,000'"),
        ("00:00:60,000", "a.srt: line 7: minutes or seconds over 59 in '00:00:60,000'"),
        ("00:00:01,1234", "a.srt: line 7: more than 3 digits after the seconds in '00:00:01,1234'"),
        ("x", "a.srt: line 7: cannot read the time 'x'"),
    ],
)
def test_timestamps_refused(token: str, message: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_timestamp(token, 7, SRT, Report(), "a.srt")
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("line", "srt_timing", "vtt_timing"),
    [
        ("00:00:01,000 --> 00:00:02,000", True, True),
        ("00:00:01,000 -> 00:00:02,000", True, True),
        ("00:00:01,000 00:00:02,000", True, True),  # lost its arrow: meant as a timing line
        ("hello --> world", False, True),  # WebVTT takes any line with an arrow for one
        ("Hello", False, False),
        ("1999", False, False),
    ],
)
def test_timing_lines_are_recognised(line: str, srt_timing: bool, vtt_timing: bool) -> None:
    assert is_timing_line(line, SRT) is srt_timing and is_timing_line(line, VTT) is vtt_timing
    assert is_timing_line(line) is srt_timing


@pytest.mark.parametrize(
    ("line", "dialect", "result", "notices"),
    [
        ("00:00:01,000 --> 00:00:02,000", SRT, (1000, 2000, ""), []),
        ("00:00:01,000 -> 00:00:02,000", SRT, (1000, 2000, ""), ["line 3: arrow '->' read as '-->'"]),
        ("00:00:01,000 ---> 00:00:02,000", SRT, (1000, 2000, ""), ["line 3: arrow '--->' read as '-->'"]),
        ("00:00:01,000 --> 00:00:02,000 X1:100", SRT, (1000, 2000, "X1:100"),
         ["line 3: text after the times 'X1:100' not carried over"]),
        ("00:00:01.000 --> 00:00:02.000 align:start", VTT, (1000, 2000, "align:start"), []),
    ],
)
def test_timing_lines_table(line: str, dialect: Dialect, result: tuple[int, int, str], notices: list[str]) -> None:
    report = Report()
    assert parse_timing_line(line, 3, dialect, report, "a.srt") == result
    assert [str(notice) for notice in report.notices()] == notices


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("00:00:01,000 00:00:02,000", "a.srt: line 3: timing line without '-->': '00:00:01,000 00:00:02,000'"),
        ("hello --> world", "a.srt: line 3: cannot read the timing line 'hello --> world'"),
        ("00:00:01,000 --> 00:00:02,000 --> 00:00:03,000",
         "a.srt: line 3: cannot read the timing line '00:00:01,000 --> 00:00:02,000 --> 00:00…'"),
        ("1 --> 2", "a.srt: line 3: cannot read the time '1'"),
    ],
)
def test_timing_lines_refused(line: str, message: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_timing_line(line, 3, SRT, Report(), "a.srt")
    assert str(refused.value) == message


def test_a_repeated_repair_is_told_once_with_a_count_and_notices_are_in_line_order() -> None:
    report = Report()
    report.once("k", 5, "first")
    report.once("k", 9, "second")
    report.once("k", 10, "third")
    report.add(7, "b")
    report.add(1, "a")
    report.once("j", 3, "j")
    assert [str(notice) for notice in report.notices()] == [
        "line 1: a", "line 3: j", "line 5: first (and 2 more like it)", "line 7: b"
    ]


def test_split_lines_reads_every_line_ending_and_drops_a_bom() -> None:
    assert split_lines("\ufeffa\r\nb\rc\nd") == ["a", "b", "c", "d"]
    assert split_lines("a\ufeff") == ["a\ufeff"]


# transcripts

Row = tuple[str, str | None, str]
TITLE: Row = ("title", None, "Title")
HI: Row = ("turn", "Anna", "Hi.")
INTERVIEW = (
    "Title\n\nIntro line.\nRuslan Aysin: Hello there.\nAysin: Again.\nmore of his words here.\nA Heading\nAnna: Hi."
)


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        (INTERVIEW,
         [TITLE, ("intro", None, "Intro line."), ("turn", "Ruslan Aysin", "Hello there."),
          ("turn", "Ruslan Aysin", "Again."), ("turn", "Ruslan Aysin", "more of his words here."),
          ("heading", None, "A Heading"), ("turn", "Anna", "Hi.")]),
        ("Ruslan: first\nruslan aysin: lower\nJ. R. R. Tolkien: text\nOne Two Three Four Five: text\nA-b: text",
         [("turn", "Ruslan", "first"), ("heading", None, "ruslan aysin: lower"), ("turn", "J. R. R. Tolkien", "text"),
          ("heading", None, "One Two Three Four Five: text"), ("turn", "A-b", "text")]),
        ("ГОЛОВУЮЧИЙ.\nДоброго ранку.\nДругий абзац.\nЛЯШКО О.В.\nТекст.\nГОЛОВУЮЧИЙ:\nДалі.",
         [("heading", None, "ГОЛОВУЮЧИЙ."), ("turn", "ГОЛОВУЮЧИЙ", "Доброго ранку."),
          ("turn", "ГОЛОВУЮЧИЙ", "Другий абзац."), ("heading", None, "ЛЯШКО О.В."), ("turn", "ЛЯШКО О.В.", "Текст."),
          ("heading", None, "ГОЛОВУЮЧИЙ:"), ("turn", "ГОЛОВУЮЧИЙ", "Далі.")]),
        ("Title\nAB.\nText after.", [TITLE, ("intro", None, "AB."), ("intro", None, "Text after.")]),
        ("Title\nAB C.\nText.", [TITLE, ("heading", None, "AB C."), ("turn", "AB C.", "Text.")]),
        ("Title\nANNA 2:\nText.", [TITLE, ("heading", None, "ANNA 2:"), ("turn", "ANNA 2", "Text.")]),
        ("Title\nANNA: Hi.\nBOB.\nBob text.",
         [TITLE, ("turn", "ANNA", "Hi."), ("heading", None, "BOB."), ("turn", "BOB", "Bob text.")]),
        ("Title\nABC\nAnna: hi", [TITLE, ("intro", None, "ABC"), ("turn", "Anna", "hi")]),
        ("Title\nVERY LONG LABEL WITH TOO MANY WORDS\nText.",
         [TITLE, ("intro", None, "VERY LONG LABEL WITH TOO MANY WORDS"), ("intro", None, "Text.")]),
        ("Title\nA" + "B" * 60 + "\nText", [TITLE, ("intro", None, "A" + "B" * 60), ("intro", None, "Text")]),
        ("Title\n123 456\nText", [TITLE, ("intro", None, "123 456"), ("intro", None, "Text")]),
        ("Title\nAnna: Hi.\n" + "y" * 161, [TITLE, HI, ("turn", "Anna", "y" * 161)]),
        ("Title\nAnna: Hi.\n" + "x" * 160, [TITLE, HI, ("heading", None, "x" * 160)]),
        ("Title\nAnna: Hi.\nWell said!", [TITLE, HI, ("turn", "Anna", "Well said!")]),
        ("Title\nAnna: Hi.\nwell (said)",
         [TITLE, HI, ("turn", "Anna", "well (said)")]),
        ("Title\nAnna: Hi.\nNo end heading\nStill?",
         [TITLE, HI, ("heading", None, "No end heading"),
          ("heading", None, "Still?")]),
        ("Anna: first line is a turn", [("turn", "Anna", "first line is a turn")]),
        ("Title\n" + "A" * 60 + "\nText.", [TITLE, ("heading", None, "A" * 60), ("turn", "A" * 60, "Text.")]),
        ("Title\n" + "A" * 61 + "\nText.", [TITLE, ("intro", None, "A" * 61), ("intro", None, "Text.")]),
        ("Title\nAB CD EF GH IJ\nText.",
         [TITLE, ("heading", None, "AB CD EF GH IJ"), ("turn", "AB CD EF GH IJ", "Text.")]),
        ("Title\nAB CD EF GH IJ KL\nText.", [TITLE, ("intro", None, "AB CD EF GH IJ KL"), ("intro", None, "Text.")]),
        ("Title\nИВАНОВ ABC.\nText.", [TITLE, ("heading", None, "ИВАНОВ ABC."), ("turn", "ИВАНОВ ABC.", "Text.")]),
        ("Title\nИВАНОВ ABCD.\nText.", [TITLE, ("heading", None, "ИВАНОВ ABCD."), ("turn", "ИВАНОВ ABCD", "Text.")]),
        ("Title\nALEX:\nText.", [TITLE, ("heading", None, "ALEX:"), ("turn", "ALEX", "Text.")]),
        ("Title\nALEX.\nText.", [TITLE, ("heading", None, "ALEX."), ("turn", "ALEX", "Text.")]),
        ("Title\nANNA: HI THERE\nText.", [TITLE, ("turn", "ANNA", "HI THERE"), ("turn", "ANNA", "Text.")]),
        ("Title\nBOB.\nshort line\nAnother",
         [TITLE, ("heading", None, "BOB."), ("turn", "BOB", "short line"), ("turn", "BOB", "Another")]),
        ("Title\nAnna:no space", [TITLE, ("intro", None, "Anna:no space")]),
    ],
)
def test_transcript_lines_table(text: str, segments: list[Row]) -> None:
    doc = transcript.parse(text, "t.txt")
    assert [(s.kind, s.speaker, s.text) for s in doc.segments] == segments
    numbered = [number for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    assert [s.line for s in doc.segments] == numbered
    assert [s.id for s in doc.segments] == list(range(1, len(numbered) + 1))


# WebVTT headers, blocks and sniffing

VttRow = tuple[str, int, int, str | None, str | None]


def _vtt(text: str) -> tuple[str | None, list[tuple[int, str]], list[VttRow], list[str]]:
    doc = vtt.parse(text, "a.vtt")
    cues = [(s.text, s.timing.start_ms, s.timing.end_ms, s.cue_id, s.speaker) for s in doc.segments if s.timing]
    return doc.header, doc.blocks, cues, [str(notice) for notice in doc.notices]


VTT_HI: VttRow = ("Hi", 1000, 2000, None, None)
CUE = "00:01.000 --> 00:02.000\nHi\n"


@pytest.mark.parametrize(
    ("text", "header", "blocks", "cues", "notices"),
    [
        (f"webvtt\n\n{CUE}", "WEBVTT", [], [VTT_HI], ["line 1: header 'webvtt' read as 'WEBVTT'"]),
        (f"WEBVTT - title\nKind: captions\n{CUE}", "WEBVTT - title\nKind: captions", [], [VTT_HI],
         ["line 3: no blank line after the header"]),
        (f"\n\nWEBVTT\n\n{CUE}", "WEBVTT", [], [VTT_HI], []),
        (CUE, None, [], [VTT_HI], ["line 1: no 'WEBVTT' header: read as WebVTT cues"]),
        (f"1\n{CUE}", None, [], [("Hi", 1000, 2000, "1", None)], ["line 1: no 'WEBVTT' header: read as WebVTT cues"]),
        (f"WEBVTT\n\nNOTE a\n\n{CUE}\nNOTE b\n\n00:03.000 --> 00:04.000\n<v Anna>Bye\n", "WEBVTT",
         [(0, "NOTE a"), (1, "NOTE b")], [VTT_HI, ("Bye", 3000, 4000, None, "Anna")], []),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nA\0B\n", "WEBVTT", [], [("A\ufffdB", 1000, 2000, None, None)],
         ["line 4: NUL characters replaced with U+FFFD, as WebVTT players do"]),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\n<00:01.500>Hi <v A>x</v><v B>y</v>\n", "WEBVTT", [],
         [("Hi xy", 1000, 2000, None, None)], ["line 3: inline timestamps (karaoke timing) not carried over"]),
        (f"WEBVTT\n\nSTYLE\n::cue {{}}\n\n{CUE}\nSTYLE\nx\n\nstray\n", "WEBVTT", [(0, "STYLE\n::cue {}")], [VTT_HI],
         ["line 9: STYLE block after the first cue skipped (WebVTT players ignore it)",
          "line 12: text outside any cue (a cue without its timing line?) skipped: 'stray'"]),
    ],
)
def test_webvtt_table(
    text: str, header: str | None, blocks: list[tuple[int, str]], cues: list[VttRow], notices: list[str]
) -> None:
    assert _vtt(text) == (header, blocks, cues, notices)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (f"Hello\nthere\n{CUE}", "a.vtt: line 1: not a WebVTT file (it should start with 'WEBVTT')"),
        (f"WEBVTTX\n\n{CUE}", "a.vtt: line 1: not a WebVTT file (it should start with 'WEBVTT')"),
        ("", "a.vtt: line 1: not a WebVTT file (it should start with 'WEBVTT')"),
        ("\n\n", "a.vtt: line 1: not a WebVTT file (it should start with 'WEBVTT')"),
        ("hello --> world\nHi\n", "a.vtt: line 1: no cue could be read: cannot read the timing line 'hello --> world'"),
        ("WEBVTT\nKind: captions", "a.vtt: line 1: no subtitle cues (no 'start --> end' timing line)"),
        ("WEBVTT\nhello --> world\nHi",
         "a.vtt: line 2: no cue could be read: cannot read the timing line 'hello --> world'"),
        ("WEBVTT\n\nx: y --> z\nHi\n", "a.vtt: line 3: no cue could be read: cannot read the timing line 'x: y --> z'"),
        ("WEBVTT\n\nbad --> time\nHi\n",
         "a.vtt: line 3: no cue could be read: cannot read the timing line 'bad --> time'"),
    ],
)
def test_webvtt_refusals(text: str, message: str) -> None:
    with pytest.raises(InputError) as refused:
        vtt.parse(text, "a.vtt")
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("text", "is_srt", "is_vtt"),
    [
        ("1\n00:00:01,000 --> 00:00:02,000\nHi\n", True, False),
        ("1\n00:01,000 --> 00:02,000\nHi\n", False, False),  # no hours: not recognised as SubRip
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n", True, True),
        ("  1:2:3.4 -->", True, False),
        ("\n\n  WEBVTT\n", False, True),
    ],
)
def test_formats_are_recognised_by_content(text: str, is_srt: bool, is_vtt: bool) -> None:
    assert srt.guess(text) is is_srt and vtt.guess(text) is is_vtt


@pytest.mark.parametrize(
    ("name", "text", "reader"),
    [
        ("a.txt", f"WEBVTT\n\n{CUE}", "vtt"),
        ("a.txt", "1\n00:00:01,000 --> 00:00:02,000\nHi\n", "srt"),
        ("a.SRT", "text", "srt"),
        ("a.vtt", "1\n00:00:01,000 --> 00:00:02,000\nHi\n", "vtt"),
        ("a.doc", "x", "transcript"),
        ("a.txt", "x", "transcript"),
    ],
)
def test_the_reader_is_chosen_by_extension_then_by_content(name: str, text: str, reader: str) -> None:
    assert reader_for(Path(name), text) is {"srt": srt, "vtt": vtt, "transcript": transcript}[reader]


def test_a_webvtt_file_named_srt_is_read_as_webvtt_and_said_so_first() -> None:
    doc = srt.parse(f"webvtt\n\n{CUE}", "a.srt")
    assert doc.format == "vtt" and doc.path == "a.srt" and [str(n) for n in doc.notices] == [
        "line 1: a WebVTT file (it starts with 'WEBVTT'): read as WebVTT",
        "line 1: header 'webvtt' read as 'WEBVTT'",
    ]
    assert not vtt.guess("") and not vtt.guess("\n \n")


def test_stray_text_is_quoted_whole_up_to_40_characters() -> None:
    for stray, shown in [("s" * 40, "s" * 40), ("s" * 41, "s" * 39 + "…")]:
        _, _, _, notices = _vtt(f"WEBVTT\n\n{CUE}\n{stray}\n")
        assert notices == [f"line 6: text outside any cue (a cue without its timing line?) skipped: '{shown}'"]


def test_subrip_numbering_repairs_are_reported_once_each() -> None:
    text = ("7\n00:00:01,000 --> 00:00:02,000\nHi\n\n00:00:03,000 --> 00:00:04,000\nHo\nabc\n"
            "00:00:05,000 --> 00:00:06,000\nX\n")
    doc = srt.parse(text, "a.srt")
    assert [str(notice) for notice in doc.notices] == [
        "line 1: cue number 7 where 1 was expected: cues renumbered from 1",
        "line 5: cue without a number: cues numbered in order (and 1 more like it)",
        "line 8: no blank line before this cue: a new cue starts here",
    ]
    assert [(s.text, s.line) for s in doc.segments] == [("Hi", 1), ("Ho\nabc", 5), ("X", 8)]


@pytest.mark.parametrize(
    ("name", "content", "fmt", "encoding"),
    [
        ("a.srt", "1\n00:00:01,000 --> 00:00:02,000\nПривет\n", "srt", "utf-8"),
        ("a.txt", f"WEBVTT\n\n{CUE}", "vtt", "utf-8"),
        ("notes.txt", "Title\nAnna: Hi.\n", "transcript", "utf-8"),
    ],
)
def test_read_picks_the_reader_and_records_the_encoding(
    tmp_path: Path, name: str, content: str, fmt: str, encoding: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    doc = read(path)
    assert doc.format == fmt and doc.encoding == encoding and doc.path == str(path) and doc.segments
