"""Estimated times for transcripts: reading speed, 1-7 s a cue, chained from 0, segments cut into fitting cues;
only the segments shown in subtitles (the turns, unless headings are asked for) are on the timeline."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from translator.document import Document, Segment, Timing, Translation
from translator.readers import read
from translator.subtitles.chunks import chunk_text, cut_sentence
from translator.subtitles.options import SubtitleOptions
from translator.subtitles.timing import cue_duration_ms, estimate_timings, spread
from translator.subtitles.wrap import fits, is_dialogue, max_line_chars

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "interview-aisin.en.txt"
WORDS = st.sampled_from(["Ruslan", "Aysin", "said", "that", "the", "war", "is,", "over.", "Moscow", "and", "Baku",
                         "political", "scientist", "—", "really?", "x" * 50])


def transcript(*texts: str) -> Document:
    segments = [Segment(number, "turn", text, lang="en") for number, text in enumerate(texts, start=1)]
    return Document("t.txt", "transcript", segments, lang="en")


def test_cue_duration_is_reading_speed_between_one_and_seven_seconds() -> None:
    assert cue_duration_ms("Yes.") == 1000
    assert cue_duration_ms("x" * 34) == 2000
    assert cue_duration_ms("x" * 500) == 7000


def test_sentences_are_packed_while_they_fit_and_long_ones_cut_at_clauses() -> None:
    assert chunk_text("Hello! I am glad to be here.", "en") == ["Hello! I am glad to be here."]
    chunks = chunk_text(
        "Russia cannot forgive Azerbaijan for pursuing an independent policy, while having no effective levers "
        "to influence Baku.", "en")
    assert chunks == ["Russia cannot forgive Azerbaijan for pursuing an independent policy,",
                      "while having no effective levers to influence Baku."]


def test_estimated_timings_chain_from_zero_and_cover_each_segments_cues() -> None:
    doc = transcript("Hello! I am glad to be here.", "Yes.", "Russia cannot forgive Azerbaijan for pursuing an "
                     "independent policy, while having no effective levers to influence Baku.")
    estimate_timings(doc)
    timings = [s.timing for s in doc.segments]
    assert timings == [Timing(0, 1647, True), Timing(1647, 2647, True), Timing(2647, 9647, True)]


def test_a_translation_that_takes_longer_to_read_sets_the_time() -> None:
    doc = transcript("Yes, it is.")
    doc.segments[0].translations["ru"] = Translation("Да, именно так, совершенно верно, безусловно.", [], [])
    estimate_timings(doc)
    assert doc.segments[0].timing == Timing(0, 2647, True)  # 45 characters at 17 a second


def test_subtitle_files_keep_their_own_times() -> None:
    doc = Document("s.srt", "srt", [Segment(1, "cue", "Hi", timing=Timing(5, 900))])
    estimate_timings(doc)
    assert doc.segments[0].timing == Timing(5, 900)


def test_spread_divides_a_segment_in_proportion_and_ends_on_time() -> None:
    assert spread(Timing(1000, 5000), ["a" * 34, "b" * 34]) == [(1000, 3000), (3000, 5000)]


@settings(max_examples=40)
@given(st.lists(WORDS, min_size=1, max_size=60).map(" ".join), st.sampled_from(["en", "ru"]))
def test_chunks_keep_every_word_and_fit_unless_a_word_is_too_long(text: str, lang: str) -> None:
    chunks = chunk_text(text, lang)
    assert " ".join(chunks) == " ".join(text.split())
    assert all(fits(chunk, lang) or "x" * 50 in chunk for chunk in chunks)


def _fewest_pieces(words: list[str], lang: str) -> int:
    """Greedy packing: each piece takes words while they fit (a piece that does not fit never fits with more)."""
    count, start = 0, 0
    while start < len(words):
        end = start + 1
        while end < len(words) and fits(" ".join(words[start:end + 1]), lang):
            end += 1
        count, start = count + 1, end
    return count


# Two full lines, 42 + 1 + 42 characters (issue #26: cut into 2 pieces while n×limit was taken for n lines' room).
FULL_TWO_LINES = "political scientist Ruslan Aysin said that the war is over and Moscow knows it now so"
FULL_TWO_LINES_RU = "политолог Руслан Айсин сказал что война окончена а Москва и Баку думают иначе и"  # 39 + 1 + 39


@settings(max_examples=200)
@given(st.lists(WORDS, min_size=1, max_size=80), st.sampled_from(["en", "ru"]))
@example(FULL_TWO_LINES.split(), "en")
@example(FULL_TWO_LINES_RU.split(), "ru")
def test_a_long_sentence_is_cut_into_the_fewest_pieces_that_fit(words: list[str], lang: str) -> None:
    pieces = cut_sentence(" ".join(words), lang)
    assert " ".join(pieces) == " ".join(words)
    assert all(fits(piece, lang) or " " not in piece for piece in pieces)
    if not is_dialogue(words):
        assert len(pieces) == _fewest_pieces(words, lang)


def test_a_piece_may_fill_both_lines_and_the_space_between_them() -> None:
    for text, lang in [(FULL_TWO_LINES, "en"), (FULL_TWO_LINES_RU, "ru")]:
        assert len(text) == 2 * max_line_chars(lang) + 1 and fits(text, lang)
        assert cut_sentence(text, lang) == [text]
    second = "the rest of Europe will also have to live with it for the years that may yet come to"  # 84 characters
    assert chunk_text(f"{FULL_TWO_LINES} {second}", "en") == [FULL_TWO_LINES, second]  # was cut into 3 cues


def test_the_sample_interview_times_its_turns_only_unless_headings_are_asked_for() -> None:
    doc = read(SAMPLE)
    estimate_timings(doc)
    kinds = {s.kind for s in doc.segments if s.timing is None}
    timings = [s.timing for s in doc.segments if s.timing is not None]
    assert kinds == {"title", "heading", "intro"} & {s.kind for s in doc.segments} and "title" in kinds
    assert all(t.estimated for t in timings) and timings[0].start_ms == 0
    assert all(a.end_ms == b.start_ms for a, b in itertools.pairwise(timings))
    assert len(timings) == sum(s.kind == "turn" for s in doc.segments)
    estimate_timings(doc, SubtitleOptions(headings=True))
    assert all(s.timing is not None for s in doc.segments) and doc.segments[0].timing.start_ms == 0  # type: ignore[union-attr]


def test_a_transcript_without_turns_is_shown_whole() -> None:
    doc = Document("t.txt", "transcript", [Segment(1, "title", "Notes", lang="en"),
                                           Segment(2, "intro", "Some text here.", lang="en")], lang="en")
    estimate_timings(doc)
    assert [s.timing for s in doc.segments] == [Timing(0, 1000, True), Timing(1000, 2000, True)]
