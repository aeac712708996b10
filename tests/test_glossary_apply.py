"""`translator glossary apply` and `check_translation`: the restore step on a translation made elsewhere, with no
model loaded, tested through the command line as a user meets it (in-process: tests/in_process.py)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.in_process import Done, translator
from translator.glossary import check_translation, load_glossaries

GLOSSARY_FILE = Path(__file__).resolve().parents[1] / "benchmarks" / "glossary_eval" / "glossary.tsv"
GLOSSARY = load_glossaries([GLOSSARY_FILE])


def apply(*args: str) -> Done:
    return translator("glossary", "apply", *args)


def files(tmp_path: Path, source: str, translation: str) -> list[str]:
    paths = [tmp_path / "source.txt", tmp_path / "translation.txt"]
    for path, text in zip(paths, (source, translation)):
        path.write_text(text, encoding="utf-8")
    return [str(p) for p in paths]


def test_names_are_pinned_in_the_case_each_line_needs(tmp_path: Path) -> None:
    paths = files(tmp_path, "Thank you, Ruslan.\nWe live in Kyiv.\nWe ate turkey.\n",
                  "Дякую, Руслан.\nМи живемо в Київ.\nМи їли індичку.\n")
    done = apply("--from", "en", "--to", "uk", "--glossary", str(GLOSSARY_FILE), *paths)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["Дякую, Руслане.", "Ми живемо в Києві.", "Ми їли індичку."]
    done = apply("--from", "en", "--to", "uk", "--glossary", str(GLOSSARY_FILE), *paths, "--json")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["line"], r["text"]) for r in records] == [(1, "Дякую, Руслане."), (2, "Ми живемо в Києві."),
                                                       (3, "Ми їли індичку.")]
    assert records[1]["glossary"] == [
        {"term": "Kyiv", "source_text": "Kyiv", "target_text": "Києві", "lang": "uk", "status": "pinned"}
    ]
    assert records[2]["glossary"] == []


def test_bad_input_is_one_line_and_a_non_zero_exit(tmp_path: Path) -> None:
    paths = files(tmp_path, "One.\nTwo.\n", "Один.\n")
    cases = [
        (["--from", "en", "--to", "ru", "--glossary", str(GLOSSARY_FILE), *paths], "2 lines"),
        (["--from", "en", "--to", "xx", "--glossary", str(GLOSSARY_FILE), *paths], "unknown language"),
        (["--from", "en", "--to", "ru", "--glossary", str(GLOSSARY_FILE), paths[0], str(tmp_path / "none.txt")],
         "no such file"),
        (["--from", "en", "--to", "ru", "--glossary", str(tmp_path / "none.tsv"), *paths], "no such file"),
    ]
    for args, message in cases:
        done = apply(*args)
        assert done.returncode != 0 and done.stdout == ""
        assert done.stderr.count("\n") == 1 and message in done.stderr, done.stderr


def test_a_correction_that_breaks_the_glossary_is_told_apart_from_one_that_keeps_it() -> None:
    source = "We met with Putin in Kyiv."
    kept = "Мы встретились с Путиным в Киеве."
    assert check_translation(GLOSSARY, source, kept, "en", "ru")[0] == kept
    broken = "Мы встретились с Путиным в Києві."  # a reviewer wrote the city the Ukrainian way
    text, hits = check_translation(GLOSSARY, source, broken, "en", "ru")
    assert text == kept and text != broken
    lost = "Мы встретились с президентом в Киеве."
    text, hits = check_translation(GLOSSARY, source, lost, "en", "ru")
    assert [(h.term, h.status) for h in hits] == [("Putin", "missed"), ("Kyiv", "kept")]
