"""Views that several writers derive from the same document, computed once per file set.

One run writes up to nine files per target language from the same review rows (CSV, DOCX, Markdown, HTML,
XLIFF, and the ledger's record of what was delivered) and a subtitle document's sentence units twice (TMX,
XLIFF). While `shared_views()` is open, a function marked `@shared` runs once per document and language and
its result is handed to every caller; outside it, each call computes afresh, so a writer called on its own
never sees a stale view of a document that changed since.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import TypeVar, cast

from translator.document import Document

T = TypeVar("T")

_views: dict[tuple[object, int, str], object] | None = None


@contextmanager
def shared_views() -> Iterator[None]:
    """Share `@shared` results among the callers inside; the documents must not change meanwhile."""
    global _views
    outer = _views
    _views = {} if outer is None else outer
    try:
        yield
    finally:
        _views = outer


def shared(view: Callable[[Document, str], T]) -> Callable[[Document, str], T]:
    """Mark a pure view of (document, language) whose result its callers only read."""

    @wraps(view)
    def once(doc: Document, lang: str) -> T:
        if _views is None:
            return view(doc, lang)
        key = (view, id(doc), lang)
        if key not in _views:
            _views[key] = view(doc, lang)
        return cast(T, _views[key])  # stored by this same view for this key

    return once
