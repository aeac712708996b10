"""SRT, WebVTT and bilingual SRT output: source timing kept to the millisecond, at most two lines a cue (a longer
translation split in time inside its source cue), WebVTT kept as written, and files that pysrt, srt and pysubs2
all read back with the same cues."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.readback import srt_cues, vtt_cues
from translator.document import Document, Segment, Timing, Translation
from translator.readers import srt as srt_reader
from translator.readers import vtt as vtt_reader
from translator.subtitles.layout import EMPTY_TEXT, layout_subtitles, split_time
from translator.subtitles.options import SubtitleOptions
from translator.subtitles.wrap import lines_fit
from translator.writers import WRITERS

SOURCE = (
    "1\n00:00:01,000 --> 00:00:03,500\n{\\an8}<i>We are in New York City</i>\n\n"
    "2\n00:00:03,600 --> 00:00:06,000\nand with me is <b>Neil</b> &amp; friends.\n\n"
    "3\n00:00:07,000 --> 00:00:08,000\nThanks.\n"
)
UK = ["Ми в Нью-Йорку", "і зі мною Ніл та друзі.", "Дякую."]
LONG_RU = ("Удары по Одесской области продолжаются уже третью неделю подряд, и власти говорят, что "
           "восстановление энергосистемы займёт не меньше месяца.")
TAGS = re.compile(r"<[^>]*>|\{\\[^}]*\}")
WORDS = st.sampled_from(["ми", "у", "місті", "Нью-Йорк", "<", "&", "дуже", "довге", "слово" * 6, "Ніл", ".",
                         "-->", "—", "5", "км,", "Руслан", "Айсін."])


def translated(texts: list[str], lang: str = "uk", source: str = SOURCE) -> Document:
    doc = srt_reader.parse(source, "talk.en.srt")
    doc.lang, doc.targets = "en", [lang]
    for segment, text in zip(doc.segments, texts):
        segment.translations[lang] = Translation(text, [text], [(0, 0)])
    return doc


def render(name: str, doc: Document, lang: str, options: SubtitleOptions | None = None) -> bytes:
    return WRITERS[name].render(doc, lang, layout_subtitles(doc, lang, options))


def test_srt_is_crlf_utf8_without_bom_numbered_with_source_times() -> None:
    data = render("srt", translated(UK), "uk")
    assert not data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")
    assert data.decode("utf-8") == (
        "1\r\n00:00:01,000 --> 00:00:03,500\r\n{\\an8}<i>Ми в Нью-Йорку</i>\r\n\r\n"
        "2\r\n00:00:03,600 --> 00:00:06,000\r\nі зі мною <b>Ніл</b> та друзі.\r\n\r\n"
        "3\r\n00:00:07,000 --> 00:00:08,000\r\nДякую.\r\n"
    )
    assert [(start, end) for start, end, _ in srt_cues(data)] == [(1000, 3500), (3600, 6000), (7000, 8000)]


def test_vtt_has_its_header_escapes_text_and_keeps_only_its_tags() -> None:
    doc = translated(["Ми в Нью-Йорку", "і зі мною Ніл & друзі", "Дякую <3"])
    data = render("vtt", doc, "uk")
    assert data.decode("utf-8") == (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.500 line:0\n<i>Ми в Нью-Йорку</i>\n\n"  # {\\an8}: at the top
        "00:00:03.600 --> 00:00:06.000\nі зі мною <b>Ніл</b> &amp; друзі\n\n"
        "00:00:07.000 --> 00:00:08.000\nДякую &lt;3\n"
    )
    assert vtt_cues(data)[1:] == [(3600, 6000, "і зі мною Ніл & друзі"), (7000, 8000, "Дякую <3")]


def test_bilingual_srt_puts_the_source_above_the_translation() -> None:
    text = render("bilingual-srt", translated(UK), "uk").decode("utf-8")
    first = text.split("\r\n\r\n")[0].split("\r\n")
    assert first == [
        "1", "00:00:01,000 --> 00:00:03,500", "{\\an8}<i>We are in New York City</i>", "<i>Ми в Нью-Йорку</i>"]


def test_a_cue_without_translation_keeps_its_source_and_an_empty_share_shows_an_ellipsis() -> None:
    doc = translated(["Ми в Нью-Йорку", ""])
    assert [cue.lines for cue in layout_subtitles(doc, "uk").cues] == [("Ми в Нью-Йорку",), (EMPTY_TEXT,),
                                                                        ("Thanks.",)]


def test_a_cue_already_in_the_target_language_is_shown_once_as_it_is() -> None:
    doc = translated(UK)
    doc.segments[2].translations["uk"] = Translation("Thanks.", ["Thanks."], [(0, 0)], "kept")
    assert layout_subtitles(doc, "uk").bilingual[2].lines == ("Thanks.",)


def test_a_translation_too_long_for_two_lines_is_split_in_time_within_its_cue() -> None:
    doc = translated(["Мы в Нью-Йорке", LONG_RU, "Спасибо."], "ru")
    cues = srt_cues(render("srt", doc, "ru"))
    parts = cues[1:-1]
    assert len(parts) == 2 and parts[0][0] == 3600 and parts[-1][1] == 6000
    assert all(a[1] == b[0] for a, b in itertools.pairwise(parts))  # contiguous, no gap, no overlap
    assert all(end - start >= 1000 for start, end, _ in parts)
    assert all(lines_fit(TAGS.sub("", text).split("\n"), "ru") for _, _, text in cues)
    assert " ".join(TAGS.sub("", text).replace("\n", " ") for _, _, text in parts) == LONG_RU
    assert parts[0][2].endswith(",")  # cut at the clause boundary
    kept = srt_cues(render("srt", doc, "ru", SubtitleOptions(keep_cues=True)))
    assert len(kept) == 3 and kept[1][:2] == (3600, 6000) and len(kept[1][2].split("\n")) > 2


def test_a_split_cue_keeps_its_formatting_on_every_part_and_bilingual_parts_pair_up() -> None:
    source = "1\n00:00:01,000 --> 00:00:09,000\n{\\an8}<i>The strikes on Odesa region go on, officials say.</i>\n"
    doc = translated([LONG_RU], "ru", source)
    parts = render("srt", doc, "ru").decode("utf-8").split("\r\n\r\n")
    assert len(parts) == 2
    for part in parts:
        text = "\n".join(part.split("\r\n")[2:]).strip()
        assert text.startswith("{\\an8}<i>") and text.endswith("</i>"), text
    bilingual = srt_cues(render("bilingual-srt", doc, "ru"))
    assert [(start, end) for start, end, _ in bilingual] == [(start, end) for start, end, _ in srt_cues(
        render("srt", doc, "ru"))]
    assert " ".join(text.split("\n")[0] for _, _, text in bilingual).startswith("{\\an8}<i>The strikes")


def test_split_time_spans_the_cue_exactly_and_gives_each_part_a_second_where_it_can() -> None:
    assert split_time(1000, 9000, ["a" * 10, "b" * 30]) == [(1000, 3500), (3500, 9000)]  # 1 s each + 6 s by 1:3
    assert split_time(0, 2500, ["a" * 90, "b"]) == [(0, 1494), (1494, 2500)]  # 1 s each + 500 ms by 90:1
    assert split_time(0, 1500, ["a", "b", "c"]) == [(0, 500), (500, 1000), (1000, 1500)]


VTT_SOURCE = (
    "WEBVTT - talk\n\nSTYLE\n::cue(v[voice=\"Ann\"]) { color: yellow }\n\nREGION\nid:fred width:40%\n\n"
    "NOTE two voices at once\n\n"
    "a1\n00:00:01.000 --> 00:00:04.000 line:0 position:20% align:start region:fred\n<v Ann>Where were you?\n\n"
    "00:00:02.000 --> 00:00:03.000 align:end\n<v Bob>At home.\n"
)


def test_webvtt_is_written_back_as_it_was_around_its_translated_text() -> None:
    doc = vtt_reader.parse(VTT_SOURCE, "talk.en.vtt")
    doc.lang, doc.targets = "en", ["uk"]
    for segment, text in zip(doc.segments, ["Де ти був?", "Вдома."]):
        segment.translations["uk"] = Translation(text, [text], [(0, 0)])
    data = render("vtt", doc, "uk")
    assert data.decode("utf-8") == (
        "WEBVTT - talk\n\nSTYLE\n::cue(v[voice=\"Ann\"]) { color: yellow }\n\nREGION\nid:fred width:40%\n\n"
        "NOTE two voices at once\n\n"
        "a1\n00:00:01.000 --> 00:00:04.000 line:0 position:20% align:start region:fred\n<v Ann>Де ти був?</v>\n\n"
        "00:00:02.000 --> 00:00:03.000 align:end\n<v Bob>Вдома.</v>\n"
    )
    assert vtt_cues(data) == [(1000, 4000, "Де ти був?"), (2000, 3000, "Вдома.")]
    assert [s.speaker for s in vtt_reader.parse(data.decode("utf-8"), "o.vtt").segments] == ["Ann", "Bob"]


def test_a_split_webvtt_cue_keeps_its_settings_on_every_part_and_its_identifier_on_the_first() -> None:
    doc = vtt_reader.parse("WEBVTT\n\nlong\n00:00:01.000 --> 00:00:09.000 line:0 align:start\nThe long one.\n",
                           "a.en.vtt")
    doc.lang, doc.targets = "en", ["ru"]
    doc.segments[0].translations["ru"] = Translation(LONG_RU, [LONG_RU], [(0, 0)])
    cues = layout_subtitles(doc, "ru").cues
    assert len(cues) == 2 and [(c.identifier, c.settings) for c in cues] == [
        ("long", "line:0 align:start"), ("", "line:0 align:start")]
    data = render("vtt", doc, "ru")
    assert [(start, end) for start, end, _ in vtt_cues(data)] == [(c.start_ms, c.end_ms) for c in cues]
    assert data.decode("utf-8").count("line:0 align:start") == 2


def test_no_text_can_break_an_srt_file() -> None:
    text = "He wrote 00:00:05,000 --> 00:00:09,000 on the board and left."
    doc = Document("t.txt", "transcript", [Segment(1, "turn", text, lang="en"), Segment(2, "turn", "Yes.", lang="en")],
                   lang="en", targets=["en"])
    for name in ("srt", "bilingual-srt"):
        cues = srt_cues(render(name, doc, "en"))
        assert len(cues) == 2 and "-->" not in "".join(text for _, _, text in cues)
    assert len(vtt_cues(render("vtt", doc, "en"))) == 2


def test_a_transcript_gets_turn_cues_of_at_most_two_lines_on_an_estimated_timeline() -> None:
    text = ("The sides are indeed close to signing a treaty, but the final draft is not ready. Armenia "
            "would have to amend its constitution, which is politically difficult.")
    segments = [Segment(1, "title", "An interview", lang="en"), Segment(2, "turn", text, lang="en", speaker="A"),
                Segment(3, "heading", "Part two", lang="en"), Segment(4, "turn", "Yes.", lang="en", speaker="B")]
    doc = Document("t.txt", "transcript", segments, lang="en", targets=["en"])
    cues = srt_cues(render("srt", doc, "en"))
    assert len(cues) == 4 and cues[0][0] == 0
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cues))
    assert all(lines_fit(c.split("\n"), "en") for _, _, c in cues)
    assert " ".join(c.replace("\n", " ") for _, _, c in cues[:3]) == text and cues[3][2] == "Yes."
    with_headings = srt_cues(render("srt", doc, "en", SubtitleOptions(headings=True)))
    assert next(c for _, _, c in with_headings) == "An interview" and "Part two" in [c for _, _, c in with_headings]


@st.composite
def documents(draw: st.DrawFn) -> Document:
    segments, start = [], 0
    for number in range(1, draw(st.integers(1, 6)) + 1):
        start += draw(st.integers(0, 3000))
        end = start + draw(st.integers(100, 9000))
        segment = Segment(number, "cue", draw(st.lists(WORDS, min_size=1, max_size=8).map(" ".join)),
                          timing=Timing(start, end))
        if draw(st.booleans()):
            text = draw(st.lists(WORDS, max_size=40).map(" ".join))
            segment.translations["ru"] = Translation(text, [text], [(0, 0)])
        segments.append(segment)
        start = end
    return Document("d.srt", "srt", segments, lang="uk", targets=["ru"])


@settings(max_examples=40, deadline=None)
@given(documents())
def test_every_source_cue_is_covered_exactly_by_cues_of_at_most_two_lines(doc: Document) -> None:
    layout = layout_subtitles(doc, "ru")
    for index, segment in enumerate(doc.segments):
        times = [(cue.start_ms, cue.end_ms) for cue in layout.cues if cue.segment == index]
        assert times[0][0] == segment.timing.start_ms and times[-1][1] == segment.timing.end_ms  # type: ignore[union-attr]
        assert all(a[1] == b[0] for a, b in itertools.pairwise(times))
        if len(times) > 1:
            assert all(end - start >= min(1000, segment.timing.duration_ms // len(times))  # type: ignore[union-attr]
                       for start, end in times)
    for cue in layout.cues:
        if doc.segments[cue.segment].translations.get("ru"):
            assert lines_fit(list(cue.lines), "ru"), cue.lines
    expected = [(cue.start_ms, cue.end_ms) for cue in layout.cues]
    for name in ("srt", "bilingual-srt"):
        data = WRITERS[name].render(doc, "ru", layout)
        assert [(start, end) for start, end, _ in srt_cues(data)] == expected
    assert [(start, end) for start, end, _ in vtt_cues(WRITERS["vtt"].render(doc, "ru", layout))] == expected


VTT_TEXT = st.lists(st.sampled_from(["Ann", "said", "<", ">", "&", "-->", "—", "5", "км", "x" * 50, "«так»,"]),
                    min_size=1, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**7), st.integers(1, 10**5), VTT_TEXT,
                          st.sampled_from(["", "line:0", "position:20% align:start"]),
                          st.sampled_from(["", "intro", "c-2"])), min_size=1, max_size=8))
def test_webvtt_compose_then_parse_gives_the_same_cues(cues: list[tuple[int, int, str, str, str]]) -> None:
    cues = sorted(cues)
    segments = [
        Segment(n, "cue", text, timing=Timing(start, start + length), cue_settings=setting or None,
                cue_id=identifier or None)
        for n, (start, length, text, setting, identifier) in enumerate(cues, 1)
    ]
    doc = Document("d.vtt", "vtt", segments, lang="en", targets=["uk"], header="WEBVTT")
    data = WRITERS["vtt"].render(doc, "uk", layout_subtitles(doc, "uk"))
    back = vtt_reader.parse(data.decode("utf-8"), "back.vtt")
    assert back.notices == []
    assert [(s.timing, s.text, s.cue_settings, s.cue_id) for s in back.segments] == [
        (s.timing, s.text, s.cue_settings, s.cue_id) for s in segments]
