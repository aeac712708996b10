"""Cue repairs that mutation testing (tools/mutation.py, issue #24) found unpinned: a zero-length cue is never
lengthened over the next cue's start, wherever it stands in the file."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from translator.document import Document
from translator.readers import srt, vtt


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
