"""Detection benchmark (issue #11): accuracy on lingua's test data, mixed interviews, cost and linearity.

    python -m benchmarks.detection [--interviews 20] [--compare] [--corpus DIR]

Prints Markdown tables and checks the targets: at most 200 errors of the 9,000 en/uk/ru items, at least 93% of
the guest's short turns right in the worst synthetic interview, detection adding at most 0.3 s to a run of
the sample interview, and cost linear in the input (one very long line included).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import detection_data as data
from benchmarks.report import Check
from translator.document import Document, Segment
from translator.langid import detect_document, detect_text
from translator.langid.evidence import text_evidence
from translator.langid.unsupported import unsupported_language
from translator.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "interview-aisin.en.txt"
ERROR_LIMIT = 200
GUEST_FLOOR = 0.93
SAMPLE_LIMIT_S = 0.3
# Growing the input 4× may cost this much more than 4× (noise), no more.
LINEAR_SLACK = 1.3

Labeller = Callable[[list[str]], list[str]]


def ours(texts: list[str]) -> list[str]:
    return [detect_text(text)[0] for text in texts]


def lingua_alone(texts: list[str]) -> list[str]:
    """lingua-language-detector, high accuracy, restricted to en/uk/ru: the statistical base alone."""
    from lingua import Language, LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.UKRAINIAN, Language.RUSSIAN).build()
    found = detector.detect_languages_in_parallel_of(texts)
    return [language.iso_code_639_1.name.lower() if language else "en" for language in found]


def langdetect_alone(texts: list[str]) -> list[str]:
    """langdetect 1.0.9 with only its en/uk/ru profiles, seeded: what the design card first named."""
    from langdetect import detector_factory
    from langdetect.lang_detect_exception import LangDetectException

    factory = detector_factory.DetectorFactory()
    profiles = Path(detector_factory.PROFILES_DIRECTORY)
    factory.load_json_profile([(profiles / code).read_text("utf-8") for code in data.LANGS])
    factory.set_seed(0)
    labels = []
    for text in texts:
        detector = factory.create()
        detector.append(text)
        try:
            labels.append(detector.detect())
        except LangDetectException:
            labels.append("en")
    return labels


def item_table(label: Labeller, corpus: Path) -> tuple[list[str], int]:
    """Per kind and language: share right, errors, texts per second; and the total of errors."""
    rows = ["| items | lang | right | errors | texts/s |", "| --- | --- | ---: | ---: | ---: |"]
    total = 0
    for kind in data.KINDS:
        for lang in data.LANGS:
            texts = list(data.items(kind, lang, corpus))
            start = time.perf_counter()
            found = label(texts)
            seconds = time.perf_counter() - start
            errors = sum(f != lang for f in found)
            total += errors
            rows.append(f"| {kind} | {lang} | {1 - errors / len(texts):.1%} | {errors} | {len(texts) / seconds:,.0f} |")
    return rows, total


def unsupported_table(corpus: Path) -> list[str]:
    """How many sentences of each language are flagged lang-unsupported (be, bg should; en, uk, ru never)."""
    rows = ["| sentences | flagged lang-unsupported |", "| --- | ---: |"]
    for lang in (*data.LANGS, "be", "bg"):
        texts = data.items("sentences", lang, corpus)
        flagged = sum(unsupported_language(text, text_evidence(text)) is not None for text in texts)
        rows.append(f"| {lang} | {flagged} of {len(texts)} |")
    return rows


def interview_table(count: int, corpus: Path) -> tuple[list[str], float]:
    """Share of the guest's and the host's turns right per scenario; and the worst guest share."""
    rows = ["| scenario | guest's short turns right | host's turns right |", "| --- | ---: | ---: |"]
    worst = 1.0
    for scenario in data.scenarios():
        guest = host = guest_total = host_total = 0
        for seed in range(count):
            sample = data.interview(scenario, seed, corpus=corpus)
            detect_document(sample.doc)
            for segment, truth in zip(sample.doc.segments, sample.truth):
                right = segment.lang == truth
                if segment.speaker == data.GUEST:
                    guest, guest_total = guest + right, guest_total + 1
                else:
                    host, host_total = host + right, host_total + 1
        worst = min(worst, guest / guest_total)
        rows.append(f"| {scenario.name} | {guest / guest_total:.1%} | {host / host_total:.1%} |")
    return rows, worst


_COLD_DETECTION = """
import sys, time
from pathlib import Path
from translator.readers import read
doc = read(Path(sys.argv[1]))
start = time.perf_counter()
from translator.langid import detect_document
detect_document(doc)
print(time.perf_counter() - start)
"""


def cold_detection_seconds(path: Path, repeats: int = 3) -> float:
    """Detection of one file in a fresh process (imports and model loading included), the fastest of `repeats`."""
    runs = [
        float(subprocess.run([sys.executable, "-c", _COLD_DETECTION, str(path)], check=True, capture_output=True,
                             text=True, cwd=ROOT).stdout)
        for _ in range(repeats)
    ]
    return min(runs)


def _long_line(lang: str, words: int) -> str:
    """One line of `words` words: the language's test sentences, repeated as needed."""
    text = " ".join(data.items("sentences", lang)).split()
    return " ".join((text * (words // len(text) + 1))[:words])


def _seconds(action: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    action(*args)
    return time.perf_counter() - start


def linearity() -> tuple[list[str], list[Check]]:
    """Sentence splitting (pysbd for en, razdel for uk) and detection of one long line, at two sizes 4× apart."""
    rows = ["| one line of | split_sentences s | detect_document s |", "| --- | ---: | ---: |"]
    checks = []
    detect_text("Завантажити моделі заздалегідь.")  # time the work, not the one-off model loading
    for lang in ("en", "uk"):
        split_s, detect_s = [], []
        for words in (5_000, 20_000):
            text = _long_line(lang, words)
            doc = Document("long.txt", "transcript", [Segment(1, "turn", text)])
            split_s.append(_seconds(split_sentences, text, lang))
            detect_s.append(_seconds(detect_document, doc))
            rows.append(f"| {words:,} {lang} words ({len(text) // 1000} KB) | {split_s[-1]:.2f} | {detect_s[-1]:.3f} |")
        checks += [
            Check(f"split 20k / 5k {lang} words", split_s[1] / split_s[0], 4 * LINEAR_SLACK),
            Check(f"detect 20k / 5k {lang} words", detect_s[1] / detect_s[0], 4 * LINEAR_SLACK),
        ]
    return rows, checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.detection", description=__doc__.split("\n")[0])
    parser.add_argument("--interviews", type=int, default=20, help="synthetic interviews per scenario")
    parser.add_argument("--compare", action="store_true", help="also measure lingua alone and langdetect alone")
    parser.add_argument("--corpus", type=Path, default=data.CORPUS, help="lingua's test data folder")
    args = parser.parse_args(argv)
    print("## This project, each item alone\n")
    rows, errors = item_table(ours, args.corpus)
    print("\n".join(rows))
    if args.compare:
        for name, labeller in (("lingua alone", lingua_alone), ("langdetect alone", langdetect_alone)):
            try:
                rows, total = item_table(labeller, args.corpus)
            except ImportError as missing:  # langdetect is no dependency any more
                print(f"\n## {name}: not measured ({missing}; `pip install langdetect==1.0.9` to compare)")
                continue
            print(f"\n## {name}: {total} errors\n\n" + "\n".join(rows))
    print("\n## Long sentences in a language we do not translate\n\n" + "\n".join(unsupported_table(args.corpus)))
    rows, worst = interview_table(args.interviews, args.corpus)
    print(f"\n## Synthetic interviews ({args.interviews} per scenario, 20 exchanges each)\n\n" + "\n".join(rows))
    sample_s = cold_detection_seconds(SAMPLE)
    with tempfile.TemporaryDirectory() as folder:
        mixed = Path(folder) / "mixed.txt"
        turns = data.interview(data.Scenario("uk", "ru", "ru"), seed=0).doc.segments
        mixed.write_text("".join(f"{turn.speaker}: {turn.text}\n" for turn in turns), "utf-8")
        mixed_s = cold_detection_seconds(mixed)
    print(f"\nDetection in a fresh process: {SAMPLE.name} {sample_s:.2f} s (English: settled by the script, no model "
          f"loaded); a 40-turn Ukrainian/Russian synthetic interview {mixed_s:.2f} s (lingua and dictionaries loaded).")
    rows, linear = linearity()
    print("\n## Cost of one long line\n\n" + "\n".join(rows))
    checks = [
        Check("errors of the 9,000 en/uk/ru items", errors, ERROR_LIMIT, "", decimals=0),
        Check("guest's short turns right, worst scenario", worst * 100, GUEST_FLOOR * 100, "%", floor=True, decimals=1),
        Check(f"detection of {SAMPLE.name}, fresh process", sample_s, SAMPLE_LIMIT_S, " s"),
        *linear,
    ]
    print("\n## Targets\n\n| target | measured | limit | |\n| --- | ---: | ---: | --- |")
    print("\n".join(check.row() for check in checks))
    return 0 if all(check.passed for check in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
