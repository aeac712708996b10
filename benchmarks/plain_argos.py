"""Contender (b): argostranslate as a plain script uses it, `translate.translate(turn, FROM, TO)` per turn.

Run as a child (`python -m benchmarks.plain_argos`, `{"from": …, "to": …, "turns": […]}` on stdin,
ARGOS_PACKAGES_DIR set) so
its imports (argostranslate pulls torch, stanza and spacy) and memory are its own. The only change to
argostranslate: its sentence splitter, which would download a MiniSBD model, is pysbd, which splits these
turns into exactly the benchmark's sentences. Prints a JSON line with the number of sentences it translated.
"""

from __future__ import annotations

import json
import sys
from typing import Any


class _Pysbd:
    """argostranslate's ISentenceBoundaryDetectionModel, offline; counts what it hands to the model."""

    def __init__(self) -> None:
        import pysbd

        self.segmenter = pysbd.Segmenter(language="en", clean=False)
        self.count = 0

    def split_sentences(self, text: str) -> list[str]:
        found = [s.strip() for s in self.segmenter.segment(text) if s.strip()]
        self.count += len(found)
        return found


def translate(job: dict[str, Any]) -> dict[str, int]:
    from argostranslate import translate as argos

    splitter = _Pysbd()
    source, target = job["from"], job["to"]
    argos.get_translation_from_codes(source, target).underlying.sentencizer = splitter  # cached by argostranslate
    for turn in job["turns"]:
        argos.translate(turn, source, target)
    return {"sentences": splitter.count}


if __name__ == "__main__":
    print(json.dumps(translate(json.load(sys.stdin))))
