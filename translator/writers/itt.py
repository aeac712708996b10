"""`S.L.itt`: Apple iTunes Timed Text, the TTML profile Final Cut Pro imports as captions, written by ttconv.

With `--fps` the times are SMPTE time codes in frames (`ttp:timeBase="smpte"`, `ttp:frameRate`,
`ttp:frameRateMultiplier="1000 1001"` for 23.976 and 29.97, `ttp:dropMode="nonDrop"`, `HH:MM:SS:FF`), as Apple's
iTT files carry them (https://help.apple.com/itc/filmspec/ , "iTunes Timed Text"); each time is the frame nearest
the cue's millisecond time. Without `--fps` the frame rate is unknown, so the times stay clock times to the
millisecond (`ttp:timeBase="media"`, which TTML and ttconv read alike). Regions are named `top` and `bottom`, as
Final Cut Pro names them; `xml:lang` names the language.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from fractions import Fraction

from ttconv.imsc import config as imsc_config
from ttconv.imsc.attributes import TimeExpressionSyntaxEnum
from ttconv.time_code import SmpteTimeCode

from translator.document import Document
from translator.subtitles.frames import to_frame
from translator.writers import timed_text
from translator.writers.views import Views

TTP = "http://www.w3.org/ns/ttml#parameter"
_FRAMES = re.compile(r"^(\d+)f$")


def _smpte(root: ET.Element, fps: Fraction) -> None:
    """ttconv's frame counts (`1234f`) as non-drop SMPTE time codes, and the time base that says so."""
    root.set(f"{{{TTP}}}timeBase", "smpte")
    root.set(f"{{{TTP}}}dropMode", "nonDrop")
    for element in root.iter():
        for name in ("begin", "end"):
            found = _FRAMES.match(element.get(name, ""))
            if found:
                element.set(name, str(SmpteTimeCode.from_frames(int(found[1]), fps, False)))


def render(doc: Document, lang: str, views: Views) -> bytes:
    """The iTT document of the cues of `S.L.srt`, in frames of `--fps` where it was given."""
    cues, fps = views.layout.cues, views.layout.fps
    if fps is None:
        return timed_text.serialise(timed_text.to_xml(timed_text.build(cues, lang)))
    times = {index: (to_frame(cue.start_ms, fps) / fps, to_frame(cue.end_ms, fps) / fps)
             for index, cue in enumerate(cues)}
    config = imsc_config.IMSCWriterConfiguration(time_format=TimeExpressionSyntaxEnum.frames, fps=fps)
    root = timed_text.to_xml(timed_text.build(cues, lang, times), config)
    _smpte(root, fps)
    return timed_text.serialise(root)
