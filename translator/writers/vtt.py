"""WebVTT output: `HH:MM:SS.mmm` times, UTF-8, text escaped as the format requires.

A WebVTT input is written back as it was around its text: its header, STYLE, REGION and NOTE blocks in their
places, each cue's identifier and settings (`line:0 position:20% align:start`), and its times, overlaps included.
An SRT input's `{\\an8}` becomes `line:0` (see `subtitles.position`).
Text cannot break the file: it is escaped (`-->` becomes `--&gt;`) and has no blank line.
"""

from __future__ import annotations

from translator.document import Document
from translator.subtitles.cues import OutCue
from translator.subtitles.markup import to_dialect
from translator.subtitles.position import an_of_markup, vtt_settings
from translator.timecode import format_timestamp
from translator.writers.views import Views

SIGNATURE = "WEBVTT"


def _cue_block(cue: OutCue) -> str:
    lines = [text for text in (to_dialect(line, "vtt").strip() for line in cue.marked) if text]
    timing = f"{format_timestamp(cue.start_ms, '.')} --> {format_timestamp(cue.end_ms, '.')}"
    settings = cue.settings or _settings_of_override(cue)
    if settings:
        timing += f" {settings}"
    return "\n".join([*([cue.identifier] if cue.identifier else []), timing, *lines]) + "\n"


def _settings_of_override(cue: OutCue) -> str:
    """An SRT input's `{\\an8}` as the WebVTT settings that put the cue in the same place (`line:0`)."""
    an = an_of_markup(cue.marked[0] if cue.marked else None)
    return vtt_settings(an) if an is not None else ""


def render(doc: Document, lang: str, views: Views) -> bytes:
    """`S.L.vtt`: the same cues and times as `S.L.srt`, with a WebVTT input's own blocks and cue settings."""
    blocks = [(doc.header or SIGNATURE) + "\n"]
    pending = list(doc.blocks)  # (cues before it, text), in file order
    for cue in views.layout.cues:
        while pending and pending[0][0] <= cue.segment:
            blocks.append(pending.pop(0)[1] + "\n")
        blocks.append(_cue_block(cue))
    blocks.extend(text + "\n" for _, text in pending)
    return "\n".join(blocks).encode("utf-8")
