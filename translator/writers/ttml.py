"""`S.L.ttml`: TTML in the IMSC 1.1 Text profile (Premiere Pro, DaVinci Resolve, Netflix delivery), written by
ttconv from the same cues as `S.L.srt`.

Times are clock times to the millisecond (`00:01:02.345`), exactly the cues' own; a cue placed at the top keeps its
place through its region (`tts:displayAlign="before"`). `xml:lang` names the language.
"""

from __future__ import annotations

from translator.document import Document
from translator.writers import timed_text
from translator.writers.views import Views


def render(doc: Document, lang: str, views: Views) -> bytes:
    """The IMSC 1.1 Text document of the cues of `S.L.srt`."""
    return timed_text.serialise(timed_text.to_xml(timed_text.build(views.layout.cues, lang)))
