"""Frame-accurate times (`translator run --fps`): the cues a run makes or splits start and end on frames.

Milliseconds stay the unit of every cue; a time is on the grid when it is the nearest millisecond of a frame
boundary, `round(frame × 1000 / fps)`. Only the times the tool makes move: a transcript's estimated cues, and the
inner boundaries of a source cue split in time. A source cue's own start and end stay exactly as written.
"""

from __future__ import annotations

import math
from fractions import Fraction

# The rates `--fps` takes, as exact fractions: 23.976 and 29.97 are NTSC's 24000/1001 and 30000/1001.
RATES: dict[str, Fraction] = {
    "23.976": Fraction(24000, 1001),
    "24": Fraction(24),
    "25": Fraction(25),
    "29.97": Fraction(30000, 1001),
    "30": Fraction(30),
}
GAP_FRAMES = 2  # between the cues we make (Netflix: "2 frames minimum, regardless of frame rate")
MIN_SECONDS = Fraction(5, 6)  # the shortest cue we make (Netflix: 5/6 s, 20 frames at 24 fps)


def to_frame(ms: int, fps: Fraction) -> int:
    """The frame boundary nearest `ms`."""
    return math.floor(Fraction(ms, 1000) * fps + Fraction(1, 2))


def to_ms(frame: int, fps: Fraction) -> int:
    """The millisecond of a frame boundary, rounded half up."""
    return math.floor(Fraction(frame * 1000) / fps + Fraction(1, 2))


def on_grid(ms: int, fps: Fraction) -> bool:
    return to_ms(to_frame(ms, fps), fps) == ms


def min_frames(fps: Fraction, seconds: Fraction = MIN_SECONDS) -> int:
    return math.ceil(seconds * fps)


def chain(times: list[tuple[int, int]], fps: Fraction, gap: int = GAP_FRAMES,
          shortest: Fraction = MIN_SECONDS) -> list[tuple[int, int]]:
    """Cues the tool timed itself (a transcript's), in order, moved onto frames: each starts on the frame nearest
    its start but at least `gap` frames after the one before ends, and lasts its own frames, at least `shortest`."""
    out: list[tuple[int, int]] = []
    last_end: int | None = None
    least = min_frames(fps, shortest)
    for start, end in times:
        first = to_frame(start, fps)
        if last_end is not None:
            first = max(first, last_end + gap)
        last = max(first + max(1, to_frame(end, fps) - to_frame(start, fps)), first + least)
        out.append((to_ms(first, fps), to_ms(last, fps)))
        last_end = last
    return out


def split(start_ms: int, end_ms: int, bounds: list[tuple[int, int]], fps: Fraction, gap: int = GAP_FRAMES,
          shortest: Fraction = MIN_SECONDS) -> list[tuple[int, int]]:
    """The parts of a source cue split in time, their inner boundaries moved onto frames with `gap` frames
    between parts, each part at least `shortest` where the cue is long enough; the first part still starts at
    the cue's own start and the last ends at its own end, exactly as written."""
    count = len(bounds)
    first, last = math.ceil(Fraction(start_ms, 1000) * fps), math.floor(Fraction(end_ms, 1000) * fps)
    room = last - first - gap * (count - 1)
    if count < 2 or room < count:  # too short for a frame each: left as it was
        return bounds
    least = min(min_frames(fps, shortest), room // count)
    cuts: list[int] = []
    for number, (_, end) in enumerate(bounds[:-1], start=1):
        low = max(first + number * (least + gap), cuts[-1] + least + gap if cuts else first)
        high = last - least - (count - 1 - number) * (least + gap)
        cuts.append(min(max(to_frame(end, fps), low), high))
    times, previous = [], start_ms
    for cut in cuts:
        times.append((previous, to_ms(cut - gap, fps)))
        previous = to_ms(cut, fps)
    times.append((previous, end_ms))
    return times
