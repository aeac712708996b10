"""The review table every hand-off format shares: one row per segment, so CSV, DOCX, XLIFF and HTML never drift.

A row holds what a reviewer needs and what `translator review import` reads back: the segment id (the key an
import matches on), speaker, source, translation, the flags' messages as a comment, and a status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from translator.document import Document, Segment

TOOL_NAME = "translator"
COLUMNS: tuple[str, ...] = ("id", "speaker", "source", "translation", "comment", "status")
STATUSES: tuple[str, ...] = ("machine", "approved", "flagged")
# XML 1.0 cannot hold these characters at all (not even as references); python-docx refuses them too.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class ReviewRow:
    """One segment as a reviewer sees it in one target language."""

    id: int
    speaker: str
    source: str
    translation: str
    comment: str
    status: str  # one of STATUSES

    def cells(self) -> tuple[str, ...]:
        """The row as text cells, in COLUMNS order."""
        return (str(self.id), self.speaker, self.source, self.translation, self.comment, self.status)


def status_of(segment: Segment, lang: str) -> str:
    """A reviewer's approval wins; otherwise any flag makes the row one to look at."""
    translation = segment.translations.get(lang)
    if translation is not None and translation.origin == "approved":
        return "approved"
    return "flagged" if segment.flags_for(lang) else "machine"


def comment_of(segment: Segment, lang: str) -> str:
    """The messages of the flags that concern this language, each once, in the order they were raised."""
    return "; ".join(dict.fromkeys(flag.message for flag in segment.flags_for(lang)))


def review_row(segment: Segment, lang: str) -> ReviewRow:
    translation = segment.translations.get(lang)
    return ReviewRow(
        id=segment.id,
        speaker=segment.speaker or "",
        source=segment.text,
        translation=translation.text if translation else "",
        comment=comment_of(segment, lang),
        status=status_of(segment, lang),
    )


def review_rows(doc: Document, lang: str) -> tuple[ReviewRow, ...]:
    """Every segment of the document, in order."""
    return tuple(review_row(segment, lang) for segment in doc.segments)


def sentence_pairs(segment: Segment, lang: str) -> list[tuple[str, str]]:
    """Source and translation cut into aligned pieces (1–1, 1–2, 2–1 sentences...), in source order.

    An alignment that leaves a sentence of either side unpaired (a cue holding part of a sentence) says too
    little to cut by, so the whole segment is then one piece.
    """
    translation = segment.translations.get(lang)
    if translation is None:
        return [(segment.text, "")]
    pieces = aligned_pieces(segment.sentences, translation.sentences, translation.alignment)
    return pieces or [(segment.text, translation.text)]


def aligned_pieces(source: list[str], target: list[str], alignment: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """The smallest runs of sentences the alignment pairs with each other; [] when it leaves one unpaired."""
    pairs = {(s, t) for s, t in alignment if 0 <= s < len(source) and 0 <= t < len(target)}
    if (
        not pairs
        or {s for s, _ in pairs} != set(range(len(source)))
        or {t for _, t in pairs} != set(range(len(target)))
    ):
        return []
    groups: list[tuple[set[int], set[int]]] = []
    for s, t in sorted(pairs):
        joined = [g for g in groups if s in g[0] or t in g[1]]
        merged = ({s}, {t})
        for group in joined:
            merged[0].update(group[0])
            merged[1].update(group[1])
            groups.remove(group)
        groups.append(merged)
    groups.sort(key=lambda g: (min(g[0]), min(g[1])))
    return [(" ".join(source[i] for i in sorted(s)), " ".join(target[i] for i in sorted(t))) for s, t in groups]


def xml_safe(text: str) -> str:
    """Replace the few characters XML cannot carry (form feeds, NULs from PDF copies) with U+FFFD."""
    return _XML_ILLEGAL.sub("\ufffd", text)
