"""The detection benchmark's data: lingua's public test items, and synthetic mixed interviews built from them.

lingua's test data (../shared/corpus/langid-lingua) holds 1,000 single words, word pairs and sentences per
language. A synthetic interview alternates a host's sentences with a guest's short turns (a single word or a
word pair, capitalised and ended with a full stop, as a transcript writes "Согласен.") in another language;
in the switching scenarios the guest changes language once, halfway. Everything is drawn with a seeded RNG,
so the interviews are the same on every run.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from itertools import permutations
from pathlib import Path

from translator.document import Document, Segment

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "langid-lingua"
KINDS = ("single-words", "word-pairs", "sentences")
LANGS = ("en", "uk", "ru")
HOST, GUEST = "Host", "Guest"


@cache
def items(kind: str, lang: str, corpus: Path = CORPUS) -> tuple[str, ...]:
    """The test items of one kind and language, in file order."""
    lines = (line.strip() for line in (corpus / kind / f"{lang}.txt").read_text("utf-8").splitlines())
    return tuple(line for line in lines if line)


@dataclass(frozen=True)
class Scenario:
    """A host speaking `host`; a guest speaking `guest_first`, then `guest_then` from halfway on."""

    host: str
    guest_first: str
    guest_then: str

    @property
    def name(self) -> str:
        guest = self.guest_first if self.guest_first == self.guest_then else f"{self.guest_first}→{self.guest_then}"
        return f"host {self.host}, guest {guest}"


def scenarios() -> list[Scenario]:
    """Every guest in another language than the host, and every guest who switches once (24 in all)."""
    steady = [Scenario(host, guest, guest) for host, guest in permutations(LANGS, 2)]
    switching = [Scenario(host, a, b) for host in LANGS for a, b in permutations(LANGS, 2)]
    return steady + switching


def _short_turn(rng: random.Random, pool: tuple[str, ...]) -> str:
    text = rng.choice(pool)
    return text[0].upper() + text[1:] + "."


@dataclass(frozen=True)
class Interview:
    """A synthetic interview and, for each segment, its true language."""

    doc: Document
    truth: list[str]


def interview(scenario: Scenario, seed: int, exchanges: int = 20, corpus: Path = CORPUS) -> Interview:
    """`exchanges` host sentences, each answered by one short guest turn."""
    rng = random.Random(f"{scenario.name}/{seed}")
    segments: list[Segment] = []
    truth: list[str] = []
    for exchange in range(exchanges):
        guest_lang = scenario.guest_first if exchange < exchanges // 2 else scenario.guest_then
        short = items(rng.choice(KINDS[:2]), guest_lang, corpus)
        for speaker, lang, text in (
            (HOST, scenario.host, rng.choice(items("sentences", scenario.host, corpus))),
            (GUEST, guest_lang, _short_turn(rng, short)),
        ):
            segments.append(Segment(len(segments) + 1, "turn", text, speaker=speaker))
            truth.append(lang)
    return Interview(Document(f"{scenario.name} #{seed}.txt", "transcript", segments), truth)
