"""User-facing errors: each carries a one-line message the CLI prints before exiting non-zero."""

import errno


class TranslatorError(Exception):
    """Base of every error the user caused or can fix; the CLI prints it as one line, no traceback."""

    exit_code = 1


class InputError(TranslatorError):
    """The input file is missing, empty, binary, undecodable or malformed beyond repair."""

    exit_code = 2


class UsageError(TranslatorError):
    """An option has a value the tool cannot use (unknown language code, unwritable folder)."""

    exit_code = 2


class MissingPackageError(TranslatorError):
    """A translation direction needs an Argos package that is not installed."""

    exit_code = 3


class PackageError(TranslatorError):
    """An Argos package file is invalid, or the package index cannot be reached."""

    exit_code = 4


class ClusterError(TranslatorError):
    """A Ray cluster cannot be reached, or every worker it gave the run has died (the next run resumes)."""

    exit_code = 1


class MemoryFileError(TranslatorError):
    """The translation-memory file is corrupt or not ours: refuse it rather than overwrite it."""

    exit_code = 5


_NO_SPACE = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_NOT_WRITABLE = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})
_KEPT = "finished translations are kept in the memory and no output is half-written; run again to resume"


def describe_os_error(exc: OSError) -> str:
    """One line for a failure of the system rather than of the input: a full disk, a read-only folder."""
    where = f"{exc.filename}: " if exc.filename else ""
    if exc.errno in _NO_SPACE:
        return f"{where}no space left on the disk ({exc.strerror}); free some space: {_KEPT}"
    if exc.errno in _NOT_WRITABLE:
        return f"{where}cannot write ({exc.strerror}); {_KEPT}"
    return f"{where}{exc.strerror or exc}"


def describe_damaged_memory(exc: Exception) -> str | None:
    """One line for stored text SQLite cannot decode (bytes flipped in the file): damage its integrity check does
    not see, found only when the row is read. The text itself is not shown: it may hold control characters."""
    import re
    import sqlite3

    found = re.search(r"Could not decode to UTF-8 column '(\w+)'", str(exc))
    if not isinstance(exc, sqlite3.OperationalError) or found is None:
        return None
    return (f"the translation memory is damaged (a text in its column {found[1]} is not UTF-8); restore it from a "
            "backup, or pass another --memory")


def describe_database_error(exc: Exception) -> str | None:
    """One line for an SQLite failure the user can fix (a full disk, a read-only file); None for anything else."""
    import sqlite3

    if not isinstance(exc, sqlite3.OperationalError):
        return None
    text = str(exc)
    if "disk is full" in text or "disk I/O error" in text:
        return f"the translation memory cannot grow ({text}); free some space: {_KEPT}"
    if "readonly" in text or "read-only" in text:
        return f"the translation memory is read-only ({text}); make it writable, or pass another --memory"
    return None
