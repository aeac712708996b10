"""Contender (c), the floor: one raw CTranslate2 translate_batch over pre-tokenized sentences.

Run as a child (`python -m benchmarks.floor` with a JSON job on stdin) so its peak memory is its own: it
imports nothing but ctranslate2, loads the model and decodes. It prints a JSON line with the sentence and
piece counts (output pieces track input pieces, as with a real model) and the decoding time alone.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any


def translate(job: dict[str, Any]) -> dict[str, float]:
    """Decode job["tokens"] with job["settings"] (translate_batch keyword arguments plus threads, compute type)."""
    import ctranslate2

    settings = dict(job["settings"])
    translator = ctranslate2.Translator(
        job["model"], device=settings.pop("device", "cpu"), compute_type=settings.pop("compute_type", "default"),
        inter_threads=settings.pop("inter_threads", 1), intra_threads=settings.pop("intra_threads", 0),
    )
    start = time.perf_counter()
    results = translator.translate_batch(job["tokens"], replace_unknowns=True, **settings)
    decode_s = time.perf_counter() - start
    return {"sentences": len(results), "pieces_in": sum(map(len, job["tokens"])),
            "pieces_out": sum(len(r.hypotheses[0]) for r in results), "decode_s": decode_s}


if __name__ == "__main__":
    print(json.dumps(translate(json.load(sys.stdin))))
