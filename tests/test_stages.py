"""translator.stages: seconds per stage, each counted for the innermost stage only."""

from __future__ import annotations

import itertools

import pytest

from translator import stages


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """A perf_counter that advances one second per reading, and empty totals."""
    ticks = itertools.count()
    monkeypatch.setattr("translator.stages.time.perf_counter", lambda: float(next(ticks)))
    monkeypatch.setattr(stages, "_seconds", {})
    monkeypatch.setattr(stages, "_marks", {})


def test_a_nested_stage_stops_the_outer_clock(clock: None) -> None:
    # translate starts at 0; load starts at 1 (translate: 1 s) and ends at 2 (load: 1 s)
    with stages.stage("translate"), stages.stage("load"):
        pass
    # translate resumes at 2 and ends at 3: 1 + 1 s
    assert stages.totals() == {"translate": 2.0, "load": 1.0}


def test_stages_add_up_across_calls_and_survive_an_exception(clock: None) -> None:
    for _ in range(2):
        with stages.stage("write"):
            pass
    with pytest.raises(RuntimeError), stages.stage("layout"):
        raise RuntimeError("boom")
    assert stages.totals() == {"write": 2.0, "layout": 1.0}


def test_a_mark_keeps_its_first_time(clock: None) -> None:
    stages.mark("decoding")
    stages.mark("decoding")
    assert stages.marks() == {"decoding": 0.0}


def test_a_stage_in_another_thread_is_counted_apart_as_background(clock: None) -> None:
    import threading

    def load() -> None:
        with stages.stage("load"):
            pass

    with stages.stage("split"):
        worker = threading.Thread(target=load)
        worker.start()
        worker.join()
    assert set(stages.totals()) == {"split", "load (background)"}
    assert stages.totals()["load (background)"] == 1.0
