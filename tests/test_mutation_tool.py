"""tools/mutation.py's argument handling, configuration and scoring, without running mutmut."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools import mutation


def test_the_default_targets_are_the_four_the_score_is_asked_for() -> None:
    arguments = mutation.parse_arguments([])
    assert arguments.targets == ["subtitles", "align", "readers", "grammar"]
    assert arguments.threshold == 0.0 and not arguments.keep and not arguments.survivors
    assert mutation.parse_arguments(["align", "align", "wrap", "--threshold", "90"]).targets == ["align", "wrap"]


@pytest.mark.parametrize("argv", [["nonsense"], ["--threshold", "101"], ["--threshold", "-1"]])
def test_unknown_targets_and_thresholds_outside_0_to_100_are_refused(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as refused:
        mutation.parse_arguments(argv)
    assert refused.value.code == 2 and "python -m tools.mutation" in capsys.readouterr().err


def test_list_names_every_target_and_its_tests(capsys: pytest.CaptureFixture[str]) -> None:
    assert mutation.main(["--list"]) == 0
    listed = capsys.readouterr().out
    assert all(f"{name}: " in listed for name in mutation.TARGETS)


def test_every_target_names_modules_and_test_files_that_exist() -> None:
    for target in mutation.TARGETS.values():
        assert all(list(mutation.ROOT.glob(module)) for module in target.modules)
        assert all((mutation.ROOT / test).is_file() for test in target.tests)


def test_the_configuration_appends_mutmuts_section_to_the_projects() -> None:
    config = mutation._config(mutation.TARGETS["align"])
    assert config.startswith((mutation.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    section = config[config.index("[tool.mutmut]"):]
    assert 'only_mutate = ["translator/align.py"]' in section
    assert '"tests/test_align.py", "tests/test_mutants_align.py"' in section


def test_scores_count_timeouts_as_killed_and_untested_mutants_as_survivors(tmp_path: Path) -> None:
    meta = tmp_path / "mutants" / "translator" / "align.py.meta"
    meta.parent.mkdir(parents=True)
    verdicts = {"a.x_f__mutmut_1": 1, "a.x_f__mutmut_2": -24, "a.x_f__mutmut_3": 0, "a.x_f__mutmut_4": 33,
                "a.x_f__mutmut_5": None}
    meta.write_text(json.dumps({"exit_code_by_key": verdicts}), encoding="utf-8")
    (meta.parent / "empty.py.meta").write_text(json.dumps({"exit_code_by_key": {}}), encoding="utf-8")
    scores = mutation.read_scores(tmp_path)
    assert list(scores) == ["translator/align.py"]
    score = scores["translator/align.py"]
    assert (score.killed, score.survived, score.other, score.total) == (2, 2, 1, 5)
    assert score.percent == 40.0
    assert score.survivors == ["a.x_f__mutmut_3", "a.x_f__mutmut_4", "a.x_f__mutmut_5"]
