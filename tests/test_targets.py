"""A target equal to a document's own language is skipped with a notice, never written as a `S.uk-uk.*`
"translation" of the document into itself (issue #26, 9)."""

from __future__ import annotations

from pathlib import Path

import pytest

import translator
from tests.in_process import environment
from tests.in_process import translator as command
from translator.errors import UsageError

UKRAINIAN = "Розмова\n\nБарвиненко: Добрий день, друзі! Дякую вам.\nАйсін: Привіт. Війна, Росія, Європа.\n"


@pytest.mark.usefixtures("argos_env")
def test_the_default_targets_on_a_ukrainian_file_translate_it_into_russian_only(tmp_path: Path) -> None:
    source = tmp_path / "talk.txt"
    source.write_text(UKRAINIAN, "utf-8")
    [result] = translator.run([source], out=tmp_path / "out")  # --to uk,ru, the default
    names = sorted(path.name for path in result.written)
    assert names and not [name for name in names if "uk-uk" in name or name.endswith(".uk.srt")]
    assert "talk.uk-ru.csv" in names and "talk.ru.srt" in names
    assert result.report[0] == "skipped uk: talk.txt is already in uk"
    assert result.doc is not None and result.doc.targets == ["ru"]


def test_the_cli_says_which_target_it_skipped(packages_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "talk.txt"
    source.write_text(UKRAINIAN, "utf-8")
    done = command("run", str(source), "--to", "uk,en", "--out", str(tmp_path / "out"),
                   env=environment(ARGOS_PACKAGES_DIR=packages_dir))
    assert done.returncode == 0, done.stderr
    assert "skipped uk: talk.txt is already in uk" in done.stdout
    assert "(uk → en)" in done.stdout


@pytest.mark.usefixtures("argos_env")
def test_only_the_documents_own_language_as_target_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "talk.txt"
    source.write_text(UKRAINIAN, "utf-8")
    with pytest.raises(UsageError, match=r"talk.txt is already in uk: nothing to translate it into \(--to uk\)"):
        translator.run([source], to="uk", out=tmp_path / "out")
    assert not (tmp_path / "out").exists()  # refused before anything was written
