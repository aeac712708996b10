"""The three contenders of issue #6, each measured in its own child process on the same sentences.

(a) `translator run` end to end, through the real CLI, with a fresh translation memory (nothing cached);
(b) argostranslate called once per turn (benchmarks/plain_argos.py);
(c) one raw CTranslate2 translate_batch (benchmarks/floor.py), in the engine's layout (its decoding settings,
one single-threaded worker per core, batches of 16) and in the other raw layout (one batch at a time over
all cores through intra-op threads).
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypedDict, cast

from benchmarks.measure import BenchmarkError, Measurement, measure, python_command
from translator.engine.argos import LENGTH_PENALTY, EngineSettings
from translator.engine.packages import InstalledPackage
from translator.engine.tokenizer import load_tokenizer
from translator.stages import ENVIRONMENT

_TRANSLATED = re.compile(r"(\d+) sentences translated")

# translate_batch keyword arguments plus the threads, compute type and device the floor loads its model with
Decoding = dict[str, Any]


class FloorDetails(TypedDict):
    """What the floor child prints (benchmarks/floor.py)."""

    sentences: int
    pieces_in: int
    pieces_out: int
    decode_s: float


def pipeline(label: str, folder: Path, inputs: Path, work: Path, *options: str) -> Measurement:
    """`python -m translator run INPUTS --out NEW --memory NEW/fresh.sqlite OPTIONS`; sentences as it reports,
    seconds per stage and the time to its first translate_batch as the run records them (translator.stages)."""
    out = Path(tempfile.mkdtemp(prefix="out-", dir=work))
    timings = out.with_suffix(".timings.json")
    argv = python_command("-m", "translator", "run", str(inputs), "--out", str(out),
                          "--memory", str(out / "fresh.sqlite"), *options)
    result = measure(label, 0, argv, env={"ARGOS_PACKAGES_DIR": str(folder), ENVIRONMENT: str(timings)})
    translated = sum(int(n) for n in _TRANSLATED.findall(result.stdout))
    if not translated:
        raise BenchmarkError(f"{label}: the run reported no translated sentences")
    recorded = json.loads(timings.read_text("utf-8"))
    decoding = recorded["marks"].get("decoding")
    return replace(result, sentences=translated, stages=recorded["stages"],
                   first_decode_s=decoding - result.started if decoding is not None else None)


def plain_argos(label: str, folder: Path, direction: tuple[str, str], turns: Sequence[str],
                device: str = "cpu") -> Measurement:
    """argostranslate.translate.translate once per turn, in a child with ARGOS_PACKAGES_DIR set."""
    job = {"from": direction[0], "to": direction[1], "turns": list(turns)}
    result = measure(label, 0, python_command("-m", "benchmarks.plain_argos"),
                     env={"ARGOS_PACKAGES_DIR": str(folder), "ARGOS_DEVICE_TYPE": device}, stdin=json.dumps(job))
    return replace(result, sentences=json.loads(result.stdout)["sentences"])


def engine_decoding(settings: EngineSettings | None = None) -> Decoding:
    """ArgosEngine's translate_batch settings (examples batching, its beam, threads and compute type)."""
    settings = settings or EngineSettings()
    return {"max_batch_size": settings.batch_size, "batch_type": "examples", "beam_size": settings.beam_size,
            "length_penalty": LENGTH_PENALTY, "inter_threads": settings.thread_layout[0],
            "intra_threads": settings.thread_layout[1],
            "compute_type": settings.compute_type, "device": settings.device}


def intra_op(decoding: Decoding) -> Decoding:
    """The engine's decoding with the cores sharing each batch's matrix products instead: one worker, intra-op
    threads on every core, batches of twice the engine's size (the engine's setting before issue #6)."""
    cores = decoding["inter_threads"] * decoding["intra_threads"]
    return {**decoding, "inter_threads": 1, "intra_threads": cores, "max_batch_size": 2 * decoding["max_batch_size"]}


def floor(label: str, package: InstalledPackage, sentences: Sequence[str], decoding: Decoding) -> Measurement:
    """Raw translate_batch over the sentences, tokenized here with the package's tokenizer beforehand."""
    tokenizer = load_tokenizer(package.path, package.from_code, package.to_code)
    job = {"model": str(package.path / "model"), "tokens": [tokenizer.encode(s) for s in sentences],
           "settings": decoding}
    result = measure(label, 0, python_command("-m", "benchmarks.floor"), stdin=json.dumps(job))
    return replace(result, sentences=json.loads(result.stdout)["sentences"])


def floor_details(result: Measurement) -> FloorDetails:
    """What the floor child printed: decode_s (translate_batch alone), pieces_in, pieces_out."""
    return cast(FloorDetails, json.loads(result.stdout))


def decode_seconds(result: Measurement) -> float:
    """The floor's translate_batch time alone, without start-up and model load."""
    return floor_details(result)["decode_s"]
