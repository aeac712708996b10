"""Subtitles for a transcript, which has no times: reading-speed times for its segments.

A segment is cut into cues (see `chunks`); each cue is on screen for its length at 17 characters a second, at
least 1 s and at most 7 s; the segments shown in subtitles follow each other from 0 without overlap.
"""

from __future__ import annotations

import itertools

from translator.document import Document, Segment, Timing
from translator.subtitles.chunks import TextCutter
from translator.subtitles.options import SubtitleOptions
from translator.subtitles.rules import LanguageRules

CHARS_PER_SECOND = 17
READING_SPEED = {"en": 20}  # characters a second a viewer can read; 17 for Ukrainian and Russian
MIN_CUE_MS = 1000
MAX_CUE_MS = 7000


def reading_speed(lang: str | None) -> int:
    """The highest comfortable reading speed in `lang`, in characters a second (spaces and punctuation count)."""
    return READING_SPEED.get(lang or "", CHARS_PER_SECOND)


def cue_duration_ms(text: str, limits: LanguageRules | None = None) -> int:
    """How long a cue of this text stays on screen when its time is estimated (within a profile's `limits`)."""
    if limits is None:
        return min(MAX_CUE_MS, max(MIN_CUE_MS, round(len(text) * 1000 / CHARS_PER_SECOND)))
    return min(limits.max_ms, max(limits.min_ms, round(len(text) * 1000 / limits.cps)))


def spread(timing: Timing, chunks: list[str], limits: LanguageRules | None = None) -> list[tuple[int, int]]:
    """Divide a segment's time among its cues in proportion to their estimated durations, chained."""
    weights = [cue_duration_ms(chunk, limits) for chunk in chunks]
    total = sum(weights)
    bounds, running = [timing.start_ms], 0
    for weight in weights:
        running += weight
        bounds.append(timing.start_ms + round(timing.duration_ms * running / total))
    return list(itertools.pairwise(bounds))


def _segment_duration_ms(doc: Document, segment: Segment, cutter: TextCutter) -> int:
    """Time to read the segment in the slowest of its versions: the source and every translation made so far."""
    versions = [(segment.text, segment.lang or doc.lang)]
    versions += [(translation.text, lang) for lang, translation in sorted(segment.translations.items())]
    return max(sum(cue_duration_ms(chunk, cutter.rules.estimating(lang)) for chunk in cutter.chunks(text, lang))
               for text, lang in versions)


def estimated_timings(
    doc: Document, options: SubtitleOptions | None = None, cutter: TextCutter | None = None
) -> list[Timing | None]:
    """Reading-speed times for the transcript's segments shown in subtitles, chained from 0 without overlap;
    None for the segments subtitles leave out."""
    options = options or SubtitleOptions()
    cutter = cutter or TextCutter(options.rules)
    timings: list[Timing | None] = []
    start = 0
    for segment, shown in zip(doc.segments, options.shown(doc)):
        if not shown:
            timings.append(None)
            continue
        duration = _segment_duration_ms(doc, segment, cutter)
        timings.append(Timing(start, start + duration, estimated=True))
        start += duration
    return timings


def estimate_timings(doc: Document, options: SubtitleOptions | None = None, cutter: TextCutter | None = None) -> None:
    """Set `timing` (estimated=True) on every segment of a transcript shown in subtitles (the others get none);
    subtitle files keep their own times.

    Call it after translation: a segment then lasts as long as its longest version needs, so no language's
    subtitles are too fast to read. Before translation it times the source alone."""
    if doc.is_subtitles:
        return
    for segment, timing in zip(doc.segments, estimated_timings(doc, options, cutter)):
        segment.timing = timing
