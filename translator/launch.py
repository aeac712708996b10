"""The `translator` console script and `python -m translator`: load the command line, then run it.

Loading the command line's modules takes 0.1-0.2 s; a Ctrl-C then used to end in a KeyboardInterrupt traceback.
Here it is an interrupt like any other: one line and exit 130 (translator/exits.py handles every later one).
"""

from __future__ import annotations

import os
import sys

INTERRUPTED = 130


def main() -> None:
    try:
        from translator.cli import main as run_command_line
    except KeyboardInterrupt:
        sys.stderr.write("translator: error: interrupted before anything was done\n")
        sys.stderr.flush()
        os._exit(INTERRUPTED)
    run_command_line()
