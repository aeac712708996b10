"""The review rows as the writers share them, and what the hand-off formats derive from a segment besides a row.

The row model (`ReviewRow`, its columns, statuses and comment) is translator/review_model.py, below the writers,
the ledger and the review readers alike. Here `review_rows` is that table for one document and language (the
writers get it once per file set through writers/views.py), `sentence_pairs` cuts a segment into aligned
sentences (HTML, TMX), and `xml_safe` cleans text for XML.
"""

from __future__ import annotations

import re

from translator.document import Document, Segment
from translator.review_model import ReviewRow, document_rows

TOOL_NAME = "translator"
# XML 1.0 cannot hold these characters at all (not even as references); python-docx refuses them too.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def review_rows(doc: Document, lang: str) -> tuple[ReviewRow, ...]:
    """Every segment of the document, in order."""
    return document_rows(doc, lang)


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
