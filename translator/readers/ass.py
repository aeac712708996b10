"""Advanced SubStation Alpha input (`.ass`, `.ssa`), read by pysubs2.

Each dialogue event becomes a cue (comments are left out), in time order, its times in milliseconds (ASS writes
centiseconds). pysubs2's own tag parser gives the text: `{\\i1}`, `{\\b1}`, `{\\u1}` and italic, bold or
underlined styles become `<i>`, `<b>`, `<u>`; `\\N` ends a line; other override tags are dropped. The position is
the event's `{\\anN}` (or SSA's `{\\aN}`), else its style's alignment, carried as `{\\anN}` as an SRT file does.
A file pysubs2 cannot read is refused in one line.
"""

from __future__ import annotations

import re

import pysubs2
from pysubs2.formats.substation import parse_tags

from translator.document import Document
from translator.errors import InputError
from translator.readers.timed_cues import ReadCue, document, escape

_SECTION = re.compile(r"^\s*\[(?:Script Info|V4\+? Styles|Events)\]", re.IGNORECASE | re.MULTILINE)
_AN = re.compile(r"\{[^{}]*\\an([1-9])[^{}]*\}")
_A = re.compile(r"\{[^{}]*\\a(\d{1,2})[^{}]*\}")
_SSA_ALIGN = {1: 1, 2: 2, 3: 3, 5: 7, 6: 8, 7: 9, 9: 4, 10: 5, 11: 6}  # SSA's {\aN} to the keypad


def guess(text: str) -> bool:
    """ASS or SSA when a `[Script Info]`, styles or `[Events]` section opens a line."""
    return bool(_SECTION.search(text[:20000]))


def _position(event: pysubs2.SSAEvent, style: pysubs2.SSAStyle) -> int:
    found = _AN.search(event.text)
    if found:
        return int(found[1])
    legacy = _A.search(event.text)
    if legacy and int(legacy[1]) in _SSA_ALIGN:
        return _SSA_ALIGN[int(legacy[1])]
    return int(style.alignment)


def _lines(event: pysubs2.SSAEvent, style: pysubs2.SSAStyle, styles: dict[str, pysubs2.SSAStyle]) -> tuple[str, ...]:
    """The event's text in SRT markup, one string a line."""
    out: list[str] = []
    for fragment, look in parse_tags(event.text, style, styles):
        if not fragment:
            continue
        text = escape(fragment.replace("\\h", "\u00a0"))
        text = re.sub(r"\\[Nn]", "\n", text)
        tags = [name for name, on in (("i", look.italic), ("b", look.bold), ("u", look.underline)) if on]
        out.append("".join(f"<{name}>" for name in tags) + text + "".join(f"</{name}>" for name in reversed(tags)))
    return tuple("".join(out).split("\n"))


def parse(text: str, path: str) -> Document:
    """Read an ASS/SSA script into cue segments, the same as an SRT file of the same cues."""
    try:
        subs = pysubs2.SSAFile.from_string(text)
    except Exception as exc:  # pysubs2's format and parse errors
        raise InputError(f"{path}: not an ASS/SSA script pysubs2 can read ({exc})") from None
    cues = []
    for number, event in enumerate(subs.events, start=1):
        if event.is_comment:
            continue
        style = subs.styles.get(event.style, pysubs2.SSAStyle.DEFAULT_STYLE)
        cues.append(ReadCue(event.start, event.end, _lines(event, style, subs.styles), _position(event, style), number))
    if not cues:
        raise InputError(f"{path}: no dialogue event in the ASS/SSA script")
    return document(path, "ass", cues, [])
