"""Cue formatting: read tags out of a cue's text, and put them back on a translation of that text.

A cue's markup (`<i>`, `<b>`, `<font color=…>`, WebVTT `<c.class>`/`<v Name>`, ASS overrides `{\\an8}`) is parsed
into spans over the plain text. To re-apply it, every span is moved to the same relative place in the new text,
counted in whole words: a tag around the whole cue wraps the whole translation, a tag on the cue's last word
lands on the translation's last word. Rendering walks the new text once and opens/closes tags as the set
of active spans changes, so the output is always well nested, whatever the source did.

Text between tags is kept HTML-escaped in the neutral form `apply()` returns; `to_dialect()` turns that into
SRT (raw characters, SRT tags) or WebVTT (escaped, WebVTT tags), dropping tags the format does not know.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Literal

Dialect = Literal["srt", "vtt"]

TAG = re.compile(
    r"(?P<ass>\{\\[^{}]*\}|\{Y:[^{}]*\})"  # ASS override ({\an8}, {\b1}) or MicroDVD style ({Y:i})
    r"|(?P<time><(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}>)"  # WebVTT inline (karaoke) timestamp
    r"|(?P<tag><\s*(?P<close>/)?\s*(?P<name>[A-Za-z][\w]*)(?P<classes>(?:\.[\w\-]+)*)(?P<attrs>(?:\s[^<>]*)?)>)"
)
_ESCAPES = {"\\N": "\n", "\\h": "\u00a0"}  # ASS forced line break and hard space, used in SRT text
_ESCAPE = re.compile(r"\\[Nh]")
ALLOWED: dict[str, frozenset[str]] = {
    "srt": frozenset({"i", "b", "u", "s", "font"}),
    "vtt": frozenset({"i", "b", "u", "c", "v", "lang", "ruby", "rt"}),
}


@dataclass(frozen=True)
class Span:
    """A paired tag covering plain text [start, end); `order` keeps the source's nesting."""

    name: str
    open_tag: str
    start: int
    end: int
    order: int


@dataclass(frozen=True)
class Point:
    """A tag that sits at one place (an ASS override such as `{\\an8}` or `{\\b1}`)."""

    tag: str
    at: int


@dataclass
class Markup:
    """A cue's plain text and where its formatting goes."""

    text: str
    spans: list[Span] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    voices: list[str] = field(default_factory=list)


def _plain(chunk: str) -> str:
    return html.unescape(_ESCAPE.sub(lambda m: _ESCAPES[m.group()], chunk))


def _scan(raw: str) -> Markup:
    """Walk the raw cue text; closing tags pop back to their opener (closing anything opened after it)."""
    text: list[str] = []
    length = 0
    spans: list[Span] = []
    points: list[Point] = []
    voices: list[str] = []
    stack: list[tuple[str, str, int, int]] = []  # name, open tag, start, order of opening
    opened = position = 0
    for match in TAG.finditer(raw):
        chunk = _plain(raw[position:match.start()])
        text.append(chunk)
        length += len(chunk)
        position = match.end()
        if match["ass"]:
            points.append(Point(match["ass"], length))
        elif match["tag"]:
            name = match["name"].lower()
            if not match["close"]:
                stack.append((name, _normalise_open(match), length, opened))
                opened += 1
                if name == "v" and match["attrs"].strip():
                    voices.append(match["attrs"].strip())
            elif any(entry[0] == name for entry in stack):
                while stack:
                    open_name, tag, start, order = stack.pop()
                    spans.append(Span(open_name, tag, start, length, order))
                    if open_name == name:
                        break
        # inline timestamps carry karaoke timing, not formatting: they do not survive a translation
    text.append(_plain(raw[position:]))
    length += len(text[-1])
    spans.extend(Span(name, tag, start, length, order) for name, tag, start, order in stack)
    return Markup("".join(text), spans, points, voices)


def _normalise_open(match: re.Match[str]) -> str:
    """`< font  color="red" >` → `<font color="red">`; classes and annotations (`<v Name>`) are kept."""
    attrs = " ".join(match["attrs"].split())
    return f"<{match['name'].lower()}{match['classes']}{' ' + attrs if attrs else ''}>"


def _tidy(markup: Markup) -> Markup:
    """Strip each line, drop empty lines, and move the spans and points with the characters they mark."""
    lines = markup.text.split("\n")
    text = "\n".join(stripped for line in lines if (stripped := line.strip()))
    if not markup.spans and not markup.points:  # most cues: nothing to move
        return Markup(text, [], [], markup.voices)
    moved = _tidied_positions(lines)
    spans = [
        Span(s.name, s.open_tag, moved[s.start], moved[s.end], s.order)
        for s in markup.spans
        if moved[s.start] < moved[s.end]
    ]
    points = [Point(p.tag, moved[p.at]) for p in markup.points]
    return Markup(text, _join_neighbours(spans, text), points, markup.voices)


def _tidied_positions(lines: list[str]) -> list[int]:
    """Where each position of the lines joined by line breaks (end included) lands once `_tidy` has stripped
    them and dropped the empty ones."""
    moved: list[int] = []
    length = 0
    for number, line in enumerate(lines):
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        if stripped and length:
            length += 1  # the line break before this line
        moved.extend(length + min(max(i - lead, 0), len(stripped)) for i in range(len(line)))
        length += len(stripped)
        if number < len(lines) - 1:
            moved.append(length)  # the old line break
    moved.append(length)
    return moved


def _join_neighbours(spans: list[Span], text: str) -> list[Span]:
    """`<i>line one</i>\n<i>line two</i>` is one italic span: on a re-wrapped translation it must stay one."""
    joined: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.order)):
        match = next(
            (i for i, s in enumerate(joined) if s.open_tag == span.open_tag and not text[s.end:span.start].strip()
             and s.end <= span.start),
            None,
        )
        if match is None:
            joined.append(span)
        else:
            first = joined[match]
            joined[match] = Span(first.name, first.open_tag, first.start, span.end, first.order)
    return joined


def parse(raw: str) -> Markup:
    """Plain text (tags removed, entities decoded, lines stripped, empty lines dropped) and its formatting."""
    return _tidy(_scan(raw))


def _word_edges(text: str) -> tuple[list[int], list[int]]:
    starts = [i for i, ch in enumerate(text) if not ch.isspace() and (i == 0 or text[i - 1].isspace())]
    ends = [i + 1 for i, ch in enumerate(text) if not ch.isspace() and (i + 1 == len(text) or text[i + 1].isspace())]
    return starts, ends


def _cores(text: str, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
    """Each word's letters and digits without the punctuation around them (`«Odesa»,` → `Odesa`)."""
    core_starts, core_ends = [], []
    for start, end in zip(starts, ends):
        inner = [i for i in range(start, end) if text[i].isalnum()]
        core_starts.append(inner[0] if inner else start)
        core_ends.append(inner[-1] + 1 if inner else end)
    return core_starts, core_ends


class _Mapper:
    """Moves a position of the source text to the word boundary at the same relative place in the new text,
    counted in words: the third of five words stays about the middle word of the translation. A tag that stops
    short of a word's punctuation (`<i>Odesa region</i>.`) stops short of it in the translation too."""

    def __init__(self, source: str, target: str) -> None:
        self.source, self.same = source, source == target
        self.source_starts, source_ends = _word_edges(source)
        self.source_ends = _cores(source, self.source_starts, source_ends)[1]
        self.starts, self.ends = _word_edges(target)
        self.core_starts, self.core_ends = _cores(target, self.starts, self.ends)
        self.ratio = len(self.starts) / max(1, len(self.source_starts))
        self.target_len = len(target)

    def _words_before(self, at: int) -> int:
        """How many source words end (punctuation aside) at or before `at`, scaled to the new word count."""
        before = sum(1 for end in self.source_ends if end <= at)
        return min(len(self.starts), int(before * self.ratio + 0.5))

    def _inside_word(self, at: int) -> bool:
        return 0 < at < len(self.source) and not self.source[at - 1].isspace() and not self.source[at].isspace()

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.same:
            return start, end
        if not self.starts:
            return 0, 0
        first = min(self._words_before(start), len(self.starts) - 1)
        last = max(self._words_before(end), first + 1)
        begin = self.core_starts[first] if self._inside_word(start) else self.starts[first]
        finish = self.core_ends[last - 1] if self._inside_word(end) else self.ends[last - 1]
        return begin, max(finish, begin + 1)

    def point(self, at: int) -> int:
        if self.same or not self.starts:
            return min(at, self.target_len)
        words = self._words_before(at)
        # `{\b1}` before a word goes before a word; `{\b0}` after one goes after one
        if at < len(self.source) and not self.source[at].isspace():
            return self.starts[words] if words < len(self.starts) else self.target_len
        return self.ends[words - 1] if words else 0


def apply(markup: Markup, text: str, *, lead_points: bool = True) -> str:
    """`text` (plain, possibly several lines) with the markup's tags re-applied, in the neutral escaped form.

    `lead_points=False` leaves out overrides at the very start (`{\\an8}`), for a second block in the same cue.
    """
    if not markup.spans and not markup.points:  # most cues have no formatting at all
        return html.escape(text, quote=False)
    mapper = _Mapper(markup.text, text)
    spans = []
    for span in markup.spans:
        start, end = mapper.span(span.start, span.end)
        if start < end:
            spans.append((start, -end, span.order, span))
    spans.sort(key=lambda item: item[:3])
    points: dict[int, list[str]] = {}
    for point in markup.points:
        at = mapper.point(point.at)
        if at > 0 or lead_points:
            points.setdefault(at, []).append(point.tag)
    out: list[str] = []
    active: list[Span] = []
    for position in range(len(text) + 1):
        wanted = [span for start, neg_end, _, span in spans if start <= position < -neg_end]
        keep = 0
        while keep < min(len(active), len(wanted)) and active[keep] is wanted[keep]:
            keep += 1
        out.extend(f"</{span.name}>" for span in reversed(active[keep:]))
        out.extend(points.get(position, []))
        out.extend(span.open_tag for span in wanted[keep:])
        active = wanted
        if position < len(text):
            out.append(html.escape(text[position], quote=False))
    return "".join(out)


def to_dialect(neutral: str, dialect: Dialect) -> str:
    """Keep the tags `dialect` knows (ASS overrides only in SRT); SRT text is unescaped, WebVTT stays escaped."""
    out: list[str] = []
    position = 0
    for match in TAG.finditer(neutral):
        out.append(_text_for(neutral[position:match.start()], dialect))
        position = match.end()
        keep = dialect == "srt" if match["ass"] else bool(match["tag"]) and match["name"].lower() in ALLOWED[dialect]
        if keep:
            out.append(match.group())
    out.append(_text_for(neutral[position:], dialect))
    return "".join(out)


def _text_for(chunk: str, dialect: Dialect) -> str:
    return html.unescape(chunk) if dialect == "srt" else chunk


_LEAD_POINTS = re.compile(r"^(?:\{\\[^{}]*\})+")


def balance(groups: list[list[str]]) -> list[list[str]]:
    """Marked lines cut into several cues: each cue closes the tags still open at its end and the next reopens
    them, and a leading override such as `{\\an8}` (the cue's position) starts every cue."""
    first = _LEAD_POINTS.match(groups[0][0]) if groups and groups[0] else None
    lead = first.group() if first else ""
    out: list[list[str]] = []
    carried: list[str] = []
    for number, group in enumerate(groups):
        lines = list(group)
        if not lines:
            out.append(lines)
            continue
        prefix = "".join(carried)
        lines[0] = (lead if number and not lines[0].startswith(lead) else "") + prefix + lines[0]
        stack: list[tuple[str, str]] = []
        for match in TAG.finditer("\n".join(lines)):
            if not match["tag"]:
                continue
            name = match["name"].lower()
            if not match["close"]:
                stack.append((name, match.group()))
            elif any(open_name == name for open_name, _ in stack):
                while stack and stack.pop()[0] != name:
                    pass
        lines[-1] += "".join(f"</{name}>" for name, _ in reversed(stack))
        carried = [tag for _, tag in stack]
        out.append(lines)
    return out
