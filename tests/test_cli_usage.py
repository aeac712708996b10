"""Command-line mistakes: one line on stderr, exit code 2, no traceback. The command line runs in-process
(tests/in_process.py); `--version` also goes through the installed `translator` script, as a user runs it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.in_process import Done, environment
from tests.in_process import translator as in_process
from translator import __version__

SCRIPT = Path(sys.executable).with_name("translator")


def translator(*args: str) -> Done:
    return in_process(*args, env=environment(COLUMNS="80"))


def script(*args: str) -> subprocess.CompletedProcess[str]:
    """The console script as a user runs it (`python -m translator` where the script is not installed)."""
    command = [str(SCRIPT)] if SCRIPT.is_file() else [sys.executable, "-m", "translator"]
    env = {**os.environ, "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/", "COLUMNS": "80"}
    return subprocess.run([*command, *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["runn", "talk.txt"], ["No such command 'runn'", "Did you mean 'run'?"]),
        (["run"], ["Missing argument", "translator run --help"]),
        (["run", "talk.txt", "--bogus"], ["No such option '--bogus'"]),
        (["detect", "talk.txt", "--jsn"], ["No such option '--jsn'", "Did you mean '--json'?"]),
        (["run", "talk.txt", "--beam-size", "four"], ["Invalid value for '--beam-size'"]),
        (["run", "talk.txt", "--beam-size", "99"], ["Invalid value for '--beam-size'", "16"]),
        (["run", "talk.txt", "--to"], ["'--to' requires an argument"]),
        (["review", "imprt", "talk.en-uk.csv"], ["No such command 'imprt'", "'import'"]),
        (["--verbose"], ["No such option '--verbose'"]),
        (["run", "talk.txt", "--device", "gpu"], ["--device 'gpu'", "cpu or cuda"]),
    ],
)
def test_a_usage_mistake_is_one_line_and_exit_code_2(args: list[str], words: list[str]) -> None:
    done = translator(*args)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("translator: error: ")
    for word in words:
        assert word in lines[0]
    assert done.stdout == ""


def test_version() -> None:
    done = translator("--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"translator {__version__}\n", "")


def test_the_installed_script_prints_the_version_and_a_usage_mistake() -> None:
    """The entry point as a user runs it: its output comes out though the process leaves by os._exit."""
    done = script("--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"translator {__version__}\n", "")
    done = script("runn", "talk.txt")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("translator: error: No such command 'runn'") and done.stderr.count("\n") == 1


def _option_entries(help_text: str) -> list[str]:
    """The entries of a help screen's Options section, each with its wrapped continuation lines joined."""
    entries: list[str] = []
    for line in help_text.split("Options:\n", 1)[1].splitlines():
        if re.match(r"^  --", line):
            entries.append(line.strip())
        elif line.startswith("   ") and entries:
            entries[-1] += " " + line.strip()
    return entries


@pytest.mark.parametrize(
    "command", [["run"], ["detect"], ["review", "import"], ["review", "status"], ["review", "undo"]]
)
def test_help_shows_the_default_of_every_option_that_takes_a_value(command: list[str]) -> None:
    done = translator(*command, "--help")
    assert done.returncode == 0, done.stderr
    takes_a_value = [entry for entry in _option_entries(done.stdout) if re.match(r"^--[\w-]+ [A-Z]", entry)]
    assert takes_a_value
    for entry in takes_a_value:
        assert "[default: " in entry, entry


@pytest.mark.parametrize(
    ("direction", "words"),
    [
        ("en-ua", ["'ua' is not a language code", "Ukrainian is 'uk'", "translator models install en-uk"]),
        ("uk-ru", ["no uk-ru package", "through English", "translator models install uk-en en-ru"]),
        ("ru-uk", ["no ru-uk package", "translator models install ru-en en-uk"]),
        ("en-de", ["unknown language code 'de'"]),
    ],
)
def test_models_install_explains_a_direction_it_cannot_fetch_without_the_network(
    direction: str, words: list[str]
) -> None:
    """The index URL points at a closed loopback port: going to the network would fail with exit code 4, and
    the valid en-uk before the mistake is not fetched either."""
    done = translator("models", "install", "en-uk", direction)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    for word in words:
        assert word in lines[0]


def test_a_command_group_alone_prints_its_commands() -> None:
    done = translator("models")
    assert done.returncode == 2
    assert "install" in done.stdout + done.stderr and "Traceback" not in done.stderr
