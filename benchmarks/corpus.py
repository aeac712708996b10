"""Interview-like English for the benchmark, generated deterministically from the sample interview.

A seeded walk over the sample's word bigrams gives sentences of 15–30 words with the interview's vocabulary
(names, places, political terms), so SentencePiece splits them the way it splits real interview text. Every
sentence is distinct (the pipeline translates a repeated sentence once, which would flatter it), and the
turns are checked to split back into exactly these sentences with the translator's own splitter, so all
contenders translate the same list.
"""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "interview-aisin.en.txt"
SPEAKERS = ("Barvynenko", "Aysin")
MIN_WORDS, MAX_WORDS = 15, 30
SENTENCES_PER_TURN = (2, 5)
CUE_CHARS = 64  # a subtitle input's cue: a piece of a sentence that fits two lines
READING_CPS = 15
CUE_GAP_MS = 120
_WORD = re.compile(r"[A-Za-z][A-Za-z’'\-]*[A-Za-z]|[A-Za-z]")


def _bigrams(text: str) -> tuple[list[str], dict[str, list[str]]]:
    """The sample's words in order and, for each word, the words that follow it (repeats kept: frequency)."""
    words = _WORD.findall(text)
    following: dict[str, list[str]] = {}
    for first, second in itertools.pairwise(words):
        following.setdefault(first, []).append(second)
    return words, following


def _closes_sentence(word: str) -> bool:
    """A plain lower-case word of 3+ letters: no abbreviation or initial for the splitter to keep open."""
    return len(word) >= 3 and word.isalpha() and word.islower()


def _sentence(rng: random.Random, words: list[str], following: dict[str, list[str]]) -> str:
    """One sentence: a bigram walk cut back to its last closing word, MIN_WORDS..MAX_WORDS words in all,
    a comma now and then, a final . or ?"""
    out: list[str] = []
    while len(out) < MIN_WORDS:
        out = [rng.choice(words)]
        for _ in range(rng.randint(MIN_WORDS, MAX_WORDS) - 1):
            out.append(rng.choice(following.get(out[-1]) or words))
        while out and not _closes_sentence(out[-1]):
            out.pop()
    text = " ".join(w + ("," if rng.random() < 0.06 and i < len(out) - 1 else "") for i, w in enumerate(out))
    return text[:1].upper() + text[1:] + ("?" if rng.random() < 0.15 else ".")


def sentences(count: int, seed: int = 6) -> list[str]:
    """`count` distinct interview-like sentences; the same arguments give the same list."""
    words, following = _bigrams(SAMPLE.read_text("utf-8"))
    rng = random.Random(seed)
    found: dict[str, None] = {}
    while len(found) < count:
        found.setdefault(_sentence(rng, words, following))
    return list(found)


def turns(items: list[str], seed: int = 6) -> list[list[str]]:
    """Group sentences into turns of a few sentences each, in order."""
    rng = random.Random(seed)
    grouped: list[list[str]] = []
    start = 0
    while start < len(items):
        size = rng.randint(*SENTENCES_PER_TURN)
        grouped.append(items[start:start + size])
        start += size
    return grouped


def transcript(grouped: list[list[str]]) -> str:
    """`Name: text` lines, the two speakers taking turns."""
    lines = [f"{SPEAKERS[i % 2]}: {' '.join(turn)}" for i, turn in enumerate(grouped)]
    return "\n".join(lines) + "\n"


def cue_texts(sentence: str, limit: int = CUE_CHARS) -> list[str]:
    """A sentence cut at spaces into cue texts of at most `limit` characters (a longer word stays whole)."""
    texts: list[str] = []
    for word in sentence.split():
        if texts and len(texts[-1]) + 1 + len(word) <= limit:
            texts[-1] += " " + word
        else:
            texts.append(word)
    return texts


def film(items: list[str], cues: int) -> tuple[str, list[str]]:
    """An SRT of at least `cues` cues, each a piece of a sentence shown at reading speed: a feature film's
    subtitles, with most sentences running over two or three cues. Returns the SRT and the sentences used."""
    blocks: list[str] = []
    used: list[str] = []
    start_ms = 1000
    for sentence in items:
        if len(blocks) >= cues:
            break
        used.append(sentence)
        for text in cue_texts(sentence):
            end_ms = start_ms + max(1000, len(text) * 1000 // READING_CPS)
            blocks.append(f"{len(blocks) + 1}\n{_srt_time(start_ms)} --> {_srt_time(end_ms)}\n{text}\n")
            start_ms = end_ms + CUE_GAP_MS
    if len(blocks) < cues:
        raise ValueError(f"{len(items)} sentences make only {len(blocks)} cues, not {cues}")
    return "\n".join(blocks), used


def _srt_time(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02}:{minutes:02}:{seconds:02},{millis:03}"


def single_line(items: list[str], words: int) -> tuple[str, list[str]]:
    """One `Name: text` line of the first sentences that together reach `words` words, and those sentences."""
    used: list[str] = []
    count = 0
    for sentence in items:
        if count >= words:
            break
        used.append(sentence)
        count += len(sentence.split())
    if count < words:
        raise ValueError(f"{len(items)} sentences hold only {count} words, not {words}")
    return f"{SPEAKERS[0]}: {' '.join(used)}\n", used
