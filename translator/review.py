"""Reviewer round trip: import a corrected CSV, XLIFF, DOCX or subtitle file back into the translation memory.

A file whose name does not say which document it belongs to is matched by its rows' content. Each row of
the returned file (read by translator/review_readers/) is matched to a segment of the last run,
as the run ledger recorded it, by id when its source text agrees, else by its source text; a row whose
translation differs from what every run whose output a file may still hold delivered, or whose status says
approved, is stored as an approved correction. All of one file is stored, or none of it: a file whose
corrections lost their letters (a spreadsheet's `?`, mojibake) is refused naming the rows. Each import is
logged with the approvals it replaced, so `translator review undo` can revert the last one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from translator.database import DEFAULT_OUT, MEMORY_NAME, Database
from translator.errors import InputError, UsageError
from translator.glossary import Glossary, check_translation, load_glossaries
from translator.ledger import Delivered, RunLedger, StatusCounts
from translator.memory import TranslationMemory, UndoneImport
from translator.review_readers import read_review
from translator.review_readers.rows import ReturnedRow, Target, clean
from translator.review_readers.script import lost_script
from translator.units import spread

DEFAULT_MEMORY = DEFAULT_OUT / MEMORY_NAME


@dataclass(frozen=True)
class Change:
    """A correction an import stores: the segment, the text it replaces (an earlier approval, else the machine
    translation delivered), the reviewer's text, and how it breaks the glossary (empty: it keeps it)."""

    segment_id: int
    old: str
    new: str
    glossary: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or, for a dry run, would do), for the CLI to print."""

    path: Path
    target: Target
    rows: int
    changes: list[Change]  # corrections stored
    unchanged: int  # rows as delivered and not marked approved
    empty: int  # rows with no translation
    unmatched: int  # rows that match no segment of the last run
    dry_run: bool = False

    @property
    def approved(self) -> int:
        return len(self.changes)

    def __str__(self) -> str:
        t = self.target
        done = "would be stored (dry run: nothing stored)" if self.dry_run else "stored"
        breaking = sum(1 for change in self.changes if change.glossary)
        return (f"{self.path.name}: {self.approved} correction(s) {done} as approved for {t.doc_key} {t.src}→{t.tgt}"
                f" ({self.rows} rows: {self.unchanged} unchanged, {self.empty} empty, {self.unmatched} unmatched)"
                + (f"; {breaking} of them break the glossary (listed above)" if breaking else "")
                + ("" if self.dry_run else "; they apply from the next run; `translator review undo` reverts them"))


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def match_segment(row: ReturnedRow, delivered: dict[int, Delivered]) -> tuple[int, str] | None:
    """(segment id, source text to store) for a row, or None: by id when the source agrees, else by source.

    A row whose id exists but whose source matches no segment keeps its own source text, so the next run
    sees the source changed and flags the correction instead of applying it.
    """
    by_id = delivered.get(row.id)
    if by_id is not None and (row.source is None or _same(row.source, by_id.source_text)):
        return row.id, by_id.source_text
    if row.source is not None:
        same_source = [i for i, seg in delivered.items() if _same(row.source, seg.source_text)]
        if len(same_source) == 1:
            return same_source[0], delivered[same_source[0]].source_text
    if by_id is not None and row.source is not None:
        return row.id, row.source
    return None


def spread_over_cues(row: ReturnedRow, delivered: dict[int, Delivered]) -> list[ReturnedRow]:
    """A unit of whole sentences over cues `id`..`last` as one row per cue: the translation cut over the cues as
    the run cut it (`units.spread`, in proportion to the cues' source text), so an unedited unit gives back
    exactly what each cue delivered."""
    if row.last is None:
        return [row]
    cues = [number for number in range(row.id, row.last + 1) if number in delivered]
    parts = spread(row.translation, [delivered[number].source_text for number in cues])
    return [ReturnedRow(number, None, part, row.approved) for number, part in zip(cues, parts)]


def _resemblance(rows: list[ReturnedRow], delivered: dict[int, Delivered]) -> tuple[int, int]:
    """(rows whose id and source text are the segment's, rows whose translation is the delivered one)."""
    sources = translations = 0
    for row in rows:
        segment = delivered.get(row.id)
        if segment is not None:
            sources += row.source is not None and _same(row.source, segment.source_text)
            translations += _same(row.translation, segment.translation)
    return sources, translations


def find_document(path: Path, rows: list[ReturnedRow], ledger: RunLedger) -> Target:
    """The document and languages a file whose name does not say belongs to: the delivered run its rows'
    ids, source texts and (to tell target languages apart) translations match best; refused when none does,
    or when two match equally."""
    scored = sorted(
        ((_resemblance(rows, ledger.outputs(key, tgt)), key, tgt) for key, tgt in ledger.delivered_documents()),
        reverse=True,
    )
    with_source = sum(row.source is not None for row in rows)
    needed = max(1, (with_source or len(rows)) // 2)
    if not scored or scored[0][0][0 if with_source else 1] < needed:
        raise InputError(f"{path}: the name does not say which document it belongs to (S.SRC-L.csv), and its rows "
                         f"match no translated document in {ledger.db.path}")
    best = sorted(f"{key} → {tgt}" for score, key, tgt in scored if score == scored[0][0])
    if len(best) > 1:
        raise InputError(f"{path}: the name does not say which document it belongs to, and its rows match "
                         f"{' and '.join(best)} equally; rename it S.SRC-L.{path.suffix.lstrip('.')} to choose")
    key, tgt = scored[0][1], scored[0][2]
    return Target(key, ledger.source_language(key) or "", tgt)


def _refuse_lost_script(path: Path, target: Target, changes: list[Change]) -> None:
    """Refuse the whole file, naming the rows, when corrections lost their letters: nothing is stored."""
    bad = [(change.segment_id, why) for change in changes
           if (why := lost_script(change.new, target.tgt, change.old)) is not None]
    if bad:
        listed = ", ".join(str(segment_id) for segment_id, _ in bad[:10]) + (f" and {len(bad) - 10} more"
                                                                           if len(bad) > 10 else "")
        raise InputError(f"{path}: nothing imported: the translations of segment(s) {listed} lost their letters "
                         f"({bad[0][1]}); the file was saved in an encoding without them: save it as UTF-8 "
                         "(CSV UTF-8 in Excel) and import it again")


def glossary_breaks(glossary: Glossary, source: str, translation: str, src: str, tgt: str) -> tuple[str, ...]:
    """How a correction breaks the glossary: each term it misses, or the form the glossary writes instead."""
    pinned, hits = check_translation(glossary, source, translation, src, tgt)
    missed = tuple(f"{hit.source_text} should be {hit.target_text}" for hit in hits if hit.status == "missed")
    return missed or ((f"the glossary writes it {pinned!r}",) if pinned != translation else ())


def _glossary(ledger: RunLedger, doc_key: str, files: list[Path] | None) -> Glossary | None:
    """The glossaries given, else those of the document's last run that are still there."""
    chosen = files if files is not None else [p for p in map(Path, ledger.glossaries(doc_key)) if p.is_file()]
    return load_glossaries(chosen) if chosen else None


def find_memory(memory: Path | str | None = None, beside: Path | str | None = None) -> Path:
    """The memory a review command uses: `memory`, else the one beside the review file (the run's --out),
    else output/translator.sqlite. It must exist: the review round trip never creates one."""
    tried = [Path(memory)] if memory else [*([Path(beside).parent / MEMORY_NAME] if beside else []), DEFAULT_MEMORY]
    for path in tried:
        if path.is_file():
            return path
    raise UsageError(f"no translation memory at {' or '.join(map(str, dict.fromkeys(tried)))} "
                     "(run `translator run` first, or pass the run's --memory)")


def import_review(path: Path | str, memory: Path | str | None = None, *, dry_run: bool = False,
                  glossaries: list[Path] | None = None) -> ImportResult:
    """Store the corrections of a returned review file as approved in the memory (`find_memory`); with
    `dry_run`, open it read-only and only say what would change."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    with Database(find_memory(memory, path), read_only=dry_run) as db:
        return store_corrections(path, db, dry_run, glossaries)


def undo_import(memory: Path | str | None = None) -> UndoneImport:
    """Revert the last review import into the memory (`find_memory`)."""
    with Database(find_memory(memory)) as db:
        undone = undo_last_import(db)
    if undone is None:
        raise UsageError("no review import to undo")
    return undone


def review_status(memory: Path | str | None = None) -> list[StatusCounts]:
    """How the last run's segments stand (machine, approved, flagged) per document and target language; the
    memory is only read, so a read-only one answers too."""
    with Database(find_memory(memory), read_only=True) as db:
        return RunLedger(db).status()


def store_corrections(path: Path, db: Database, dry_run: bool = False, glossaries: list[Path] | None = None
                      ) -> ImportResult:
    """Store the corrections of a returned CSV, XLIFF, DOCX or subtitle file in the memory as approved, each
    logged with what it replaced (`undo_last_import`) and checked against the glossaries (given, else the
    run's): a correction that breaks one is stored, as the reviewer's word, and listed. With `dry_run`, store
    nothing and say what would change."""
    path = Path(path)
    named, rows = read_review(path)
    memory, ledger = TranslationMemory(db), RunLedger(db)
    target = named or find_document(path, rows, ledger)
    glossary = _glossary(ledger, target.doc_key, glossaries)
    versions = ledger.delivered_versions(target.doc_key, target.tgt)
    if not versions:
        raise InputError(f"{path}: the memory {db.path} has no run of {target.doc_key} into {target.tgt}; "
                         "translate it first, or pass the --memory that run used")
    delivered, approvals = versions[0], memory.approvals(target.doc_key, target.tgt)
    changes: dict[int, Change] = {}
    sources: dict[int, str] = {}
    unchanged = empty = unmatched = 0
    for row in [cue_row for unit in rows for cue_row in spread_over_cues(unit, delivered)]:
        match = match_segment(row, delivered)
        if match is None:
            unmatched += 1
        elif not row.translation:
            empty += 1
        elif row.approved or all(row.translation != clean(version[match[0]].translation)
                                 for version in versions if match[0] in version):
            earlier = approvals.get(match[0])
            old = earlier.translation if earlier else delivered[match[0]].translation
            breaks = glossary_breaks(glossary, match[1], row.translation, target.src, target.tgt) if glossary else ()
            changes[match[0]], sources[match[0]] = Change(match[0], old, row.translation, breaks), match[1]
        else:
            unchanged += 1
    result = ImportResult(path, target, len(rows), list(changes.values()), unchanged, empty, unmatched, dry_run)
    _refuse_lost_script(path, target, result.changes)
    if dry_run:
        return result
    file = str(path.resolve())
    with db.transaction():
        memory.log_import(target.doc_key, target.tgt, file, list(changes), ledger.file_record(file))
        for change in result.changes:
            memory.approve(target.doc_key, change.segment_id, target.src, target.tgt, sources[change.segment_id],
                           change.new)
        # Its corrections are in the memory now, so the next run may write this file anew.
        ledger.record_files({file: hashlib.sha256(path.read_bytes()).hexdigest()})
    return result


def undo_last_import(db: Database) -> UndoneImport | None:
    """Revert the last import: the approvals it replaced come back, and the next run again leaves its file
    alone if the file is one a run wrote; None when no import is left to undo."""
    undone = TranslationMemory(db).undo_import()
    if undone is not None:
        RunLedger(db).restore_file_record(undone.file, undone.file_record)
    return undone
