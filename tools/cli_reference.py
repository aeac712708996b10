"""Write docs/cli.md, the command reference, from the commands' own `--help`.

    python -m tools.cli_reference           # (re)write docs/cli.md
    python -m tools.cli_reference --check   # exit 1 when docs/cli.md is not what the commands print

Every command's and subcommand's help is rendered in-process through click, the way `--help` renders it, at a
fixed width (that of any terminal 80 columns or wider), so the page does not depend on the terminal it was made
in. Only the click group's public name (`translator.cli.app`) and click's own API are used: the reference
follows the commands, not how the command line is built inside. tests/test_cli_reference.py runs the check.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "docs" / "cli.md"
PROG = "translator"
WIDTH = 78  # click's help width in a terminal of 80 columns or more: min(columns, 80) - 2

HEADER = """\
# Command reference

Every command's `--help`, exactly as `translator` prints it in a terminal 80 columns wide or wider. The exit
codes are in the [README](../README.md#exit-codes); the review loop is in [review.md](review.md).

This page is generated from the commands themselves by `python -m tools.cli_reference`; do not edit it by hand.
`tests/test_cli_reference.py` fails when it differs from what the commands print.
"""


def _group() -> click.Group:
    from translator.cli import app

    return app


def walk(command: click.Command, name: str, parent: click.Context | None) -> Iterator[click.Context]:
    """The context of `command` and then of each of its subcommands, depth first, in the order --help lists them."""
    ctx = command.make_context(name, [], parent=parent, resilient_parsing=True,
                               terminal_width=WIDTH, max_content_width=WIDTH)
    yield ctx
    if isinstance(command, click.Group):
        for sub_name in command.list_commands(ctx):
            sub = command.get_command(ctx, sub_name)
            if sub is not None and not sub.hidden:
                yield from walk(sub, sub_name, ctx)


def _anchor(title: str) -> str:
    return title.lower().replace(" ", "-")


def render(group: click.Group | None = None) -> str:
    """docs/cli.md's text: a contents list, then each command's help in a text block under its own heading."""
    contexts = list(walk(group or _group(), PROG, None))
    lines = [HEADER]
    for ctx in contexts:
        depth = ctx.command_path.count(" ")
        lines.append(f"{'  ' * depth}- [`{ctx.command_path}`](#{_anchor(ctx.command_path)})")
    for ctx in contexts:
        text = ctx.command.get_help(ctx).rstrip()
        lines += ["", f"## {ctx.command_path}", "", "```text", text, "```"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.cli_reference", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when docs/cli.md differs from what the commands print")
    args = parser.parse_args(argv)
    text = render()
    where = REFERENCE.relative_to(ROOT)
    if args.check:
        if not REFERENCE.is_file() or REFERENCE.read_text("utf-8") != text:
            print(f"{where} is out of date: run `python -m tools.cli_reference`", file=sys.stderr)
            return 1
        print(f"{where} is up to date")
        return 0
    REFERENCE.parent.mkdir(exist_ok=True)
    if REFERENCE.is_file() and REFERENCE.read_text("utf-8") == text:
        print(f"{where} unchanged")
    else:
        REFERENCE.write_text(text, "utf-8")
        print(f"wrote {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
