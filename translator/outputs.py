"""Writing a run's files safely: never over a file a person edited, and not at all when nothing changed.

The run ledger keeps the SHA-256 of every file as written. A file whose bytes differ from that record was edited
since (a reviewer corrected the CSV in place and has not imported it yet): the run stops and says so rather
than destroy the work. When the new S.json equals the one on disk and no file was touched, every output would
come out byte-identical, so rendering them is skipped: that makes an unchanged re-run cheap.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from translator.atomic import write_bytes_atomic
from translator.document import Document
from translator.errors import UsageError
from translator.ledger import RunLedger
from translator.subtitles import SubtitleLayout
from translator.writers import DEFAULT_FORMATS, PlannedOutput, planned_outputs


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _on_disk(path: Path) -> str | None:
    try:
        return _sha256(path.read_bytes())
    except FileNotFoundError:
        return None


def write_document(
    doc: Document,
    out_dir: Path,
    ledger: RunLedger,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    layouts: Mapping[str, SubtitleLayout] | None = None,
) -> list[Path]:
    """Write (or keep) every output of the document; refuse to overwrite an output someone edited.
    `layouts` holds the subtitle layout of each target language, computed once for QA and all writers (a
    language without one is laid out by its writers)."""
    layouts = layouts or {}
    planned = planned_outputs(doc, out_dir, formats)
    keys = {output.path: str(output.path.resolve()) for output in planned}
    recorded = ledger.file_hashes(keys.values())
    current = {output.path: _on_disk(output.path) for output in planned}
    for output in planned:
        was = recorded.get(keys[output.path])
        if current[output.path] and was and current[output.path] != was:
            raise UsageError(
                f"{output.path} was changed after translator wrote it; import it first "
                f"(translator review import {output.path}) or move it away, then run again"
            )
    if _unchanged(doc, layouts, planned, current, recorded, keys):
        return [output.path for output in planned]
    hashes = {}
    for output in planned:
        data = output.render(doc, layouts)
        write_bytes_atomic(output.path, data)
        hashes[keys[output.path]] = _sha256(data)
    ledger.record_files(hashes)
    return [output.path for output in planned]


def _unchanged(
    doc: Document, layouts: Mapping[str, SubtitleLayout], planned: list[PlannedOutput],
    current: dict[Path, str | None], recorded: dict[str, str], keys: dict[Path, str],
) -> bool:
    """Every file is as this tool wrote it and the result (S.json) has not changed."""
    if any(current[o.path] is None or current[o.path] != recorded.get(keys[o.path]) for o in planned):
        return False
    result = next((o for o in planned if o.spec.name == "json"), None)
    return result is not None and _sha256(result.render(doc, layouts)) == current[result.path]
