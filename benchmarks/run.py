"""`python -m benchmarks.run`: translator vs argostranslate vs raw CTranslate2 on the same sentences (issues #6, #14).

Builds (once, cached in benchmarks/.cache/) Argos packages with Transformer-base compute, generates
interview-like English, and measures in a fresh child process each: (a) `translator run` end to end, with
the seconds of each of its stages, (b) argostranslate once per turn, (c) raw translate_batch, the floor, in
the engine's layout (a single-threaded worker per core) and (c′) in one batch over all cores. Then a
feature-length subtitle file, a pivot run (uk→en,ru), a folder of inputs, the scaling of (a) and (c) (and,
with --long, 3,200 sentences and one line of 20,000 words), the start-up of commands that translate nothing,
and the decoding settings of (c) one at a time. Prints Markdown tables with PASS/FAIL per target.
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
from benchmarks.measure import BenchmarkError, Measurement, best_start, compile_tree, measure, python_command
from benchmarks.package import CACHE, package, packages_folder
from translator.engine.packages import InstalledPackage

# en→ru for the comparison (issue #14's direction: Russian lines wrap at 39 characters, the tighter layout);
# uk→en and en→ru for the pivot run (uk→ru goes through English).
COMPARED = ("en", "ru")
DIRECTIONS = (COMPARED, ("uk", "en"))
FOLDER_FILES = 4
FILM_CUES = 1500  # a feature film's subtitles
LONG_SIZES = (3200,)  # further scaling sizes with --long
LINE_WORDS = (2500, 5000, 20000)  # one transcript line of this many words each, with --long
HEAVY_MODULES = ("torch", "stanza", "spacy", "argostranslate.translate")  # seconds to import
CORES = os.cpu_count() or 1
# Changes from the engine's settings; each runs the floor (c) on the tuning sentences. The last ones put the
# cores on separate batches (inter-op threads) instead of sharing each matrix product (intra-op threads).
TUNING: tuple[contenders.Decoding, ...] = (
    {}, {"max_batch_size": 8}, {"max_batch_size": 16}, {"max_batch_size": 64},
    {"batch_type": "tokens", "max_batch_size": 1024}, {"batch_type": "tokens", "max_batch_size": 2048},
    {"beam_size": 1}, {"compute_type": "float32"}, {"intra_threads": 1},
    {"inter_threads": CORES, "intra_threads": 1}, {"inter_threads": CORES, "intra_threads": 1, "max_batch_size": 16},
)


@dataclass(frozen=True)
class Beside:
    """A further run made in every round beside (a) (a pivot, a folder of files): its fastest run, and round by
    round its wall time over (a)'s in the same round, which its target reads the median of."""

    run: Measurement
    ratios: tuple[float, ...]


@dataclass(frozen=True)
class Floors:
    """(a) on one input against the raw floor on the same sentences in both layouts: (c) the engine's, a
    single-threaded worker per core, and (c′) one batch at a time over all cores; each its fastest run, and
    `ratios`, round by round, (a) against the faster floor of the same round, whose wall times are `floor_walls`
    (how far the floor alone drifts between rounds is the noise a ratio carries). `beside`: the further runs
    made in the same rounds."""

    run: Measurement
    floor: Measurement
    intra: Measurement
    ratios: tuple[float, ...] = ()
    floor_walls: tuple[float, ...] = ()
    beside: tuple[Beside, ...] = ()

    @property
    def fastest(self) -> Measurement:
        return min(self.floor, self.intra, key=lambda m: m.wall_s)


@dataclass
class Results:
    """Everything one benchmark run measured; report.render turns it into tables."""

    pipeline: Measurement
    argos: Measurement
    floor: Measurement
    pivot: Beside
    folder: Beside
    scaling: dict[int, tuple[Measurement, Measurement]] = field(default_factory=dict)
    startup: dict[str, float] = field(default_factory=dict)
    heavy_imports: dict[str, list[str]] = field(default_factory=dict)
    tuning: list[tuple[contenders.Decoding, Measurement]] = field(default_factory=list)
    load: tuple[float, float] = (0.0, 0.0)
    base_shapes: bool = True
    direction: tuple[str, str] = COMPARED
    floor_intra: Measurement | None = None  # (c′): the floor in one batch over all cores
    ratios: tuple[float, ...] = ()  # round by round, (a) against the faster floor of its round
    floor_walls: tuple[float, ...] = ()  # round by round, the faster floor's wall time
    film: Floors | None = None
    line: dict[int, tuple[Measurement, Measurement]] = field(default_factory=dict)  # words → (a), (c)

    @property
    def fastest_floor(self) -> Measurement:
        return min(self.floor, self.floor_intra or self.floor, key=lambda m: m.wall_s)


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


def _alternate(rounds: int, *runs: Callable[[], Measurement]) -> list[tuple[Measurement, ...]]:
    """The contenders in alternation, the order reversed every other round (a machine that speeds up or slows
    down over the rounds favours none of them); every round's measurements, in the order of `runs`."""
    measured = []
    for index in range(rounds):
        order = range(len(runs)) if index % 2 == 0 else range(len(runs) - 1, -1, -1)
        found = {position: runs[position]() for position in order}
        measured.append(tuple(found[position] for position in range(len(runs))))
    return measured


class _Bench:
    """The packages, decoding settings and work folder every measurement of one benchmark run shares."""

    def __init__(self, options: argparse.Namespace, folder: Path, work: Path) -> None:
        self.folder, self.work = folder, work
        self.compared = package(folder, *COMPARED)
        self.decoding = {**contenders.engine_decoding(), "device": options.device}
        self.device = ("--device", options.device)

    def run(self, label: str, inputs: Path, *options: str) -> Measurement:
        return contenders.pipeline(label, self.folder, inputs, self.work, *options, *self.device)

    def floor(self, label: str, sentences: list[str], intra: bool = False) -> Measurement:
        decoding = contenders.intra_op(self.decoding) if intra else self.decoding
        return contenders.floor(label, self.compared, sentences, decoding)

    def floors(self, name: str, inputs: Path, sentences: list[str], rounds: int,
               *beside: Callable[[], Measurement]) -> Floors:
        """(a), (c), (c′) and the runs `beside` them on one input, alternating `rounds` times: each contender's
        fastest run (load from elsewhere skews none alone), and each round's ratios (runs minutes apart on a
        drifting machine are not compared)."""
        measured = _alternate(
            rounds, lambda: self.run(f"(a) translator run, {name}", inputs, "--to", COMPARED[1]),
            lambda: self.floor(f"(c) translate_batch, worker per core, {name}", sentences),
            lambda: self.floor(f"(c′) translate_batch, one batch over {CORES} cores, {name}", sentences, True),
            *beside)
        columns = list(zip(*measured))
        run, floor, intra, *others = (min(column, key=lambda m: m.wall_s) for column in columns)
        floor_walls = tuple(min(c.wall_s, c_intra.wall_s) for _, c, c_intra, *_ in measured)
        ratios = tuple(a.wall_s / wall for a, wall in zip(columns[0], floor_walls))
        besides = tuple(Beside(fastest, tuple(m.wall_s / a.wall_s for m, a in zip(column, columns[0])))
                        for fastest, column in zip(others, columns[3:]))
        return Floors(run, floor, intra, ratios, floor_walls, besides)

    def pair(self, name: str, inputs: Path, sentences: list[str]) -> tuple[Measurement, Measurement]:
        """(a) and (c) once each: a scaling point."""
        return (self.run(f"(a) translator run, {name}", inputs, "--to", COMPARED[1]),
                self.floor(f"(c) translate_batch, {name}", sentences))


def benchmark(options: argparse.Namespace) -> Results:
    """Run every measurement; raises BenchmarkError when a contender fails or translates the wrong count."""
    load_before = os.getloadavg()[0]
    compile_tree()
    folder = packages_folder(DIRECTIONS, base_shapes=not options.small, cache=options.cache)
    scaling = sorted({*options.scaling, *(LONG_SIZES if options.long else ())})
    sizes = sorted({options.sentences, *scaling})
    # Enough sentences for every input: a cue holds at most one sentence's end, a line's words need at most this.
    everything = corpus.sentences(max(*sizes, options.film, LINE_WORDS[-1] // corpus.MIN_WORDS if options.long else 0))
    main_sentences = everything[:options.sentences]
    with tempfile.TemporaryDirectory(prefix="translator-bench-") as tmp:
        work = Path(tmp)
        bench = _Bench(options, folder, work)
        inputs = {n: _write_inputs(work, everything[:n]) for n in sizes}
        single, spread = inputs[options.sentences]
        main = bench.floors(
            str(options.sentences), single, main_sentences, options.rounds,
            lambda: bench.run("(a) pivot: --from uk --to en,ru", single, "--from", "uk", "--to", "en,ru"),
            lambda: bench.run(f"(a) a folder of {FOLDER_FILES} files", spread, "--to", COMPARED[1]))
        pivot_run, folder_run = main.beside
        turns = [" ".join(turn) for turn in corpus.turns(main_sentences)]
        results = Results(
            pipeline=main.run,
            argos=contenders.plain_argos("(b) argostranslate per turn", folder, COMPARED, turns, options.device),
            floor=main.floor,
            floor_intra=main.intra,
            ratios=main.ratios,
            floor_walls=main.floor_walls,
            pivot=pivot_run,
            folder=folder_run,
            base_shapes=not options.small,
        )
        _check_counts([results.pipeline, results.argos, results.floor, main.intra, results.folder.run],
                      len(main_sentences))
        if options.film:
            results.film = _film(bench, everything, options.film, options.rounds)
        # One run of each at every size, the size of the rounds too: its fastest of several would bend the line.
        results.scaling = {n: bench.pair(str(n), inputs[n][0], everything[:n]) for n in scaling}
        if options.long:
            results.line = _line(bench, everything)
    results.startup, results.heavy_imports = _startup(folder, options.startup_repeats)
    if options.tune:
        results.tuning = _tune(bench.compared, main_sentences[:options.tune], bench.decoding, options.tune_rounds)
    results.load = (load_before, os.getloadavg()[0])
    return results


def _film(bench: _Bench, sentences: list[str], cues: int, rounds: int) -> Floors:
    """A feature film's SRT: sentences over two or three cues each, joined back into sentences by the run."""
    text, used = corpus.film(sentences, cues)
    path = bench.work / f"film-{cues}.en.srt"
    path.write_text(text, "utf-8")
    film = bench.floors(f"film SRT, {cues} cues", path, used, rounds)
    _check_counts([film.run, film.floor, film.intra], len(used))
    return film


def _line(bench: _Bench, sentences: list[str]) -> dict[int, tuple[Measurement, Measurement]]:
    """One transcript line of LINE_WORDS words each: (a) and (c) on its sentences."""
    found = {}
    for words in LINE_WORDS:
        text, used = corpus.single_line(sentences, words)
        path = bench.work / f"line-{words}.en.txt"
        path.write_text(text, "utf-8")
        found[words] = bench.pair(f"one line of {words} words", path, used)
        _check_counts(list(found[words]), len(used))
    return found


def _tune(compared: InstalledPackage, sentences: list[str], decoding: contenders.Decoding,
          rounds: int) -> list[tuple[contenders.Decoding, Measurement]]:
    """The floor under each change, in interleaved rounds; a change keeps its fastest decode (least disturbed)."""
    best: dict[int, Measurement] = {}
    for _ in range(rounds):
        for index, change in enumerate(TUNING):
            result = contenders.floor(report.describe_change(change), compared, sentences, {**decoding, **change})
            if index not in best or contenders.decode_seconds(result) < contenders.decode_seconds(best[index]):
                best[index] = result
    return [(change, best[index]) for index, change in enumerate(TUNING)]


def _check_counts(measured: list[Measurement], expected: int) -> None:
    """Every contender must have translated exactly the benchmark's sentences, or the ratios mean nothing."""
    for result in measured:
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
    parser.add_argument("--film", type=int, default=FILM_CUES,
                        help=f"cues of the film-length SRT input; 0 skips it (default {FILM_CUES})")
    parser.add_argument("--long", action="store_true",
                        help=f"also scale to {', '.join(map(str, LONG_SIZES))} sentences and one line of "
                        f"{', '.join(map(str, LINE_WORDS))} words (adds about 5 minutes)")
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
