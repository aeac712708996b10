"""The benchmark's Markdown tables and its targets (issue #6), each checked PASS or FAIL."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from benchmarks.contenders import decode_seconds, floor_details
from benchmarks.measure import Measurement

if TYPE_CHECKING:
    from benchmarks.run import Results

STARTUP_LIMIT_S = 0.5
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


def describe_change(change: dict) -> str:
    """`{"max_batch_size": 8}` → `max_batch_size=8`; the empty change is the engine's own settings."""
    return ", ".join(f"{key}={value}" for key, value in change.items()) or "engine settings"


def checks(results: Results) -> list[Check]:
    """Every target the run can judge."""
    a, b, c = results.pipeline, results.argos, results.floor
    found = [
        Check("(a) wall / (c) wall", a.wall_s / c.wall_s, 1.2),
        Check("(a) peak memory / (c) peak memory", a.peak_mib / c.peak_mib, 1.3),
        Check("(b) wall / (a) wall", b.wall_s / a.wall_s, 8, floor=True),
        *(Check(f"`{name}` start-up", seconds, STARTUP_LIMIT_S, " s") for name, seconds in results.startup.items()),
        *(Check(f"`{name}` heavy modules imported ({', '.join(mods) or 'none'})", len(mods), 0, "", decimals=0)
          for name, mods in results.heavy_imports.items()),
        # Two target languages through a pivot: uk→en once, en→ru once. Translating the English leg twice
        # would cost three legs: about 3× the one-leg run.
        Check("pivot --to en,ru wall / (a) wall", results.pivot.wall_s / a.wall_s, 2.4),
        Check("folder of files wall / one file wall", results.folder.wall_s / a.wall_s, 1.2),
    ]
    sizes = sorted(results.scaling)[-3:]
    if len(sizes) == 3:
        small, middle, large = sizes
        for index, name in ((0, "(a)"), (1, "(c)")):
            wall = {n: results.scaling[n][index].wall_s for n in sizes}
            first = (wall[middle] - wall[small]) / (middle - small)
            second = (wall[large] - wall[middle]) / (large - middle)
            found.append(Check(f"{name} cost of a further sentence, {middle}→{large} vs {small}→{middle}",
                               second / first, LINEAR_SLACK))
    return found


def _row(result: Measurement) -> str:
    return (f"| {result.label} | {result.sentences} | {result.wall_s:.2f} | {result.per_second:.2f} | "
            f"{result.peak_mib:.0f} |")


def _contenders(results: Results) -> list[str]:
    header = ["| contender | sentences | wall s | sentences/s | peak MiB |", "| --- | ---: | ---: | ---: | ---: |"]
    rows = [results.pipeline, results.argos, results.floor, results.pivot, results.folder]
    return header + [_row(result) for result in rows]


def _scaling(results: Results) -> list[str]:
    lines = ["| sentences | (a) wall s | (a) sentences/s | (c) wall s | (c) sentences/s | (a) / (c) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    for n, (a, c) in sorted(results.scaling.items()):
        lines.append(f"| {n} | {a.wall_s:.2f} | {a.per_second:.2f} | {c.wall_s:.2f} | {c.per_second:.2f} | "
                     f"{a.wall_s / c.wall_s:.2f}× |")
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
    """All tables, ready to paste into the README."""
    a = results.pipeline
    details = floor_details(results.floor)
    model = "Transformer-base shapes, int8" if results.base_shapes else "the tests' small model"
    out = [f"## {a.sentences} interview sentences, en→uk, {model}, {os.cpu_count()} cores "
           f"(load average {results.load[0]:.2f} before, {results.load[1]:.2f} after)", ""]
    out += _contenders(results)
    out += ["", f"(c) decoded {details['pieces_in']} source pieces into {details['pieces_out']} target pieces "
            f"({details['decode_s']:.2f} s of its wall time is translate_batch itself).", "", "## Targets", "",
            "| target | measured | limit | result |", "| --- | ---: | ---: | --- |"]
    out += [check.row() for check in checks(results)]
    if results.scaling:
        out += ["", "## Scaling", "", *_scaling(results)]
    if results.tuning:
        out += ["", f"## Decoding settings of (c), {results.tuning[0][1].sentences} sentences, "
                f"one change at a time", "", *_tuning(results)]
    return "\n".join(out)
