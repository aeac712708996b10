"""A document's subtitles in one language, laid out once and handed to QA and every writer.

A subtitle input keeps each source cue's times. A translation that fits two lines stays one cue; one that does not
is split in time at sentence or clause boundaries (see `chunks`): the parts follow each other without a gap and
together span exactly the source cue, each shown for its share of the text and at least 1 s where the cue allows.
Every split is listed so QA can report it with the cue's number; `--keep-cues` keeps one cue per source cue.
A transcript's segments are cut into cues of at most two lines with reading-speed times.
"""

from __future__ import annotations

import dataclasses
import html
import itertools
from dataclasses import dataclass
from fractions import Fraction

from translator.document import Document, Segment, Timing
from translator.subtitles import frames
from translator.subtitles import markup as cue_markup
from translator.subtitles.chunks import TextCutter
from translator.subtitles.cues import OutCue
from translator.subtitles.distribute import distribute
from translator.subtitles.options import SubtitleOptions
from translator.subtitles.rules import DEFAULT_RULES, Rules
from translator.subtitles.timing import estimate_timings, estimated_timings, spread
from translator.subtitles.voices import dialogue_lines, voice_lines
from translator.subtitles.wrap import MAX_LINES, lines_fit

EMPTY_TEXT = "…"  # a cue whose share of a translated sentence is empty still shows something
MIN_PART_MS = 1000  # a part of a split cue stays at least this long, where the cue is long enough


@dataclass(frozen=True)
class CueSplit:
    """A source cue (`segment` indexes `doc.segments`) shown as `parts` cues because its translation needs more
    than two lines."""

    segment: int
    parts: int


@dataclass(frozen=True)
class SubtitleLayout:
    """The cues of `S.L.srt`/`S.L.vtt` and of the bilingual `S.SRC-L.srt` (source lines above the translation)."""

    lang: str
    cues: tuple[OutCue, ...]
    bilingual: tuple[OutCue, ...]
    splits: tuple[CueSplit, ...] = ()
    rules: Rules = DEFAULT_RULES  # the limits it was laid out within (QA checks the same)
    fps: Fraction | None = None  # the frame rate the cues it made are on, with --fps
    plain_vtt: bool = False  # `--plain-vtt`: the WebVTT without STYLE and REGION blocks


def split_time(start_ms: int, end_ms: int, texts: list[str], shortest: int = MIN_PART_MS) -> list[tuple[int, int]]:
    """Contiguous times for `texts` from `start_ms` to exactly `end_ms`: each part gets `shortest` (less only
    when the cue is too short for that), the rest in proportion to the parts' characters."""
    count = len(texts)
    floor = min(shortest, (end_ms - start_ms) // count)
    rest = end_ms - start_ms - floor * count
    weights = [max(1, len(text)) for text in texts]
    total, running, bounds = sum(weights), 0, [start_ms]
    for number, weight in enumerate(weights, start=1):
        running += weight
        bounds.append(start_ms + floor * number + rest * running // total)
    return list(itertools.pairwise(bounds))


def _translated(segment: Segment, lang: str) -> str | None:
    """The segment's text in `lang`, or None where it has none (or it already was in `lang`: shown as it is)."""
    translation = segment.translations.get(lang)
    return translation.text if translation and translation.origin != "kept" else None


def _marked_parts(form: cue_markup.Markup, parts: list[list[str]], lead_points: bool = True) -> list[list[str]]:
    """The parts' lines with the cue's formatting, each part closing the tags it opened (a cue of its own)."""
    marked = cue_markup.apply(form, "\n".join("\n".join(lines) for lines in parts), lead_points=lead_points)
    flat, groups, position = marked.split("\n"), [], 0
    for lines in parts:
        groups.append(flat[position:position + len(lines)])
        position += len(lines)
    return cue_markup.balance(groups)


class _Builder:
    """Lays out one document in one language, sharing a TextCutter with the other languages."""

    def __init__(self, doc: Document, lang: str, options: SubtitleOptions, cutter: TextCutter) -> None:
        self.doc, self.lang, self.options, self.cutter = doc, lang, options, cutter
        self.cues: list[OutCue] = []
        self.bilingual: list[OutCue] = []
        self.splits: list[CueSplit] = []

    def _wrap(self, text: str, lang: str | None) -> list[str]:
        """`text` wrapped into lines in `lang`, a dialogue's dashes written as `lang` writes them."""
        return dialogue_lines(self.cutter.wrap(text, lang), lang)

    def subtitle_cue(self, index: int, segment: Segment) -> None:
        """Same times as the source cue; the translation re-wrapped (split in time if it needs more than two
        lines), with the cue's formatting put back."""
        assert segment.timing is not None, "subtitle readers time every cue"
        start, end = segment.timing.start_ms, segment.timing.end_ms
        own = {"identifier": segment.cue_id or "", "settings": segment.cue_settings or ""}
        form = cue_markup.parse(segment.markup) if segment.markup else cue_markup.Markup(segment.text)
        source_lines = segment.text.split("\n")
        source_marked = cue_markup.apply(form, segment.text).split("\n")
        translation = _translated(segment, self.lang)
        if translation is None:
            cue = OutCue(start, end, tuple(source_lines), tuple(source_marked), index, **own)
            self.cues.append(cue)
            self.bilingual.append(cue)
            return
        voiced = voice_lines(segment.markup)
        if voiced and len(voiced) == len(source_lines):
            self._voiced_cue(index, segment, voiced, translation, own)
            return
        lines = self._wrap(translation, self.lang) or [EMPTY_TEXT]
        fits = self.options.keep_cues or lines_fit(lines, self.lang, self.cutter.limit(self.lang))
        chunks = [] if fits else self.cutter.chunks(translation, self.lang)
        if len(chunks) > 1 and end - start >= len(chunks):
            self._split_cue(index, segment, form, chunks)
            return
        # it fits, one cue is asked for, or the cue is too short to cut: one cue (QA flags its length)
        marked = cue_markup.apply(form, "\n".join(lines)).split("\n")
        self.cues.append(OutCue(start, end, tuple(lines), tuple(marked), index, **own))
        below = cue_markup.apply(form, "\n".join(lines), lead_points=False).split("\n")
        self.bilingual.append(OutCue(start, end, (*source_lines, *lines), (*source_marked, *below), index, **own))

    def _voiced_cue(self, index: int, segment: Segment, voiced: list[str], translation: str,
                    own: dict[str, str]) -> None:
        """A cue of two voices or more, one a line (`<v Fred>Is it war?</v>` / `<v Bill>No.</v>`): the translation
        is cut over the voices' lines as it was translated (`distribute`) and each line keeps its own voice."""
        assert segment.timing is not None
        source_lines = segment.text.split("\n")
        lines = [part or EMPTY_TEXT for part in distribute(translation, source_lines)]
        marked = [cue_markup.apply(cue_markup.parse(raw), line) for raw, line in zip(voiced, lines)]
        source_marked = [cue_markup.apply(cue_markup.parse(raw), line) for raw, line in zip(voiced, source_lines)]
        start, end = segment.timing.start_ms, segment.timing.end_ms
        self.cues.append(OutCue(start, end, tuple(lines), tuple(marked), index, **own))
        self.bilingual.append(OutCue(start, end, (*source_lines, *lines), (*source_marked, *marked), index, **own))

    def _split_cue(self, index: int, segment: Segment, form: cue_markup.Markup, chunks: list[str]) -> None:
        """The cue as one cue per chunk of its translation, timed by `split_time`; bilingual cues pair each chunk
        with its share of the source text. Every part keeps the cue's settings; its identifier names the first."""
        assert segment.timing is not None
        parts = [self._wrap(chunk, self.lang) for chunk in chunks]
        start, end = segment.timing.start_ms, segment.timing.end_ms
        limits = self.options.rules.of(self.lang)
        times = split_time(start, end, chunks, min(MIN_PART_MS, limits.min_ms))
        if self.options.fps is not None:  # the inner boundaries on frames, with the profile's gap between parts
            times = frames.split(start, end, times, self.options.fps, limits.gap_frames)
        source_lang = segment.lang or self.doc.lang
        sources = [self.cutter.wrap(piece, source_lang) or [EMPTY_TEXT] for piece in distribute(segment.text, chunks)]
        marked, marked_sources = _marked_parts(form, parts), _marked_parts(form, sources)
        below = _marked_parts(form, parts, lead_points=False)
        for number, ((start, end), lines) in enumerate(zip(times, parts)):
            own = {"identifier": (segment.cue_id or "") if number == 0 else "", "settings": segment.cue_settings or ""}
            self.cues.append(OutCue(start, end, tuple(lines), tuple(marked[number]), index, **own))
            self.bilingual.append(OutCue(start, end, (*sources[number], *lines),
                                         (*marked_sources[number], *below[number]), index, **own))
        self.splits.append(CueSplit(index, len(parts)))

    def transcript_cues(self, index: int, segment: Segment, timing: Timing) -> None:
        """A transcript segment cut into cues; bilingual cues pair each source cue with its share of the
        translation."""
        source_lang = segment.lang or self.doc.lang
        translation = _translated(segment, self.lang)
        source_chunks = self.cutter.chunks(segment.text, source_lang)
        if translation is None:
            chunks, text_lang = source_chunks, source_lang
        else:
            chunks, text_lang = self.cutter.chunks(translation, self.lang), self.lang
        for (start, end), chunk in zip(spread(timing, chunks, self.options.rules.estimating(text_lang)), chunks):
            lines = self._wrap(chunk, text_lang)
            self.cues.append(OutCue(start, end, tuple(lines), tuple(_escaped(lines)), index))
        shares = distribute(translation, source_chunks) if translation is not None else None
        source_times = spread(timing, source_chunks, self.options.rules.estimating(source_lang))
        for position, ((start, end), chunk) in enumerate(zip(source_times, source_chunks)):
            if shares is None:
                lines = self.cutter.wrap(chunk, source_lang)
                self.bilingual.append(OutCue(start, end, tuple(lines), tuple(_escaped(lines)), index))
                continue
            self._bilingual_pair(index, (start, end), chunk, source_lang, shares[position])

    def _bilingual_pair(self, index: int, times: tuple[int, int], source: str, source_lang: str | None,
                        share: str) -> None:
        """A source cue and its share of the translation as bilingual cues of at most two lines each side: a
        share that needs more is cut like a cue (`chunks`), the source spread over the pieces, the time split."""
        below = self._wrap(share, self.lang) or [EMPTY_TEXT]
        pieces = self.cutter.chunks(share, self.lang) if len(below) > MAX_LINES else [share]
        if len(pieces) < 2 or times[1] - times[0] < len(pieces):
            lines = self.cutter.wrap(source, source_lang) + below
            self.bilingual.append(OutCue(*times, tuple(lines), tuple(_escaped(lines)), index))
            return
        sources = distribute(source, pieces)
        shortest = min(MIN_PART_MS, self.options.rules.of(self.lang).min_ms)
        for (start, end), piece, part in zip(split_time(*times, pieces, shortest), pieces, sources):
            above = self.cutter.wrap(part, source_lang) or [EMPTY_TEXT]
            lines = [*above, *(self._wrap(piece, self.lang) or [EMPTY_TEXT])]
            self.bilingual.append(OutCue(start, end, tuple(lines), tuple(_escaped(lines)), index))

    def build(self) -> SubtitleLayout:
        if self.doc.is_subtitles:
            for index, segment in enumerate(self.doc.segments):
                self.subtitle_cue(index, segment)
        else:
            stored = [segment.timing for segment in self.doc.segments]
            shown = self.options.shown(self.doc)
            if any(timing is None and show for timing, show in zip(stored, shown)):
                stored = estimated_timings(self.doc, self.options, self.cutter)
            for index, (segment, timing) in enumerate(zip(self.doc.segments, stored)):
                if timing is not None and shown[index]:
                    self.transcript_cues(index, segment, timing)
            if self.options.fps is not None:  # every cue is one we made: all of them on frames
                gap = self.options.rules.of(self.lang).gap_frames
                self.cues = _on_frames(self.cues, self.options.fps, gap)
                self.bilingual = _on_frames(self.bilingual, self.options.fps, gap)
        return SubtitleLayout(self.lang, tuple(self.cues), tuple(self.bilingual), tuple(self.splits),
                              self.options.rules, self.options.fps, self.options.plain_vtt)


def _on_frames(cues: list[OutCue], fps: Fraction, gap: int) -> list[OutCue]:
    """A transcript's cues moved onto frames, `gap` frames apart (see `frames.chain`)."""
    times = frames.chain([(cue.start_ms, cue.end_ms) for cue in cues], fps, gap)
    return [dataclasses.replace(cue, start_ms=start, end_ms=end) for cue, (start, end) in zip(cues, times)]


def _escaped(lines: list[str]) -> list[str]:
    return [html.escape(line, quote=False) for line in lines]


def layout_subtitles(
    doc: Document, lang: str, options: SubtitleOptions | None = None, cutter: TextCutter | None = None
) -> SubtitleLayout:
    """The subtitles of `doc` in `lang` (the source text where a segment has no translation into `lang`).

    A transcript without timings gets estimated ones here (see `layout_document` to store them on it)."""
    options = options or SubtitleOptions()
    return _Builder(doc, lang, options, cutter or TextCutter(options.rules)).build()


def layout_document(doc: Document, options: SubtitleOptions | None = None) -> dict[str, SubtitleLayout]:
    """Time a transcript (after translation: each segment lasts as long as its slowest version needs) and lay
    out every target language once, cutting each text once for all of them."""
    options = options or SubtitleOptions()
    cutter = TextCutter(options.rules)
    estimate_timings(doc, options, cutter)
    return {lang: layout_subtitles(doc, lang, options, cutter) for lang in doc.targets}
