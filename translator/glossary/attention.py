"""The fallback for a term the model translated into some other word (Argos renders "Roger Stone" as "Piedra"):
no spelling of the name is left to find, but the model's attention says which target words the placeholder's
pieces became. Those words stand for the term only when the span is plausible: whole words, most of each word
coming from the placeholder, one unbroken run, not much longer than the placeholder, clear of every span
already pinned, and holding no preposition, conjunction, particle, pronoun or verb ("раскритиковал" is never
overwritten by "Зеленский"). Anything less stays a miss: a wrong replacement would lose a word silently.
"""

from __future__ import annotations

from collections.abc import Sequence

from translator.glossary.fuzzy import WORD
from translator.glossary.match import Match
from translator.glossary.paradigm import INFLECTED
from translator.morphology import parse
from translator.spans import AlignedTranslation, Link, Span, overlaps

# A target word belongs to the term when at least this share of its characters comes from the placeholder: a
# case ending the model aligned to the preposition stays in, a stray piece of the neighbouring verb does not.
COVERED = 0.5
# Target words a span may hold per word of the placeholder ("Stone" → "the stone" is two).
WORDS_PER_WORD = 2


def attended_span(
    links: Sequence[Link], placeholder: Span, words: int, text: str, taken: Sequence[Span], lang: str = "en"
) -> Span | None:
    """The span of `text` the placeholder at `placeholder` (of `words` words) became, or None when the
    attention shows no plausible one."""
    pieces = [link.target for link in links if overlaps(link.source, placeholder)]
    tokens = [(m.start(), m.end()) for m in WORD.finditer(text)]
    ours = [i for i, token in enumerate(tokens) if _covered(token, pieces) >= COVERED * (token[1] - token[0])]
    if not ours or ours[-1] - ours[0] + 1 != len(ours) or len(ours) > WORDS_PER_WORD * words:
        return None
    span = (tokens[ours[0]][0], tokens[ours[-1]][1])
    if any(overlaps(span, other) for other in taken):
        return None
    if any(_function_word(text[tokens[i][0]:tokens[i][1]], lang) for i in ours):
        return None
    return span


# Parts of speech a name never is: a span holding one is a verb or a small word the model aligned, not the name.
_NOT_NAMES = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "VERB", "INFN", "PRTS", "GRND", "INTJ"})
_ENGLISH_FUNCTION_WORDS = frozenset(
    "a an the of in on at to for with by from and or but not he she it they we you i me him her them us this that "
    "is are was were be been has have had do does did will would can could should".split()
)


def _function_word(word: str, lang: str) -> bool:
    """Whether `word` is a preposition, conjunction, particle, pronoun or verb (by pymorphy3's likeliest
    reading in Russian and Ukrainian; by a list of English function words)."""
    if lang not in INFLECTED:
        return word.lower() in _ENGLISH_FUNCTION_WORDS
    return parse(word, lang)[0].tag.POS in _NOT_NAMES


def _covered(token: Span, pieces: list[Span]) -> int:
    """How many characters of `token` the pieces cover (pieces of one target never overlap)."""
    return sum(max(0, min(token[1], p[1]) - max(token[0], p[0])) for p in set(pieces))


def shown_cases(word: str, lang: str) -> frozenset[str]:
    """The cases a Russian/Ukrainian word the model wrote can be in ("Каменем": instrumental); the pinned name
    then takes the case the model gave the word it put in its place."""
    if lang not in INFLECTED:
        return frozenset()
    return frozenset(p.tag.case for p in parse(word, lang) if p.tag.case)


def attend(
    source: str, placeholders: Sequence[tuple[int, Span]], located: Sequence[Match | None],
    alignment: AlignedTranslation, lang: str,
) -> list[Match | None]:
    """`located` with each missing occurrence (entry, placeholder span in `source`) filled from the attention
    where it is plausible, in order, each new span blocking the later ones."""
    text = alignment.text
    taken = [(m.start, m.end) for m in located if m]
    filled = list(located)
    for i, (entry, placeholder) in enumerate(placeholders):
        if filled[i] is not None:
            continue
        words = len(WORD.findall(source[placeholder[0]:placeholder[1]])) or 1
        span = attended_span(alignment.links, placeholder, words, text, taken, lang)
        if span:
            last = WORD.findall(text[span[0]:span[1]])[-1]
            filled[i] = Match(entry, span[0], span[1], text[span[0]:span[1]], shown_cases(last, lang))
            taken.append(span)
    return filled
