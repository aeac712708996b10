"""What CAT files (TMX, XLIFF, the OmegaT project) pair: whole sentences, not paragraphs or cue fragments.

A sentence often runs over two or three cues; paired cue by cue, its halves do not correspond and pollute a
translator's memory. The cues that hold whole sentences together (the units the run translated as one,
`translation_units`) are joined on both sides, cut into sentences and aligned, and each aligned piece is one unit.

A unit's id names its cues and its place among the group's pieces: `7` (cue 7, one piece), `7.2` (the second
sentence of cue 7), `3-5` or `3-5.1` (over cues 3 to 5). `translator review import` reads a corrected unit back
onto its cues the way the run spread the translation over them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from translator.align import align_sentences
from translator.document import Document, Segment
from translator.review_model import comment_of, review_row, status_of
from translator.sentences import split_sentences
from translator.subtitles import markup as cue_markup
from translator.units import Unit, translation_units
from translator.writers.review_rows import aligned_pieces, sentence_pairs


@dataclass(frozen=True)
class SentenceUnit:
    """One aligned piece (usually one sentence) of a group of cues, with its whole translation."""

    id: str
    segment: int  # the id of the group's first cue
    source_lang: str | None
    source: str
    translation: str
    speaker: str
    status: str
    comment: str
    kept: bool  # already in the target language: nothing was translated
    # The source and translation with the cue's formatting (markup's neutral form), for a unit that is one whole
    # cue with tags (`<i>`, `{\\an8}`); empty otherwise. CAT files show them as inline tags (writers/inline).
    source_marked: str = ""
    target_marked: str = ""


def _status(cues: list[Segment], lang: str) -> str:
    statuses = [status_of(cue, lang) for cue in cues]
    if all(status == "approved" for status in statuses):
        return "approved"
    return "flagged" if "flagged" in statuses else "machine"


def _translation(cue: Segment, lang: str) -> str:
    translation = cue.translations.get(lang)
    return translation.text if translation else ""


def _pieces(cues: list[Segment], source_lang: str | None, lang: str) -> list[tuple[str, str]]:
    """A single cue keeps its text as it is (line breaks and all); a group is cut into aligned sentences."""
    if len(cues) == 1 and len(cues[0].sentences) <= 1:
        return [(cues[0].text, _translation(cues[0], lang))]
    source = " ".join(" ".join(cue.text.split()) for cue in cues)
    target = " ".join(" ".join(_translation(cue, lang).split()) for cue in cues).strip()
    source_sentences, target_sentences = split_sentences(source, source_lang), split_sentences(target, lang)
    alignment = align_sentences(source_sentences, target_sentences)
    return aligned_pieces(source_sentences, target_sentences, alignment) or [(source, target)]


def _marks(cue: Segment, translation: str) -> tuple[str, str]:
    """A cue's text and its translation with the cue's tags, where it has any (else two empty strings)."""
    if not cue.markup:
        return "", ""
    form = cue_markup.parse(cue.markup)
    if not form.spans and not form.points:
        return "", ""
    return cue_markup.apply(form, cue.text), cue_markup.apply(form, translation) if translation else ""


def transcript_units(doc: Document, lang: str) -> tuple[SentenceUnit, ...]:
    """The sentence units of a transcript in `lang`: each segment's aligned pieces (`sentence_pairs`), ids
    `7` (one piece) or `7.1`, `7.2`; a returned file's pieces of one segment are joined back into it. A segment
of several lines (a dialogue, one speaker a line) stays one unit, so its lines come back as lines."""
    units = []
    for segment in doc.segments:
        row = review_row(segment, lang)
        translation = segment.translations.get(lang)
        kept = translation is None or translation.origin == "kept"
        whole = kept or "\n" in segment.text.strip()  # lines (a dialogue) come back as lines: one unit
        pieces = [(segment.text, row.translation)] if whole else sentence_pairs(segment, lang)
        for number, (source, target) in enumerate(pieces, start=1):
            units.append(SentenceUnit(
                str(segment.id) if len(pieces) == 1 else f"{segment.id}.{number}", segment.id,
                segment.lang or doc.lang, source, target, row.speaker, row.status, row.comment, kept,
            ))
    return tuple(units)


def subtitle_units(doc: Document, lang: str, groups: Sequence[Unit] | None = None) -> tuple[SentenceUnit, ...]:
    """The sentence units of a document in `lang`, in order: a transcript's are `transcript_units`; a subtitle
    document's are its groups of cues (`groups`: the units the document was translated by, `translation_units`,
    computed here when not given) cut into aligned sentences."""
    if not doc.is_subtitles:
        return transcript_units(doc, lang)
    units = []
    for group in groups if groups is not None else translation_units(doc):
        cues = [doc.segments[i] for i in group.segments]
        source_lang = cues[0].lang or doc.lang
        pieces = _pieces(cues, source_lang, lang)
        span = str(cues[0].id) if len(cues) == 1 else f"{cues[0].id}-{cues[-1].id}"
        comment = "; ".join(dict.fromkeys(part for cue in cues for part in [comment_of(cue, lang)] if part))
        kept = all(cue.translations.get(lang) is None or cue.translations[lang].origin == "kept" for cue in cues)
        marks = _marks(cues[0], pieces[0][1]) if len(cues) == 1 and len(pieces) == 1 else ("", "")
        for number, (source, target) in enumerate(pieces, start=1):
            units.append(SentenceUnit(
                span if len(pieces) == 1 else f"{span}.{number}", cues[0].id, source_lang, source, target,
                cues[0].speaker or "", _status(cues, lang), comment, kept, *marks,
            ))
    return tuple(units)
