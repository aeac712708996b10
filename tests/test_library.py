"""The Python API: `translator.run` writes exactly what `translator run` writes, reports progress through its
callback, and every example in docs/library.md (and so the README's "Library" section, which quotes it) runs as
printed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import translator
from tests.conftest import ROOT, SAMPLE
from tests.test_end_to_end import translator as cli
from translator.errors import UsageError

if TYPE_CHECKING:
    from translator.document import Document

GLOSSARY = ROOT / "glossaries" / "interview-aisin.tsv"
CUES = ("1\n00:00:01,000 --> 00:00:03,500\nGood afternoon, friends.\n\n"
        "2\n00:00:03,600 --> 00:00:06,000\nThe war in Europe\n\n"
        "3\n00:00:06,100 --> 00:00:08,000\nis not over. Thank you.\n")


def _outputs(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith("translator.sqlite")}


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A folder with the sample interview's first lines and a subtitle file whose sentences run over cues."""
    folder = tmp_path / "in"
    folder.mkdir()
    head = SAMPLE.read_text("utf-8").splitlines(keepends=True)[:5]
    (folder / SAMPLE.name).write_text("".join(head), "utf-8")
    (folder / "clip.srt").write_text(CUES, "utf-8")
    return folder


def test_the_library_writes_byte_identical_files_to_the_command(argos_env: Path, inputs: Path,
                                                                tmp_path: Path) -> None:
    by_cli = cli("run", str(inputs), "--to", "uk,ru", "--glossary", str(GLOSSARY), "--out", str(tmp_path / "cli"),
                 env_dir=argos_env)
    assert by_cli.returncode == 0, by_cli.stderr
    results = translator.run([inputs], to=["uk", "ru"], out=tmp_path / "lib", glossaries=[GLOSSARY])
    assert [r.path.name for r in results] == ["clip.srt", SAMPLE.name]
    from_cli, from_library = _outputs(tmp_path / "cli"), _outputs(tmp_path / "lib")
    # per input: S.json, 2 subtitle files, 7 others and an OmegaT project of 5 files per target
    assert len(from_cli) == 2 * (1 + 2 * 2 + 2 * 7 + 2 * 5)
    assert from_library == from_cli
    assert all(r.written and r.translated > 0 and r.doc is not None for r in results)
    # what the command printed is what the library reported
    for result in results:
        assert "\n".join(result.report) in by_cli.stdout


def test_progress_arrives_through_the_callback(argos_env: Path, inputs: Path, tmp_path: Path) -> None:
    events: list[translator.RunEvent] = []
    [first] = translator.run([inputs / "clip.srt"], to="uk", out=tmp_path, progress=events.append)
    started = events[0]
    assert isinstance(started, translator.Started) and started.sentences == first.translated > 0
    assert isinstance(events[-1], translator.Finished)
    assert sum(e.sentences for e in events if isinstance(e, translator.Translated)) == first.translated
    assert events[-1].result is first and not first.unchanged

    events.clear()
    [again] = translator.run([inputs / "clip.srt"], to="uk", out=tmp_path, progress=events.append)
    assert again.unchanged and again.doc is None and again.written == first.written
    assert events == [translator.Finished(again)]


def test_a_folder_decodes_each_document_while_the_one_before_is_written_and_writes_as_runs_one_by_one_do(
        argos_env: Path, inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (inputs / "thanks.txt").write_text("Thank you. The war in Europe is not over.\n", "utf-8")  # as clip.srt
    one_by_one = tmp_path / "one-by-one"
    for name in ("clip.srt", SAMPLE.name, "thanks.txt"):  # a folder's order, one memory
        translator.run([inputs / name], to=["uk", "ru"], out=one_by_one, glossaries=[GLOSSARY])

    from translator.outputs import write_document as write
    from translator.pipeline import DocumentTranslation

    order: list[str] = []
    start = DocumentTranslation.start

    def decoding(translation: DocumentTranslation) -> None:
        order.append("decode")
        start(translation)

    def writing(doc: Document, *args: Any) -> list[Path]:
        order.append(f"write {Path(doc.path).name}")
        return write(doc, *args)

    monkeypatch.setattr(DocumentTranslation, "start", decoding)
    monkeypatch.setattr("translator.workflow.write_document", writing)
    results = translator.run([inputs], to=["uk", "ru"], out=tmp_path / "folder", glossaries=[GLOSSARY])
    assert [r.path.name for r in results] == ["clip.srt", SAMPLE.name, "thanks.txt"]
    assert order == ["decode", "decode", "write clip.srt", "decode", f"write {SAMPLE.name}", "write thanks.txt"]
    assert _outputs(tmp_path / "folder") == _outputs(one_by_one)


def test_bad_arguments_raise_the_errors_the_command_prints(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown language code in --to: 'xx'"):
        translator.run([SAMPLE], to=["xx"], out=tmp_path)
    with pytest.raises(UsageError, match="unknown --device 'tpu'"):
        translator.run([SAMPLE], to="uk", out=tmp_path, device="tpu")


def _python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, re.DOTALL)


def _library_blocks() -> list[str]:
    return _python_blocks((ROOT / "docs" / "library.md").read_text("utf-8"))


def test_the_readme_library_examples_are_quoted_from_docs_library() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("\n## Library\n", 1)[1].split("\n## ", 1)[0]
    quoted = _python_blocks(section)
    assert quoted
    assert all(block in _library_blocks() for block in quoted), "the README quotes examples from docs/library.md"


def test_the_library_examples_run_as_printed(argos_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    blocks = _library_blocks()
    assert len(blocks) >= 4
    for folder in ("examples", "glossaries"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "docs/library.md", "exec"), namespace)
    printed = capsys.readouterr().out
    assert "interview-aisin.en.txt" in printed and "glossary: " in printed
    assert (tmp_path / "output" / "interview-aisin.uk.srt").is_file()
