"""`translator glossary check FILE [--forms]`: every problem of one glossary file, with its line; on request,
every entry's generated case forms."""

from __future__ import annotations

from pathlib import Path

from translator.glossary.model import Glossary, Problem
from translator.glossary.morph import inflection_problem
from translator.glossary.paradigm import CASES, INFLECTED
from translator.glossary.pin import gender_unknown, phrase_reading, written
from translator.glossary.tsv import read_glossary


def check_glossary(path: Path) -> list[Problem]:
    """Format problems, forms that pin two different targets, rows with one language only (they pin nothing; a
    run accepts them), and Russian/Ukrainian forms to write that pymorphy3 cannot inflect; sorted by line. An
    empty list means the glossary is good."""
    entries, problems = read_glossary(path)
    glossary = Glossary(tuple(entries))
    problems += glossary.conflicts()
    for index, entry in enumerate(entries):
        if len(entry.forms) == 1 and not entry.keep:
            (lang, forms), = entry.forms.items()
            problems.append(Problem(entry.path, entry.line, f"'{forms[0]}' has a form in {lang} only, so it pins "
                                    "nothing: add its form in another language, or put it in the keep column"))
        for lang in INFLECTED if not entry.keep else ():
            trouble = inflection_problem(phrase_reading(glossary, index, lang)) if entry.written(lang) else None
            if trouble:
                problems.append(Problem(entry.path, entry.line, f"cannot inflect {trouble}"))
    return sorted(problems, key=lambda p: p.line)


def form_lines(path: Path) -> list[str]:
    """`check --forms`: per entry and language, the form written in each case, which words pymorphy3 only
    guessed (unknown to its dictionary: check those forms by eye), and which a name library declined."""
    entries, _ = read_glossary(path)
    glossary = Glossary(tuple(entries))
    lines = []
    for index, entry in enumerate(entries):
        for lang in INFLECTED if not entry.keep else ():
            if not entry.written(lang):
                continue
            reading = phrase_reading(glossary, index, lang)
            cases = [*CASES, "voct"] if lang == "uk" else list(CASES)
            forms = ", ".join(f"{case} {written(glossary, index, lang, case)}" for case in cases)
            guessed = [w for w, p in zip(reading.words, reading.paradigms) if p is not None and p.guessed]
            named = [w for w, p in zip(reading.words, reading.paradigms) if p is not None and p.library]
            note = f"  (guessed: {', '.join(guessed)})" if guessed else ""
            note += f"  (declined as a person's name: {', '.join(named)})" if named else ""
            if gender_unknown(glossary, index, lang):
                note += "  (gender unknown: a man's forms; a woman's is written as it is; say he or she in the note)"
            lines.append(f"{path}:{entry.line}: {lang} {entry.written(lang)}: {forms}{note}")
    return lines
