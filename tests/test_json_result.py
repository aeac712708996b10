"""S.json keeps the bytes the standard library's indented encoder wrote, now written by orjson."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from translator.document import Document, Segment, Timing
from translator.writers import json_result
from translator.writers.views import DocumentViews

# What Document.to_json holds: text of any kind, ints (ids, lines, milliseconds), confidences rounded to four
# places, flags and None, nested in lists and string-keyed objects.
_LEAVES = (st.text() | st.integers(min_value=-(2**63), max_value=2**63 - 1) | st.booleans() | st.none()
           | st.floats(min_value=0, max_value=1).map(lambda value: round(value, 4)))
_VALUES = st.recursive(_LEAVES, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner,
                                                                                             max_size=4))


def _standard(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_values_of_a_result_encode_as_the_standard_library_indents_them(value: Any) -> None:
    doc = Document("x.srt", "srt", [])
    doc.to_json = lambda: value  # type: ignore[method-assign]
    assert json_result.render(doc, "en", DocumentViews(doc).whole("en")) == _standard(value)


def test_a_document_with_awkward_text_renders_as_before() -> None:
    text = "\ufeffQuote \"this\" \\ path\ttab\x00nul\x1f\x7f \u2028line\u2029para é 🎉 Київ"
    segment = Segment(1, "cue", text, speaker="Ганна", line=3, lang="en", lang_confidence=0.987654,
                      sentences=[text], timing=Timing(1000, 2500))
    doc = Document("film.en.srt", "srt", [segment], lang="en")
    rendered = json_result.render(doc, "en", DocumentViews(doc).whole("en"))
    assert rendered == _standard(doc.to_json())
    assert json.loads(rendered)["segments"][0]["lang_confidence"] == 0.9877
