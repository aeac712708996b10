"""Glossary names on text nobody on the project wrote (issue #25): the Universal Dependencies dev treebanks.

Every sentence of `ud/ru_gsd-ud-dev.conllu` and `ud/uk_parlamint-ud-dev.conllu` (in the shared corpus) with
proper nouns is a test: each name (a run of PROPN tokens in one case and number) becomes a glossary row whose
target form is its gold lemma and whose English form is a Latin transliteration, so that the English source
(the names only) protects it. The restore step is then fed three kinds of raw model output:

* A — the gold sentence itself: every name correct; it must come back byte-identical, the names reported kept;
* B — each name re-spelt the way a model might (one stem letter changed, the gold ending kept): the glossary's
  spelling in the gold case is right;
* C — each inflected name replaced by its lemma (the nominative a model that copies the placeholder leaves): the
  gold form is right.

Per kind and language: names, right, flagged (uncertain or missed), silently wrong (wrong and reported pinned or
kept), false flags (right but flagged), and for A the lines unchanged. The corpus is found at
$TRANSLATOR_CORPUS, else ../shared/corpus beside the repository.

    python -m benchmarks.glossary_public [--corpus DIR] [--failures KIND] [--by-case] [--rules] [--transcripts]
                                         [--treebank FILE ...]

`--treebank` scores other UD files instead (docs/glossary.md names the ones measured, with their commits).
"""

from __future__ import annotations

import argparse
import html
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from translator.document import GlossaryHit
from translator.glossary import Glossary, GlossaryEntry, nominative, pin, protect, restore

ROOT = Path(__file__).resolve().parents[1]
FILES = {"ru": "ru_gsd-ud-dev.conllu", "uk": "uk_parlamint-ud-dev.conllu"}
KINDS = ("A", "B", "C")
# The bar, per language: share of A lines unchanged, A names flagged, B and C right, silent wrong.
TARGETS = {"A lines": 0.995, "A flagged": 0.05, "B": 0.95, "C": 0.85, "silent": 0.01}
UD_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct",
            "Voc": "voct", "Par": "gent"}
_LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                  "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya i yi ye g".split(" ")))
# One plausible respelling a model makes of a stem, per language, tried in order (first that applies).
RESPELL = {
    "ru": (("сс", "с"), ("лл", "л"), ("нн", "н"), ("е", "э"), ("и", "ы"), ("о", "а"), ("а", "о"), ("у", "ю")),
    "uk": (("и", "і"), ("і", "и"), ("е", "є"), ("о", "а"), ("а", "о"), ("у", "ю")),
}


def corpus_dir(given: str | None = None) -> Path:
    """Where the shared corpus is: an argument, $TRANSLATOR_CORPUS, else ../shared/corpus."""
    return Path(given or os.environ.get("TRANSLATOR_CORPUS") or ROOT.parent / "shared" / "corpus")


@dataclass(frozen=True)
class Name:
    """One name in a gold sentence: where it is, its gold surface, lemma and case."""

    start: int
    end: int
    form: str
    lemma: str
    case: str


@dataclass(frozen=True)
class Sentence:
    text: str
    names: tuple[Name, ...]


def _feats(column: str) -> dict[str, str]:
    return dict(f.split("=", 1) for f in column.split("|") if "=" in f)


def _cased(lemma: str, form: str) -> str:
    """The lemma capitalised like the gold form (the form itself where the treebank's lemma only lost its
    capitals, its ё or an initial's full stop: СПбГПУ, YouTube, Гёйгёль, А), its apostrophe the form's (the IU
    treebank's lemmas write ’ where its text writes ': О'Райлі)."""
    sign = re.search(r"['’ʼ]", form)
    if sign:
        lemma = re.sub(r"['’ʼ]", sign.group(), lemma)
    if lemma.lower().replace("ё", "е") == form.lower().replace("ё", "е") or lemma.rstrip(".") == form:
        return form  # (IU writes an initial's lemma with its full stop: А for А.)
    if len(form) > 1 and form.isupper() and lemma.isupper():
        return lemma
    return lemma[:1].upper() + lemma[1:] if form[:1].isupper() else lemma


def read_sentences(path: Path) -> Iterator[Sentence]:
    """The sentences of a CoNLL-U file with their names (runs of PROPN tokens sharing case and number, joined
    by single spaces)."""
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        tokens: list[tuple[str, str, str, dict[str, str], bool]] = []
        skip_to = 0
        for line in block.splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) != 10 or "." in cols[0]:
                continue
            if "-" in cols[0]:
                skip_to = int(cols[0].split("-")[1])
                tokens.append((cols[1], cols[1], "X", {}, "SpaceAfter=No" not in cols[9]))
                continue
            if int(cols[0]) <= skip_to:
                continue
            # Russian GSD writes its closing quotes HTML-escaped (&#39;&#39;): read as the '' a reader sees
            tokens.append((html.unescape(cols[1]), cols[2], cols[3], _feats(cols[5]), "SpaceAfter=No" not in cols[9]))
        if not tokens:
            continue
        text = ""
        names: list[list[tuple[int, int, str, str, dict[str, str]]]] = []
        run: list[tuple[int, int, str, str, dict[str, str]]] = []  # (start, end, form, lemma, feats)
        for form, lemma, upos, feats, space in tokens:
            start = len(text)
            text += form + (" " if space else "")
            same = run and feats.get("Case") == run[-1][4].get("Case") and text[run[-1][1]:start] == " " \
                and feats.get("Number") == run[-1][4].get("Number")
            if upos != "PROPN" or (run and not same):
                names += [run] if run else []
                run = []
            if upos == "PROPN" and lemma and lemma != "_" and feats.get("Case") in UD_CASES:
                run.append((start, start + len(form), form, _cased(lemma, form), feats))
        names += [run] if run else []
        found = tuple(
            Name(r[0][0], r[-1][1], text[r[0][0]:r[-1][1]], " ".join(t[3] for t in r), UD_CASES[r[0][4]["Case"]])
            for r in names
            if all(re.fullmatch(r"[^\W\d_][\w'’-]*", t[2]) for t in r)
        )
        if found:
            yield Sentence(text.rstrip(), found)


def latin(text: str) -> str:
    out = "".join(_LATIN.get(ch.lower(), ch.lower()).replace("-", "") if ch.isalpha() else ch for ch in text)
    return " ".join(w[:1].upper() + w[1:] for w in out.split(" "))


def glossary_of(sentence: Sentence, lang: str) -> tuple[Glossary, list[int], str]:
    """One row per distinct lemma, the entry of each name, and the English source (the names only)."""
    rows: dict[str, int] = {}
    entries: list[GlossaryEntry] = []
    english: set[str] = set()
    for name in sentence.names:
        if name.lemma not in rows:
            en = latin(name.lemma)
            while en in english:
                en += "x"
            english.add(en)
            rows[name.lemma] = len(entries)
            entries.append(GlossaryEntry({"en": (en,), lang: (name.lemma,)}))
    order = [rows[n.lemma] for n in sentence.names]
    source = ", ".join(entries[i].forms["en"][0] for i in order) + "."
    return Glossary(tuple(entries)), order, source


def respelt(form: str, lemma: str, lang: str) -> str | None:
    """The gold form with one stem letter changed (B), or None when no stem is long enough; abbreviations
    (НАТО, СССР, КамАЗ) are not respelt."""
    out, changed = [], False
    for word, base in zip(form.split(" "), lemma.split(" ")):
        low, stem = word.lower(), 0
        while stem < min(len(low), len(base)) and low[stem] == base[stem].lower():
            stem += 1
        if not changed and stem >= 4 and not (word.isupper() or re.search(r"[^\W\d_][A-ZА-ЯЁІЇЄҐ]", word)):
            for old, new in RESPELL[lang]:
                at = low.find(old, 1, stem - 1)
                if at > 0:
                    word = word[:at] + new + word[at + len(old):]
                    changed = True
                    break
        out.append(word)
    return " ".join(out) if changed else None


@dataclass
class Score:
    names: int = 0
    right: int = 0
    flagged: int = 0
    silent: int = 0
    false_flags: int = 0
    lines: int = 0
    unchanged: int = 0
    by_case: dict[str, list[int]] = field(default_factory=dict)  # case → [names, right]
    rules: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # (rule, outcome) → [fired, right]
    failures: list[str] = field(default_factory=list)

    def share(self, count: int) -> float:
        return count / self.names if self.names else 0.0


def _slots(text: str, names: list[tuple[int, int]], output: str) -> list[str] | None:
    """What the output shows where the names were, or None when the text around them changed."""
    pieces, position = [], 0
    for start, end in names:
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    found = re.fullmatch("(.*?)".join(re.escape(p) for p in pieces), output, re.DOTALL)
    return list(found.groups()) if found else None


def score_sentence(sentence: Sentence, lang: str, kind: str, score: Score) -> None:
    """Feed one kind of output for one sentence to restore, and count."""
    glossary, _, source = glossary_of(sentence, lang)
    texts, spans, scored, position, shift = [], [], [], 0, 0
    for name in sentence.names:
        new = name.form
        if kind == "B":
            new = respelt(name.form, name.lemma, lang) or name.form
        elif kind == "C":  # as the text writes it: a heading in capitals, the lemma in capitals
            new = name.lemma.upper() if len(name.form) > 1 and name.form.isupper() else name.lemma
        scored.append(kind == "A" or new != name.form)
        texts.append(sentence.text[position:name.start])
        start = name.start + shift
        texts.append(new)
        spans.append((start, start + len(new)))
        shift += len(new) - len(name.form)
        position = name.end
    if not any(scored):
        return
    texts.append(sentence.text[position:])
    raw = "".join(texts)
    made: dict[int, nominative.Decision] = {}  # where a caseless name starts in raw → the decision it got

    def recording(text: str, start: int, end: int, tgt: str, who: object, decided: dict[int, str]) -> object:
        decision = nominative.decide(text, start, end, tgt, who, decided)  # type: ignore[arg-type]
        if text == raw:
            made[start] = decision
        return decision

    vars(pin)["decide"] = recording  # pin imports decide by name
    try:
        output, hits = restore(glossary, protect(glossary, source, "en", lang), raw, lang)
    finally:
        vars(pin)["decide"] = nominative.decide
    if kind == "A":
        score.lines += 1
        score.unchanged += output == sentence.text
    shown = _slots(raw, spans, output)
    for k, name in enumerate(sentence.names):
        if not scored[k]:
            continue
        hit: GlossaryHit | None = hits[k] if k < len(hits) else None
        status = hit.status if hit else "missed"
        seen = shown[k] if shown else "(sentence changed)"
        right = seen == name.form
        flagged = status in ("uncertain", "missed")
        score.names += 1
        score.right += right
        score.flagged += flagged
        score.silent += not right and not flagged
        score.false_flags += right and flagged
        decision = made.get(spans[k][0])
        if decision is not None and decision.sure and kind in ("A", "C"):
            tally = score.rules.setdefault((nominative.family(decision.rule), nominative.outcome(decision)), [0, 0])
            tally[0] += 1
            # The rule chose right when the name came out right or its case is the gold case (a declension the
            # paradigm got wrong, Кароль Шретером, is not the rule's error).
            tally[1] += right or decision.case.replace("loc2", "loct") == name.case
        tally = score.by_case.setdefault(name.case, [0, 0])
        tally[0] += 1
        tally[1] += right
        if not right or flagged:
            why = f" [{decision.rule}{'' if decision.sure else ', unsure'}]" if decision is not None else ""
            score.failures.append(f"{lang} {kind} {status:9} {seen!r} for {name.form!r} ({name.case}){why} in: {raw}")


def evaluate(
    corpus: Path, langs: tuple[str, ...] = ("ru", "uk"), limit: int | None = None
) -> dict[tuple[str, str], Score]:
    return evaluate_files([(corpus / "ud" / FILES[lang], lang) for lang in langs], limit)


def evaluate_files(files: list[tuple[Path, str]], limit: int | None = None) -> dict[tuple[str, str], Score]:
    """Scores per kind and language over CoNLL-U files (path, lang); files of one language add up."""
    scores = {(kind, lang): Score() for _, lang in files for kind in KINDS}
    for path, lang in files:
        for n, sentence in enumerate(read_sentences(path)):
            if limit is not None and n >= limit:
                break
            for kind in KINDS:
                score_sentence(sentence, lang, kind, scores[(kind, lang)])
    return scores


def treebank(argument: str) -> tuple[Path, str]:
    """A --treebank argument: a CoNLL-U file whose name starts with its language (ru_taiga-ud-dev.conllu)."""
    path = Path(argument)
    lang = path.name.split("_", 1)[0]
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"{argument}: no such file")
    if lang not in FILES:
        raise argparse.ArgumentTypeError(f"{argument}: the name must start with ru_ or uk_ (ru_taiga-ud-dev.conllu)")
    return path, lang


_NAMED = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn"})


def transcripts(corpus: Path) -> Score:
    """Kind A on the Ukrainian ParlaMint transcripts in `transcripts/` (no gold cases there): each capitalised
    word inside a sentence that pymorphy3 knows as a name becomes a term (its lemma pymorphy3's), and the
    sentence, correct as spoken, must come back unchanged."""
    import csv

    from translator.morphology import parse

    score = Score()
    for path in sorted((corpus / "transcripts").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            texts = [row["text"] for row in csv.DictReader(handle, delimiter="\t") if row.get("lang") == "uk"]
        for sentence in (s for text in texts for s in re.split(r"(?<=[.!?])\s+", text)):
            names = []
            for found in re.finditer(r"[А-ЯІЇЄҐ][а-яіїєґ'’]+", sentence):
                if found.start() == 0 or sentence[: found.start()].rstrip()[-1:] in ".!?\"«":
                    continue
                first = parse(found.group(), "uk")[0]
                if first.is_known and first.tag.grammemes & _NAMED:
                    names.append(first.normal_form[:1].upper() + first.normal_form[1:])
            if not names:
                continue
            rows: dict[str, GlossaryEntry] = {}
            for lemma in names:
                rows.setdefault(lemma, GlossaryEntry({"en": (latin(lemma) + "x" * len(rows),), "uk": (lemma,)}))
            glossary = Glossary(tuple(rows.values()))
            source = ", ".join(rows[lemma].forms["en"][0] for lemma in names) + "."
            output, hits = restore(glossary, protect(glossary, source, "en", "uk"), sentence, "uk")
            score.lines += 1
            score.unchanged += output == sentence
            score.names += len(names)
            score.flagged += sum(hit.status in ("uncertain", "missed") for hit in hits)
            if output != sentence:
                score.failures.append(f"uk T changed: {sentence!r} -> {output!r}")
    return score


def table(scores: dict[tuple[str, str], Score]) -> str:
    lines = [
        "| kind | lang | names | right | flagged | silently wrong | false flags | A lines unchanged |",
        "|---|---|---|---|---|---|---|---|",
    ]
    rows = [(kind, lang, s) for (kind, lang), s in scores.items()]
    # the three kinds of a language together: the "silently wrong <= 1% of all names"
    rows += [("all", lang, total(s for (_, other), s in scores.items() if other == lang))
             for lang in dict.fromkeys(lang for _, lang in scores)]
    for kind, lang, s in rows:
        unchanged = f"{s.unchanged / s.lines:.1%} of {s.lines}" if s.lines else ""
        lines.append(f"| {kind} | {lang} | {s.names} | {s.share(s.right):.1%} | {s.share(s.flagged):.1%} "
                     f"| {s.share(s.silent):.1%} | {s.false_flags} ({s.share(s.false_flags):.1%}) | {unchanged} |")
    return "\n".join(lines)


def total(scores: Iterable[Score]) -> Score:
    """The counts of several scores added up (names, right, flagged, silent, false flags, lines)."""
    out = Score()
    for s in scores:
        for count in ("names", "right", "flagged", "silent", "false_flags", "lines", "unchanged"):
            setattr(out, count, getattr(out, count) + getattr(s, count))
    return out


def case_table(scores: dict[tuple[str, str], Score]) -> str:
    cases = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")
    lines = ["| kind | lang | " + " | ".join(cases) + " |", "|---|---|" + "---|" * len(cases)]
    for (kind, lang), s in scores.items():
        cells = [f"{s.by_case[c][1]}/{s.by_case[c][0]}" if c in s.by_case else "" for c in cases]
        lines.append(f"| {kind} | {lang} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def rule_table(scores: dict[tuple[str, str], Score]) -> str:
    """Per language, each rule that decided a caseless name surely (A and C together): how often it fired and
    how often the name came out right; below the bar it is reported uncertain (nominative.BELOW_BAR)."""
    lines = ["| lang | rule | does | fired | right | precision | bar |", "|---|---|---|---|---|---|---|"]
    for lang in dict.fromkeys(lang for _, lang in scores):
        merged: dict[tuple[str, str], list[int]] = {}
        for kind in ("A", "C"):
            for key, (fired, right) in scores[(kind, lang)].rules.items() if (kind, lang) in scores else ():
                tally = merged.setdefault(key, [0, 0])
                tally[0] += fired
                tally[1] += right
        for (rule, does), (fired, right) in sorted(merged.items(), key=lambda item: -item[1][0]):
            held = "held" if right / fired >= nominative.PRECISION_BAR else "below"
            lines.append(f"| {lang} | {rule} | {does} | {fired} | {right} | {right / fired:.1%} | {held} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="the shared corpus folder (default: $TRANSLATOR_CORPUS or ../shared/corpus)")
    parser.add_argument("--failures", choices=KINDS, action="append", help="list the names of a kind not right")
    parser.add_argument("--by-case", action="store_true", help="right/names per gold case")
    parser.add_argument("--transcripts", action="store_true",
                        help="also kind A on the ParlaMint-UA transcripts in transcripts/ (no gold cases)")
    parser.add_argument("--treebank", type=treebank, action="append",
                        help="score this CoNLL-U file instead of the corpus's dev splits (repeatable; the language "
                             "is the file name's prefix, as in ru_taiga-ud-dev.conllu)")
    parser.add_argument("--rules", action="store_true",
                        help="each nominative rule's fire count and precision on A and C, measured before the bar")
    args = parser.parse_args()
    corpus = corpus_dir(args.corpus)
    if not args.treebank and not (corpus / "ud").is_dir():
        parser.error(f"no ud/ folder in {corpus}")
    nominative.GATED = not args.rules
    scores = evaluate_files(args.treebank) if args.treebank else evaluate(corpus)
    print(table(scores))
    if args.rules:
        print("\n(every rule as written, none held to the bar)\n")
        print(rule_table(scores))
    if args.transcripts:
        spoken = transcripts(corpus)
        print(f"\ntranscripts (uk, kind A): {spoken.unchanged}/{spoken.lines} lines unchanged, "
              f"{spoken.flagged}/{spoken.names} names flagged")
        print("\n".join(spoken.failures))
    if args.by_case:
        print()
        print(case_table(scores))
    for kind in args.failures or ():
        for (k, _), score in scores.items():
            if k == kind:
                print("\n".join(score.failures))


if __name__ == "__main__":
    main()
