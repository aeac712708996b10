"""The engine's work on a plan: each leg's sentences in steps, each step stored in the memory as soon as it is
done, so a killed run loses at most the two steps in flight and resumes from the rest; a run stopped by an
exception (Ctrl-C) first stores every sentence of those steps the engine had finished (`keep_finished`)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from translator.engine.argos import ArgosEngine
from translator.stages import stage
from translator.translation.memory_view import MemoryView
from translator.translation.plan import Leg, Plan

# Sentences sent to the engine per step. A multiple of the batch size (16), so that steps of length-sorted
# sentences make the batches one call over all of them would.
STEP_SENTENCES = 256


@dataclass(frozen=True)
class LegSteps:
    """One leg's sentences cut into steps, and their translations in turn: the engine has the first steps from
    the moment this is made."""

    leg: Leg
    steps: list[list[str]]
    translations: Iterator[list[str]]


def start_leg(leg: Leg, engine: ArgosEngine) -> LegSteps:
    """Hand a leg's sentences to the engine in steps. Longest first, as CTranslate2 orders one call's batches:
    each step holds sentences of like length, and the last step the shortest, so its last batch (one worker's
    alone while the other idles) is short."""
    todo = sorted(leg.todo, key=len, reverse=True)
    steps = [todo[start:start + STEP_SENTENCES] for start in range(0, len(todo), STEP_SENTENCES)]
    return LegSteps(leg, steps, engine.translate_steps(steps, leg.src, leg.tgt))


def start_translation(plan: Plan, engine: ArgosEngine) -> LegSteps | None:
    """Hand the plan's first leg to the engine now, for `machine_translations` to take up later: a run starts
    the next document's decoding this way before it writes the current one."""
    return start_leg(plan.legs[0], engine) if plan.legs else None


def machine_translations(
    plan: Plan, engine: ArgosEngine, memory: MemoryView, progress: Callable[[int], object] | None = None,
    started: LegSteps | None = None,
) -> tuple[dict[tuple[str, str, str], str], int, int]:
    """Raw engine output for every protected sentence, by (src, tgt, protected text): from the memory, else
    from the engine in steps, each stored as soon as it is done (the engine is busy with the next meanwhile);
    with how many came from each. `started` is the plan's first leg if `start_translation` handed it over."""
    results: dict[tuple[str, str, str], str] = {}
    translated = from_memory = 0
    try:
        for leg in plan.legs:
            from_memory += len(leg.known)
            results.update(((leg.src, leg.tgt, p), t) for p, t in leg.known.items())
            work = started if started is not None and started.leg is leg else start_leg(leg, engine)
            for step in work.steps:
                with stage("translate"):
                    output = next(work.translations)
                with stage("memory"):
                    memory.store(leg.src, leg.tgt, leg.engine_id, leg.glossary_id, list(zip(step, output)))
                results.update(((leg.src, leg.tgt, p), t) for p, t in zip(step, output))
                translated += len(step)
                if progress:
                    progress(len(step))
    except BaseException:
        keep_finished(plan, engine, memory)
        raise
    return results, translated, from_memory


def keep_finished(plan: Plan, engine: ArgosEngine, memory: MemoryView) -> None:
    """Store every sentence of the plan the engine has finished, though its step is still being decoded: a run
    stopped now (Ctrl-C, a failing package) resumes from them. Best effort on the way out: should the store fail
    too (a full disk), the exception that stopped the run is the one reported."""
    with contextlib.suppress(Exception):
        for leg in plan.legs:
            done = engine.finished(leg.todo, leg.src, leg.tgt)
            if done:
                memory.store(leg.src, leg.tgt, leg.engine_id, leg.glossary_id, list(done.items()))
