"""SRT, WebVTT and bilingual SRT output: source timing kept to the millisecond, formats other tools read back."""

from __future__ import annotations

import itertools
from datetime import timedelta
from pathlib import Path

import pysubs2
import srt as srt_lib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translator.document import Document, Segment, Timing, Translation
from translator.readers import srt as srt_reader
from translator.subtitles.cues import EMPTY_TEXT, subtitle_cues
from translator.writers import bilingual_srt, srt, vtt

SOURCE = (
    "1\n00:00:01,000 --> 00:00:03,500\n{\\an8}<i>We are in New York City</i>\n\n"
    "2\n00:00:03,600 --> 00:00:06,000\nand with me is <b>Neil</b> &amp; friends.\n\n"
    "3\n00:00:07,000 --> 00:00:08,000\nThanks.\n"
)
UK = ["Ми в Нью-Йорку", "і зі мною Ніл та друзі.", "Дякую."]
WORDS = st.sampled_from(["ми", "у", "місті", "Нью-Йорк", "<", "&", "дуже", "довге", "слово" * 6, "Ніл", "."])


def translated(texts: list[str], lang: str = "uk") -> Document:
    doc = srt_reader.parse(SOURCE, "talk.en.srt")
    doc.lang = "en"
    for segment, text in zip(doc.segments, texts):
        segment.translations[lang] = Translation(text, [text], [(0, 0)])
    return doc


def ms(value: timedelta) -> int:
    return value // timedelta(milliseconds=1)


def read_back(data: bytes, tmp_path: Path, suffix: str) -> list[tuple[int, int, str]]:
    path = tmp_path / f"out{suffix}"
    path.write_bytes(data)
    return [(event.start, event.end, event.plaintext) for event in pysubs2.load(str(path))]


def test_srt_is_crlf_utf8_without_bom_numbered_with_source_times(tmp_path: Path) -> None:
    data = srt.render(translated(UK), "uk")
    assert not data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")
    assert data.decode("utf-8") == (
        "1\r\n00:00:01,000 --> 00:00:03,500\r\n{\\an8}<i>Ми в Нью-Йорку</i>\r\n\r\n"
        "2\r\n00:00:03,600 --> 00:00:06,000\r\nі зі мною <b>Ніл</b> та друзі.\r\n\r\n"
        "3\r\n00:00:07,000 --> 00:00:08,000\r\nДякую.\r\n"
    )
    cues = list(srt_lib.parse(data.decode("utf-8")))
    assert [(c.index, ms(c.start), ms(c.end)) for c in cues] == [(1, 1000, 3500), (2, 3600, 6000), (3, 7000, 8000)]
    assert [(start, end) for start, end, _ in read_back(data, tmp_path, ".srt")] == [
        (1000, 3500), (3600, 6000), (7000, 8000)]


def test_vtt_has_its_header_escapes_text_and_keeps_only_its_tags(tmp_path: Path) -> None:
    doc = translated(["Ми в Нью-Йорку", "і зі мною Ніл & друзі", "Дякую <3"])
    data = vtt.render(doc, "uk")
    assert data.decode("utf-8") == (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.500\n<i>Ми в Нью-Йорку</i>\n\n"
        "00:00:03.600 --> 00:00:06.000\nі зі мною <b>Ніл</b> &amp; друзі\n\n"
        "00:00:07.000 --> 00:00:08.000\nДякую &lt;3\n"
    )
    # pysubs2 leaves WebVTT's escapes in its text; browsers and players decode them
    assert read_back(data, tmp_path, ".vtt")[1:] == [
        (3600, 6000, "і зі мною Ніл &amp; друзі"), (7000, 8000, "Дякую &lt;3")]


def test_bilingual_srt_puts_the_source_above_the_translation() -> None:
    text = bilingual_srt.render(translated(UK), "uk").decode("utf-8")
    first = text.split("\r\n\r\n")[0].split("\r\n")
    assert first == [
        "1", "00:00:01,000 --> 00:00:03,500", "{\\an8}<i>We are in New York City</i>", "<i>Ми в Нью-Йорку</i>"]


def test_a_cue_without_translation_keeps_its_source_and_an_empty_share_shows_an_ellipsis() -> None:
    doc = translated(["Ми в Нью-Йорку", ""])
    cues = subtitle_cues(doc, "uk")
    assert [cue.lines for cue in cues] == [("Ми в Нью-Йорку",), (EMPTY_TEXT,), ("Thanks.",)]


def test_a_cue_already_in_the_target_language_is_shown_once_as_it_is() -> None:
    doc = translated(UK)
    doc.segments[2].translations["uk"] = Translation("Thanks.", ["Thanks."], [(0, 0)], "kept")
    assert subtitle_cues(doc, "uk", bilingual=True)[2].lines == ("Thanks.",)


def test_output_is_byte_identical_on_every_run() -> None:
    assert srt.render(translated(UK), "uk") == srt.render(translated(UK), "uk")
    assert vtt.render(translated(UK), "uk") == vtt.render(translated(UK), "uk")


def test_a_transcript_gets_cues_of_at_most_two_lines_on_an_estimated_timeline() -> None:
    text = ("Aysin: The sides are indeed close to signing a treaty, but the final draft is not ready. Armenia "
            "would have to amend its constitution, which is politically difficult.")
    doc = Document("t.txt", "transcript", [Segment(1, "turn", text, lang="en"), Segment(2, "turn", "Yes.", lang="en")],
                   lang="en")
    cues = list(srt_lib.parse(srt.render(doc, "en").decode("utf-8")))
    assert len(cues) == 5 and ms(cues[0].start) == 0
    assert all(ms(a.end) == ms(b.start) for a, b in itertools.pairwise(cues))
    assert all(len(c.content.split("\n")) <= 2 and max(map(len, c.content.split("\n"))) <= 42 for c in cues)
    assert " ".join(c.content.replace("\n", " ") for c in cues[:4]) == text


@st.composite
def documents(draw: st.DrawFn) -> Document:
    segments, start = [], 0
    for number in range(1, draw(st.integers(1, 6)) + 1):
        start += draw(st.integers(0, 3000))
        end = start + draw(st.integers(1, 6000))
        segment = Segment(number, "cue", draw(st.lists(WORDS, min_size=1, max_size=8).map(" ".join)),
                          timing=Timing(start, end))
        if draw(st.booleans()):
            text = draw(st.lists(WORDS, max_size=30).map(" ".join))
            segment.translations["ru"] = Translation(text, [text], [(0, 0)])
        segments.append(segment)
        start = end
    return Document("d.srt", "srt", segments, lang="uk")


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents())
def test_every_cue_reads_back_with_its_exact_times(tmp_path: Path, doc: Document) -> None:
    expected = [(s.timing.start_ms, s.timing.end_ms) for s in doc.segments]  # type: ignore[union-attr]
    for render in (srt.render, bilingual_srt.render):
        data = render(doc, "ru")
        cues = list(srt_lib.parse(data.decode("utf-8")))
        assert [(ms(c.start), ms(c.end)) for c in cues] == expected
        assert [(start, end) for start, end, _ in read_back(data, tmp_path, ".srt")] == expected
    assert [(start, end) for start, end, _ in read_back(vtt.render(doc, "ru"), tmp_path, ".vtt")] == expected
