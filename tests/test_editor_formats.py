"""TTML/IMSC, iTT and ASS (issue #27): written through ttconv and pysubs2 and read back by them, cue for cue, time
for time, position for position; TTML and ASS inputs read into the same cues as the equivalent SRT."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from fractions import Fraction
from pathlib import Path

import pysubs2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from ttconv import model
from ttconv import style_properties as styles
from ttconv.imsc import reader as imsc_reader

from tests.in_process import translator
from translator.document import Document
from translator.readers import read
from translator.subtitles.cues import OutCue
from translator.subtitles.layout import SubtitleLayout, layout_subtitles
from translator.subtitles.position import alignment
from translator.writers import WRITERS
from translator.writers.views import DocumentViews, Views

_HERE = Path(__file__).resolve().parents[1]
CORPUS = next((path for path in (Path(os.environ.get("TRANSLATOR_CORPUS", "/nonexistent")),
                                 _HERE.parent / "shared" / "corpus", Path("/work/shared/corpus")) if path.is_dir()),
              None)
CORPUS_FILES = sorted([*CORPUS.glob("srt/*.srt"), *CORPUS.glob("vtt/*.vtt")]) if CORPUS else []


def render(fmt: str, cues: list[OutCue], fps: Fraction | None = None) -> bytes:
    doc = Document("talk.srt", "srt", [])
    layout = SubtitleLayout("uk", tuple(cues), tuple(cues), fps=fps)
    return WRITERS[fmt].writer().render(doc, "uk", Views(DocumentViews(doc), "uk", layout))


def ttconv_cues(data: bytes) -> list[tuple[Fraction, Fraction, str, str]]:
    """(begin, end, text, displayAlign of its region) of every <p>, as ttconv's IMSC reader reads the file."""
    doc = imsc_reader.to_model(ET.ElementTree(ET.fromstring(data)))
    assert doc is not None
    out = []
    for element in doc.get_body().dfs_iterator():
        if isinstance(element, model.P):
            text = "".join(node.get_text() if isinstance(node, model.Text) else "\n"
                           for node in element.dfs_iterator() if isinstance(node, (model.Text, model.Br)))
            align = element.get_region().get_style(styles.StyleProperties.DisplayAlign)
            out.append((element.get_begin() or Fraction(0), element.get_end(), text, align.value))
    return out


words = st.text(alphabet="abcdefghij АБВГДабвгд&<>'", min_size=1, max_size=30).map(str.strip).filter(bool)


@st.composite
def cue_lists(draw: st.DrawFn) -> list[OutCue]:
    count = draw(st.integers(1, 8))
    cues, start = [], draw(st.integers(0, 10_000))
    for index in range(count):
        start += draw(st.integers(0, 5_000))
        end = start + draw(st.integers(50, 7_000))
        lines = tuple(draw(st.lists(words, min_size=1, max_size=2)))
        place = draw(st.sampled_from(["", "an8", *PLACED]))
        marked = tuple(line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for line in lines)
        if place == "an8":
            marked = (r"{\an8}" + marked[0], *marked[1:])
        cues.append(OutCue(start, end, lines, marked, index, settings=PLACED.get(place, ("", 0))[0]))
        start = end
    return cues


# WebVTT settings of a source cue placed without an override, and the keypad position each means
PLACED = {"top": ("line:0", 8), "top-left": ("line:0 align:start", 7), "middle-right": ("line:50% align:end", 6),
          "bottom-left": ("align:left", 1)}


def expected_position(cue: OutCue) -> int:
    """Where the cue was placed (by `cue_lists`), told apart from `alignment`, which the tests check."""
    if cue.marked[0].startswith(r"{\an8}"):
        return 8
    return next((position for settings, position in PLACED.values() if settings == cue.settings), 2)


@given(cue_lists())
def test_ttml_keeps_every_cue_time_and_position_in_ttconv(cues: list[OutCue]) -> None:
    read_back = ttconv_cues(render("ttml", cues))
    expected = [(Fraction(c.start_ms), Fraction(c.end_ms)) for c in cues]
    assert [(begin * 1000, end * 1000) for begin, end, _, _ in read_back] == expected
    assert [text for _, _, text, _ in read_back] == ["\n".join(c.lines) for c in cues]
    rows = {7: "before", 8: "before", 9: "before", 4: "center", 5: "center", 6: "center"}
    assert [align for *_, align in read_back] == [rows.get(expected_position(c), "after") for c in cues]
    assert [alignment(c) for c in cues] == [expected_position(c) for c in cues]


@given(cue_lists(), st.sampled_from([Fraction(24000, 1001), Fraction(25), Fraction(30000, 1001)]))
def test_itt_times_are_frames_ttconv_reads_back(cues: list[OutCue], fps: Fraction) -> None:
    data = render("itt", cues, fps)
    root = ET.fromstring(data)
    assert root.get("{http://www.w3.org/ns/ttml#parameter}timeBase") == "smpte"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "uk"
    read_back = ttconv_cues(data)
    assert len(read_back) == len(cues)
    for (begin, end, _, align), cue in zip(read_back, cues):
        assert (begin * fps).denominator == 1 and (end * fps).denominator == 1  # whole frames
        assert abs(begin * 1000 - cue.start_ms) <= 1000 / fps / 2 + 1
        assert abs(end * 1000 - cue.end_ms) <= 1000 / fps / 2 + 1
        assert align == ("before" if expected_position(cue) >= 7 else "center" if expected_position(cue) >= 4
                         else "after")


def test_itt_without_fps_keeps_milliseconds() -> None:
    cues = [OutCue(1001, 2345, ("Hi",), ("Hi",), 0)]
    times = [(b * 1000, e * 1000) for b, e, _, _ in ttconv_cues(render("itt", cues))]
    assert times == [(Fraction(1001), Fraction(2345))]


@given(cue_lists())
def test_ass_keeps_every_cue_time_to_the_centisecond_and_position_in_pysubs2(cues: list[OutCue]) -> None:
    subs = pysubs2.SSAFile.from_string(render("ass", cues).decode("utf-8"))
    assert len(subs.events) == len(cues)
    for event, cue in zip(subs.events, cues):
        assert abs(event.start - cue.start_ms) <= 5 and abs(event.end - cue.end_ms) <= 5  # ASS counts hundredths
        assert event.plaintext == "\n".join(cue.lines).replace("\\", "\u29f5").translate(str.maketrans("{}", "()"))
        assert int(subs.styles[event.style].alignment) == expected_position(cue)


def plain(doc: Document) -> list[tuple[int, int, str, int]]:
    """(start, end, text, keypad position) of every cue."""
    out = []
    for segment in doc.segments:
        assert segment.timing is not None
        marked = (segment.markup or segment.text).split("\n")
        settings = segment.cue_settings or ""
        cue = OutCue(segment.timing.start_ms, segment.timing.end_ms, (), tuple(marked), 0, "", settings)
        out.append((segment.timing.start_ms, segment.timing.end_ms, " ".join(segment.text.split()), alignment(cue)))
    return out


@pytest.mark.skipif(not CORPUS_FILES, reason="shared corpus (/work/shared/corpus or $TRANSLATOR_CORPUS) absent")
@pytest.mark.parametrize("fmt", ["ttml", "ass"])
def test_corpus_files_go_through_ttml_and_ass_and_back(fmt: str, tmp_path: Path) -> None:
    """Every real SRT/WebVTT file of the corpus, written as TTML/ASS and read again by our readers (ttconv,
    pysubs2 underneath): the same cues, times and positions (ASS to the centisecond)."""
    checked = 0
    for path in CORPUS_FILES:
        try:
            doc = read(path)
        except Exception:  # files the corpus keeps to be refused
            continue
        doc.lang = "en"
        layout = layout_subtitles(doc, "en")
        data = WRITERS[fmt].writer().render(doc, "en", Views(DocumentViews(doc), "en", layout))
        written = tmp_path / f"{path.stem}.{fmt}"
        written.write_bytes(data)
        back = plain(read(written))
        slack = 5 if fmt == "ass" else 0
        expected = [cue for cue in plain(doc) if cue[2] and cue[1] - cue[0] > slack * 2]
        if fmt == "ass":  # braces and backslashes would be override tags in ASS: written ( ) ⧵
            unsafe = str.maketrans({"{": "(", "}": ")", "\\": "\u29f5"})
            expected = [(start, end, text.translate(unsafe), where) for start, end, text, where in expected]
        assert len(back) == len(expected), path.name
        for got, want in zip(back, expected):
            assert abs(got[0] - want[0]) <= slack and abs(got[1] - want[1]) <= slack, (path.name, got, want)
            assert got[2:] == want[2:], (path.name, got, want)
        checked += 1
    assert checked >= 40


SRT = ("1\n00:00:01,000 --> 00:00:03,500\n{\\an8}KYIV, UKRAINE — MARCH 2024\n\n"
       "2\n00:00:03,600 --> 00:00:05,123\nThank you,\n<i>friends</i>!\n\n")
TTML = """<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" xml:lang="en">
  <head><layout>
    <region xml:id="top" tts:origin="10% 10%" tts:extent="80% 80%" tts:displayAlign="before"/>
    <region xml:id="bottom" tts:origin="10% 10%" tts:extent="80% 80%" tts:displayAlign="after"/>
  </layout></head>
  <body region="bottom"><div begin="00:00:00.500">
    <p begin="00:00:00.500" end="00:00:03.000" region="top">KYIV, UKRAINE — MARCH 2024</p>
    <p begin="3.1s" end="00:00:04.623">Thank you,<br/><span tts:fontStyle="italic">friends</span>!</p>
  </div></body>
</tt>
"""
ASS = """[Script Info]
ScriptType: v4.00+

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, \
Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, \
MarginV, Encoding
Style: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,2,10,10,10,1
Style: Top,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,8,10,10,10,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Comment: 0,0:00:00.00,0:00:09.00,Default,,0,0,0,,a note for the editor
Dialogue: 0,0:00:03.60,0:00:05.12,Default,,0,0,0,,Thank you,\\N{\\i1}friends{\\i0}!
Dialogue: 0,0:00:01.00,0:00:03.50,Top,,0,0,0,,KYIV, UKRAINE — MARCH 2024
"""


def segments(doc: Document) -> list[tuple[object, ...]]:
    return [(s.text, s.markup, s.timing.start_ms if s.timing else None, s.timing.end_ms if s.timing else None)
            for s in doc.segments]


@pytest.mark.parametrize(("name", "text"), [("talk.ttml", TTML), ("talk.dfxp", TTML), ("talk.ass", ASS)])
def test_ttml_and_ass_inputs_read_as_the_same_cues_as_the_srt(name: str, text: str, tmp_path: Path) -> None:
    (tmp_path / "talk.srt").write_text(SRT, "utf-8")
    (tmp_path / name).write_text(text, "utf-8")
    expected = segments(read(tmp_path / "talk.srt"))
    got = read(tmp_path / name)
    if name.endswith(".ass"):  # centiseconds: 5.123 s is 5.12 s in ASS
        expected[1] = (*expected[1][:3], 5120)
    assert segments(got) == expected
    assert got.format == ("ass" if name.endswith(".ass") else "ttml") and got.is_subtitles


@pytest.mark.parametrize(("name", "text", "says"), [
    ("bad.ttml", "<tt xmlns='http://www.w3.org/ns/ttml'><body><p begin='1s'>", "not well-formed XML"),
    ("empty.ttml", "<tt xmlns='http://www.w3.org/ns/ttml'><body><div/></body></tt>", "no timed paragraph"),
    ("bad.ass", "[Script Info]\nScriptType: v4.00+\n[Events]\nFormat: Start, End\nDialogue: x,y\n", "ASS/SSA"),
])
def test_damaged_ttml_and_ass_are_refused_in_one_line(name: str, text: str, says: str, tmp_path: Path) -> None:
    (tmp_path / name).write_text(text, "utf-8")
    done = translator("run", str(tmp_path / name), "--to", "uk", "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("translator: error:") and says in lines[0], done.stderr
