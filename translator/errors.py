"""User-facing errors: each carries a one-line message the CLI prints before exiting non-zero."""


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


class MemoryFileError(TranslatorError):
    """The translation-memory file is corrupt or not ours: refuse it rather than overwrite it."""

    exit_code = 5
