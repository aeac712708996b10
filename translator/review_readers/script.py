"""Has a returned translation lost its script? The marks a program leaves when it cannot store Cyrillic.

A spreadsheet that saves a CSV in a code page without Cyrillic writes every letter as `?` ("Руслан Айсін" →
"?????? ?????"); a file written as UTF-8 and read back as cp1251 or cp1252 turns each letter into two
("Дякую" → "Р”СЏРєСѓСЋ", "Ð”ÑÐºÑƒÑŽ"); a lost encoding leaves U+FFFD. None of them is ever a correction.
A translation into Ukrainian or Russian written in Latin letters where the run delivered Cyrillic (or the
reverse for English) is another alphabet, not an edit.
"""

from __future__ import annotations

import re

from translator.document import LANGUAGES

_QUESTION_RUN = re.compile(r"(?:^|[^\w?])\?{2,}|(?<=\w)\?(?=\w)")  # "?????" as a word, or "Ки?в"; never "Що??"
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC_TARGETS = frozenset(code for code in LANGUAGES if code != "en")


def _mojibake(text: str) -> bool:
    """UTF-8 bytes shown in a single-byte code page: re-encoding them gives back valid UTF-8 with Cyrillic."""
    for codec in ("cp1251", "cp1252", "latin-1"):
        try:
            original = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if original != text and len(_CYRILLIC.findall(original)) >= 2:
            return True
    return False


def _cyrillic_share(text: str) -> float:
    letters = _LETTER.findall(text)
    return sum(1 for ch in letters if _CYRILLIC.match(ch)) / len(letters) if letters else 0.0


def lost_script(translation: str, tgt: str, delivered: str | None) -> str | None:
    """Why `translation` (into `tgt`; `delivered` is what the run wrote there) cannot be a correction, or None."""
    if "\ufffd" in translation:
        return "replacement characters (U+FFFD)"
    if _QUESTION_RUN.search(translation):
        return "letters replaced by '?'"
    if _mojibake(translation):
        return "UTF-8 read in the wrong code page"
    if delivered is not None and len(_LETTER.findall(translation)) >= 3:
        was, now = _cyrillic_share(delivered), _cyrillic_share(translation)
        if tgt in _CYRILLIC_TARGETS and was >= 0.5 and now < 0.2:
            return "Latin letters where the translation is Cyrillic"
        if tgt not in _CYRILLIC_TARGETS and was < 0.2 and now >= 0.5:
            return "Cyrillic letters where the translation is Latin"
    return None
