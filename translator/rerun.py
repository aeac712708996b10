"""Stopping at once when a run would change nothing.

Outputs are a pure function of the input's bytes, the options, the glossary, the packages (and beam size),
the reviewers' approvals and this tool's version. A run records a fingerprint of all of them; when the next
run's fingerprint is the same and every output is still as written, it reports the last run's result instead
of reading, detecting, pinning and rendering everything again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from translator._version import __version__
from translator.document import key_for_path
from translator.engine.argos import ArgosEngine
from translator.glossary import Glossary
from translator.ledger import LastRun, RunLedger
from translator.memory import TranslationMemory


def fingerprint(
    path: Path,
    targets: list[str],
    options: Mapping[str, object],
    glossary: Glossary,
    engine: ArgosEngine,
    memory: TranslationMemory | None,
) -> str | None:
    """What the outputs of `path` depend on, hashed; None when the input cannot be read (the run will say why)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    key = key_for_path(path)
    approvals = [
        (tgt, segment_id, approval.source_text, approval.translation, approval.comment)
        for tgt in targets
        for segment_id, approval in sorted(memory.approvals(key, tgt).items())
    ] if memory else []
    parts = {
        "targets": targets,
        "version": __version__,
        "input": hashlib.sha256(data).hexdigest(),
        "options": options,
        "glossary": glossary.fingerprint(),
        "packages": [pkg.identity for pkg in engine.packages],
        "engine": [engine.settings.beam_size, engine.settings.compute_type],
        "approvals": approvals,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def unchanged_run(ledger: RunLedger, path: Path, current: str | None) -> LastRun | None:
    """The last run, if it had this fingerprint and all its outputs are as it wrote them."""
    last = ledger.last_run(key_for_path(path))
    if current is None or last is None or last.fingerprint != current:
        return None
    written = ledger.file_hashes(last.paths)
    for name in last.paths:
        try:
            if hashlib.sha256(Path(name).read_bytes()).hexdigest() != written.get(name):
                return None
        except OSError:
            return None
    return last


def remember(ledger: RunLedger, path: Path, current: str | None, written: list[Path], report: str) -> None:
    if current is not None:
        ledger.record_run(key_for_path(path), LastRun(current, [str(p.resolve()) for p in written], report))
