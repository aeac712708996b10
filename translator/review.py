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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from translator.database import DEFAULT_OUT, MEMORY_NAME, Database
from translator.errors import InputError, UsageError
from translator.glossary import Glossary, check_translation, load_glossaries
from translator.ledger import Delivered, RunLedger, StatusCounts
from translator.memory import Approval, TranslationMemory, UndoneImport
from translator.review_readers import read_review, review_bytes
from translator.review_readers.cuts import cut_like
from translator.review_readers.rows import ReturnedRow, Target, clean
from translator.review_readers.script import lost_script
from translator.review_readers.subtitles import TimedSegment, cue_rows, read_cues, subtitle_target, timed_from_result

DEFAULT_MEMORY = DEFAULT_OUT / MEMORY_NAME


@dataclass(frozen=True)
class Change:
    """A correction an import stores: the segment, the text it replaces (an earlier approval, else the machine
    translation delivered), the reviewer's text, and how it breaks the glossary (empty: it keeps it)."""

    segment_id: int
    old: str
    new: str
    glossary: tuple[str, ...] = ()
    comment: str = ""  # the reviewer's comment, stored with the approval


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
    kept: list[int] = field(default_factory=list)  # segments whose newer approval this older file left alone

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
                + (f"; segment(s) {_listed(self.kept)} keep their newer approval: this file was written before "
                   "it (`--force` stores the file's text instead)" if self.kept else "")
                + ("" if self.dry_run else "; they apply from the next run; `translator review undo` reverts them"))


def reviewer_comment(cell: str | None, delivered: str, earlier: Approval | None) -> str:
    """The reviewer's comment in a row's comment cell: the cell without the flags' messages the run wrote there
    (`review_model.comment_of` writes the approval's comment, then the flags'); the approval's comment as it is
    when the file has no comment column or the cell is as delivered."""
    before = earlier.comment if earlier else ""
    if cell is None or _same(cell, delivered):
        return before
    flags = {part for part in delivered.split("; ") if part} - set(before.split("; "))
    return "; ".join(part for part in cell.split("; ") if part.strip() and part not in flags)


def _listed(numbers: list[int], most: int = 10) -> str:
    return ", ".join(map(str, numbers[:most])) + (f" and {len(numbers) - most} more" if len(numbers) > most else "")


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
    parts = cut_like(row.translation, [delivered[number].translation for number in cues],
                     [delivered[number].source_text for number in cues])
    return [ReturnedRow(number, None, part, row.approved) for number, part in zip(cues, parts, strict=True)]


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
    """The memory a review command uses: `memory`, else the one beside the review file (the run's --out; for a
    file inside an OmegaT project, `S.SRC-L.omegat/target/S.SRC-L.xlf`, the one beside the project), else
    output/translator.sqlite. It must exist: the review round trip never creates one."""
    folders = []
    if beside:
        parent = Path(beside).parent
        projects = [folder for folder in (parent, *parent.parents) if folder.name.endswith(".omegat")][:1]
        folders = [parent, *(project.parent for project in projects)]
    tried = [Path(memory)] if memory else [*(folder / MEMORY_NAME for folder in folders), DEFAULT_MEMORY]
    for path in tried:
        if path.is_file():
            return path
    raise UsageError(f"no translation memory at {' or '.join(map(str, dict.fromkeys(tried)))} "
                     "(run `translator run` first, or pass the run's --memory)")


def import_review(path: Path | str, memory: Path | str | None = None, *, dry_run: bool = False,
                  glossaries: list[Path] | None = None, force: bool = False) -> ImportResult:
    """Store the corrections of a returned review file as approved in the memory (`find_memory`); with
    `dry_run`, open it read-only and only say what would change; with `force`, a file older than an approval
    overrides it."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    with Database(find_memory(memory, path), read_only=dry_run) as db:
        return store_corrections(path, db, dry_run, glossaries, force)


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


def _candidates(file: str, sha256: str, ledger: RunLedger, generations: dict[int, dict[int, Delivered]]
                ) -> tuple[list[int], bool]:
    """The generations a file may hold, newest first, and whether the ledger recorded them for this very file:
    the one whose hash it still has; else those it wrote (or, killed while writing, meant to write) at that
    path; else every generation the document's files may hold (a copy, a renamed file)."""
    recorded = ledger.file_generations(file)
    if recorded.get(sha256) in generations:
        return [recorded[sha256]], True
    own = sorted({generation for generation in recorded.values() if generation in generations}, reverse=True)
    return (own, True) if own else (list(generations), False)


def _as_delivered(rows: list[ReturnedRow], delivered: dict[int, Delivered]) -> int:
    """How many rows hold their segment's text as this version delivered it: how like that version a file is."""
    return sum(1 for row in rows if row.id in delivered and _same(row.translation, delivered[row.id].translation))


def _timed(delivered: dict[int, Delivered]) -> list[TimedSegment]:
    return sorted((TimedSegment(d.start_ms, d.end_ms, segment_id, d.source_text, d.translation)
                   for segment_id, d in delivered.items() if d.start_ms is not None and d.end_ms is not None),
                  key=lambda s: (s.start_ms, s.end_ms, s.id))


def _read(path: Path, ledger: RunLedger) -> tuple[Target, bytes, Callable[[dict[int, Delivered]], list[ReturnedRow]]]:
    """The file's document and languages, its bytes, and its rows as read against one delivered version:
    subtitle cues are timed by the segments' times in that version (`S.json` beside the file for a memory
    that predates keeping them), and a unit over several cues is cut back over them as that version delivered
    them."""
    data = review_bytes(path)
    if path.suffix.lower() in (".srt", ".vtt"):
        key, tgt = subtitle_target(path)
        cues = read_cues(path, data)
        src = ledger.source_language(key) or ""

        def subtitle_rows(delivered: dict[int, Delivered]) -> list[ReturnedRow]:
            timed = _timed(delivered) or timed_from_result(path, key, tgt)[1]
            return cue_rows(path, cues, timed)

        return Target(key, src, tgt), data, subtitle_rows
    named, units = read_review(path)
    target = named or find_document(path, units, ledger)

    def table_rows(delivered: dict[int, Delivered]) -> list[ReturnedRow]:
        return [row for unit in units for row in spread_over_cues(unit, delivered)]

    return target, data, table_rows


def _check_document(path: Path, target: Target, rows: list[ReturnedRow], ledger: RunLedger,
                    versions: list[dict[int, Delivered]]) -> None:
    """Refuse a file whose source cells are, all or nearly all (over three in four), not the named document's:
    another document's file named like this one ("S.en-uk (2).csv"), whose rows would overwrite this one's
    segments. (An input edited since its run changes some source cells, never nearly all.)"""
    with_source = [row for row in rows if row.source is not None]
    sources = {" ".join(d.source_text.split()) for version in versions for d in version.values()}
    ours = sum(1 for row in with_source if " ".join((row.source or "").split()) in sources)
    if not with_source or ours * 4 >= len(with_source) > 0 < ours:
        return
    try:
        other = find_document(path, rows, ledger)
        belongs = f"its rows are those of {other.doc_key} → {other.tgt}"
    except InputError:
        belongs = f"its rows match no translated document in {ledger.db.path}"
    raise InputError(f"{path}: nothing imported: the name says {target.doc_key} {target.src}→{target.tgt}, but "
                     f"only {ours} of its {len(with_source)} source cells are that document's; {belongs}")


def store_corrections(path: Path, db: Database, dry_run: bool = False, glossaries: list[Path] | None = None,
                      force: bool = False) -> ImportResult:
    """Store the corrections of a returned CSV, XLIFF, DOCX or subtitle file in the memory as approved, each
    logged with what it replaced (`undo_last_import`) and checked against the glossaries (given, else the
    run's): a correction that breaks one is stored, as the reviewer's word, and listed. With `dry_run`, store
    nothing and say what would change.

    Rows are read against the version of the document the ledger recorded for this very file (whatever
    language the last run targeted); a row that holds what the memory already has (a delivered machine text,
    the current approval) is no correction; a row of a file written before a segment's current approval
    (and not the file that approval came from) is kept out and listed, unless `force`."""
    path = Path(path)
    memory, ledger = TranslationMemory(db), RunLedger(db)
    target, data, rows_against = _read(path, ledger)
    generations = ledger.generations(target.doc_key, target.tgt)
    if not generations:
        raise InputError(f"{path}: the memory {db.path} has no run of {target.doc_key} into {target.tgt}; "
                         "translate it first, or pass the --memory that run used")
    file = str(path.resolve())
    candidates, recorded = _candidates(file, hashlib.sha256(data).hexdigest(), ledger, generations)
    read = sorted(((_as_delivered(rows, generations[g]), g, rows) for g in candidates
                   for rows in [rows_against(generations[g])]), key=lambda item: item[0], reverse=True)
    if recorded and len(read) > 1 and read[0][0] == read[1][0] and read[0][2] != read[1][2]:
        raise InputError(f"{path}: nothing imported: a run was interrupted while writing this file, and its rows "
                         f"are as like what that run wrote as what the run before it wrote, so which one it holds "
                         "is unknown; import the review file S.SRC-L.csv instead")
    likeness, generation, rows = read[0]
    delivered, versions = generations[generation], list(generations.values())
    _check_document(path, target, rows, ledger, versions)
    written = generation if recorded or likeness else 0  # 0: unknown, older than every approval
    approvals, approved_from = memory.approvals(target.doc_key, target.tgt), memory.approved_from(target.doc_key,
                                                                                                  target.tgt)
    glossary = _glossary(ledger, target.doc_key, glossaries)
    changes: dict[int, Change] = {}
    sources: dict[int, str] = {}
    replaced: dict[int, str] = {}  # the text each correction replaced as this file held it (delivered)
    kept: list[int] = []
    unchanged = empty = unmatched = 0
    for row in rows:
        match = match_segment(row, delivered)
        if match is None:
            unmatched += 1
            continue
        if not row.translation:
            empty += 1
            continue
        segment_id, earlier = match[0], approvals.get(match[0])
        known = [version[segment_id] for version in versions
                 if segment_id in version and _same(row.translation, clean(version[segment_id].translation))]
        comment = reviewer_comment(row.comment, delivered[segment_id].comment, earlier)
        said = comment != (earlier.comment if earlier else "")  # a comment typed, changed or cleared
        if earlier is not None and _same(row.translation, earlier.translation):
            stored = said
        elif earlier is not None and not force and (
                (earlier.replaced and _same(row.translation, earlier.replaced))
                or (written <= earlier.generation and (known or approved_from.get(segment_id) != file))):
            kept.append(segment_id)  # the file holds the text from before the approval, or predates it
            continue
        elif known and not (row.approved and earlier is None and all(k.status != "approved" for k in known)):
            stored = said and earlier is None  # a comment on a machine row approves it as it stands
        else:
            stored = True
        if not stored:
            unchanged += 1
            continue
        old = earlier.translation if earlier else delivered[segment_id].translation
        breaks = glossary_breaks(glossary, match[1], row.translation, target.src, target.tgt) if glossary else ()
        changes[segment_id] = Change(segment_id, old, row.translation, breaks, comment)
        sources[segment_id], replaced[segment_id] = match[1], delivered[segment_id].translation
    result = ImportResult(path, target, len(rows), list(changes.values()), unchanged, empty, unmatched, dry_run,
                          kept)
    _refuse_lost_script(path, target, result.changes)
    if dry_run or not changes:
        return result
    with db.transaction():
        memory.log_import(target.doc_key, target.tgt, file, list(changes), ledger.file_record(file))
        clock = ledger.clock()
        for change in result.changes:
            memory.approve(target.doc_key, change.segment_id, target.src, target.tgt, sources[change.segment_id],
                           change.new, comment=change.comment, generation=clock, replaced=replaced[change.segment_id])
        # Its corrections are in the memory now, so the next run may write this file anew.
        ledger.record_files({file: hashlib.sha256(data).hexdigest()})
    return result


def undo_last_import(db: Database) -> UndoneImport | None:
    """Revert the last import: the approvals it replaced come back, and the next run again leaves its file
    alone if the file is one a run wrote and no run has written it since; None when no import is left to
    undo."""
    undone = TranslationMemory(db).undo_import()
    ledger = RunLedger(db)
    now = None if undone is None else ledger.file_record(undone.file)
    written_since = now is not None and now[1] != (undone.file_record[1] if undone and undone.file_record else 0)
    if undone is not None and not written_since:  # a run that rewrote the file since made it its own again
        ledger.restore_file_record(undone.file, undone.file_record)
    return undone
