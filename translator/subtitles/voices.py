"""Dialogue in subtitles: WebVTT voices (`<v Fred>`) one a line stay a dialogue, and every dialogue line starts
with the dash of the language it is written in.

In WebVTT the voices tell the speakers apart; SubRip has no voices, so there each voice's line starts with the
dialogue dash of the cue's language, as subtitle editors mark two speakers in one cue (one speaker a line).
"""

from __future__ import annotations

import re

# The dash that starts each speaker's line of a two-speaker cue. English subtitles write a hyphen and a space
# (`- Who?`), the common SubRip convention (Netflix's English guide writes it without the space). Ukrainian and
# Russian write dialogue with a dash and a space, as their typesetting does (Мильчин, Чельцова, "Справочник
# издателя и автора", on dialogue; Український правопис 2019, on dialogue punctuation); the em dash is the book
# form (Netflix's Russian guide writes a hyphen without a space).
DIALOGUE_DASHES = {"en": "- ", "uk": "— ", "ru": "— "}
_LEADING_DASH = re.compile(r"^[-–—]\s*")
_VOICE_START = re.compile(r"^<v[.\s]", re.IGNORECASE)


def voice_lines(markup: str | None) -> list[str] | None:
    """The raw lines of a cue whose every line opens a voice, when it has two lines or more; else None."""
    lines = [line.strip() for line in (markup or "").split("\n") if line.strip()]
    if len(lines) < 2 or not all(_VOICE_START.match(line) for line in lines):
        return None
    return lines


def is_voice_line(marked: str) -> bool:
    """Whether a cue's line (neutral form) opens a voice."""
    return bool(_VOICE_START.match(marked))


def dialogue_dash(lang: str | None) -> str:
    """The dash (and space) that starts a speaker's line in `lang`."""
    return DIALOGUE_DASHES.get(lang or "", "- ")


def with_dash(line: str, dash: str) -> str:
    """`line` starting with `dash`, in place of any dialogue dash it had."""
    return dash + _LEADING_DASH.sub("", line)


_SPEAKER_DASH = re.compile(r"^[-–—](?:\s|(?=[^\W\d_]))")  # `- Who?`, `—Who?`; not `-5`


def dialogue_lines(lines: list[str], lang: str | None) -> list[str]:
    """Lines of a dialogue (a line starting with a speaker's dash) with `lang`'s dialogue dash on each."""
    dash = dialogue_dash(lang)
    return [with_dash(line, dash) if _SPEAKER_DASH.match(line) else line for line in lines]
