"""Reviewers' corrections on a translated document: an approved translation replaces the machine's; one made
for a source text that has changed since is kept out and flagged."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from translator.align import align_sentences
from translator.document import Document, Segment, Translation, document_key
from translator.memory import Approval
from translator.sentences import split_sentences
from translator.translation.memory_view import MemoryView


def approvals_of(doc: Document, targets: Sequence[str], memory: MemoryView) -> dict[str, Mapping[int, Approval]]:
    """The document's approvals in the memory, by target language, then segment id."""
    key = document_key(doc)
    return {tgt: memory.approvals(key, tgt) for tgt in targets}


def apply_approvals(doc: Document, approvals: Mapping[str, Mapping[int, Approval]]) -> None:
    """A reviewer's correction (by target language, then segment id) replaces machine output; a stale one
    (its source text has changed since) is kept and flagged instead."""
    by_id: dict[int, Segment] = {}
    for each in doc.segments:
        by_id.setdefault(each.id, each)
    for tgt, corrections in approvals.items():
        for segment_id, approval in corrections.items():
            segment = by_id.get(segment_id)
            if segment is None:
                continue
            if approval.source_text != segment.text:
                segment.flag("correction-stale", "a reviewer's correction was made for a different source "
                             f"text and was not applied: {approval.translation}", tgt)
                continue
            sentences = split_sentences(approval.translation, tgt)
            segment.translations[tgt] = Translation(
                approval.translation, sentences, align_sentences(segment.sentences, sentences), "approved",
                approval.comment)
