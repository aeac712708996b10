"""Offline sentence splitting: pysbd for English, razdel for Ukrainian and Russian.

Both are rule-based and ship no model, so nothing is downloaded at run time (argostranslate's default
MiniSBD splitter downloads one on first use). Splitting never loses text: the sentences, joined with
single spaces, are the segment's text with its whitespace runs collapsed.

Both also slow down faster than the text grows (a single 20k-word line took 6.0 s against 0.75 s for 5k
words), so a long text is split a bounded chunk at a time: each chunk's sentences are kept but its last,
which the chunk's end may have cut, and the next chunk starts where that sentence starts. Total work stays
within about twice the text's length.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from translator.document import Document

CHUNK_CHARS = 2000
# pysbd and razdel end sentences only at punctuation: a text of letters, digits, spaces, commas, colons, dashes
# and apostrophes inside words, with at most one . ? ! or … at its very end, is one sentence for both
# (tests/test_sentences.py checks it on generated and real text; two dots, quotes and brackets are not safe:
# pysbd splits "a) … b) …" lists and "x.." ). Most cues of a film, and most sentence groups made of them, are
# such a text; the splitters cost a millisecond or more a call (pysbd's patterns outnumber re's cache), so
# these skip them.
_ONE_SENTENCE = re.compile(r"(?:[\w ,\-–—:]|(?<=\w)['’](?=\w))*[.?!…]?")
# An English text of such sentences, each ending in . ? or ! and the next starting with a capital, is cut there by
# pysbd, unless a rule of its own holds the period: an abbreviation of its list (pysbd 0.3.4,
# lang/common/standard.py: tests/test_sentences.py checks this copy), a list item (a single letter, a number, a
# Roman numeral) or an exclamation word ("Yahoo!"). Most turns of an interview are such a text.
_ENGLISH_BREAK = re.compile(r"(?<=[.?!]) (?=[A-Z])")
PYSBD_ABBREVIATIONS = frozenset("""
    adj adm adv al ala alta apr arc ariz ark art assn asst attys aug ave bart bld bldg blvd brig bros btw cal calif
    capt cl cmdr co col colo comdr con conn corp cpl cres ct d.phil dak dec del dept det dist dr dr.phil dr.philos drs
    e.g ens esp esq etc exp expy ext feb fed fla ft fwy fy ga gen gov hon hosp hr hway hwy i.e ia id ida ill inc ind
    ing insp is jan jr jul jun kan kans ken ky la lt ltd maj man mar mass may md me med messrs mex mfg mich min minn
    miss mlle mm mme mo mont mr mrs ms msgr mssrs mt mtn neb nebr nev no nos nov nr oct ok okla ont op ord ore p pa pd
    pde penn penna pfc ph ph.d pl plz pp prof pvt que rd rs ref rep reps res rev rt sask sec sen sens sep sept sfc sgt
    sr st supt surg tce tenn tex univ usafa u.s ut va v ver viz vs vt wash wis wisc wy wyo yuk fig
""".split())
_ROMAN_NUMERALS = frozenset("i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split())
_EXCLAMATION_WORDS = ("Yahoo", "Yum")
Splitter = Callable[[str], list[str]]


@lru_cache(maxsize=1)
def _english_segmenter():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def pysbd_pieces(text: str) -> list[str]:
    """English sentences by pysbd's rules."""
    return list(_english_segmenter().segment(text))


def razdel_pieces(text: str) -> list[str]:
    """Ukrainian and Russian sentences by razdel's rules."""
    from razdel import sentenize

    return [span.text for span in sentenize(text)]


def split_sentences(text: str, lang: str | None) -> list[str]:
    """The sentences of one segment's text, stripped, none empty."""
    return list(_split_cached(" ".join(text.split()), lang))


def split_chunk(text: str, splitter: Splitter) -> list[str]:
    """One splitter call on a text of single-spaced words; the whole text as one sentence if the pieces
    would not join back to it."""
    sentences = [piece.strip() for piece in splitter(text) if piece.strip()]
    return sentences if " ".join(sentences) == text else [text]


def split_long(text: str, splitter: Splitter, chunk: int = CHUNK_CHARS) -> list[str]:
    """Sentences of a single-spaced text of any length, from splitter calls on at most `chunk` characters."""
    sentences: list[str] = []
    start = 0
    while len(text) - start > chunk:
        window = text[start : start + chunk].rstrip(" ")
        pieces = split_chunk(window, splitter)
        if len(pieces) > 1:
            kept = pieces[:-1]
            start += len(" ".join(kept)) + 1
        else:  # one sentence longer than a chunk: end it at the window's last space (with none, at the next)
            cut = window.rfind(" ")
            if cut <= 0:
                cut = text.find(" ", start + chunk) - start
                cut = cut if cut > 0 else len(text) - start
            kept = [text[start : start + cut]]
            start += cut + 1
        sentences.extend(kept)
    if start < len(text):
        sentences.extend(split_chunk(text[start:], splitter))
    return sentences


@lru_cache(maxsize=1 << 16)
def _split_cached(text: str, lang: str | None) -> tuple[str, ...]:
    """Subtitle layout asks for the same texts' sentences again and again; pysbd takes ~1 ms a call."""
    if not text:
        return ()
    if len(text) <= CHUNK_CHARS:
        if _ONE_SENTENCE.fullmatch(text):
            return (text,)
        if lang == "en" and (plain := plain_english_sentences(text)):
            return plain
    return tuple(split_long(text, pysbd_pieces if lang == "en" else razdel_pieces))


def plain_english_sentences(text: str) -> tuple[str, ...] | None:
    """The sentences pysbd gives a text of plain sentences (see _ENGLISH_BREAK), found without it (pysbd takes
    a millisecond or more a text); None for any other text."""
    sentences = _ENGLISH_BREAK.split(text)
    if all(_ONE_SENTENCE.fullmatch(sentence) for sentence in sentences) and all(
            _ends_where_pysbd_ends(sentence) for sentence in sentences[:-1]):
        return tuple(sentences)
    return None


def _ends_where_pysbd_ends(sentence: str) -> bool:
    """Whether pysbd ends a sentence at this one's final . ? or ! when a capital follows."""
    word = sentence[:-1].rpartition(" ")[2]
    held = word.lower() in PYSBD_ABBREVIATIONS or word.lower() in _ROMAN_NUMERALS
    exclaimed = sentence.endswith("!") and word.endswith(_EXCLAMATION_WORDS)
    return len(word) > 1 and word.isalpha() and not held and not exclaimed


def split_document(doc: Document) -> None:
    """Fill in `sentences` for every segment, in the segment's own language."""
    for segment in doc.segments:
        segment.sentences = split_sentences(segment.text, segment.lang)
