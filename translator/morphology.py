"""The pymorphy3 adapter: one analyzer per language, loaded on first use, and the calls made on it.

Glossary inflection (translator/glossary) and language identification (translator/langid/lexicon.py) read
Russian and Ukrainian words through here, and nothing else imports pymorphy3. An analyzer is a process-wide
resource (its dictionary takes about 0.1 s to load), so each language's is loaded once and shared by both.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def analyzer(lang: str) -> Any:
    """The pymorphy3 analyzer for `lang` (ru or uk), loaded once."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


def parse(word: str, lang: str) -> list[Any]:
    """pymorphy3's readings of `word` (each with its tag, lemma and paradigm), likeliest first."""
    readings: list[Any] = analyzer(lang).parse(word)
    return readings


# Apostrophes Ukrainian text writes (’, and ʼ, the one its orthography prescribes) where pymorphy3's dictionary
# has only ' (пам'ятник): read as it, пам’ятник is no longer an unknown word guessed from its ending.
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})


def read(word: str, lang: str) -> list[Any]:
    """`parse` for a word of running text, read through whatever apostrophe it is written with. Its readings
    write the dictionary's apostrophe, so they are for reading grammar, not for writing a form back."""
    return parse(word.translate(_APOSTROPHES), lang)


def inflect(reading: Any, grammemes: set[str]) -> Any | None:
    """`reading` put into `grammemes` (a case, a number), or None where its paradigm has no such form."""
    return reading.inflect(grammemes)


def is_known(word: str, lang: str) -> bool:
    """Whether the `lang` dictionary knows `word`, rather than guessing its paradigm from the ending."""
    return bool(analyzer(lang).word_is_known(word))
