"""`S.L.ass`: Advanced SubStation Alpha for Aegisub and ffmpeg's burn-in with styles, written by pysubs2.

One `Default` style at the bottom centre, and one style per other position a cue asks for (`Top` for `{\\an8}` or
WebVTT `line:0`), so a placed caption stays where it was and an editor changes a whole position at once. Lines
are joined by `\\N`; italic, bold and underline become `{\\i1}`…`{\\i0}`. ASS times are centiseconds: each cue's
millisecond times are rounded to the nearest hundredth, the format's own resolution. Braces and backslashes in the
text, which ASS would read as override tags, are written as `(`, `)` and `⧵` (U+29F5).
"""

from __future__ import annotations

import html

import pysubs2

from translator.document import Document
from translator.subtitles.markup import TAG
from translator.subtitles.position import BOTTOM, alignment
from translator.writers.timed_text import cue_lines
from translator.writers.views import Views

STYLE_NAMES = {1: "BottomLeft", 2: "Default", 3: "BottomRight", 4: "MiddleLeft", 5: "Middle", 6: "MiddleRight",
               7: "TopLeft", 8: "Top", 9: "TopRight"}
_TAGS = {"i": "i", "b": "b", "u": "u", "s": "s"}
_UNSAFE = str.maketrans({"{": "(", "}": ")", "\\": "\u29f5"})
PLAY_RES = (1920, 1080)  # the canvas styles are sized in; players scale it to the video


def _ass_line(marked: str) -> str:
    """A marked line (neutral form: escaped text and tags) in ASS: text made safe, `<i>`, `<b>`, `<u>`, `<s>` as
    override tags, every other tag and override left out."""
    out, position = [], 0
    for match in TAG.finditer(marked):
        out.append(html.unescape(marked[position:match.start()]).translate(_UNSAFE))
        position = match.end()
        name = (match["name"] or "").lower()
        if match["tag"] and name in _TAGS:
            out.append(f"{{\\{_TAGS[name]}{0 if match['close'] else 1}}}")
    out.append(html.unescape(marked[position:]).translate(_UNSAFE))
    return "".join(out)


def _style(position: int) -> pysubs2.SSAStyle:
    style = pysubs2.SSAStyle(fontname="Arial", fontsize=64, alignment=pysubs2.Alignment(position), outline=3,
                             shadow=0, marginl=96, marginr=96, marginv=54)
    return style


def render(doc: Document, lang: str, views: Views) -> bytes:
    """The ASS script of the cues of `S.L.srt`."""
    subs = pysubs2.SSAFile()
    subs.info["PlayResX"], subs.info["PlayResY"] = str(PLAY_RES[0]), str(PLAY_RES[1])
    subs.info["Language"] = lang
    subs.styles = {STYLE_NAMES[BOTTOM]: _style(BOTTOM)}
    for cue in views.layout.cues:
        position = alignment(cue)
        name = STYLE_NAMES[position]
        if name not in subs.styles:
            subs.styles[name] = _style(position)
        text = r"\N".join(_ass_line(line) for line in cue_lines(cue))
        subs.events.append(pysubs2.SSAEvent(start=cue.start_ms, end=cue.end_ms, text=text, style=name))
    return subs.to_string("ass").encode("utf-8")
