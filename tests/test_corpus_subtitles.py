"""The 69 real SRT/WebVTT files of ../shared/corpus: each goes through (and reads back in pysrt, srt and pysubs2
with the same cues and times) or is refused with a one-line error naming the line. WebVTT files are read as the
WebVTT parser reads them: a bad cue is skipped and reported, the rest kept. Skipped where the corpus is absent."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from tests.readback import srt_cues, vtt_cues
from translator.errors import InputError
from translator.readers import read
from translator.writers import WRITERS

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
FILES = sorted([*CORPUS.glob("srt/*.srt"), *CORPUS.glob("vtt/*.vtt")]) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason="shared corpus not present beside the repository")

# Refused, and the line each refusal names: no single reading (or not a subtitle file at all).
REFUSED = {
    "cdown-srt__gb2312.srt": 3,  # GB2312 Chinese: not one of the encodings we detect (--encoding gb2312 reads it)
    "webvtt-py__invalid_format3.srt": 1,  # a number and text, no timing line anywhere
    "webvtt-py__invalid_format4.srt": 1,  # text before the first timing line
    "webvtt-py__missing_timeframe.srt": 5,  # cue 2 has no timing line
    "astisub__broken-1-in.vtt": 2,  # "BROKENVTT"
    "vttjs__blank-file-with-bom.vtt": 1,  # empty
    "vttjs__bom-garbage-data.vtt": 1,  # "garbage" where WEBVTT belongs
    "vttjs__garbage-signature.vtt": 1,
    "vttjs__max-spots-over-sixty.vtt": 3,  # its one cue: 120 hours (SRT and editors hold two digits of hours)
    "vttjs__missing-separator.vtt": 3,  # its one cue: a timing line without "-->"
}
# WebVTT files that go through with some cues or blocks skipped, as the WebVTT parser skips them: the lines reported.
SKIPPED = {
    "astisub__example-in.vtt": [21, 25],  # a STYLE block's second half after a blank line; old "Region:" lines
    "astisub__example-in-non-utf8.vtt": [21, 25],
    "webvtt-py__invalid_timeframe.vtt": [6],  # "00:00:1d.890"
    "webvtt-py__missing_timeframe.vtt": [6],  # a text block without a timing line
}


def test_the_whole_corpus_is_here() -> None:
    assert len(FILES) == 69
    assert set(REFUSED) <= {path.name for path in FILES}


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_each_file_goes_through_or_is_refused_naming_the_line(path: Path, tmp_path: Path) -> None:
    if path.name in REFUSED:
        with pytest.raises(InputError) as error:
            read(path)
        message = str(error.value)
        assert "\n" not in message and message.startswith(f"{path}: line {REFUSED[path.name]}: "), message
        return
    doc = read(path)
    times = [(s.timing.start_ms, s.timing.end_ms) for s in doc.segments]  # type: ignore[union-attr]
    assert doc.segments and [s.id for s in doc.segments] == list(range(1, len(doc.segments) + 1))
    assert all(start < end for start, end in times)
    assert sorted(times) == times
    if doc.format == "srt":
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(times))
    assert all(s.text.strip() and s.line >= 1 for s in doc.segments)
    assert all(notice.line >= 1 and re.fullmatch(r"[^\n]+", notice.message) for notice in doc.notices)
    skipped = [n.line for n in doc.notices if "skipped" in n.message]
    assert skipped == SKIPPED.get(path.name, [])
    doc.lang = "xx"
    doc.targets = ["en"]
    for name in ("srt", "bilingual-srt"):
        written = [(start, end) for start, end, _ in srt_cues(WRITERS[name].render(doc, "en"))]
        if doc.format == "srt" or all(a[1] <= b[0] for a, b in itertools.pairwise(times)):
            assert written == times
        else:  # WebVTT overlaps, shown one at a time in SRT: every cue starts as it did and gives way to the next
            assert all(a[1] <= b[0] for a, b in itertools.pairwise(written))
            assert sorted({start for start, _ in written}) == sorted({start for start, _ in times})
            assert all(end in {e for _, e in times} or end in {s for s, _ in times} for _, end in written)
    assert [(start, end) for start, end, _ in vtt_cues(WRITERS["vtt"].render(doc, "en"))] == times
