"""Reading glossary files, collecting every problem with its line rather than stopping at the first.

Two layouts: a table whose header row names its columns (language codes en, uk, ru, plus optional note and
keep), and OmegaT's headerless source<TAB>target<TAB>comment, whose languages come from the file name
(`en-uk.tsv`). A cell holds forms separated by `|`; the first is written, all are recognised.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from translator.document import LANGUAGES
from translator.errors import InputError
from translator.glossary.model import Glossary, GlossaryEntry, Problem

EXTRA_COLUMNS = ("note", "keep")
_CODE = re.compile(r"[a-z]{2,3}")
_PAIR = re.compile(r"(?:^|[^a-z])([a-z]{2,3})-([a-z]{2,3})\.[a-z0-9]+$")
_EXPECTED = ", ".join([*LANGUAGES, *EXTRA_COLUMNS])

Row = tuple[int, list[str]]


def _rows(text: str) -> list[Row]:
    """(line number, cells) of every line that is neither blank nor a `#` comment."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [
        (n, line.split("\t")) for n, line in enumerate(lines, 1) if line.strip() and not line.lstrip().startswith("#")
    ]


def _is_header(cells: list[str]) -> bool:
    names = [c.strip() for c in cells if c.strip()]
    return bool(names) and all(_CODE.fullmatch(n) or n in EXTRA_COLUMNS for n in names)


def _cell(cell: str, column: str, line: int, path: str, problems: list[Problem]) -> tuple[str, ...]:
    """The forms in one cell, whitespace normalised; an empty form is a problem (an empty cell is not)."""
    if not cell.strip():
        return ()
    parts = [" ".join(part.split()) for part in cell.split("|")]
    if not parts[0]:
        problems.append(Problem(path, line, f"empty first form in the {column} column ('{cell.strip()}')"))
    elif not all(parts):
        problems.append(Problem(path, line, f"empty form in the {column} column ('{cell.strip()}')"))
    return tuple(dict.fromkeys(p for p in parts if p))


def _entry(forms: dict[str, tuple[str, ...]], keep: tuple[str, ...], note: str, path: str, line: int) -> GlossaryEntry:
    ordered = {lang: forms[lang] for lang in LANGUAGES if forms.get(lang)}
    return GlossaryEntry(ordered, keep, note, path, line)


def _parse_table(rows: list[Row], path: str) -> tuple[list[GlossaryEntry], list[Problem]]:
    header_line, header = rows[0]
    columns = [c.strip() for c in header]
    problems = [
        Problem(path, header_line, f"unknown column '{c}' (expected {_EXPECTED})")
        for c in columns
        if c and c not in LANGUAGES and c not in EXTRA_COLUMNS
    ]
    problems += [
        Problem(path, header_line, f"column '{c}' appears {n} times")
        for c, n in Counter(columns).items()
        if c and n > 1
    ]
    entries = []
    for line, cells in rows[1:]:
        before = len(problems)
        if any(c.strip() for c in cells[len(columns):]):
            problems.append(Problem(path, line, f"{len(cells)} cells but the header has {len(columns)} columns"))
        forms: dict[str, tuple[str, ...]] = {}
        keep: tuple[str, ...] = ()
        note = ""
        for column, cell in zip(columns, cells):
            if column in LANGUAGES:
                forms[column] = _cell(cell, column, line, path, problems)
            elif column == "keep":
                keep = _cell(cell, column, line, path, problems)
            elif column == "note":
                note = cell.strip()
        if not any(forms.values()) and not keep:
            if len(problems) == before:
                problems.append(Problem(path, line, "no term in any language column"))
            continue
        entries.append(_entry(forms, keep, note, path, line))
    return entries, problems


def _parse_pairs(rows: list[Row], path: str, src: str, tgt: str) -> tuple[list[GlossaryEntry], list[Problem]]:
    problems: list[Problem] = []
    entries = []
    for line, cells in rows:
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            problems.append(Problem(path, line, f"expected {src}<TAB>{tgt}[<TAB>comment] (OmegaT glossary)"))
            continue
        forms = {src: _cell(cells[0], src, line, path, problems), tgt: _cell(cells[1], tgt, line, path, problems)}
        entries.append(_entry(forms, (), "\t".join(cells[2:]).strip(), path, line))
    return entries, problems


def _pair(path: str) -> tuple[str, str] | None:
    found = _PAIR.search(Path(path).name.lower())
    return (found.group(1), found.group(2)) if found else None


def parse_glossary(text: str, path: str) -> tuple[list[GlossaryEntry], list[Problem]]:
    """Entries and problems of a glossary file's text; `path` names the file in messages and picks the
    OmegaT language pair."""
    rows = _rows(text)
    if not rows:
        return [], [Problem(path, 0, "the glossary has no entries")]
    if _is_header(rows[0][1]):
        return _parse_table(rows, path)
    pair = _pair(path)
    if pair is None:
        message = f"no header row of column names ({_EXPECTED}) and no language pair in the file name (en-uk.tsv)"
        return [], [Problem(path, rows[0][0], message)]
    if any(code not in LANGUAGES for code in pair) or pair[0] == pair[1]:
        message = f"the file name's language pair {pair[0]}-{pair[1]} is not two of {', '.join(LANGUAGES)}"
        return [], [Problem(path, 0, message)]
    return _parse_pairs(rows, path, *pair)


def read_glossary(path: Path) -> tuple[list[GlossaryEntry], list[Problem]]:
    """Read and parse one file: unreadable or non-UTF-8 files are problems too, with the line of the bad byte."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return [], [Problem(name, 0, "no such file")]
    except OSError as exc:
        return [], [Problem(name, 0, f"cannot read ({exc.strerror})")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [], [Problem(name, line, f"not UTF-8 (byte 0x{data[exc.start]:02x}); save the glossary as UTF-8")]
    return parse_glossary(text, name)


def load_glossaries(paths: list[Path]) -> Glossary:
    """All glossaries as one; any problem, including a form two files pin differently, raises InputError."""
    entries: list[GlossaryEntry] = []
    problems: list[Problem] = []
    for path in paths:
        found, trouble = read_glossary(path)
        entries += found
        problems += trouble
    glossary = Glossary(tuple(entries))
    problems += glossary.conflicts()
    if problems:
        more = f" (and {len(problems) - 1} more: run `translator glossary check`)" if len(problems) > 1 else ""
        raise InputError(f"glossary {problems[0].path}:{problems[0]}{more}")
    return glossary
