"""What one text says about its own language, before any context.

The cues, strongest first: the script (Latin means English here, Cyrillic means Ukrainian or Russian, never
English); letters only one language has (і ї є ґ ʼ → uk; ы э ъ ё and a word-initial и → ru; ordinal endings, 4-а
→ uk, 4-я → ru); words only one language has (the word lists, the two dictionaries, and the grammar they read:
a locative with no preposition, a vocative address); lingua's character statistics. Each adds log-odds for
Ukrainian over Russian; the weights were set on lingua's test data (`python -m benchmarks.detection`), and the
short-turn cues checked on public short sentences (`python -m benchmarks.short_turns`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from translator.document import LANGUAGES
from translator.langid import lexicon, statistical

SUPPORTED = tuple(LANGUAGES)
Distribution = dict[str, float]

_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile("[\u0400-\u052f]")
_UK_LETTERS = re.compile("[іїєґІЇЄҐʼ]")
_RU_LETTERS = re.compile("[ыэъёЫЭЪЁ]")
# Ukrainian begins no word with и (Игорь, Ильхам, или are Ігор, Ільхам, або), bar a rare few (ирій, иржа).
_RU_INITIAL = re.compile(r"(?<![^\W\d_'’ʼ-])[иИ]")
# A number's ordinal ending shows the ordinal's last letter: Ukrainian "4-а" (четверта), "4-у" (четверту),
# Russian "4-я" (четвёртая), "4-ю"; only a third (3-я, 23-ю; not 13) ends alike in both.
_ORDINAL = re.compile(r"(\d+)-([ауяю])(?![^\W\d_])")
# Latin letters that look like Cyrillic ones, typed inside Cyrillic words ("менi" with a Latin i, where a keyboard
# lacks і): read as the Cyrillic letters they stand for.
_HOMOGLYPHS = str.maketrans("aceiopxyABCEHIKMOPTX", "асеіорхуАВСЕНІКМОРТХ")
_MIXED_WORD = re.compile(r"[^\W\d_]*(?:[a-zA-Z][^\W\d_]*[\u0400-\u052f]|[\u0400-\u052f][^\W\d_]*[a-zA-Z])[^\W\d_]*")
LETTER_WEIGHT = 3.0
LETTER_CAP = 3  # a quoted name ("Київ" in a Russian sentence) must not outweigh everything else
WORD_LIST_WEIGHT = 2.0
DICTIONARY_WEIGHT = 1.0
VOCATIVE_WEIGHT = 2.0


@dataclass(frozen=True)
class Evidence:
    """A text's own evidence: relative log-likelihoods of the languages its script allows (others are
    impossible), how many letters it has, and whether it holds nothing but names."""

    log_odds: dict[str, float]
    letters: int
    names_only: bool
    script: str  # "latin", "cyrillic" or "none"

    def distribution(self) -> Distribution:
        """The evidence as probabilities over every supported language."""
        return softmax(self.log_odds)


def softmax(scores: dict[str, float]) -> Distribution:
    """Probabilities over every supported language; those missing from `scores` get 0."""
    top = max(scores.values())
    weights = {code: math.exp(score - top) for code, score in scores.items()}
    total = sum(weights.values())
    return {code: weights.get(code, 0.0) / total for code in SUPPORTED}


def is_cyrillic(char: str) -> bool:
    return bool(_CYRILLIC.match(char))


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def _names_only(text: str) -> bool:
    """Two or more capitalised words and nothing else ("Руслан Айсін", "Vitaliy Barvynenko")."""
    tokens = lexicon.WORD.findall(text)
    return len(tokens) >= 2 and all(
        token[0].isupper()
        and not (len(token) > 1 and token.isupper())
        and token.lower() not in lexicon.UK_WORDS | lexicon.RU_WORDS
        for token in tokens
    )


def _ordinal_endings(text: str) -> tuple[int, int]:
    """Ordinal endings only Ukrainian writes, and those only Russian writes."""
    uk = ru = 0
    for number, ending in _ORDINAL.findall(text):
        if not (number.endswith("3") and not number.endswith("13")):
            uk, ru = uk + (ending in "ау"), ru + (ending in "яю")
    return uk, ru


def unmix(text: str) -> str:
    """The text with the Latin look-alikes inside its Cyrillic words made Cyrillic."""
    return _MIXED_WORD.sub(lambda word: word.group().translate(_HOMOGLYPHS), text)


def uk_ru_log_odds(text: str) -> float:
    """How much more Ukrainian than Russian a Cyrillic text is, in log-odds."""
    text = unmix(text)
    uk_ordinals, ru_ordinals = _ordinal_endings(text)
    uk_letters = min(len(_UK_LETTERS.findall(text)) + uk_ordinals, LETTER_CAP)
    ru_letters = min(len(_RU_LETTERS.findall(text)) + len(_RU_INITIAL.findall(text)) + ru_ordinals, LETTER_CAP)
    cyrillic_tokens = [token for token in lexicon.words(text) if is_cyrillic(token[0])]
    return (
        LETTER_WEIGHT * (uk_letters - ru_letters)
        + WORD_LIST_WEIGHT * lexicon.word_list_votes(cyrillic_tokens)
        + DICTIONARY_WEIGHT * lexicon.dictionary_votes(text)
        + VOCATIVE_WEIGHT * lexicon.vocative_votes(text)
        + statistical.uk_ru_log_odds(text)
    )


def text_evidence(text: str) -> Evidence:
    """The evidence of one text on its own, judged on a bounded sample of it so that cost stays linear."""
    letters = len(_LETTER.findall(text))
    if not letters:
        return Evidence(dict.fromkeys(SUPPORTED, 0.0), 0, names_only=False, script="none")
    part = statistical.sample(text)
    names_only = _names_only(part)
    if len(_CYRILLIC.findall(part)) * 2 < len(_LETTER.findall(part)):
        return Evidence({"en": 0.0}, letters, names_only, "latin")
    log_odds = uk_ru_log_odds(part)
    return Evidence({"uk": log_odds / 2, "ru": -log_odds / 2}, letters, names_only, "cyrillic")
