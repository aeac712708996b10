"""The cues every subtitle writer writes: times, lines to read, and the same lines with their formatting.

A subtitle input gives exactly one output cue per input cue, with its exact times; a transcript's segments are
cut into cues of at most two lines with reading-speed times. Writers differ only in how they print these.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from translator.document import Document, Segment, Timing
from translator.subtitles import markup as cue_markup
from translator.subtitles.distribute import distribute
from translator.subtitles.timing import chunk_text, estimated_timings, spread
from translator.subtitles.wrap import wrap_lines

EMPTY_TEXT = "…"  # a cue whose share of a translated sentence is empty still shows something


@dataclass(frozen=True)
class OutCue:
    """One output cue. `lines` is what a viewer reads; `marked` holds the same lines with their formatting
    (neutral form: escaped text plus tags, see `markup.to_dialect`). `segment` indexes `doc.segments`."""

    start_ms: int
    end_ms: int
    lines: tuple[str, ...]
    marked: tuple[str, ...]
    segment: int


def _escaped(lines: list[str]) -> list[str]:
    return [html.escape(line, quote=False) for line in lines]


def _translated(segment: Segment, lang: str) -> str | None:
    """The segment's text in `lang`, or None where it has none (or it already was in `lang`: shown as it is)."""
    translation = segment.translations.get(lang)
    return translation.text if translation and translation.origin != "kept" else None


def _subtitle_cue(index: int, segment: Segment, lang: str, bilingual: bool) -> OutCue:
    """Same times as the source cue; the translation re-wrapped, with the cue's formatting put back."""
    assert segment.timing is not None, "subtitle readers time every cue"
    form = cue_markup.parse(segment.markup) if segment.markup else cue_markup.Markup(segment.text)
    source_lines = segment.text.split("\n")
    source_marked = cue_markup.apply(form, segment.text).split("\n")
    translation = _translated(segment, lang)
    if translation is None:
        lines, marked = source_lines, source_marked
    else:
        lines = wrap_lines(translation, lang) or [EMPTY_TEXT]
        marked = cue_markup.apply(form, "\n".join(lines), lead_points=not bilingual).split("\n")
        if bilingual:
            lines, marked = source_lines + lines, source_marked + marked
    return OutCue(segment.timing.start_ms, segment.timing.end_ms, tuple(lines), tuple(marked), index)


def _transcript_cues(index: int, segment: Segment, timing: Timing, source_lang: str | None, lang: str,
                     bilingual: bool) -> list[OutCue]:
    """A transcript segment cut into cues; bilingual cues pair each source cue with its share of the translation."""
    translation = _translated(segment, lang)
    if translation is None or bilingual:
        chunks, text_lang = chunk_text(segment.text, source_lang), source_lang
    else:
        chunks, text_lang = chunk_text(translation, lang), lang
    shares = distribute(translation, chunks) if translation is not None and bilingual else None
    cues = []
    for position, ((start, end), chunk) in enumerate(zip(spread(timing, chunks), chunks)):
        lines = wrap_lines(chunk, text_lang)
        if shares is not None:
            lines += wrap_lines(shares[position], lang) or [EMPTY_TEXT]
        cues.append(OutCue(start, end, tuple(lines), tuple(_escaped(lines)), index))
    return cues


def subtitle_cues(doc: Document, lang: str, bilingual: bool = False) -> list[OutCue]:
    """The cues of `doc` in `lang` (the source text where a segment has no translation into `lang`).

    Bilingual cues hold the source line(s) above the translation line(s). A transcript without timings gets
    estimated ones here (see `estimate_timings` to store them on the document).
    """
    if doc.is_subtitles:
        return [_subtitle_cue(index, segment, lang, bilingual) for index, segment in enumerate(doc.segments)]
    stored = [segment.timing for segment in doc.segments]
    timings = estimated_timings(doc) if None in stored else stored
    cues: list[OutCue] = []
    for index, (segment, timing) in enumerate(zip(doc.segments, timings)):
        assert timing is not None
        cues.extend(_transcript_cues(index, segment, timing, segment.lang or doc.lang, lang, bilingual))
    return cues
