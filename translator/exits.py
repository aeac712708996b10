"""How a `translator` command ends: every mistake one line on stderr and a documented exit code, never a
traceback, and the process left without tearing the interpreter down (`leave`).

Exit codes: 0 done; a `TranslatorError`'s own code (translator/errors.py: 2 a bad input or usage, 3 a missing
package, 4 a bad package, 5 a memory file that is not ours); click's code for a usage mistake it found; 1 an OS
or database error, or an abort; 130 interrupted (Ctrl-C), the finished translations kept in the memory.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any, NoReturn

import click

from translator.errors import (
    MemoryFileError,
    TranslatorError,
    UsageError,
    describe_damaged_memory,
    describe_database_error,
    describe_os_error,
)

INTERRUPTED = 130
INTERRUPTED_MESSAGE = "interrupted; finished translations are kept in the memory, run again to resume"


class Interrupted(BaseException):
    """Ctrl-C on its way past click: click answers a KeyboardInterrupt with a blank line on stderr (closing a
    terminal's `^C` echo) and an Abort, which in a pipe or a log is a second line. `CommandGroup` raises this
    instead, and `run_and_exit` writes the one line itself (after a newline on a terminal, as click did)."""


class CommandGroup(click.Group):
    """The top `translator` group: a Ctrl-C in parsing or in a command reaches `run_and_exit` as `Interrupted`."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except KeyboardInterrupt as exc:
            raise Interrupted from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            raise Interrupted from exc


def say(message: str) -> None:
    """One line on stderr."""
    click.echo(message, err=True)


def _remember_interrupts(interrupted: threading.Event) -> None:
    """Ctrl-C raises KeyboardInterrupt as it always does, and is remembered: C code it lands in may turn it into
    another error (CTranslate2's import then fails with ImportError "initialization failed"), which must still
    end as an interrupt. Only the main thread can set a signal handler."""
    if threading.current_thread() is not threading.main_thread():
        return

    def interrupt(signum: int, frame: object) -> None:
        interrupted.set()
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)


def run_and_exit(command: Callable[[], int | None]) -> NoReturn:
    """Run a click command (`standalone_mode=False`, so it returns its exit code and raises its mistakes) and
    end the process with its code, turning every mistake into one line on stderr and its exit code."""
    interrupted = threading.Event()
    _remember_interrupts(interrupted)
    try:
        code = command() or 0
    except TranslatorError as exc:
        fail(str(exc), exc.exit_code)
    except (KeyboardInterrupt, Interrupted):
        _interrupted()
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort as exc:
        if isinstance(exc.__context__, KeyboardInterrupt):  # click turns Ctrl-C into Abort
            fail(INTERRUPTED_MESSAGE, INTERRUPTED)
        fail("aborted", 1)
    except click.ClickException as exc:
        _usage_mistake(exc)
    except OSError as exc:
        fail(describe_os_error(exc), 1)
    except Exception as exc:
        if interrupted.is_set():
            _interrupted()
        damaged = describe_damaged_memory(exc)
        if damaged is not None:
            fail(damaged, MemoryFileError.exit_code)
        message = describe_database_error(exc)
        if message is None:
            raise
        fail(message, 1)
    leave(code)


def leave(code: int) -> NoReturn:
    """End a command, done or stopped by a clear error, without tearing the interpreter down: its files are
    written and closed (an error has unwound every `with` on its way here), freeing the loaded models and the
    language detector's tables object by object cost 0.07-0.1 s of every run, and the engine may still hold
    the next document's batches, which a teardown would wait for. Exit handlers still run
    (`TRANSLATOR_TIMINGS`, logging) and the standard streams are flushed."""
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):  # a reader that closed the pipe (`| head`) wanted no more
            stream.flush()
    os._exit(code)


def fail(message: str, code: int) -> NoReturn:
    """Say what went wrong on one line and leave with `code`."""
    say(f"translator: error: {' '.join(message.split())}")
    leave(code)


def _interrupted() -> NoReturn:
    """The one line of an interrupt, on a line of its own after a terminal's `^C`."""
    with contextlib.suppress(OSError, ValueError):
        if sys.stderr.isatty():
            sys.stderr.write("\n")
    fail(INTERRUPTED_MESSAGE, INTERRUPTED)


def _usage_mistake(exc: click.ClickException) -> NoReturn:
    """One line: what is wrong (click names the closest command or option), and where the help is."""
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):  # a group given nothing to do: its help is the answer
        exc.show()
        sys.exit(exc.exit_code)
    ctx = getattr(exc, "ctx", None)
    hint = f" (see {ctx.command_path} --help)" if ctx is not None else ""
    fail(exc.format_message() + hint, exc.exit_code if isinstance(exc, click.UsageError) else UsageError.exit_code)
