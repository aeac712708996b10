"""Which characters of a translation came from which characters of its source, read from the model's attention.

CTranslate2 has no constrained decoding, so when a model turns a pinned name into some other word the glossary
needs to know where that word is. `translate_batch(return_attention=True)` gives, for every target piece, a
weight per source piece; the heaviest source piece is taken as the one it came from (argmax alignment), and
the package's tokenizer turns pieces into character spans of the texts (tokenizer.py: SentencePiece offsets, or
Moses tokens found in the text for BPE). Spans cover words and punctuation only, never whitespace.
"""

from __future__ import annotations

from collections.abc import Sequence

from translator.spans import Link, Span, overlaps


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
