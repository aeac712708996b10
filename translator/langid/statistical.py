"""Character statistics from lingua-language-detector, loaded on first use and fed bounded samples.

lingua in high-accuracy mode, restricted to en/uk/ru, made 214 errors on lingua's 9,000 en/uk/ru test items
where langdetect made 1,979 (docs/detection.md). It has no randomness; only the last bits of its
floats vary between calls, and those are rounded away, so the same text always gets the same answer. Its
models take a second or two to load, so nothing here imports lingua until a Cyrillic text needs it:
`translator --help`, the `models` commands and English-only documents never pay for it.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any

# Statistics need a few hundred letters to be sure; beyond that a longer text only costs time, so every text is
# reduced to at most this many characters and detection stays linear in the document's size.
SAMPLE_CHARS = 600
_WINDOWS = 4
# Keeps log-odds finite when lingua gives one language all the probability.
_FLOOR = 1e-3
# lingua-py 2.1's letter rule takes щ for a letter only Russian (and Bulgarian) writes, so a text whose words
# mostly have it gets Russian with certainty: "що", "Тому що.", "Щоб знали." (Ukrainian writes щ as often as
# Russian; lingua's Kotlin version fixed the rule, pemistahl/lingua#193).
_SHCHA = re.compile("[щЩ]")
_HAS_LETTER = re.compile(r"[^\W\d_]")


def sample(text: str, limit: int = SAMPLE_CHARS) -> str:
    """The text itself if short, else evenly spaced windows of it cut at spaces, `limit` characters at most."""
    if len(text) <= limit:
        return text
    size, step = (limit - _WINDOWS + 1) // _WINDOWS, len(text) // _WINDOWS  # room for the joining spaces
    windows = []
    for index in range(_WINDOWS):
        window = text[index * step : index * step + size]
        if index and " " in window:  # drop the word cut at the window's start
            window = window.split(" ", 1)[1]
        if " " in window:  # and the word cut at its end
            window = window.rsplit(" ", 1)[0]
        windows.append(window)
    return " ".join(windows)


@cache
def _supported_detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.UKRAINIAN, Language.RUSSIAN).build()


def _confidences(detector: Any, text: str) -> dict[str, float]:
    """lingua's confidences, rounded: their last bits vary from call to call, and a run must be reproducible."""
    values = detector.compute_language_confidence_values(sample(text))
    return {value.language.iso_code_639_1.name.lower(): round(value.value, 9) for value in values}


def _without_shcha_rule(detector: Any, text: str, found: dict[str, float]) -> dict[str, float]:
    """lingua's confidences freed of its щ rule: where that rule ruled Ukrainian out, those of the text's other
    words (no opinion when every word has щ)."""
    if found.get("uk") or not _SHCHA.search(text):
        return found
    rest = " ".join(word for word in text.split() if not _SHCHA.search(word))
    return _confidences(detector, rest) if _HAS_LETTER.search(rest) else {}


def uk_ru_log_odds(text: str) -> float:
    """log(P(uk) / P(ru)) by character statistics; 0 when lingua has no opinion."""
    detector = _supported_detector()
    found = _without_shcha_rule(detector, text, _confidences(detector, text))
    uk, ru = found.get("uk", 0.0), found.get("ru", 0.0)
    total = uk + ru
    if not total:
        return 0.0
    return math.log((uk / total + _FLOOR) / (ru / total + _FLOOR))


@cache
def _wide_detector(script: str) -> Any:
    """Every language lingua knows in one script, in low-accuracy mode (trigrams: fast to load, and as good as
    high accuracy on the long texts it is asked about)."""
    from lingua import LanguageDetectorBuilder

    builder = (
        LanguageDetectorBuilder.from_all_languages_with_cyrillic_script()
        if script == "cyrillic"
        else LanguageDetectorBuilder.from_all_languages_with_latin_script()
    )
    return builder.with_low_accuracy_mode().build()


def likeliest_language(text: str, script: str) -> tuple[str, str, float]:
    """ISO 639-1 code, English name and confidence of the likeliest language of `text` among all in `script`."""
    values = _wide_detector(script).compute_language_confidence_values(sample(text))
    if not values:
        return "", "", 0.0
    top = values[0]
    return top.language.iso_code_639_1.name.lower(), top.language.name.title(), round(top.value, 9)
