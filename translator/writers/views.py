"""What the writers of one document read besides the document itself, each computed at most once per document
and language: the subtitle layout, the review rows (CSV, DOCX, Markdown, HTML, XLIFF, and the ledger's record
of what was delivered) and a subtitle document's sentence units (TMX, XLIFF).

`outputs.write_document` builds one `DocumentViews` for all the files of a document and hands each writer the
`Views` of its language; a writer called on its own (`WriterSpec.render`) gets fresh ones. Nothing is kept
beyond the value itself, so no writer ever sees a view of a document that changed since.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property

from translator.document import Document
from translator.review_model import ReviewRow
from translator.subtitles.layout import SubtitleLayout, layout_subtitles
from translator.units import Unit, translation_units
from translator.writers.review_rows import review_rows
from translator.writers.sentence_units import SentenceUnit, subtitle_units


class DocumentViews:
    """The views of one document: `layouts` the subtitle layouts already computed (per target language),
    `units` the sentence units it was translated by; what is not given is computed when first asked for."""

    def __init__(self, doc: Document, layouts: Mapping[str, SubtitleLayout] | None = None,
                 units: Sequence[Unit] | None = None) -> None:
        self.doc = doc
        self._layouts = layouts or {}
        self._units = units
        self._languages: dict[str, Views] = {}

    @property
    def units(self) -> Sequence[Unit]:
        if self._units is None:
            self._units = translation_units(self.doc)
        return self._units

    def language(self, lang: str) -> Views:
        """The views a per-target writer of `lang` reads."""
        if lang not in self._languages:
            self._languages[lang] = Views(self, lang, self._layouts.get(lang))
        return self._languages[lang]

    def whole(self, lang: str) -> Views:
        """The views a per-document writer (S.json) gets: no subtitle layout."""
        return Views(self, lang, SubtitleLayout(lang, (), ()))


class Views:
    """One document in one language as the writers read it."""

    def __init__(self, document: DocumentViews, lang: str, layout: SubtitleLayout | None = None) -> None:
        self.document, self.lang = document, lang
        self._layout = layout

    @property
    def layout(self) -> SubtitleLayout:
        """The subtitles in this language."""
        if self._layout is None:
            self._layout = layout_subtitles(self.document.doc, self.lang)
        return self._layout

    @cached_property
    def rows(self) -> tuple[ReviewRow, ...]:
        """The review table: one row per segment, in order."""
        return review_rows(self.document.doc, self.lang)

    @cached_property
    def sentence_units(self) -> tuple[SentenceUnit, ...]:
        """A subtitle document's whole sentences over its cues, in order."""
        return subtitle_units(self.document.doc, self.lang, self.document.units)
