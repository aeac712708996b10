"""The benchmark's Markdown tables and its targets (issues #6, #14), each checked PASS or FAIL."""

from __future__ import annotations

import os
import statistics
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from benchmarks.contenders import Decoding, decode_seconds, floor_details
from benchmarks.measure import Measurement

if TYPE_CHECKING:
    from benchmarks.run import Beside, Results

STARTUP_LIMIT_S = 0.5
HELP_LIMIT_S = 0.3  # `translator --help` must feel instant
RUN_LIMIT = 1.1  # (a) against the faster raw floor on the interview
FILM_LIMIT = 1.05  # (a) against the faster raw floor on a feature film's subtitles
FIRST_DECODE_LIMIT_S = 0.5  # from process start to the first translate_batch, beyond the model load
# A translator run's stages (translator.stages) in the order they run; what no stage covers is start-up,
# imports, argument parsing and the run's bookkeeping.
STAGES = ("read", "detect", "split", "glossary", "memory", "load", "translate", "layout", "qa", "write")
# A model loading in a background thread while the stages above run: not part of their sum. `load` above is
# what the run still waited for it.
BACKGROUND = "load (background)"
# Scaling: the cost of each further sentence may grow this much from one size step to the next (noise), no more.
LINEAR_SLACK = 1.2


@dataclass(frozen=True)
class Check:
    """One target: a measured value against a limit, passing at or below it (or at or above when `floor`)."""

    name: str
    value: float
    limit: float
    unit: str = "×"
    floor: bool = False
    decimals: int = 2

    @property
    def passed(self) -> bool:
        return self.value >= self.limit if self.floor else self.value <= self.limit

    def row(self) -> str:
        sign = "≥" if self.floor else "≤"
        return (f"| {self.name} | {self.value:.{self.decimals}f}{self.unit} | {sign} {self.limit:g}{self.unit} | "
                f"{'PASS' if self.passed else 'FAIL'} |")


def describe_change(change: Decoding) -> str:
    """`{"max_batch_size": 8}` → `max_batch_size=8`; the empty change is the engine's own settings."""
    return ", ".join(f"{key}={value}" for key, value in change.items()) or "engine settings"


def checks(results: Results) -> list[Check]:
    """Every target the run can judge."""
    a, b, c = results.pipeline, results.argos, results.floor
    found = [
        *(_against_floor(compared) for compared in _floor_comparisons(results)),
        Check("(a) peak memory / (c) peak memory", a.peak_mib / c.peak_mib, 1.3),
        Check("(b) wall / (a) wall", b.wall_s / a.wall_s, 8, floor=True),
        *(Check(f"`{name}` start-up", seconds, HELP_LIMIT_S if "help" in name else STARTUP_LIMIT_S, " s")
          for name, seconds in results.startup.items()),
        *(Check(f"`{name}` heavy modules imported ({', '.join(mods) or 'none'})", len(mods), 0, "", decimals=0)
          for name, mods in results.heavy_imports.items()),
        *([Check("(a) start to first translate_batch, beyond the model load", a.first_decode_s - model_load_s(a),
                 FIRST_DECODE_LIMIT_S, " s")] if a.first_decode_s is not None else []),
        # Two target languages through a pivot: uk→en once, en→ru once. Translating the English leg twice
        # would cost three legs: about 3× the one-leg run.
        _against_one_file("pivot --to en,ru wall / (a) wall", results.pivot, 2.4),
        _against_one_file("folder of files wall / one file wall", results.folder, 1.2),
        *_linear("sentence", results.scaling),
        *_linear("word of one line", results.line),
    ]
    return found


def model_load_s(run: Measurement) -> float:
    """How long the run's model took to load. Loaded in the background, the `load` stage is only the tail the
    run waited for, inside the background load's own time, so adding the two counted that tail twice (a first
    batch could read as coming before the model load ended)."""
    return max(run.stages.get("load", 0.0), run.stages.get(BACKGROUND, 0.0))


class _Comparison(NamedTuple):
    """One input compared with the floor: the rounds' ratios and the faster floor's wall time in each, fastest
    run against the faster floor's fastest run, and the target."""

    name: str
    ratios: tuple[float, ...]
    floor_walls: tuple[float, ...]
    fastest: float
    limit: float


def _floor_comparisons(results: Results) -> list[_Comparison]:
    a = results.pipeline
    compared = [_Comparison(f"{a.sentences} sentences", results.ratios, results.floor_walls,
                            a.wall_s / results.fastest_floor.wall_s, RUN_LIMIT)]
    if results.film:
        film = results.film
        compared.append(_Comparison(f"film SRT ({film.run.sentences} sentences)", film.ratios, film.floor_walls,
                                    film.run.wall_s / film.fastest.wall_s, FILM_LIMIT))
    return compared


def _against_floor(compared: _Comparison) -> Check:
    """(a) against the faster floor: the median of the rounds' ratios, each of (a) against the faster floor of
    its own round; with no rounds recorded, fastest against fastest."""
    name, ratios, limit = compared.name, compared.ratios, compared.limit
    if not ratios:
        return Check(f"(a) wall / faster floor, {name}", compared.fastest, limit, decimals=3)
    # Three decimals: a median of 1.053 against a limit of 1.05 printed as "1.05× FAIL" reads as a contradiction.
    return Check(f"(a) wall / faster floor, {name}, {_median_of(ratios)}", statistics.median(ratios), limit,
                 decimals=3)


def _against_one_file(name: str, beside: Beside, limit: float) -> Check:
    """A run made beside (a) in every round: the median of its wall time over (a)'s in the same round. One run
    against (a)'s fastest of seven read a folder at 1.28× where the rounds' middle run gave 1.19×."""
    return Check(f"{name}, {_median_of(beside.ratios)}", statistics.median(beside.ratios), limit, decimals=3)


def _median_of(ratios: tuple[float, ...]) -> str:
    return f"median of {len(ratios)} round{'s' if len(ratios) > 1 else ''}"


def _rounds(results: Results) -> list[str]:
    """Each round's ratio, and each contender's fastest run against the faster floor's fastest, for comparison
    with the median the target reads; and how far the floor alone drifted over the rounds, the same code on the
    same input: a round's ratio carries that much of the machine's noise. Then the pivot's and folder's rounds."""
    lines = []
    for compared in _floor_comparisons(results):
        if not compared.ratios:
            continue
        line = (f"(a) against the faster floor, {compared.name}: round by round "
                f"{', '.join(f'{r:.2f}×' for r in compared.ratios)}; fastest run against fastest run "
                f"{compared.fastest:.2f}×.")
        if len(compared.floor_walls) > 1:
            low, high = min(compared.floor_walls), max(compared.floor_walls)
            line += f" The faster floor alone took {low:.2f} s to {high:.2f} s over the rounds ({high / low:.2f}×)."
        lines.append(line)
    for beside in (results.pivot, results.folder):
        lines.append(f"{beside.run.label} against (a) of the same round: round by round "
                     f"{', '.join(f'{r:.2f}×' for r in beside.ratios)}.")
    return lines


def _linear(unit: str, points: dict[int, tuple[Measurement, Measurement]]) -> list[Check]:
    """Per size step, the cost of a further unit against its cost over the step before, for (a) and (c): a
    linear cost gives 1×, and fixed costs (start-up, model load) cancel out."""
    sizes = sorted(points)
    found = []
    for small, middle, large in zip(sizes, sizes[1:], sizes[2:]):
        for index, name in ((0, "(a)"), (1, "(c)")):
            wall = {n: points[n][index].wall_s for n in (small, middle, large)}
            first = (wall[middle] - wall[small]) / (middle - small)
            second = (wall[large] - wall[middle]) / (large - middle)
            found.append(Check(f"{name} cost of a further {unit}, {middle}→{large} vs {small}→{middle}",
                               second / first, LINEAR_SLACK))
    return found


def _stages(runs: list[Measurement]) -> list[str]:
    """Seconds and share of the wall time per stage of each translator run, the rest as start-up and other."""
    header = "| stage | " + " | ".join(f"{run.label} s | share" for run in runs) + " |"
    lines = [header, "| --- |" + " ---: | ---: |" * len(runs)]
    rest = "start-up, imports, other"
    for name in (*STAGES, rest, "wall", BACKGROUND):
        cells = []
        for run in runs:
            counted = sum(run.stages.get(stage, 0.0) for stage in STAGES)
            seconds = {rest: run.wall_s - counted, "wall": run.wall_s}.get(name, run.stages.get(name, 0.0))
            cells.append(f"{seconds:.2f} | {seconds / run.wall_s:.1%}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def _row(result: Measurement) -> str:
    return (f"| {result.label} | {result.sentences} | {result.wall_s:.2f} | {result.per_second:.2f} | "
            f"{result.peak_mib:.0f} |")


def _contenders(results: Results) -> list[str]:
    header = ["| contender | sentences | wall s | sentences/s | peak MiB |", "| --- | ---: | ---: | ---: | ---: |"]
    rows = [results.pipeline, results.argos, results.floor, *([results.floor_intra] if results.floor_intra else []),
            results.pivot.run, results.folder.run]
    if results.film:
        rows += [results.film.run, results.film.floor, results.film.intra]
    return header + [_row(result) for result in rows]


def _scaling(results: Results) -> list[str]:
    lines = ["| sentences | (a) wall s | (a) sentences/s | (c) wall s | (c) sentences/s | (a) / (c) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    for n, (a, c) in sorted(results.scaling.items()):
        lines.append(f"| {n} | {a.wall_s:.2f} | {a.per_second:.2f} | {c.wall_s:.2f} | {c.per_second:.2f} | "
                     f"{a.wall_s / c.wall_s:.2f}× |")
    return lines


def _line(results: Results) -> list[str]:
    lines = ["| words | sentences | (a) wall s | (c) wall s | (a) / (c) |", "| ---: | ---: | ---: | ---: | ---: |"]
    for words, (a, c) in sorted(results.line.items()):
        lines.append(f"| {words} | {a.sentences} | {a.wall_s:.2f} | {c.wall_s:.2f} | {a.wall_s / c.wall_s:.2f}× |")
    return lines


def _tuning(results: Results) -> list[str]:
    base = decode_seconds(results.tuning[0][1])
    lines = ["| change from the engine's decoding settings | decode s | sentences/s | peak MiB | speed vs engine |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for change, result in results.tuning:
        decode = decode_seconds(result)
        lines.append(f"| {describe_change(change)} | {decode:.2f} | {result.sentences / decode:.2f} | "
                     f"{result.peak_mib:.0f} | {base / decode:.2f}× |")
    return lines


def render(results: Results) -> str:
    """All tables, ready to paste into docs/performance.md and benchmarks/README.md."""
    a = results.pipeline
    details = floor_details(results.floor)
    model = "Transformer-base shapes, int8" if results.base_shapes else "the tests' small model"
    out = [f"## {a.sentences} interview sentences, {'→'.join(results.direction)}, {model}, {os.cpu_count()} cores "
           f"(load average {results.load[0]:.2f} before, {results.load[1]:.2f} after)", ""]
    out += _contenders(results)
    out += ["", f"(c) decoded {details['pieces_in']} source pieces into {details['pieces_out']} target pieces "
            f"({details['decode_s']:.2f} s of its wall time is translate_batch itself).", "", "## Targets", "",
            "| target | measured | limit | result |", "| --- | ---: | ---: | --- |"]
    out += [check.row() for check in checks(results)]
    if notes := _rounds(results):
        out += ["", *notes]
    timed = [run for run in (a, results.film.run if results.film else None) if run and run.stages]
    if timed:
        out += ["", "## Where (a)'s time goes", "", *_stages(timed)]
    if results.scaling:
        out += ["", "## Scaling", "", *_scaling(results)]
    if results.line:
        out += ["", "## One transcript line", "", *_line(results)]
    if results.tuning:
        out += ["", f"## Decoding settings of (c), {results.tuning[0][1].sentences} sentences, "
                f"one change at a time", "", *_tuning(results)]
    return "\n".join(out)
