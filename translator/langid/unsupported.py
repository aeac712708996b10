"""Segments in a language we do not translate (Belarusian, Bulgarian, German, …), for the reviewer to see.

Detection labels every segment en, uk or ru; a Belarusian paragraph would otherwise pass silently as
Ukrainian. Only long segments are judged: a few words of Belarusian are often good Ukrainian too. A cheap
test runs first and lingua's every-language models load only when it fails: Ukrainian and Russian text is
mostly dictionary words of one of them, English text is full of its function words.
"""

from __future__ import annotations

from translator.langid import lexicon, statistical
from translator.langid.evidence import SUPPORTED, Evidence, is_cyrillic

MIN_WORDS = 8
# Below this share of dictionary words a Cyrillic text may be another language (uk/ru sentences: 1st
# percentile 0.7; Belarusian median 0.29, Bulgarian 0.5).
CYRILLIC_COVERAGE = 0.75
# Below this share of English function words among its common words a Latin text may be another language.
# Capitalised words inside a sentence are left out: names say nothing of the language (a subtitle cue listing
# "Former UK Prime Minister Boris Johnson" read as Latin), and a text with fewer common words than this is not
# judged.
ENGLISH_SHARE = 0.1
MIN_COMMON_WORDS = 4
_SENTENCE_ENDS = ".?!…:"
CONFIDENT = 0.9


def _common_words(text: str) -> list[str]:
    """The text's words, lower-cased, but for capitalised ones inside a sentence that are not function words
    (names)."""
    found = []
    for match in lexicon.WORD.finditer(text):
        word, token = match.group(), match.group().lower()
        before = text[:match.start()].rstrip(" \"'«“‘(")
        if not word[0].isupper() or token in lexicon.EN_WORDS or not before or before[-1] in _SENTENCE_ENDS:
            found.append(token)
    return found


def _suspect(text: str, tokens: list[str], script: str) -> bool:
    """Whether the text may be in another language: lingua is asked only then."""
    if script == "cyrillic":
        cyrillic = [token for token in tokens if is_cyrillic(token[0])]
        return lexicon.dictionary_coverage(cyrillic) < CYRILLIC_COVERAGE
    common = _common_words(text)
    if len(common) < MIN_COMMON_WORDS:
        return False
    return sum(token in lexicon.EN_WORDS for token in common) < ENGLISH_SHARE * len(common)


def unsupported_language(text: str, evidence: Evidence) -> str | None:
    """The name of the language a long segment is clearly written in when it is not en, uk or ru, else None."""
    if evidence.script == "none":
        return None
    sample = statistical.sample(text)
    tokens = lexicon.words(sample)
    if len(tokens) < MIN_WORDS or not _suspect(sample, tokens, evidence.script):
        return None
    code, name, confidence = statistical.likeliest_language(text, evidence.script)
    return name if code not in SUPPORTED and confidence >= CONFIDENT else None
