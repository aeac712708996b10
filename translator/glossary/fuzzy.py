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

# An apostrophe inside a word (О'Райлі, м'ята), never one after it: a closing quote ('Айсин', ``Акакия'') stays
# outside the name
WORD = re.compile(r"\w(?:[\w-]|['’ʼ](?=\w))*")
PART = re.compile(r"\w(?:\w|['’ʼ](?=\w))*")


def _part(text: str, start: int, end: int, token: str) -> float:
    """1 for a whole word; for a part of a hyphenated one, less (a whole word that is alike wins: Моджо, not
    Маджоре in Лаго-Маджоре), and 0 for a part in Latin letters (Seine-et-Marne is no respelling of Марна)."""
    if text[start - 1 : start] != "-" and text[end : end + 1] != "-":
        return 1.0
    return 0.0 if re.search(r"[A-Za-z]", token) else 0.75


def _named(text: str, start: int, token: str) -> bool:
    """The token is written as a name: capitalised, not at the start of a sentence or a quotation (a word
    opening parentheses counts: императора Карла IV (Прога))."""
    before = text[:start].rstrip()
    if re.search(r"[^\W\d_]-$", text[:start]):
        return token[:1].isupper() and not token.isupper()  # a part of a hyphenated name (Волан-де-Мартом)
    return token[:1].isupper() and not token.isupper() and bool(before) and before[-1] not in ".!?…:«\"„“'`-—–"


def _word_score(token: str, form_word: str, known: frozenset[str], lang: str, named: bool = False) -> float:
    """How like `form_word` a token is; a dictionary's other word is not the name, unless the text writes it as
    a name (`named`: capitalised inside a sentence, as Кома for Кама, Мартом for Мортом)."""
    if form_word[:1].isupper() and not token[:1].isupper():
        return 0.0
    if token.lower() == form_word.lower() or (lang in INFLECTED and token.lower() in word_cases(form_word, lang)):
        return 1.0
    score = similarity(token, form_word, lang in INFLECTED)
    if score and lang in INFLECTED and (
        not named or any(p.tag.POS in ("ADJF", "ADJS", "PRTF") for p in parse(token, lang))  # Московский
    ):
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
    found = []
    for form in forms:
        words = form.split(" ")
        # a form without a hyphen is looked for in the parts of hyphenated words too (Бад-Кёстрыц, Анри-Жаржа)
        tokens = [(t.start(), t.end(), t.group()) for t in (WORD if "-" in form else PART).finditer(text)]
        for i in range(len(tokens) - len(words) + 1):
            run = tokens[i : i + len(words)]
            if not all(re.fullmatch(LOOSE, text[a[1] : b[0]]) for a, b in pairwise(run)):
                continue
            scores = [_word_score(token, word, known, lang, _named(text, at, token)) * _part(text, at, end, token)
                      for (at, end, token), word in zip(run, words)]
            if all(scores):
                start, end = run[0][0], run[-1][1]
                cases = _cases(run[-1][2], words[-1], lang)
                found.append(Match(entry, start, end, text[start:end], cases, sum(scores) / len(scores)))
    return found
