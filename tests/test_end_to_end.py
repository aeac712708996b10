"""The whole workflow on the sample interview, through the CLI, with real (tiny) Argos models.

The command line runs in-process (tests/in_process.py). Four tests keep a real `python -m translator` child,
because what they prove lives in the process: which modules it imports, what its exit by os._exit still
flushes and runs, what it draws on a terminal, and that a process with another hash seed writes the same bytes
(so does the session's second run, which must stop at once in a process of its own)."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, SampleRun
from tests.in_process import Done, child, environment
from tests.in_process import translator as in_process
from tests.readback import srt_cues, vtt_cues

TARGETS = ["uk", "ru"]
EXPECTED = [
    "interview-aisin.json",
    *[f"interview-aisin.{lang}.{ext}" for lang in TARGETS for ext in ("srt", "vtt")],
    *[f"interview-aisin.en-{lang}.{ext}"
      for lang in TARGETS for ext in ("srt", "md", "html", "csv", "docx", "tmx", "xlf", "omegat")],
]


def translator(*args: str, env_dir: Path, cwd: Path | None = None) -> Done:
    return in_process(*args, env=environment(ARGOS_PACKAGES_DIR=env_dir), cwd=cwd)


def translated(packages_dir: Path, folder: Path, name: str, text: str, to: str = "uk") -> Path:
    """`text` written as `folder/name` and run `--to` these languages into `folder/out`, which is returned."""
    source = folder / name
    source.write_text(text, "utf-8")
    done = translator("run", str(source), "--to", to, "--out", str(folder / "out"), env_dir=packages_dir)
    assert done.returncode == 0, done.stderr
    return folder / "out"


@pytest.fixture
def small_sample(tmp_path: Path) -> Path:
    """The sample's first lines under the sample's name: a run of a second, for what does not depend on length."""
    path = tmp_path / "in" / SAMPLE.name
    path.parent.mkdir()
    path.write_text("".join(SAMPLE.read_text("utf-8").splitlines(keepends=True)[:6]), "utf-8")
    return path


def test_run_writes_every_output(sample_run: SampleRun) -> None:
    out, done = sample_run.out, sample_run.first
    assert done.returncode == 0, done.stderr
    written = [p.name for p in out.iterdir() if p.suffix != ".sqlite" and not p.name.startswith(".")]
    assert sorted(written) == sorted(EXPECTED)


def test_a_run_whose_stderr_is_no_terminal_loads_no_progress_bar(packages_dir: Path, tmp_path: Path,
                                                                 small_sample: Path) -> None:
    """The bar shows only on a terminal, so where stderr is a pipe tqdm (0.065 s to import) is not loaded."""
    import os

    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(packages_dir), "PYTHONPROFILEIMPORTTIME": "1"}
    done = subprocess.run([sys.executable, "-m", "translator", "run", str(small_sample), "--to", "uk", "--out",
                           str(tmp_path)], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "translator.workflow" in imported  # the import log is there
    assert "tqdm" not in imported


def test_a_run_leaving_without_teardown_still_flushes_its_output_and_runs_exit_handlers(
    packages_dir: Path, tmp_path: Path, small_sample: Path
) -> None:
    """A finished command ends with os._exit (freeing the models cost 0.07-0.1 s): its summary on a pipe and
    the stage timings an exit handler writes must still come out."""
    import os

    timings = tmp_path / "timings.json"
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(packages_dir), "TRANSLATOR_TIMINGS": str(timings)}
    done = subprocess.run([sys.executable, "-m", "translator", "run", str(small_sample), "--to", "uk", "--out",
                           str(tmp_path / "out")], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "sentences translated" in done.stdout
    recorded = json.loads(timings.read_text("utf-8"))
    assert recorded["stages"]["translate"] > 0 and "decoding" in recorded["marks"]


def test_a_run_on_a_terminal_shows_its_progress_bar(packages_dir: Path, tmp_path: Path, small_sample: Path) -> None:
    import fcntl
    import os
    import struct
    import termios
    import threading

    main, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))  # tqdm draws nothing 0 wide
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(packages_dir)}
    env.pop("TQDM_DISABLE", None)
    child = subprocess.Popen([sys.executable, "-m", "translator", "run", str(small_sample), "--to", "uk", "--out",
                              str(tmp_path / "out")], stdout=subprocess.DEVNULL, stderr=terminal, env=env)
    os.close(terminal)
    shown = bytearray()

    def read() -> None:
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal's other end closed
                return
            if not chunk:
                return
            shown.extend(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    assert child.wait(timeout=600) == 0
    reader.join(timeout=30)
    os.close(main)
    assert b"translating interview-aisin.en.txt" in shown


def test_json_accounts_for_every_line(sample_run: SampleRun) -> None:
    out = sample_run.out
    result = json.loads((out / "interview-aisin.json").read_text("utf-8"))
    assert result["source"] == "en" and result["targets"] == TARGETS
    segments = result["segments"]
    assert len(segments) == 27
    assert [s["kind"] for s in segments].count("turn") == 18
    assert {s["speaker"] for s in segments if s["kind"] == "turn"} == {"Vitaliy Barvynenko", "Ruslan Aysin"}
    for segment in segments:
        assert set(segment) >= {"id", "kind", "speaker", "lang", "lang_confidence", "text", "sentences", "timing",
                                "translations", "flags"}
        if segment["kind"] == "turn":  # only turns are spoken, so only they are on the subtitles' timeline
            assert segment["timing"]["estimated"] is True
        else:
            assert segment["timing"] is None
        for lang in TARGETS:
            translation = segment["translations"][lang]
            assert translation["sentences"] and translation["text"]
            assert len(translation["alignment"]) == len(segment["sentences"])
    thanks = segments[-1]
    assert thanks["text"] == "Thank you for having me."
    assert thanks["translations"]["uk"]["text"].startswith("Дякую вам для")


def test_subtitles_read_back_with_other_libraries_and_hold_the_turns_only(sample_run: SampleRun) -> None:
    out = sample_run.out
    result = json.loads((out / "interview-aisin.json").read_text("utf-8"))
    not_spoken = [s["text"] for s in result["segments"] if s["kind"] != "turn"]
    for lang in TARGETS:
        data = (out / f"interview-aisin.{lang}.srt").read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
        cues = srt_cues(data)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(cues))
        assert [(start, end) for start, end, _ in vtt_cues((out / f"interview-aisin.{lang}.vtt").read_bytes())] == [
            (start, end) for start, end, _ in cues]
        limit = 39 if lang == "ru" else 42
        for _, _, text in cues:
            assert len(text.splitlines()) <= 2
            assert all(len(line) <= limit for line in text.splitlines()), text
        bilingual = srt_cues((out / f"interview-aisin.en-{lang}.srt").read_bytes())
        sources = " ".join(text for _, _, text in bilingual)
        assert not_spoken and not any(heading in sources for heading in not_spoken)


def test_same_input_gives_byte_identical_outputs(sample_run: SampleRun, packages_dir: Path, tmp_path: Path) -> None:
    """The session's run was in-process; this one is a real process, with its own hash seed: no output may
    depend on the order of a set of strings, or on anything else one process keeps."""
    out = sample_run.out
    done = child("run", str(SAMPLE), "--to", "uk,ru", "--out", str(tmp_path),
                 env=environment(ARGOS_PACKAGES_DIR=packages_dir))
    assert done.returncode == 0, done.stderr
    for path in out.rglob("*"):  # the OmegaT projects' files too
        if path.is_file() and not path.name.startswith("translator.sqlite"):
            name = path.relative_to(out)
            assert (tmp_path / name).read_bytes() == path.read_bytes(), name


def test_second_run_translates_nothing(sample_run: SampleRun) -> None:
    first, again = sample_run.first, sample_run.again
    assert " 0 sentences translated" not in first.stdout
    assert again.returncode == 0, again.stderr
    assert " 0 sentences translated" in again.stdout


def test_detect_json_lists_every_segment(packages_dir: Path) -> None:
    done = translator("detect", str(SAMPLE), "--json", env_dir=packages_dir)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == 27
    assert all(r["lang"] == "en" and r["file"] == str(SAMPLE) for r in records)


def test_mixed_language_transcript_translates_each_segment_from_its_own_language(
    packages_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "mixed.txt"
    source.write_text("Interview\nBarvynenko: Hello, friends! Thank you for joining us.\n"
                      "Aysin: Спасибо, друзья! Москва и Европа.\nBarvynenko: Good afternoon, Moscow.\n", "utf-8")
    done = translator("run", str(source), "--to", "uk", "--out", str(tmp_path / "out"), env_dir=packages_dir)
    assert done.returncode == 0, done.stderr
    segments = json.loads((tmp_path / "out" / "mixed.json").read_text("utf-8"))["segments"]
    assert [s["lang"] for s in segments] == ["en", "en", "ru", "en"]
    assert segments[2]["translations"]["uk"]["text"].startswith("Thanks")  # ru→en→uk pivot, leg by leg
    assert any(f["code"] == "other-language" for f in segments[2]["flags"])


def test_sample_with_glossary_pins_every_occurrence(packages_dir: Path, tmp_path: Path) -> None:
    import re

    glossary = SAMPLE.parents[1] / "glossaries" / "interview-aisin.tsv"
    done = translator("run", str(SAMPLE), "--to", "uk,ru", "--out", str(tmp_path), "--glossary", str(glossary),
                      env_dir=packages_dir)
    assert done.returncode == 0, done.stderr
    summary = re.search(r"glossary: (\d+) pinned, (\d+) uncertain, (\d+) missed \(uk\); "
                        r"(\d+) pinned, (\d+) uncertain, (\d+) missed \(ru\)", done.stdout)
    assert summary, done.stdout
    counts = list(map(int, summary.groups()))
    assert counts[2] == counts[5] == 0 and sum(counts[:3]) > 40 and sum(counts[3:]) > 40
    segments = json.loads((tmp_path / "interview-aisin.json").read_text("utf-8"))["segments"]
    for i, lang in enumerate(("uk", "ru")):  # the summary counts what S.json records, and every doubt is flagged
        hits = [(s, h) for s in segments for h in s["glossary"] if h["lang"] == lang]
        statuses = [h["status"] for _, h in hits]
        assert [statuses.count(st) for st in ("pinned", "uncertain", "missed")] == counts[3 * i:3 * i + 3]
        assert all(any(f["code"] == "glossary-uncertain" and f["lang"] == lang for f in s["flags"])
                   for s, h in hits if h["status"] == "uncertain")
    aisin = [hit for s in segments for hit in s["glossary"] if (hit["lang"] == "uk" and "Ai" in hit["source_text"])
             or (hit["lang"] == "uk" and "Ay" in hit["source_text"])]
    assert {"Ruslan Aisin", "Ruslan Aysin"} <= {hit["source_text"] for hit in aisin}
    assert {hit["target_text"] for hit in aisin} == {"Руслан Айсін"}


def test_glossary_check_reports_problems_with_line_numbers(tmp_path: Path, packages_dir: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("en\tuk\txx\nMoscow\tМосква\tM\nMoscow\tМосковія\tM\n", "utf-8")
    done = translator("glossary", "check", str(bad), env_dir=packages_dir)
    assert done.returncode == 1
    assert f"{bad}:1:" in done.stdout and f"{bad}:3:" in done.stdout
    good = translator("glossary", "check", str(SAMPLE.parents[1] / "glossaries" / "interview-aisin.tsv"),
                      env_dir=packages_dir)
    assert good.returncode == 0 and good.stdout.strip().endswith("ok")
