"""Writing a run's files safely: never over a file a person edited, and not at all when nothing changed.

The run ledger keeps the SHA-256 of every file as written, and records the hash each file is about to get
before it is written (`RunLedger.intend`), so a run killed while writing leaves only bytes the ledger knows. A
file whose bytes differ from both records was edited since (a reviewer corrected the CSV in place and has not
imported it yet): the run stops and says so rather than destroy the work. A file the ledger has no record of
(a person's own `film.uk.srt`, an output of a run with another --memory) is never replaced by other bytes, and
an input is never an output. When the new S.json equals the one
on disk and no file was touched, every output would come out byte-identical, so rendering them is skipped: that
makes an unchanged re-run cheap.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path

from translator.atomic import remove_leftovers, write_bytes_atomic
from translator.document import Document, document_key
from translator.errors import UsageError
from translator.ledger import DeliveredRow, RunLedger
from translator.subtitles import SubtitleLayout
from translator.units import Unit
from translator.writers import DEFAULT_FORMATS, PlannedOutput, planned_outputs
from translator.writers.views import DocumentViews

IMPORTABLE = frozenset({"csv", "docx", "xlf", "srt", "vtt"})  # formats `translator review import` reads back


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
    units: Sequence[Unit] | None = None,
) -> list[Path]:
    """Write (or keep) every output of the document; refuse to overwrite an output someone edited.
    `layouts` holds the subtitle layout of each target language, computed once for QA and all writers (a
    language without one is laid out here), `units` the sentence units the document was translated by (else
    they are found again). The review rows and sentence units are computed once for all the files."""
    views = DocumentViews(doc, layouts, units)
    planned = planned_outputs(doc, out_dir, formats)
    keys = {output.path: str(output.path.resolve()) for output in planned}
    own = ledger.own_hashes(keys.values())
    current = {output.path: _on_disk(output.path) for output in planned}
    for output in planned:
        remove_leftovers(output.path)  # temporary files of a run killed while writing
        on_disk, ours = current[output.path], own.get(keys[output.path])
        if on_disk and ours and on_disk not in ours:
            raise UsageError(f"{output.path} was changed after translator wrote it; {_advice(output)}")
    if _unchanged(views, planned, current, own, keys):
        return [output.path for output in planned]
    source = Path(doc.path).resolve()
    for output in planned:
        if keys[output.path] == str(source):
            raise UsageError(f"{output.path} is the input itself; translator never writes over an input: rename it "
                             "by its language (S.L.srt) or choose another --out, then run again")
    rendered = {output.path: output.render(views) for output in planned}
    delivered = _delivered(views)
    hashes = {keys[path]: _sha256(data) for path, data in rendered.items()}
    for path in rendered:
        found = current[path]
        if (found is not None and keys[path] not in own and found != hashes[keys[path]]
                and not ledger.wrote_elsewhere(path.name, found)):
            raise UsageError(f"{path} was not written by translator (the memory {ledger.db.path} has no record of "
                             "it) and is left as it is: move it away, or pass the --memory of the run that wrote "
                             "it, or choose another --out, then run again")
    ledger.intend(document_key(doc), delivered, hashes, {keys[path]: sha for path, sha in current.items()})
    for output in planned:  # the folders of an OmegaT project, which OmegaT needs before it opens one
        for folder in (output.path.parent, *(output.path.parent / name for name in output.spec.folders)):
            folder.mkdir(parents=True, exist_ok=True)
    for path, data in rendered.items():
        write_bytes_atomic(path, data)
    ledger.settle(keys.values())
    return [output.path for output in planned]


def _advice(output: PlannedOutput) -> str:
    """What to do with an edited output: a command that works for its format."""
    if output.spec.name in IMPORTABLE:
        return f"import it first (translator review import {output.path}) or move it away, then run again"
    return ("corrections in it cannot be imported: make them in the review file (the .csv, .docx or .xlf beside "
            f"it) and import that; move {output.path.name} away, then run again")


def _delivered(views: DocumentViews) -> dict[str, list[DeliveredRow]]:
    """What the document's review files deliver per target language (`ledger.delivered_rows`), from the rows
    the files were written from."""
    return {lang: [DeliveredRow(row.id, row.source, row.translation, row.status, row.comment,
                                *((segment.timing.start_ms, segment.timing.end_ms) if segment.timing else ()))
                   for row, segment in zip(views.language(lang).rows, views.doc.segments, strict=True)]
            for lang in views.doc.targets}


def _unchanged(
    views: DocumentViews, planned: list[PlannedOutput],
    current: dict[Path, str | None], own: dict[str, set[str]], keys: dict[Path, str],
) -> bool:
    """Every file is as this tool last wrote it (no write of it is pending) and the result (S.json) has not
    changed."""
    if any(current[o.path] is None or own.get(keys[o.path]) != {current[o.path]} for o in planned):
        return False
    result = next((o for o in planned if o.spec.name == "json"), None)
    return result is not None and _sha256(result.render(views)) == current[result.path]
