"""Glossaries that pin proper names through machine translation (issue #3).

The pipeline loads glossaries once, then per source sentence and target language calls `protect`, translates
`Protected.text`, and calls `restore_all`, which restores each sentence (`restore`: the final text and one
GlossaryHit per occurrence) and, for the sentences with a missed term, asks the engine for the attention
alignment and looks again; `summary_line` and `miss_lines` report the run. pymorphy3 loads only when a Russian
or Ukrainian form is first needed.
"""

from translator.glossary.apply import AppliedLine, apply_files, apply_glossary, check_translation
from translator.glossary.check import check_glossary, form_lines
from translator.glossary.model import Glossary, GlossaryEntry, Problem
from translator.glossary.pin import Aligner, Protected, pin_name, protect, restore, restore_all, written
from translator.glossary.report import miss_lines, summary_line
from translator.glossary.tsv import load_glossaries, parse_glossary

__all__ = [
    "Aligner",
    "AppliedLine",
    "Glossary",
    "GlossaryEntry",
    "Problem",
    "Protected",
    "apply_files",
    "apply_glossary",
    "check_glossary",
    "check_translation",
    "form_lines",
    "load_glossaries",
    "miss_lines",
    "parse_glossary",
    "pin_name",
    "protect",
    "restore",
    "restore_all",
    "summary_line",
    "written",
]
