"""Subtitles for a transcript, which has no times: cut each segment into cues and give them reading-speed times.

A cue holds whole sentences while they fit in two lines; a longer sentence is cut at clause boundaries (the
same break costs as line wrapping, never inside a name). Each cue is on screen for its length at 17 characters a
second, at least 1 s and at most 7 s; segments follow each other from 0 without overlap.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from translator.document import Document, Segment, Timing
from translator.sentences import split_sentences
from translator.subtitles.breaks import break_cost
from translator.subtitles.wrap import MAX_LINES, fits, max_line_chars

CHARS_PER_SECOND = 17
READING_SPEED = {"en": 20}  # characters a second a viewer can read; 17 for Ukrainian and Russian
MIN_CUE_MS = 1000
MAX_CUE_MS = 7000
PIECE_COST = 1000.0  # each extra cue costs more than any choice of break points
BREAK_WEIGHT = 8.0  # as in line wrapping: one unit of break cost is worth 8 characters


def reading_speed(lang: str | None) -> int:
    """The highest comfortable reading speed in `lang`, in characters a second (spaces and punctuation count)."""
    return READING_SPEED.get(lang or "", CHARS_PER_SECOND)


def cue_duration_ms(text: str) -> int:
    """How long a cue of this text stays on screen when its time is estimated."""
    return min(MAX_CUE_MS, max(MIN_CUE_MS, round(len(text) * 1000 / CHARS_PER_SECOND)))


def _cut_sentence(sentence: str, lang: str | None) -> list[str]:
    """The fewest pieces that each fit a cue, cut at the best break points (dynamic programming over words)."""
    words = sentence.split()
    most = MAX_LINES * max_line_chars(lang)
    inf = float("inf")
    best = [0.0] + [inf] * len(words)
    back = [0] * (len(words) + 1)
    for end in range(1, len(words) + 1):
        for start in range(end - 1, -1, -1):
            piece = " ".join(words[start:end])
            if end - start > 1 and (len(piece) > most or not fits(piece, lang)):
                break
            cost = best[start] + PIECE_COST + (most - len(piece)) ** 2 / most  # unfilled room: balance the cues
            if end < len(words):
                cost += BREAK_WEIGHT * break_cost(words[end - 1], words[end], lang)
            if cost < best[end]:
                best[end], back[end] = cost, start
    pieces, end = [], len(words)
    while end:
        pieces.append(" ".join(words[back[end]:end]))
        end = back[end]
    return pieces[::-1]


def chunk_text(text: str, lang: str | None) -> list[str]:
    """A transcript segment's text as cue texts: whole sentences packed while they fit in two lines."""
    return list(_chunk_cached(text, lang))


@lru_cache(maxsize=1 << 14)
def _chunk_cached(text: str, lang: str | None) -> tuple[str, ...]:
    """Timing, QA and three subtitle writers all cut the same texts: cut each once (it is a pure function)."""
    chunks: list[str] = []
    for sentence in split_sentences(text, lang):
        joined = f"{chunks[-1]} {sentence}" if chunks else sentence
        if chunks and fits(joined, lang):
            chunks[-1] = joined
        elif fits(sentence, lang):
            chunks.append(sentence)
        else:
            chunks.extend(_cut_sentence(sentence, lang))
    return tuple(chunks)


def spread(timing: Timing, chunks: list[str]) -> list[tuple[int, int]]:
    """Divide a segment's time among its cues in proportion to their estimated durations, chained."""
    weights = [cue_duration_ms(chunk) for chunk in chunks]
    total = sum(weights)
    bounds, running = [timing.start_ms], 0
    for weight in weights:
        running += weight
        bounds.append(timing.start_ms + round(timing.duration_ms * running / total))
    return list(itertools.pairwise(bounds))


def _reading_time_ms(text: str, lang: str | None) -> int:
    return sum(cue_duration_ms(chunk) for chunk in chunk_text(text, lang))


def _segment_duration_ms(doc: Document, segment: Segment) -> int:
    """Time to read the segment in the slowest of its versions: the source and every translation made so far."""
    versions = [(segment.text, segment.lang or doc.lang)]
    versions += [(translation.text, lang) for lang, translation in sorted(segment.translations.items())]
    return max(_reading_time_ms(text, lang) for text, lang in versions)


def estimated_timings(doc: Document) -> list[Timing]:
    """Reading-speed times for every segment of a transcript, chained from 0 without overlap."""
    timings, start = [], 0
    for segment in doc.segments:
        duration = _segment_duration_ms(doc, segment)
        timings.append(Timing(start, start + duration, estimated=True))
        start += duration
    return timings


def estimate_timings(doc: Document) -> None:
    """Set `timing` (estimated=True) on every segment of a transcript; subtitle files keep their own times.

    Call it after translation: a segment then lasts as long as its longest version needs, so no language's
    subtitles are too fast to read. Before translation it times the source alone."""
    if doc.is_subtitles:
        return
    for segment, timing in zip(doc.segments, estimated_timings(doc)):
        segment.timing = timing
