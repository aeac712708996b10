"""Subtitle rule profiles (`translator run --rules default|netflix|bbc|youtube`): per language, the characters a
line may hold, the lines a cue may have, the reading speed a cue may ask for, how short and how long a cue we
time may be, and the gap in frames between cues we make (with `--fps`).

`default` is what the tool has always done, so a run without `--rules` writes the same bytes. Each number of the
other profiles names its source beside it; where a guide gives no number for a language, the comment says
which value stands in for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

NETFLIX_GENERAL = "https://partnerhelp.netflixstudios.com/hc/en-us/articles/215758617-Timed-Text-Style-Guide-General-Requirements"
NETFLIX_EN_TEMPLATE = "https://backlothelp.netflix.com/hc/en-us/articles/219375728-English-Template-Timed-Text-Style-Guide"
NETFLIX_EN = "https://backlothelp.netflix.com/hc/en-us/articles/217350977-English-SDH-Timed-Text-Style-Guide"
NETFLIX_RU = "https://partnerhelp.netflixstudios.com/hc/en-us/articles/215346638-Russian-Timed-Text-Style-Guide"
BBC = "https://bbc.github.io/subtitle-guidelines/"
YOUTUBE = "https://transcripts.tv/blog/subtitle-best-practices-youtube"


@dataclass(frozen=True)
class LanguageRules:
    """The limits of one language's subtitles."""

    line_chars: int  # characters a line, spaces and punctuation included
    lines: int  # lines a cue
    cps: int  # characters a second a viewer can read
    min_ms: int  # the shortest cue we time
    max_ms: int  # the longest cue we time
    gap_frames: int  # between the cues we make, with --fps


@dataclass(frozen=True)
class Rules:
    """A named profile: `base` for every language, `languages` where one differs."""

    name: str
    base: LanguageRules
    languages: Mapping[str, LanguageRules] = field(default_factory=dict)
    timing_cps: int | None = None  # one reading speed for estimating every language's times, else each its own

    def of(self, lang: str | None) -> LanguageRules:
        return self.languages.get(lang or "", self.base)

    def estimating(self, lang: str | None) -> LanguageRules:
        """The limits a transcript's estimated times keep to in `lang`."""
        own = self.of(lang)
        if self.timing_cps is None:
            return own
        return LanguageRules(own.line_chars, own.lines, self.timing_cps, own.min_ms, own.max_ms, own.gap_frames)


_DEFAULT = LanguageRules(line_chars=42, lines=2, cps=17, min_ms=1000, max_ms=7000, gap_frames=2)
_NETFLIX = LanguageRules(
    line_chars=42,  # NETFLIX_EN: "42 characters per line"; the Ukrainian guide was not found: the same 42
    lines=2,  # NETFLIX_GENERAL: "2 lines maximum"
    cps=17,  # NETFLIX_EN_TEMPLATE: "Adult programs: 200 words per minute / 17 characters per second"
    min_ms=833,  # NETFLIX_GENERAL: "Minimum duration: 5/6 (five-sixths) of a second" (833 ms)
    max_ms=7000,  # NETFLIX_GENERAL: "Maximum duration: 7 seconds per subtitle event"
    gap_frames=2,  # NETFLIX_EN_TEMPLATE: "Frame Gap: 2 frames minimum (regardless of frame rate)"
)
_BBC = LanguageRules(
    line_chars=37,  # BBC 3.1 "Line length": 68% of a 16:9 picture's width, about 37 characters
    lines=2,  # BBC 3.3 "Avoid 3 lines or more": two lines at most
    cps=15,  # BBC "160-180 words per minute": 180 words at about 5 characters a word, 15 a second (derived)
    min_ms=1000,  # BBC 4.1 gives time per word (0.3 s), no shortest cue: the default's 1 s
    max_ms=7000,  # BBC gives no longest cue: the default's 7 s
    gap_frames=2,  # BBC 4.5 "Gaps" and 6.2: no number for cues that follow each other: Netflix's 2 frames
)
_YOUTUBE = LanguageRules(
    line_chars=42,  # YOUTUBE: "a maximum of 42 characters per line" (YouTube itself publishes no limit)
    lines=2,  # YOUTUBE: two lines
    cps=20,  # YOUTUBE gives 160-180 words a minute for reading; web video is read faster: the default's 20
    min_ms=1000,  # YOUTUBE: "Minimum duration: 1 second for short phrases"
    max_ms=7000,  # YOUTUBE: "Maximum duration: 7 seconds for a single subtitle"
    gap_frames=2,  # YOUTUBE: "Gap between subtitles: At least 2 frames"
)

PROFILES: dict[str, Rules] = {
    "default": Rules("default", _DEFAULT, {
        "en": LanguageRules(42, 2, 20, 1000, 7000, 2),  # English is read faster
        "ru": LanguageRules(39, 2, 17, 1000, 7000, 2),  # the Russian line limit NETFLIX_RU gave until 2025
    }, timing_cps=17),  # transcripts are timed at 17 characters a second in every language, as always
    "netflix": Rules("netflix", _NETFLIX, {
        # NETFLIX_RU: 39 characters until its December 2025 update, which raised Russian to 42 (as issue #27
        # reports; the copy of the page searched here still shows 39)
        "ru": LanguageRules(42, 2, 17, 833, 7000, 2),
    }),
    "bbc": Rules("bbc", _BBC),
    "youtube": Rules("youtube", _YOUTUBE),
}
DEFAULT_RULES = PROFILES["default"]
