"""Which characters of a translation came from which characters of its source, read from the model's attention.

CTranslate2 has no constrained decoding, so when a model turns a pinned name into some other word the glossary
needs to know where that word is. `translate_batch(return_attention=True)` gives, for every target piece, a
weight per source piece; the heaviest source piece is taken as the one it came from (argmax alignment), and
SentencePiece's offset mapping turns pieces into character spans of the texts. Spans are trimmed of the
whitespace a `▁` piece carries, so they cover words and punctuation only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from translator.spans import Link, Span, overlaps


def trimmed(text: str, span: Span) -> Span:
    """The span without leading or trailing whitespace (empty when it holds only whitespace)."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def piece_spans(processor: Any, text: str) -> tuple[list[str], list[Span]]:
    """SentencePiece pieces of `text` and each one's trimmed character span in `text` as given (offsets survive
    the NFKC normalisation that turns "…" into "..."). Needs sentencepiece ≥ 0.2.2 (offset_mapping)."""
    mapping = processor.encode(text, out_type="offset_mapping")
    return list(mapping["pieces"]), [trimmed(text, tuple(span)) for span in mapping["offsets"]]


def argmax_links(attention: Sequence[Sequence[float]], sources: list[Span], targets: list[Span]) -> tuple[Link, ...]:
    """One link per target piece with characters, to the source piece it attended to most; pieces without
    characters (a bare `▁`, the end of the source) link nothing."""
    links = set()
    for weights, target in zip(attention, targets):
        best = max(range(len(weights)), key=weights.__getitem__, default=len(sources))
        if best < len(sources) and sources[best][0] < sources[best][1] and target[0] < target[1]:
            links.add(Link(sources[best], target))
    return tuple(sorted(links, key=lambda link: (link.target, link.source)))


def compose(first: tuple[Link, ...], second: tuple[Link, ...]) -> tuple[Link, ...]:
    """Chain a pivot: links A→B and B→C give A→C wherever the B spans overlap."""
    chained = {Link(a.source, b.target) for b in second for a in first if overlaps(a.target, b.source)}
    return tuple(sorted(chained, key=lambda link: (link.target, link.source)))
