"""What is translated as a whole: a transcript segment's sentences, or subtitle cues joined into whole sentences.

`translation_units` regroups a document's cues once (`group_cues`); the run plans and places the translation
by its units, and the CAT writers pair whole sentences over the same cues (writers/sentence_units), so the
document is grouped once and every stage sees the same groups. `spread` cuts a unit's translation back over its
cues: the run places a translation that way, and a review import reads a returned unit back onto its cues the
same way (review.spread_over_cues), so an unedited unit gives back what each cue delivered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from translator.document import Document
from translator.sentences import split_sentences
from translator.subtitles import distribute, group_cues


@dataclass(frozen=True)
class Unit:
    """A stretch of source text translated as a whole: a segment's sentences, or cues joined into sentences.
    `segments` index the document's segments."""

    segments: tuple[int, ...]
    lang: str
    sentences: tuple[str, ...]


def translation_units(doc: Document) -> tuple[Unit, ...]:
    """Transcript segments translate on their own; subtitle cues are joined into whole sentences first (every
    cue is in exactly one unit, in order)."""
    if not doc.is_subtitles:
        return tuple(Unit((i,), s.lang or doc.lang or "en", tuple(s.sentences))
                     for i, s in enumerate(doc.segments) if s.sentences)
    units = []
    for group in group_cues(doc.segments):
        lang = doc.segments[group[0]].lang or doc.lang or "en"
        text = " ".join(doc.segments[i].text for i in group)
        units.append(Unit(tuple(group), lang, tuple(split_sentences(text, lang))))
    return tuple(units)


def required_directions(units: Sequence[Unit], targets: Sequence[str]) -> list[tuple[str, str]]:
    """Every (source, target) language pair a document's units need, in a stable order."""
    langs = sorted({unit.lang for unit in units})
    return [(src, tgt) for tgt in targets for src in langs if src != tgt]


def spread(translation: str, cue_sources: Sequence[str]) -> list[str]:
    """A unit's translation cut into one part per cue, in proportion to the cues' source texts."""
    return distribute(translation, list(cue_sources))
