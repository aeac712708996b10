"""Glossary files: both layouts, every problem with its line, conflicts across files, the fingerprint."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translator.errors import InputError
from translator.glossary import Glossary, GlossaryEntry, load_glossaries, parse_glossary
from translator.glossary.tsv import read_glossary

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "glossaries" / "interview-aisin.tsv"

TABLE = (
    "# names\n"
    "en\tuk\tru\tkeep\tnote\n"
    "Ruslan Aisin|Ruslan Aysin\tРуслан Айсін\tРуслан Айсин\t\tguest\n"
    "\n"
    "\t\t\tSOCAR\toil company\n"
)


def test_table_rows_become_entries_with_written_and_recognised_forms() -> None:
    entries, problems = parse_glossary(TABLE, "g.tsv")
    assert problems == []
    aisin, socar = entries
    assert aisin.forms == {"en": ("Ruslan Aisin", "Ruslan Aysin"), "uk": ("Руслан Айсін",), "ru": ("Руслан Айсин",)}
    assert (aisin.written("uk"), aisin.recognised("en"), aisin.note, aisin.line) == (
        "Руслан Айсін", ("Ruslan Aisin", "Ruslan Aysin"), "guest", 3)
    assert [socar.written(lang) for lang in ("en", "uk", "ru")] == ["SOCAR"] * 3
    assert socar.recognised("uk") == ("SOCAR",) and socar.label == "SOCAR" and socar.line == 5


def test_bom_crlf_and_spaces_inside_forms_are_normalised() -> None:
    entries, problems = parse_glossary("\ufeffen\tuk\r\n  Boris   Johnson |Johnson\t Борис Джонсон \r\n", "g.tsv")
    assert problems == []
    assert entries[0].forms == {"en": ("Boris Johnson", "Johnson"), "uk": ("Борис Джонсон",)}


def test_omegat_two_column_file_takes_its_languages_from_the_name() -> None:
    entries, problems = parse_glossary("Putin\tПутін\tpresident\n# comment\nKremlin\tКремль\n", "names.en-uk.tsv")
    assert problems == []
    assert [(e.forms, e.note, e.line) for e in entries] == [
        ({"en": ("Putin",), "uk": ("Путін",)}, "president", 1),
        ({"en": ("Kremlin",), "uk": ("Кремль",)}, "", 3),
    ]


@pytest.mark.parametrize(
    ("text", "name", "line", "message"),
    [
        ("en\tde\nPutin\tPutin\n", "g.tsv", 1, "unknown column 'de'"),
        ("en\tuk\tuk\nPutin\tПутін\tПутін\n", "g.tsv", 1, "column 'uk' appears 2 times"),
        ("en\tuk\n# x\nPutin\t|Путін\n", "g.tsv", 3, "empty first form in the uk column"),
        ("en\tuk\nPutin||Poutine\tПутін\n", "g.tsv", 2, "empty form in the en column"),
        ("en\tuk\nPutin\tПутін\textra\n", "g.tsv", 2, "3 cells but the header has 2 columns"),
        ("en\tuk\tnote\n\t\tonly a note\n", "g.tsv", 2, "no term in any language column"),
        ("Putin\tПутін\n", "names.tsv", 1, "no header row"),
        ("Putin\n", "en-uk.tsv", 1, "expected en<TAB>uk"),
        ("Putin\tPoutine\n", "en-fr.tsv", 0, "is not two of en, uk, ru"),
        ("# nothing\n\n", "g.tsv", 0, "no entries"),
    ],
)
def test_each_problem_names_its_line(text: str, name: str, line: int, message: str) -> None:
    _, problems = parse_glossary(text, name)
    assert [(p.line, message in p.message) for p in problems] == [(line, True)]


def test_non_utf8_file_is_a_problem_at_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_bytes("en\tru\nPutin\tПутин\n".encode() + "Kremlin\tКремль\n".encode("cp1251"))
    entries, problems = read_glossary(path)
    assert entries == [] and [(p.line, "not UTF-8" in p.message) for p in problems] == [(3, True)]


def test_load_raises_one_line_input_error_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("en\tuk\nPutin\t|Путін\nTrump\t|Трамп\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_glossaries([bad])
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"glossary {bad}:2: empty first form") and "1 more" in message


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_glossaries([tmp_path / "absent.tsv"])


def test_a_form_pinned_to_two_targets_across_files_is_refused(tmp_path: Path) -> None:
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    first.write_text("en\tuk\nAisin|Aysin\tАйсін\n", encoding="utf-8")
    second.write_text("en\tuk\nAysin\tАйсин\n", encoding="utf-8")
    expected = r"b.tsv:2: 'Aysin' \(en\) maps to 'Айсин' \(uk\) here but to 'Айсін' at .*a.tsv:2"
    with pytest.raises(InputError, match=expected):
        load_glossaries([first, second])


def test_same_form_in_entries_for_different_targets_is_not_a_conflict(tmp_path: Path) -> None:
    uk, ru = tmp_path / "x.en-uk.tsv", tmp_path / "x.en-ru.tsv"
    uk.write_text("Putin\tПутін\n", encoding="utf-8")
    ru.write_text("Putin\tПутин\n", encoding="utf-8")
    assert len(load_glossaries([uk, ru]).entries) == 2


def test_no_glossary_gives_an_empty_glossary() -> None:
    assert load_glossaries([]).entries == ()


def test_shipped_glossary_loads() -> None:
    glossary = load_glossaries([SHIPPED])
    labels = {e.label for e in glossary.entries}
    assert {"Ruslan Aisin", "Aisin", "SOCAR", "Sakhalin-1", "Budapest Memorandum", "Kremlin", "White House"} <= labels


def test_fingerprint_ignores_comments_but_not_forms_or_notes() -> None:
    base = parse_glossary(TABLE, "g.tsv")[0]
    commented = parse_glossary("# other comment\n" + TABLE, "h.tsv")[0]
    renoted = parse_glossary(TABLE.replace("guest", "the guest; she"), "g.tsv")[0]  # a note can change a form
    changed = parse_glossary(TABLE.replace("Руслан Айсін", "Руслан Айсин"), "g.tsv")[0]
    assert Glossary(tuple(base)).fingerprint() == Glossary(tuple(commented)).fingerprint()
    assert Glossary(tuple(base)).fingerprint() != Glossary(tuple(renoted)).fingerprint()
    assert Glossary(tuple(base)).fingerprint() != Glossary(tuple(changed)).fingerprint()


FORM = st.text(alphabet="abcdefghijklmnopqrstuvwxyzАБВабвгієїґ-' ", min_size=1, max_size=12).map(
    lambda s: " ".join(s.split())).filter(bool)
CELL = st.lists(FORM, min_size=0, max_size=3, unique=True)
LANGS = ("en", "uk", "ru")


@given(st.lists(st.tuples(CELL, CELL, CELL, CELL), min_size=1, max_size=6))
def test_written_table_parses_back_to_the_same_entries(rows: list[tuple[list[str], ...]]) -> None:
    rows = [r for r in rows if any(r)]
    text = "en\tuk\tru\tkeep\n" + "".join("\t".join("|".join(cell) for cell in row) + "\n" for row in rows)
    entries, problems = parse_glossary(text, "g.tsv")
    assert problems == []
    expected = [
        GlossaryEntry({lang: tuple(c) for lang, c in zip(LANGS, row[:3]) if c}, tuple(row[3]), path="g.tsv", line=n)
        for n, row in enumerate(rows, 2)
    ]
    assert entries == expected
