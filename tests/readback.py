"""Read our SRT and WebVTT output back with the libraries editors' tools use, and insist they all agree.

SRT goes through pysrt (what Argos's own file translator uses), cdown/srt and pysubs2; WebVTT through pysubs2 and
our own WebVTT reader, which follows the specification's parser. Each returns (start ms, end ms, text) cues.
"""

from __future__ import annotations

from datetime import timedelta

import pysrt
import pysubs2
import srt

from translator.readers import vtt as vtt_reader

Cue = tuple[int, int, str]


def _ms(value: timedelta) -> int:
    return value // timedelta(milliseconds=1)


def srt_cues(data: bytes) -> list[Cue]:
    """The cues of an SRT file as pysrt, srt and pysubs2 read them; fails unless all three agree."""
    text = data.decode("utf-8")
    by_srt = [(_ms(c.start), _ms(c.end), c.content.replace("\r\n", "\n")) for c in srt.parse(text)]
    by_pysrt = [(c.start.ordinal, c.end.ordinal, c.text.replace("\r\n", "\n"))
                for c in pysrt.from_string(text, error_handling=pysrt.ERROR_RAISE)]
    by_pysubs2 = [(e.start, e.end) for e in pysubs2.SSAFile.from_string(text, format_="srt")]
    assert by_srt == by_pysrt, "srt and pysrt read different cues"
    assert [(start, end) for start, end, _ in by_srt] == by_pysubs2, "pysubs2 reads different times"
    assert [c.index for c in srt.parse(text)] == list(range(1, len(by_srt) + 1)), "cues numbered from 1"
    return by_srt


def vtt_cues(data: bytes) -> list[Cue]:
    """The cues of a WebVTT file as pysubs2 and the specification's parser read them; fails unless both agree."""
    text = data.decode("utf-8")
    doc = vtt_reader.parse(text, "out.vtt")
    assert doc.notices == [], [str(notice) for notice in doc.notices]
    ours = [(s.timing.start_ms, s.timing.end_ms, s.text) for s in doc.segments]  # type: ignore[union-attr]
    by_pysubs2 = [(e.start, e.end) for e in pysubs2.SSAFile.from_string(text, format_="vtt")]
    assert [(start, end) for start, end, _ in ours] == by_pysubs2, "pysubs2 reads different times"
    return ours
