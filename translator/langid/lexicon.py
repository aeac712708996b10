"""Word-level evidence for telling Ukrainian from Russian: exclusive function words and the two dictionaries.

Character statistics say little about a word or two, and most of lingua's remaining errors on single words
are words only one language has ("кращий", "передал"). Two sources settle those:

- short lists of frequent words that exist in only one of the languages. Words both languages share (тебе,
  себе, так, тут, будь, та, де, коли, зараз, ми, он, уже, все, думаю) are deliberately absent: they used to
  drag "Вот так." and "Тебе виднее." to Ukrainian;
- pymorphy3's Ukrainian and Russian dictionaries (already a dependency for glossary inflection): a word
  known to one and unknown to the other counts for that language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from translator.morphology import is_known, parse

_CYRILLIC_START = re.compile("[\u0400-\u052f]")
# A word: letters, with inner apostrophes (Ukrainian "м'ясо", "пам’ять", "сімʼя").
WORD = re.compile(r"[^\W\d_]+(?:['ʼ’][^\W\d_]+)*")

# Russian has a ласка (a weasel, a caress) and a Леля, but no "будь ласка" (please) nor "ой леле" (alas).
UK_WORDS = frozenset(
    "і й що це як але дякую дякуємо ні він вона вони ви від які який яка яке щоб чи вже добрий привіт мені "
    "сьогодні дуже якщо хто ще теж тільки із зі цей ця цього його її їх був була було буде можна потрібно "
    "також навіть адже отже тобто немає гаразд звісно згоден вистачить ласка леле".split()
)
RU_WORDS = frozenset(
    "и что это как спасибо да нет она мы вы какие какой чтобы ли здесь добрый привет пожалуйста хорошо мне "
    "меня тебя себя сегодня сейчас очень если когда где кто ещё еще тоже только этот эта её их быть был была "
    "было были будет можно нужно должен хотел могу конечно ничего всё вот потому который которые согласен "
    "хватит виднее".split()
)
# Frequent English words: a long Latin-script segment with none of them is probably not English.
EN_WORDS = frozenset(
    "the a an and or but of to in on at for with from by is are was were be been it its this that these those "
    "i you he she we they me him her us them my your our their not no yes do does did have has had will would "
    "can could should what who which when where why how there here so as if all just very than then about into "
    "over after before more most also only because while up out".split()
)


def words(text: str) -> list[str]:
    """The text's words, lower-cased."""
    return [word.lower() for word in WORD.findall(text)]


def word_list_votes(tokens: Iterable[str]) -> int:
    """Ukrainian-only minus Russian-only list words."""
    return sum((token in UK_WORDS) - (token in RU_WORDS) for token in tokens)


# Dictionary look-ups cost about 0.1 ms a word; beyond this many words a text's statistics speak for it.
DICTIONARY_WORDS = 30
# Reading each word's grammar costs about 0.1 ms more a word; it is what a short text needs, a longer one's
# statistics speak for it.
GRAMMAR_WORDS = 12
# A form whose every reading in a language is a locative is no form that language writes without a
# preposition before it: Russian "добре", "пане", "Президенте" are locatives only, the Ukrainian words an
# adverb and vocatives. Nor is a proper name's form one it writes in lower case, in a text that capitalises
# ("леле" is only Russian's Леля); lingua's word lists are all lower case, and there nothing is judged so.
_LOCATIVE = frozenset({"loct", "loc2"})
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
# Each dictionary lists its interjections unevenly (the Ukrainian one lacks ой, ах, ох, ура): a word that is
# only an interjection in the dictionary that knows it says nothing.
_INTERJECTION = "INTJ"
# An address: at most this many words between punctuation marks or the text's ends, set off by a comma or an
# exclamation mark ("Кораблику!", ", пане Президенте.").
ADDRESS_WORDS = 3
_PUNCTUATION = re.compile(r"([,.!?;:…—–()«»\"“”])")
_SETTING_OFF = frozenset(",!")
Readings = tuple[frozenset[str], ...]
LANGS = ("uk", "ru")


@lru_cache(maxsize=1 << 16)
def _known(token: str) -> tuple[bool, bool]:
    """Whether the Ukrainian and the Russian dictionary know the word (interviews repeat their words)."""
    return is_known(token, "uk"), is_known(token, "ru")


@lru_cache(maxsize=1 << 16)
def _readings(token: str, lang: str) -> Readings:
    """The grammemes of each dictionary reading of the (lower-case) word in `lang`; none when unknown."""
    if not _known(token)[LANGS.index(lang)]:
        return ()
    return tuple(frozenset(reading.tag.grammemes) for reading in parse(token, lang))


def _usable(readings: Readings, after_preposition: bool, lower_case: bool) -> bool:
    """Whether one of the readings is a form the language would write where the word stands."""
    return any(
        (after_preposition or not reading & _LOCATIVE) and not (lower_case and reading & _PROPER)
        for reading in readings
    )


def _interjection_only(uk: Readings, ru: Readings) -> bool:
    known = uk or ru
    return bool(known) and not (uk and ru) and all(_INTERJECTION in reading for reading in known)


def _is_preposition(token: str) -> bool:
    return any("PREP" in reading for lang in LANGS for reading in _readings(token, lang))


def dictionary_votes(text: str) -> int:
    """Words only Ukrainian would write where they stand minus words only Russian would, among the first
    DICTIONARY_WORDS Cyrillic words. Beyond GRAMMAR_WORDS of them, words known to one dictionary and not the
    other. In a shorter text, words known to one dictionary only (but for interjections), and words both know
    but one only as a locative with no preposition before it, or as a proper name written in lower case."""
    found = [word for word in WORD.findall(text)[:DICTIONARY_WORDS] if _CYRILLIC_START.match(word)]
    if len(found) > GRAMMAR_WORDS:
        return sum(uk - ru for uk, ru in map(_known, (word.lower() for word in found)))
    votes, after_preposition = 0, False
    capitalises = not text.islower()
    for word in found:
        token = word.lower()
        uk, ru = _readings(token, "uk"), _readings(token, "ru")
        if not _interjection_only(uk, ru):
            # A locative known to one dictionary only is still a word only that language has.
            licensed, lower_case = after_preposition or not (uk and ru), capitalises and word == token
            votes += _usable(uk, licensed, lower_case) - _usable(ru, licensed, lower_case)
        after_preposition = after_preposition or _is_preposition(token)
    return votes


def _addresses(text: str) -> list[list[str]]:
    """The text's runs of words between punctuation marks or its ends that a comma or an exclamation mark sets
    off, lower-cased."""
    parts = _PUNCTUATION.split(text)  # runs at even indices, the marks between them at odd ones
    return [
        words(parts[index])
        for index in range(0, len(parts), 2)
        if (index and parts[index - 1] in _SETTING_OFF) or (index + 1 < len(parts) and parts[index + 1] in _SETTING_OFF)
    ]


def vocative_votes(text: str) -> int:
    """Addresses in the vocative, a case Ukrainian has and Russian lost: runs of at most ADDRESS_WORDS words set
    off by a comma or an exclamation mark ("Кораблику!", ", пане Президенте.") that the Ukrainian dictionary
    reads as vocatives, where Russian reads none of them as a nominative or a vocative."""
    votes = 0
    for run in _addresses(text):
        if not run or len(run) > ADDRESS_WORDS or not all(_CYRILLIC_START.match(word) for word in run):
            continue
        uk = [_readings(word, "uk") for word in run]
        ru = [_readings(word, "ru") for word in run]
        vocative = all(any("voct" in reading for reading in readings) for readings in uk)
        russian = any(reading & {"nomn", "voct"} for readings in ru for reading in readings)
        votes += vocative and not russian
    return votes


def dictionary_coverage(tokens: list[str]) -> float:
    """The larger share of the words (the first DICTIONARY_WORDS) that the Ukrainian or the Russian
    dictionary knows.

    Belarusian and Bulgarian sentences score low (median 0.29 and 0.5 on lingua's test sentences), Ukrainian
    and Russian ones high (median 1.0, 99th percentile above 0.7).
    """
    known = [_known(token) for token in tokens[:DICTIONARY_WORDS]]
    if not known:
        return 1.0
    return max(sum(uk for uk, _ in known), sum(ru for _, ru in known)) / len(known)
