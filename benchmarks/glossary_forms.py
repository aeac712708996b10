"""How often a pinned name comes out in the form the sentence needs (issue #10), and how often a wrong form is
reported "pinned" or "kept" (unflagged). A set written here while the rules were tuned: the figures that say
how the glossary does on text nobody here wrote are benchmarks/glossary_public.py's (issue #25).

`glossary_eval/sentences.tsv` holds English sentences with Russian and Ukrainian reference translations whose
name slots are marked `[Путиным]`. The restore step is fed four kinds of raw model output per language:

* A — the reference itself: every name spelt and inflected correctly;
* B — the right case in the model's own spelling of the stem (Трумпу, Эйсином);
* C — every name left in the glossary's nominative, as a model that copies the placeholder leaves it;
* E — end to end: the source protected and translated by a real word-by-word test package (tests/tiny_argos.py)
  whose lexicon knows the small words of the sentences, then restored with the engine's own alignment.

A slot is right when the output shows one of its accepted forms there, the rest of the sentence untouched; it is
"wrong, reported pinned" when its form is wrong and its status says pinned (uncertain and missed are honest).

    python -m benchmarks.glossary_forms     # from the repository root; prints the table (E needs ctranslate2)
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from translator.document import GlossaryHit
from translator.glossary import Glossary, load_glossaries, protect, restore, restore_all
from translator.glossary.match import find_terms

HERE = Path(__file__).resolve().parent / "glossary_eval"
GLOSSARY_FILE = HERE / "glossary.tsv"
SENTENCES_FILE = HERE / "sentences.tsv"
LEXICON_FILE = HERE / "lexicon.tsv"
CACHE = Path(__file__).resolve().parent / ".cache"
LANGS = ("ru", "uk")
KINDS = ("A", "B", "C")
TARGETS = {"A": 0.99, "B": 0.90, "C": 0.85}
WRONG_PINNED_LIMIT = 0.02
_SLOT = re.compile(r"\[([^\]]+)\]")

# The model's own spelling of a stem (kind B): the first key that starts a slot's word is replaced.
RESPELT: dict[str, dict[str, str]] = {
    "ru": {"Трамп": "Трумп", "Путин": "Путін", "Айсин": "Эйсин", "Зеленск": "Зеленськ", "Каллас": "Калас",
           "Пашинян": "Пашиньян", "Джонсон": "Джонсен", "Киев": "Кыев", "Одесс": "Одес",
           "Харьков": "Харков", "Львов": "Львив", "Вашингтон": "Вашінгтон", "Крым": "Крим", "Москв": "Маскв",
           "Украин": "Україн", "Росси": "Роси", "Армени": "Армэни", "Турци": "Турці", "Европ": "Эвроп",
           "Донбасс": "Донбас", "Ереван": "Эреван", "Аляск": "Аляшк", "Лондон": "Ландон", "Франци": "Францы",
           "Руслан": "Руслaн", "Елен": "Єлен", "Юли": "Юлі", "Борис": "Барис"},
    "uk": {"Трамп": "Трумп", "Путін": "Путин", "Айсін": "Айсин", "Зеленськ": "Зеленск", "Каллас": "Калас",
           "Пашинян": "Пашиньян", "Джонсон": "Джонсен", "Києв": "Киев", "Київ": "Киев",
           "Одес": "Одесс", "Харків": "Харьків", "Харков": "Харьков", "Львів": "Львив", "Львов": "Львов",
           "Вашингтон": "Вашінгтон", "Крим": "Крым", "Москв": "Маскв", "Україн": "Украін", "Росі": "Россі",
           "Вірмені": "Вирмені", "Туреччин": "Туречин", "Європ": "Эвроп", "Донбас": "Донбасс", "Єреван": "Ереван",
           "Аляск": "Аляшк", "Алясц": "Аляшц", "Лондон": "Ландон", "Франці": "Францi", "Руслан": "Руслaн",
           "Олен": "Елен", "Юлі": "Юли", "Борис": "Барис"},
}


@dataclass(frozen=True)
class Slot:
    """One name in a reference: the entry it belongs to and the forms accepted there."""

    entry: int
    accepted: tuple[str, ...]


@dataclass(frozen=True)
class Item:
    """One evaluation sentence in one target language: the reference split around its slots."""

    source: str
    lang: str
    pieces: tuple[str, ...]  # text around the slots: len(slots) + 1 pieces
    slots: tuple[Slot, ...]

    def text(self, fill: Callable[[Slot], str]) -> str:
        """The reference with each slot filled by `fill`."""
        out = [self.pieces[0]]
        for slot, piece in zip(self.slots, self.pieces[1:]):
            out += [fill(slot), piece]
        return "".join(out)

    def read(self, output: str) -> list[str] | None:
        """What the output shows in each slot, or None when the text around the slots changed."""
        pattern = "(.*?)".join(re.escape(p) for p in self.pieces)
        found = re.fullmatch(pattern, output, re.DOTALL)
        return list(found.groups()) if found else None


@dataclass
class Score:
    """Counts over the slots of one kind of raw output in one language."""

    slots: int = 0
    right: int = 0
    wrong_pinned: int = 0
    uncertain: int = 0
    missed: int = 0
    untouched_ok: int = 0
    untouched: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def right_share(self) -> float:
        return self.right / self.slots if self.slots else 1.0

    @property
    def wrong_pinned_share(self) -> float:
        return self.wrong_pinned / self.slots if self.slots else 0.0


def _entry_of(glossary: Glossary, lang: str, surface: str) -> int:
    """The entry whose written `lang` form a slot's surface inflects: same number of words, each sharing at
    least its first letter (the first word two), the longest shared beginnings winning."""
    words = surface.lower().split(" ")

    def shared(form: str) -> int:
        other = form.lower().split(" ")
        lengths = [next((k for k, (a, b) in enumerate(zip(w, f)) if a != b), min(len(w), len(f)))
                   for w, f in zip(words, other)]
        return sum(lengths) if len(other) == len(words) and lengths[0] >= 2 and min(lengths) >= 1 else 0

    ranked = sorted(((shared(e.written(lang) or ""), i) for i, e in enumerate(glossary.entries)), reverse=True)
    if not ranked[0][0] or ranked[0][0] == ranked[1][0]:
        raise ValueError(f"slot '{surface}' ({lang}) matches no single glossary entry")
    return ranked[0][1]


def load_items(glossary: Glossary) -> list[Item]:
    """Every sentence in both languages."""
    items = []
    for line in SENTENCES_FILE.read_text(encoding="utf-8").splitlines()[2:]:
        source, *targets = line.split("\t")
        for lang, target in zip(LANGS, targets):
            pieces = tuple(_SLOT.split(target)[0::2])
            slots = tuple(
                Slot(_entry_of(glossary, lang, text.split("/")[0]), tuple(text.split("/")))
                for text in _SLOT.findall(target)
            )
            items.append(Item(source, lang, pieces, slots))
    return items


def respelt(surface: str, lang: str) -> str:
    """The model's own spelling of a correct form (kind B): each word's stem respelt where RESPELT knows it."""
    def word(w: str) -> str:
        key = next((k for k in RESPELT[lang] if w.startswith(k) and len(w) > len(k) - 1), None)
        return RESPELT[lang][key] + w[len(key):] if key else w

    return " ".join(word(w) for w in surface.split(" "))


def raw_output(item: Item, kind: str, glossary: Glossary) -> str:
    """The raw model output of one kind (A, B or C) for an item."""
    if kind == "A":
        return item.text(lambda s: s.accepted[0])
    if kind == "B":
        return item.text(lambda s: respelt(s.accepted[0], item.lang))
    return item.text(lambda s: glossary.entries[s.entry].written(item.lang) or "")


def _hits_by_slot(item: Item, glossary: Glossary, hits: list[GlossaryHit]) -> list[GlossaryHit | None]:
    """The hit of each slot: the k-th hit of an entry goes to the k-th slot of that entry."""
    queues: dict[str, list[GlossaryHit]] = {}
    for hit in hits:
        queues.setdefault(hit.term, []).append(hit)
    out: list[GlossaryHit | None] = []
    for slot in item.slots:
        queue = queues.get(glossary.entries[slot.entry].label, [])
        out.append(queue.pop(0) if queue else None)
    return out


def score_item(item: Item, output: str, hits: list[GlossaryHit], glossary: Glossary, score: Score) -> None:
    """Add one restored sentence to `score`."""
    if not item.slots:
        score.untouched += 1
        score.untouched_ok += output == item.text(lambda s: "") and not hits
        return
    shown = item.read(output)
    for k, (slot, hit) in enumerate(zip(item.slots, _hits_by_slot(item, glossary, hits))):
        status = hit.status if hit else "missed"
        seen = shown[k] if shown else "(sentence changed)"
        right = shown is not None and shown[k] in slot.accepted
        _count(score, right, status, f"{item.lang} {status:9} {seen!r} for {slot.accepted[0]!r} in: {output}")


def _count(score: Score, right: bool, status: str, failure: str) -> None:
    score.slots += 1
    score.right += right
    score.uncertain += status == "uncertain"
    score.missed += status == "missed"
    if not right:
        score.wrong_pinned += status in ("pinned", "kept")  # kept: left as the model wrote it, unflagged
        score.failures.append(failure)


def evaluate(glossary: Glossary | None = None) -> dict[tuple[str, str], Score]:
    """Scores of kinds A, B and C in both languages."""
    glossary = glossary or load_glossaries([GLOSSARY_FILE])
    scores = {(kind, lang): Score() for kind in KINDS for lang in LANGS}
    for item in load_items(glossary):
        for kind in KINDS:
            protected = protect(glossary, item.source, "en", item.lang)
            output, hits = restore(glossary, protected, raw_output(item, kind, glossary), item.lang)
            score_item(item, output, hits, glossary, scores[(kind, item.lang)])
    return scores


def lexicon(lang: str) -> dict[str, str]:
    """The end-to-end package's word-by-word lexicon from English into `lang`."""
    rows = [line.split("\t") for line in LEXICON_FILE.read_text(encoding="utf-8").splitlines()[3:]]
    return {row[0]: row[1 + LANGS.index(lang)] for row in rows}


def end_to_end_engine(cache: Path = CACHE) -> Any:
    """An engine over real word-by-word test packages en→ru and en→uk, built once into `cache`."""
    from benchmarks.package import BUILDER, _builder
    from translator.engine.argos import ArgosEngine
    from translator.engine.packages import install_file, installed_packages

    stamp = hashlib.sha256(BUILDER.read_bytes() + LEXICON_FILE.read_bytes()).hexdigest()[:10]
    folder = cache / f"glossary-forms-{stamp}"
    if len(installed_packages(folder)) < len(LANGS):
        for lang in LANGS:
            archive = _builder().build_package(cache / f"glossary-archives-{stamp}", "en", lang, lexicon(lang))
            install_file(archive, folder)
    return ArgosEngine(packages=installed_packages(folder))


def evaluate_end_to_end(glossary: Glossary | None = None, engine: Any = None) -> dict[str, Score]:
    """Kind E: every source protected, translated by the word-by-word package, restored with the engine's
    alignment as the pipeline does. The rest of the sentence is not the reference's, so a slot is right when
    its occurrence's written form is one the reference accepts."""
    glossary = glossary or load_glossaries([GLOSSARY_FILE])
    engine = engine or end_to_end_engine()
    items = [item for item in load_items(glossary) if item.slots]
    scores = {}
    for lang in LANGS:
        mine = [item for item in items if item.lang == lang]
        protected = [protect(glossary, item.source, "en", lang) for item in mine]
        raw = engine.translate([p.text for p in protected], "en", lang)
        aligner = functools.partial(engine.align, src="en", tgt=lang)
        score = scores[lang] = Score()
        for item, (output, hits) in zip(mine, restore_all(glossary, protected, raw, lang, aligner)):
            for slot, hit in zip(item.slots, _hits_by_slot(item, glossary, hits)):
                status = hit.status if hit else "missed"
                right = hit is not None and status != "missed" and hit.target_text in slot.accepted
                _count(score, right, status, f"{lang} {status:9} {hit.target_text if hit else ''!r} "
                                             f"for {slot.accepted[0]!r} in: {output}")
    return scores


def english_occurrences(glossary: Glossary, text: str) -> int:
    """How many glossary terms an English text shows (the lower-case sentences must show none)."""
    return len(find_terms(glossary, text, "en", "ru"))


def table(scores: dict[tuple[str, str], Score]) -> str:
    """The figures as a Markdown table."""
    lines = [
        "| kind | lang | slots | right | wrong, reported pinned | uncertain | missed |",
        "|---|---|---|---|---|---|---|",
    ]
    for (kind, lang), s in scores.items():
        lines.append(f"| {kind} | {lang} | {s.slots} | {s.right_share:.1%} | {s.wrong_pinned_share:.1%} "
                     f"| {s.uncertain} | {s.missed} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--failures", action="store_true", help="list every slot that came out wrong")
    parser.add_argument("--no-end-to-end", action="store_true", help="skip kind E (building its packages)")
    args = parser.parse_args()
    scores = evaluate()
    if not args.no_end_to_end:
        scores.update({("E", lang): score for lang, score in evaluate_end_to_end().items()})
    print(table(scores))
    if args.failures:
        for score in scores.values():
            print("\n".join(score.failures))


if __name__ == "__main__":
    main()
