"""`S.json`: every segment with its languages, sentences, aligned translations, glossary hits, flags and timings.

The bytes are those of `json.dumps(value, ensure_ascii=False, indent=2)` plus a newline, as S.json has always
been written; orjson writes them about twenty times faster (the standard library's C encoder does not indent).
The values are strings, ints, bools, None and confidences rounded to four places under string keys, on which
the two agree (tests/test_json_result.py); they differ on floats below 1e-4 or not finite, ints beyond 64 bits
and keys that are not strings, none of which a result holds.
"""

from __future__ import annotations

import orjson

from translator.document import Document
from translator.writers.views import Views


def render(doc: Document, lang: str, views: Views) -> bytes:
    """One file per document, with every target: `lang` (the document's own language) and `views` (no
    subtitle layout) change nothing."""
    return orjson.dumps(doc.to_json(), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
