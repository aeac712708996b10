"""Speaker identity: `Aysin`, `Ruslan Aysin`, `Айсін` and `Руслан Айсин` are one speaker.

Names are compared by their surname (the last word), reduced to a rough Latin key that ignores the
differences between romanisations (Aisin/Aysin, Barvynenko/Barvinenko) and scripts (Айсін/Aysin).
"""

from __future__ import annotations

_CYRILLIC_TO_LATIN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ё": "io",
        "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m",
        "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
        "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "iu",
        "я": "ia", "’": "", "'": "", "ʼ": "",
    }
)


def name_key(name: str) -> str:
    """A script- and romanisation-independent key of a person's surname."""
    words = [word for word in name.replace(".", " ").split() if len(word) > 1] or name.split()
    surname = words[-1].lower() if words else ""
    latin = surname.translate(_CYRILLIC_TO_LATIN)
    for spelling, common in (("y", "i"), ("kh", "h"), ("j", "i"), ("w", "v")):
        latin = latin.replace(spelling, common)
    return "".join(ch for ch in latin if ch.isalnum())


class SpeakerRegistry:
    """Collects the names a transcript uses and answers each with the fullest form of that speaker's name."""

    def __init__(self) -> None:
        self._fullest: dict[str, str] = {}

    def add(self, name: str) -> str:
        key = name_key(name)
        known = self._fullest.get(key)
        if known is None or len(name.split()) > len(known.split()):
            self._fullest[key] = name
        return name

    def canonical(self, name: str) -> str:
        return self._fullest.get(name_key(name), name)
