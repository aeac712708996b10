"""`translator glossary check FILE`: every problem of one glossary file, with its line."""

from __future__ import annotations

from pathlib import Path

from translator.glossary.model import Glossary, Problem
from translator.glossary.morph import INFLECTED, inflection_problem
from translator.glossary.tsv import read_glossary


def check_glossary(path: Path) -> list[Problem]:
    """Format problems, forms that pin two different targets, and Russian/Ukrainian forms to write that
    pymorphy3 cannot inflect; sorted by line. An empty list means the glossary is good."""
    entries, problems = read_glossary(path)
    problems += Glossary(tuple(entries)).conflicts()
    for entry in entries:
        for lang in INFLECTED if not entry.keep else ():
            form = entry.written(lang)
            trouble = inflection_problem(form, lang) if form else None
            if trouble:
                problems.append(Problem(entry.path, entry.line, f"cannot inflect {trouble}"))
    return sorted(problems, key=lambda p: p.line)
