"""Recognising a name a model spelt its own way ("Айсын", "Aysin", "Айзіним") as a glossary form.

Words are compared on a deliberately lossy Latin skeleton (spelling.py), so that the Ukrainian, Russian and
English spellings of one name (Айсін, Айсин, Aisin, Aysin) come out alike, with room for a case ending in Russian
and Ukrainian.
A word the dictionary knows as another common word (Українці is not Україна) is never taken for the name.
"""

from __future__ import annotations

import re
from itertools import pairwise

from translator.glossary.match import LOOSE, Match
from translator.glossary.paradigm import INFLECTED, lemmas, word_cases
from translator.glossary.spelling import similarity
from translator.morphology import parse

WORD = re.compile(r"\w[\w'’ʼ-]*")


def _word_score(token: str, form_word: str, known: frozenset[str], lang: str) -> float:
    if form_word[:1].isupper() and not token[:1].isupper():
        return 0.0
    if token.lower() == form_word.lower() or (lang in INFLECTED and token.lower() in word_cases(form_word, lang)):
        return 1.0
    score = similarity(token, form_word, lang in INFLECTED)
    if score and lang in INFLECTED:
        other = lemmas(token, lang, common_only=True)
        if other and not other & known:
            return 0.0
    return score


def _cases(token: str, form_word: str, lang: str) -> frozenset[str]:
    """Cases a misspelt Russian/Ukrainian name shows, from readings whose lemma looks like the form."""
    if lang not in INFLECTED:
        return frozenset()
    return frozenset(
        p.tag.case
        for p in parse(token, lang)
        if p.tag.case and p.tag.number != "plur" and similarity(p.normal_form, form_word, True)
    )


def find_spelt(text: str, entry: int, forms: list[str], known: frozenset[str], lang: str) -> list[Match]:
    """Spans of a `lang` text that look like one of `forms` spelt differently, scored by likeness. `known`
    holds the lemmas of the entry's own forms: a dictionary word is accepted only when it is one of them."""
    tokens = [(t.start(), t.end(), t.group()) for t in WORD.finditer(text)]
    found = []
    for form in forms:
        words = form.split(" ")
        for i in range(len(tokens) - len(words) + 1):
            run = tokens[i : i + len(words)]
            if not all(re.fullmatch(LOOSE, text[a[1] : b[0]]) for a, b in pairwise(run)):
                continue
            scores = [_word_score(token, word, known, lang) for (_, _, token), word in zip(run, words)]
            if all(scores):
                start, end = run[0][0], run[-1][1]
                cases = _cases(run[-1][2], words[-1], lang)
                found.append(Match(entry, start, end, text[start:end], cases, sum(scores) / len(scores)))
    return found
