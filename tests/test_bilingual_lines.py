"""A bilingual subtitle cue shows at most two source lines above at most two translation lines: a transcript
translation longer than its source is cut into more cues rather than stacked three lines high."""

from __future__ import annotations

import itertools

from translator.document import Document, Segment, Translation
from translator.subtitles import layout_document

SOURCE = ("Thank you for having me. The strikes on Odesa continued all night and officials said the grid is down "
          "again in three districts of the city.")
LONGER = ("Дякую, що запросили мене до студії сьогодні. Удари по Одесі та Одеській області тривали всю ніч без "
          "перерви, і посадовці заявили, що електромережа знову не працює в трьох районах міста та в передмісті.")


def test_bilingual_cues_hold_two_lines_a_side() -> None:
    doc = Document("talk.txt", "transcript", [Segment(1, "turn", SOURCE, speaker="A", lang="en", sentences=[SOURCE],
                   translations={"uk": Translation(LONGER, [LONGER], [(0, 0)])})], lang="en", targets=["uk"])
    cues = layout_document(doc)["uk"].bilingual
    assert all(len(cue.lines) <= 4 for cue in cues), [cue.lines for cue in cues]
    shown = " ".join(" ".join(cue.lines) for cue in cues).split()
    assert sorted(shown) == sorted(SOURCE.split() + LONGER.split())  # every word of both, once
    assert all(a.end_ms <= b.start_ms for a, b in itertools.pairwise(cues))
