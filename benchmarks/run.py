"""`python -m benchmarks.run`: translator vs argostranslate vs raw CTranslate2 on the same sentences (issue #6).

Builds (once, cached in benchmarks/.cache/) Argos packages with Transformer-base compute, generates
interview-like English, and measures in a fresh child process each: (a) `translator run` end to end,
(b) argostranslate once per turn, (c) one raw translate_batch, the floor. Then a pivot run (uk→en,ru),
a folder of inputs, the 50/200/800 scaling of (a) and (c), the start-up of commands that translate
nothing, and the decoding settings of (c) one at a time. Prints Markdown tables with PASS/FAIL per target.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import contenders, corpus, report
from benchmarks.measure import BenchmarkError, Measurement, best_start, measure, python_command
from benchmarks.package import CACHE, package, packages_folder
from translator.engine.packages import InstalledPackage

# en→uk for the comparison; uk→en and en→ru for the pivot run (uk→ru goes through English).
DIRECTIONS = (("en", "uk"), ("uk", "en"), ("en", "ru"))
FOLDER_FILES = 4
HEAVY_MODULES = ("torch", "stanza", "spacy", "argostranslate.translate")  # seconds to import
CORES = os.cpu_count() or 1
# Changes from the engine's settings; each runs the floor (c) on the tuning sentences. The last ones put the
# cores on separate batches (inter-op threads) instead of sharing each matrix product (intra-op threads).
TUNING: tuple[dict, ...] = (
    {}, {"max_batch_size": 8}, {"max_batch_size": 16}, {"max_batch_size": 64},
    {"batch_type": "tokens", "max_batch_size": 1024}, {"batch_type": "tokens", "max_batch_size": 2048},
    {"beam_size": 1}, {"compute_type": "float32"}, {"intra_threads": 1},
    {"inter_threads": CORES, "intra_threads": 1}, {"inter_threads": CORES, "intra_threads": 1, "max_batch_size": 16},
)


@dataclass
class Results:
    """Everything one benchmark run measured; report.render turns it into tables."""

    pipeline: Measurement
    argos: Measurement
    floor: Measurement
    pivot: Measurement
    folder: Measurement
    scaling: dict[int, tuple[Measurement, Measurement]] = field(default_factory=dict)
    startup: dict[str, float] = field(default_factory=dict)
    heavy_imports: dict[str, list[str]] = field(default_factory=dict)
    tuning: list[tuple[dict, Measurement]] = field(default_factory=list)
    load: tuple[float, float] = (0.0, 0.0)
    base_shapes: bool = True


def _write_inputs(work: Path, sentences: list[str]) -> tuple[Path, Path]:
    """The transcript of all sentences, and a folder of FOLDER_FILES transcripts sharing them out."""
    grouped = corpus.turns(sentences)
    single = work / f"interview-{len(sentences)}.en.txt"
    single.write_text(corpus.transcript(grouped), "utf-8")
    folder = work / f"folder-{len(sentences)}"
    folder.mkdir()
    share = -(-len(grouped) // FOLDER_FILES)
    for i in range(0, len(grouped), share):
        (folder / f"part-{i // share + 1}.en.txt").write_text(corpus.transcript(grouped[i:i + share]), "utf-8")
    return single, folder


def _heavy_imports(folder: Path, *command: str) -> list[str]:
    """Which heavy modules a translator command imports (none should, unless it translates)."""
    probe = ("import atexit, runpy, sys\n"
             f"atexit.register(lambda: print('heavy:', *[m for m in {HEAVY_MODULES!r} if m in sys.modules]))\n"
             f"sys.argv = ['translator', *{list(command)!r}]\n"
             "runpy.run_module('translator', run_name='__main__')\n")
    result = measure("import probe", 0, python_command("-c", probe), env={"ARGOS_PACKAGES_DIR": str(folder)})
    return result.stdout.strip().splitlines()[-1].split()[1:]


def _startup(folder: Path, repeats: int) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Best start-up time and heavy imports of the commands that translate nothing."""
    env = {"ARGOS_PACKAGES_DIR": str(folder)}  # models list reads the benchmark packages, not the user's
    commands = {"translator --help": ["--help"], "translator models list": ["models", "list"]}
    times = {name: best_start(python_command("-m", "translator", *args), env, repeats)
             for name, args in commands.items()}
    return times, {name: _heavy_imports(folder, *args) for name, args in commands.items()}


def _pair(rounds: int, run_a: Callable[[], Measurement], run_c: Callable[[], Measurement]) -> tuple[Measurement, ...]:
    """(a) and (c) in alternation; each keeps its fastest run, so load from elsewhere skews neither alone."""
    runs = [(run_a(), run_c()) for _ in range(rounds)]
    return tuple(min(column, key=lambda m: m.wall_s) for column in zip(*runs))


def benchmark(options: argparse.Namespace) -> Results:
    """Run every measurement; raises BenchmarkError when a contender fails or translates the wrong count."""
    load_before = os.getloadavg()[0]
    folder = packages_folder(DIRECTIONS, base_shapes=not options.small, cache=options.cache)
    en_uk = package(folder, "en", "uk")
    decoding = {**contenders.engine_decoding(), "device": options.device}
    device = ("--device", options.device)
    sizes = sorted({options.sentences, *options.scaling})
    everything = corpus.sentences(max(sizes))
    main_sentences = everything[:options.sentences]
    with tempfile.TemporaryDirectory(prefix="translator-bench-") as tmp:
        work = Path(tmp)
        inputs = {n: _write_inputs(work, everything[:n]) for n in sizes}
        single, spread = inputs[options.sentences]

        def pair(n: int, rounds: int) -> tuple[Measurement, ...]:
            return _pair(rounds,
                         lambda: contenders.pipeline(f"(a) translator run, {n}", folder, inputs[n][0], work,
                                                     "--to", "uk", *device),
                         lambda: contenders.floor(f"(c) translate_batch, {n}", en_uk, everything[:n], decoding))

        pipeline, floor = pair(options.sentences, options.rounds)
        turns = [" ".join(turn) for turn in corpus.turns(main_sentences)]
        results = Results(
            pipeline=pipeline,
            argos=contenders.plain_argos("(b) argostranslate per turn", folder, turns, options.device),
            floor=floor,
            pivot=contenders.pipeline("(a) pivot: --from uk --to en,ru", folder, single, work,
                                      "--from", "uk", "--to", "en,ru", *device),
            folder=contenders.pipeline(f"(a) a folder of {FOLDER_FILES} files", folder, spread, work,
                                       "--to", "uk", *device),
            base_shapes=not options.small,
        )
        _check_counts(results, len(main_sentences))
        results.scaling = {n: (pipeline, floor) if n == options.sentences else pair(n, 1) for n in options.scaling}
    results.startup, results.heavy_imports = _startup(folder, options.startup_repeats)
    if options.tune:
        results.tuning = _tune(en_uk, main_sentences[:options.tune], decoding, options.tune_rounds)
    results.load = (load_before, os.getloadavg()[0])
    return results


def _tune(en_uk: InstalledPackage, sentences: list[str], decoding: dict, rounds: int) -> list[tuple[dict, Measurement]]:
    """The floor under each change, in interleaved rounds; a change keeps its fastest decode (least disturbed)."""
    best: dict[int, Measurement] = {}
    for _ in range(rounds):
        for index, change in enumerate(TUNING):
            result = contenders.floor(report.describe_change(change), en_uk, sentences, {**decoding, **change})
            if index not in best or contenders.decode_seconds(result) < contenders.decode_seconds(best[index]):
                best[index] = result
    return [(change, best[index]) for index, change in enumerate(TUNING)]


def _check_counts(results: Results, expected: int) -> None:
    """Every contender must have translated exactly the benchmark's sentences, or the ratios mean nothing."""
    for result in (results.pipeline, results.argos, results.floor, results.folder):
        if result.sentences != expected:
            raise BenchmarkError(f"{result.label} translated {result.sentences} sentences, expected {expected}")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def _sizes(text: str) -> list[int]:
    return sorted({_positive(part) for part in text.split(",") if part.strip()})


def parse_options(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=_positive, default=200, help="sentences in the comparison (default 200)")
    parser.add_argument("--scaling", type=_sizes, default=[50, 200, 800],
                        help="comma-separated sizes for the scaling of (a) and (c); '' skips (default 50,200,800)")
    parser.add_argument("--tune", type=int, default=100,
                        help="sentences for the decoding-settings table; 0 skips it (default 100)")
    parser.add_argument("--rounds", type=_positive, default=2,
                        help="alternating runs of (a) and (c) at --sentences; the fastest of each counts (default 2)")
    parser.add_argument("--tune-rounds", type=_positive, default=2,
                        help="rounds of the settings table; the fastest counts")
    parser.add_argument("--startup-repeats", type=_positive, default=5, help="start-up runs; the fastest counts")
    parser.add_argument("--device", default="cpu", choices=("cpu", "cuda"), help="where all three contenders run")
    parser.add_argument("--small", action="store_true", help="the tests' small model instead of base shapes")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where built packages are kept")
    options = parser.parse_args(argv)
    if options.sentences < FOLDER_FILES:
        parser.error(f"--sentences must be at least {FOLDER_FILES}")
    return options


def main(argv: list[str] | None = None) -> int:
    options = parse_options(argv)
    try:
        results = benchmark(options)
    except BenchmarkError as exc:
        print(f"benchmark: error: {exc}", file=sys.stderr)
        return 1
    print(report.render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
