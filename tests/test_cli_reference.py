"""docs/cli.md is the commands' own --help (tools/cli_reference.py), and the README names every command."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from tools.cli_reference import REFERENCE, WIDTH, render, walk
from translator.cli import app

ROOT = Path(__file__).resolve().parents[1]


def test_docs_cli_md_is_what_the_commands_print() -> None:
    assert REFERENCE.is_file(), "docs/cli.md is missing: run `python -m tools.cli_reference`"
    assert REFERENCE.read_text("utf-8") == render(), \
        "docs/cli.md differs from the commands' --help: run `python -m tools.cli_reference`"


def test_the_reference_is_the_help_screen_click_prints() -> None:
    """The rendered block is byte for byte what `translator run --help` writes (same width, same defaults)."""
    printed = CliRunner().invoke(app, ["run", "--help"], prog_name="translator", terminal_width=WIDTH)
    assert printed.exit_code == 0
    block = render().split("\n## translator run\n\n```text\n", 1)[1].split("\n```", 1)[0]
    assert block == printed.output.rstrip()


def test_the_readme_names_every_command() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    commands = readme.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    leaves = [ctx.command_path for ctx in walk(app, "translator", None) if not isinstance(ctx.command, click.Group)]
    assert len(leaves) >= 10
    missing = [path for path in leaves if path not in commands]
    assert not missing, f"README's Commands section does not mention {missing}"
