"""WebVTT output: `HH:MM:SS.mmm` times, UTF-8, text escaped as the format requires.

A WebVTT input is written back as it was around its text: its header, STYLE, REGION and NOTE blocks in their
places, each cue's identifier and settings (`line:0 position:20% align:start`), and its times, overlaps included.
An SRT input's `{\\an8}` becomes `line:0` (see `subtitles.position`).
Text cannot break the file: it is escaped (`-->` becomes `--&gt;`) and has no blank line. `--plain-vtt` leaves
the STYLE and REGION blocks (and cues' `region:` settings) out: ffmpeg (5.1, tested) reads no cue at all from a
WebVTT file that has one (`ffmpeg -i S.vtt S.srt` writes an empty file, and burning it in shows nothing).
"""

from __future__ import annotations

from translator.document import Document
from translator.subtitles.cues import OutCue
from translator.subtitles.markup import to_dialect
from translator.subtitles.position import an_of_markup, vtt_settings
from translator.timecode import format_timestamp
from translator.writers.views import Views

SIGNATURE = "WEBVTT"


def _cue_block(cue: OutCue, plain: bool = False) -> str:
    lines = [text for text in (to_dialect(line, "vtt").strip() for line in cue.marked) if text]
    timing = f"{format_timestamp(cue.start_ms, '.')} --> {format_timestamp(cue.end_ms, '.')}"
    settings = cue.settings or _settings_of_override(cue)
    if plain:  # no region is defined any more
        settings = " ".join(part for part in settings.split() if not part.startswith("region:"))
    if settings:
        timing += f" {settings}"
    return "\n".join([*([cue.identifier] if cue.identifier else []), timing, *lines]) + "\n"


def _settings_of_override(cue: OutCue) -> str:
    """An SRT input's `{\\an8}` as the WebVTT settings that put the cue in the same place (`line:0`)."""
    an = an_of_markup(cue.marked[0] if cue.marked else None)
    return vtt_settings(an) if an is not None else ""


def _styles(block: str) -> bool:
    """A STYLE or REGION block (`--plain-vtt` leaves them out: ffmpeg drops every cue of a file with one)."""
    first = block.split("\n", 1)[0].strip()
    return first in ("STYLE", "REGION") or first.startswith(("STYLE ", "REGION "))


def render(doc: Document, lang: str, views: Views) -> bytes:
    """`S.L.vtt`: the same cues and times as `S.L.srt`, with a WebVTT input's own blocks and cue settings."""
    plain = views.layout.plain_vtt
    blocks = [(doc.header or SIGNATURE) + "\n"]
    pending = [(at, text) for at, text in doc.blocks if not (plain and _styles(text))]  # (cues before it, text)
    for cue in views.layout.cues:
        while pending and pending[0][0] <= cue.segment:
            blocks.append(pending.pop(0)[1] + "\n")
        blocks.append(_cue_block(cue, plain))
    blocks.extend(text + "\n" for _, text in pending)
    return "\n".join(blocks).encode("utf-8")
