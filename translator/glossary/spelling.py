"""How alike two spellings of a name are, whatever the script: "Айсін", "Айсин", "Aisin" and "Aysin" are one name.

Words are compared on a deliberately lossy Latin skeleton, with room for a case ending in Russian and Ukrainian.
Used to recognise a name a model spelt its own way (fuzzy.py) and to read the case of a respelt name from its
ending (paradigm.py).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "h", "д": "d", "е": "e", "є": "e", "ё": "e", "э": "e",
    "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "ы": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ъ": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
    "g": "h", "y": "i", "j": "dzh", "c": "k", "q": "k", "w": "v", "x": "ks",
}
_DIGRAPHS = (("kh", "h"), ("ph", "f"), ("ck", "k"))
_VOWELS = "aeiou"
SIMILAR = 0.8
MAX_ENDING = 3


def skeleton(word: str) -> str:
    """A spelling-neutral key: transliterated, h/g merged, i/y/j merged, doubled letters collapsed."""
    text = word.lower()
    for digraph, single in _DIGRAPHS:
        text = text.replace(digraph, single)
    text = "".join(_LETTERS.get(ch, ch) for ch in text)
    return re.sub(r"(.)\1+", r"\1", text)


def similarity(word: str, form_word: str, endings: bool) -> float:
    """How alike `word` and `form_word` are spelt (0 when not alike enough). With `endings`, up to three
    final letters of `word` may be a case ending. Short forms (under 4 skeleton letters) must match exactly, or
    with `endings` differ in one vowel."""
    w, f = skeleton(word), skeleton(form_word)
    if w == f:
        return 1.0  # Клэо for Клео: too short a stem to strip an ending from, but spelt alike
    # a Russian or Ukrainian name respelt by one vowel at its own length, not its last letter, which may be an
    # ending (Тадд for Тодд, Мойя for Майя, whose stem is too short for the ending-aware comparison below); an
    # English one must match (Tim is no Tom)
    whole = endings and len(w) == len(f) and w[-1] == f[-1] and _one_vowel_apart(w, f, False, whole=True)
    if len(f) < 4:
        return SIMILAR if whole else 0.0
    if endings:
        stem = f.rstrip(_VOWELS) or f
        cuts = [w[: len(w) - cut].rstrip(_VOWELS) for cut in range(MAX_ENDING + 1)]
        best = max((SequenceMatcher(None, c, stem).ratio() for c in cuts if len(c) >= 3), default=0.0)
    else:
        best = SequenceMatcher(None, w, f).ratio()
    if best < SIMILAR and (whole or _one_vowel_apart(w, f, endings)):
        return SIMILAR  # Расії for Росії, Повло for Павло: a vowel the model heard another way
    return best if best >= SIMILAR else 0.0


def _one_vowel_apart(w: str, f: str, endings: bool, whole: bool = False) -> bool:
    """The skeletons differ by one vowel in the stem (before a case ending of up to three letters; with `whole`,
    anywhere in the word): the same consonants in the same places."""
    stem = f if whole else f.rstrip(_VOWELS) or f
    for cut in range(MAX_ENDING + 1 if endings else 1):
        head = w[: len(w) - cut] if cut else w
        candidate = head[: len(stem)]
        if len(candidate) == len(stem) and len(stem) >= 3:
            diff = [(a, b) for a, b in zip(candidate, stem) if a != b]
            if len(diff) == 1 and diff[0][0] in _VOWELS and diff[0][1] in _VOWELS and candidate[0] == stem[0]:
                return True
    return False
