"""Which legacy code page bytes that are not UTF-8 are written in, from letter statistics.

The encodings our users meet are cp1251, KOI8-R, KOI8-U, DOS cp866 and cp1125, MacCyrillic for Cyrillic, and
cp1252 for Latin. A reading is scored by how likely its letters, word cases and symbols are in Russian and
Ukrainian text; a file that reads as text in none of them (Hebrew, Greek, ISO-8859-5...) gets no reading, and
one that reads as text in two with no clear winner gets both, for `textio` to refuse rather than decode into
mojibake. (charset-normalizer was measured first: restricted to three code pages it labelled a quarter of short
KOI8-R lines as cp1251 and "café" as cp1251; the statistics below get them right.)
"""

from __future__ import annotations

import math
import re
from itertools import pairwise

# The legacy code pages recognised, most common first: when two give the same text, the first is named.
CYRILLIC = ("cp1251", "koi8-r", "koi8-u", "cp866", "cp1125", "mac-cyrillic")
LEGACY = (*CYRILLIC, "cp1252")
# How much likelier (log odds) each code page is among our users' files than the rarest: cp1251 dominates,
# DOS and Mac files are rare. A reading must beat every other reading by _CLEAR to be taken without asking.
_PRIOR = {"cp1251": 2.5, "koi8-r": 1.5, "koi8-u": 1.0, "cp866": 1.0, "cp1125": 0.5, "mac-cyrillic": 0.0}
_CLEAR = 3.0
_EVIDENCE = 3
# Letter frequencies (per cent) of Russian and Ukrainian text: a wrong Cyrillic code page turns common letters
# into rare ones, and swaps the case of every letter (KOI8-R and cp1251 order their halves the other way round).
_FREQUENCY = dict(zip(
    "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъёіїєґ",
    [11.0, 8.5, 8.0, 7.4, 6.7, 6.3, 5.5, 4.7, 4.5, 4.4, 3.5, 3.2, 3.0, 2.8, 2.6, 2.0, 1.9, 1.7, 1.7, 1.7, 1.6,
     1.4, 1.2, 1.0, 0.9, 0.7, 0.6, 0.5, 0.4, 0.3, 0.3, 0.04, 0.04, 3.0, 0.6, 0.4, 0.02],
))
_RARE = 0.05  # any other Cyrillic letter (Serbian ђ, Belarusian ў...)
_CASE_PRIOR = {"lower": 0.7, "title": 0.2, "upper": 0.09, "odd": 0.01}  # of a word in real text
_VOWELS = frozenset("аеиоуыэюяёіїє")
_WORD = re.compile(r"[^\W\d_]+")
_LOWER_START = re.compile(r"(?:^|[.!?]\s+)[^\w\s]*[а-яёіїєґ]", re.MULTILINE)  # a sentence that starts in lower case
_TOO_ODD = 0.3  # above this share of oddly cased words (or of stray symbols), a decoding is not text
_TOO_UNSPELLABLE = 0.1  # above this share of unspellable words, a decoding is another script, not Cyrillic
# The least log-likelihood per letter a reading may have: real Russian and Ukrainian lines score above -0.8,
# ISO-8859-5 read as MacCyrillic about -2.6.
_FLOOR = -1.5
# Log-likelihood lost per unspellable word, per stray symbol, and per sentence that starts in lower case
# (where a wrong code page turned the capital into a symbol).
_UNSPELLABLE_COST, _STRAY_COST, _LOWER_START_COST = 8.0, 5.0, 2.0
# Text punctuation where text never has it, as a wrong code page puts it: inside a word (only apostrophes and
# hyphens belong there: м’ясо, будь-який), an opening quote right after a word, a closing one right before a
# word, № not before a number.
_MISPLACED = re.compile(
    r"(?<=[^\W\d_])[«»„“”‚–—…№°€•·\u00a0](?=[^\W\d_])|(?<=[^\W\d_])[«„]|»(?=[^\W\d_])|№(?!\s*\d)"
)
_TEXT_SYMBOLS = frozenset("«»„“”‘’‚–—…№°€•·\u00a0")
def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _case(word: str) -> str:
    """Real words are lower, UPPER or Capitalised; a wrong code page swaps cases inside words."""
    if word.islower():
        return "lower"
    if word.isupper():
        return "title" if len(word) == 1 else "upper"
    return "title" if word[0].isupper() and word[1:].islower() else "odd"


def _stray_count(text: str) -> tuple[int, int]:
    """(non-ASCII characters that are neither letters nor text punctuation (box drawing, maths…), or that are
    punctuation where text never has it (`составл€ет`), all non-ASCII characters)."""
    wide = [ch for ch in text if not ch.isascii()]
    stray = sum(map(_stray, wide))
    return stray + len(_MISPLACED.findall(text)), len(wide)


def _stray_symbols(text: str) -> float:
    stray, wide = _stray_count(text)
    return stray / max(1, wide)


def _odd_words(words: list[str]) -> float:
    return sum(_case(w) == "odd" for w in words) / max(1, len(words))


def _unspellable(word: str) -> bool:
    """Russian and Ukrainian spelling never writes these; Hebrew, Greek or Arabic read as Cyrillic always does:
    a lower-case word of five consonants (млн, млрд are fine), ь ъ ы first or after a vowel, й after a consonant."""
    lower = word.lower()
    if len(lower) < 3 or not all(_is_cyrillic(ch) for ch in lower):  # too short to tell, or a letter list ("Ыы")
        return False
    if len(lower) > 4 and not _VOWELS.intersection(lower) and not word.isupper():
        return True
    if lower[0] in "ьъы":
        return True
    return any((b in "ьъы" and a in _VOWELS) or (b == "й" and a not in _VOWELS) for a, b in pairwise(lower))


def _cyrillic_likelihood(text: str) -> tuple[float, bool]:
    """(log-likelihood of the letters, word cases and symbols, whether the decoding is plausible at all)."""
    words = [w for w in _WORD.findall(text) if any(_is_cyrillic(ch) for ch in w)]
    total = 0.0
    unspellable = 0
    for word in words:
        total += math.log(_CASE_PRIOR[_case(word)])
        total += sum(math.log(_FREQUENCY.get(ch.lower(), _RARE)) for ch in word if _is_cyrillic(ch))
        unspellable += _unspellable(word)
    stray, wide = _stray_count(text)
    total -= _UNSPELLABLE_COST * unspellable + _STRAY_COST * stray + _LOWER_START_COST * len(_LOWER_START.findall(text))
    letters = sum(_is_cyrillic(ch) for word in words for ch in word)
    plausible = (bool(words) and _odd_words(words) <= _TOO_ODD and stray <= _TOO_ODD * max(1, wide)
                 and unspellable <= _TOO_UNSPELLABLE * len(words) and total >= _FLOOR * letters)
    return total, plausible


def _looks_latin(text_1251: str) -> bool:
    """Latin text read as cp1251 puts Cyrillic letters inside Latin words ("câble" → "cвble"); Cyrillic text
    gives whole Cyrillic words. One-letter words ("à" → "а", "и") tell nothing."""
    latin = cyrillic = 0
    for word in _WORD.findall(text_1251):
        letters = sum(_is_cyrillic(ch) for ch in word)
        if letters < len(word):
            latin += letters
        elif letters > 1:
            cyrillic += letters
    return latin >= cyrillic


def _decodes(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _plausible_latin(data: bytes, mostly_ascii: bool) -> bool:
    """cp1252 text: accented words cased as words are; `mostly_ascii` also asks that at most a third of the
    letters be accented (Cyrillic read as cp1252 is all accents: "Ñïàñèáî")."""
    latin = _decodes(data, "cp1252")
    if latin is None:
        return False
    words = _WORD.findall(latin)
    accented = [w for w in words if not w.isascii()]
    if _odd_words(accented) * len(accented) > _TOO_ODD * max(1, len(words)) or _stray_symbols(latin) > _TOO_ODD:
        return False
    accents = sum(not ch.isascii() for word in accented for ch in word)
    return not mostly_ascii or accents <= _TOO_ODD * sum(map(len, words))


def legacy_readings(data: bytes) -> list[str]:
    """The legacy code pages under which bytes that are not UTF-8 read as text, likeliest first, each giving a
    different text. One entry, or a first that beats the second clearly, names the encoding; none, or two close
    ones, leave the choice to the user."""
    cyrillic = _decodes(data, "cp1251")
    if cyrillic is None and _plausible_latin(data, mostly_ascii=True):
        return ["cp1252"]
    if cyrillic is not None and _looks_latin(cyrillic) and _plausible_latin(data, mostly_ascii=False):
        return ["cp1252"]
    seen: set[str] = set()
    scored = []
    for encoding in CYRILLIC:
        text = _decodes(data, encoding)
        if text is None or text in seen:
            continue
        seen.add(text)
        likelihood, plausible = _cyrillic_likelihood(text)
        if plausible:
            scored.append((likelihood + _PRIOR[encoding], encoding, text))
    scored.sort(key=lambda item: -item[0])
    if len(scored) > 1 and scored[0][0] - scored[1][0] >= _CLEAR and _evidence(scored[0], scored[1]):
        return [scored[0][1]]
    return [encoding for _, encoding, _ in scored]


def _evidence(best: tuple[float, str, str], other: tuple[float, str, str]) -> bool:
    """Two readings that differ in a letter or two ("ґанок ґанок" in cp1251, "іанок іанок" in MacCyrillic) are
    told apart by letter frequencies alone, which a few words cannot carry: then the rarer code page may not
    win unless _EVIDENCE characters differ by more than one substitution (ґ read as і three times is one
    piece of evidence, not three), or the other reading has a symbol where it has a letter. And no
    reading wins that has a stray symbol where the other has a letter: a symbol is never likelier text."""
    pairs = [(ours, theirs) for ours, theirs in zip(best[2], other[2]) if ours != theirs]
    if any(_stray(ours) and theirs.isalpha() for ours, theirs in pairs):  # "≥ іанок" against "і ґанок"
        return False
    return (_PRIOR[best[1]] > _PRIOR[other[1]] or (len(pairs) >= _EVIDENCE and len(set(pairs)) > 1)
            or any(not theirs.isalpha() for _, theirs in pairs))


def _stray(ch: str) -> bool:
    """A character text does not hold: non-ASCII, neither a letter nor text punctuation (≥, box drawing)."""
    return not ch.isascii() and not ch.isalpha() and ch not in _TEXT_SYMBOLS


def guess_legacy(data: bytes) -> str | None:
    """The one legacy code page bytes that are not UTF-8 are clearly written in, or None."""
    readings = legacy_readings(data)
    return readings[0] if len(readings) == 1 else None


def damaged_utf8(data: bytes) -> bool:
    """Mostly valid UTF-8 (more well-formed multi-byte characters than bad bytes): a broken file, not a code page."""
    text = data.decode("utf-8", errors="replace")
    return sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd") > text.count("\ufffd")
