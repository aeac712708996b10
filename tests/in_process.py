"""The command line run inside the test process: `translator.cli.main` itself, under click's CliRunner isolation.

A `python -m translator` child costs 0.5-1 s before its first line (the interpreter, the imports, lingua's
tables, the models), and the suite ran hundreds of them. In-process the same `main` runs with the same click
group and the same mapping of every error to one stderr line and an exit code; the only difference is the
way out: a real process leaves through `exits.leave` (exit handlers, a flush, `os._exit`), which would end the
test process here, so `leave` raises SystemExit instead and the handlers registered for the real process's
exit are left alone. What only a real process shows (its imports, its exit handlers, its terminal, signals,
being killed, its own hash seed) stays tested through a real process: `child` runs one and gives the same `Done`.

`Done` has the attributes the tests read on subprocess.CompletedProcess, so a test reads the same either way.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn
from unittest import mock

from click.testing import CliRunner

from translator import cli, exits


@dataclass(frozen=True)
class Done:
    """A finished command: its arguments, exit code and the two streams as text (newlines as `text=True` reads
    them)."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str


def _leave_by_raising(code: int) -> NoReturn:
    raise SystemExit(code)


def _text(data: bytes) -> str:
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


@contextlib.contextmanager
def _working_directory(cwd: Path | None) -> Iterator[None]:
    if cwd is None:
        yield
    else:
        with contextlib.chdir(cwd):
            yield


def translator(*args: str, env: Mapping[str, str | None] | None = None, cwd: Path | None = None) -> Done:
    """Run `translator ARGS` in-process with these environment variables set (None: unset) and this working
    folder; restore both afterwards. An exception main lets through (a crash, which a real process would print
    as a traceback) propagates, so the test fails on it."""
    runner = CliRunner()
    code = 0
    with (runner.isolation(env=env) as (out, err, _), _working_directory(cwd),
          mock.patch.object(sys, "argv", ["translator", *args]), mock.patch.object(exits, "leave", _leave_by_raising)):
        try:
            cli.main()
        except SystemExit as exc:
            if exc.code is None:
                code = 0
            elif isinstance(exc.code, int):
                code = exc.code
            else:  # sys.exit("message"): Python prints it and exits 1
                sys.stderr.write(f"{exc.code}\n")
                code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        stdout, stderr = _text(out.getvalue()), _text(err.getvalue())
    return Done([*args], code, stdout, stderr)


def child(*args: str, env: Mapping[str, str | None] | None = None, cwd: Path | None = None) -> Done:
    """Run `python -m translator ARGS` as a real process, with these environment variables changed."""
    changed = dict(env or {})
    child_env = {name: value for name, value in os.environ.items() if changed.get(name, value) is not None}
    child_env.update({name: value for name, value in changed.items() if value is not None})
    done = subprocess.run([sys.executable, "-m", "translator", *args], capture_output=True, text=True, env=child_env,
                          cwd=cwd, timeout=600)
    return Done([*args], done.returncode, done.stdout, done.stderr)


def environment(**values: str | Path | None) -> dict[str, str | None]:
    """Environment overrides for `translator(env=...)`: paths as strings, None unsets. The Argos index is always
    the closed local port the suite's autouse fixture sets, so no command reaches the network."""
    return {"ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/",
            **{name: None if value is None else os.fspath(value) for name, value in values.items()}}
