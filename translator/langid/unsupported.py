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
# Below this share of English function words a Latin text may be another language.
ENGLISH_SHARE = 0.1
CONFIDENT = 0.9


def _suspect(tokens: list[str], script: str) -> bool:
    if script == "cyrillic":
        cyrillic = [token for token in tokens if is_cyrillic(token[0])]
        return lexicon.dictionary_coverage(cyrillic) < CYRILLIC_COVERAGE
    return sum(token in lexicon.EN_WORDS for token in tokens) < ENGLISH_SHARE * len(tokens)


def unsupported_language(text: str, evidence: Evidence) -> str | None:
    """The name of the language a long segment is clearly written in when it is not en, uk or ru, else None."""
    if evidence.script == "none":
        return None
    tokens = lexicon.words(statistical.sample(text))
    if len(tokens) < MIN_WORDS or not _suspect(tokens, evidence.script):
        return None
    code, name, confidence = statistical.likeliest_language(text, evidence.script)
    return name if code not in SUPPORTED and confidence >= CONFIDENT else None
