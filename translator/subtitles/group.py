"""Which consecutive cues form whole sentences together, so a sentence is translated once, not in pieces.

A cue that does not end a sentence joins the next one, unless something says the two are not one sentence:
a different language or speaker, a different place on screen (a `{\\an8}` dateline), a pause, a dialogue dash or
a sound description starting the next cue, or a group that is already long. Every cue is in exactly one group, in order.
"""

from __future__ import annotations

from translator.document import Segment
from translator.subtitles.breaks import DASHES, ends_sentence
from translator.subtitles.position import placement

MAX_GAP_MS = 2000  # a longer pause ends a sentence even without punctuation
MAX_GROUP_CUES = 5
MAX_GROUP_CHARS = 400
_DESCRIPTION = ("[", "(", "♪")


def _continues(current: Segment, following: Segment, size: int, chars: int) -> bool:
    text, after = current.text.split(), following.text.split()
    if not text or not after or size >= MAX_GROUP_CUES or chars + len(following.text) > MAX_GROUP_CHARS:
        return False
    if current.lang and following.lang and current.lang != following.lang:
        return False
    if current.speaker != following.speaker:
        return False
    if placement(current.markup, current.cue_settings) != placement(following.markup, following.cue_settings):
        return False
    if current.timing and following.timing and following.timing.start_ms - current.timing.end_ms > MAX_GAP_MS:
        return False
    if after[0] in DASHES or following.text.startswith(_DESCRIPTION) or current.text.startswith(_DESCRIPTION):
        return False
    first = after[0].lstrip("\"'“‘«")
    lower_start = first[:1].islower() or first.startswith(("...", "…"))
    return not ends_sentence(text[-1]) or lower_start


def group_cues(segments: list[Segment]) -> list[list[int]]:
    """Indices of consecutive cues that together hold whole sentences."""
    groups: list[list[int]] = []
    for index, segment in enumerate(segments):
        if groups:
            group = groups[-1]
            chars = sum(len(segments[i].text) for i in group)
            if _continues(segments[group[-1]], segment, len(group), chars):
                group.append(index)
                continue
        groups.append([index])
    return groups


def group_text(segments: list[Segment], group: list[int]) -> str:
    """The source text of a group as one line: the cues' lines joined with spaces."""
    return " ".join(" ".join(segments[i].text.split()) for i in group)
