"""The detection benchmark's targets (issue #11) on a subset, fast enough for the suite; the full figures come
from `python -m benchmarks.detection`."""

from __future__ import annotations

import subprocess
import sys

import pytest

from benchmarks import detection_data as data
from benchmarks.detection import ERROR_LIMIT, GUEST_FLOOR, SAMPLE, interview_table
from translator.langid import detect_text
from translator.langid.evidence import text_evidence
from translator.langid.unsupported import unsupported_language

pytestmark = pytest.mark.skipif(not data.CORPUS.exists(), reason="../shared/corpus is not beside the checkout")
FULL_SET = 9_000


def test_errors_on_every_fifth_item_stay_within_the_targets_rate() -> None:
    errors = total = 0
    for kind in data.KINDS:
        for lang in data.LANGS:
            texts = data.items(kind, lang)[::5]
            errors += sum(detect_text(text)[0] != lang for text in texts)
            total += len(texts)
    assert errors <= ERROR_LIMIT * total / FULL_SET, errors


def test_the_guests_short_turns_are_right_in_every_synthetic_scenario() -> None:
    _, worst = interview_table(2, data.CORPUS)
    assert worst >= GUEST_FLOOR


def test_synthetic_interviews_mix_languages_as_their_scenario_says() -> None:
    scenario = data.Scenario("uk", "ru", "en")
    sample = data.interview(scenario, seed=3, exchanges=10)
    assert sample.truth == ["uk", "ru"] * 5 + ["uk", "en"] * 5
    assert [s.speaker for s in sample.doc.segments] == [data.HOST, data.GUEST] * 10
    assert all(len(s.text.split()) <= 2 for s in sample.doc.segments[1::2])
    assert data.interview(scenario, seed=3, exchanges=10) == sample


def test_lang_unsupported_flags_most_long_belarusian_and_bulgarian_and_none_of_ours() -> None:
    def flagged(lang: str) -> float:
        texts = [t for t in data.items("sentences", lang)[:150] if len(t.split()) >= 8]
        return sum(unsupported_language(t, text_evidence(t)) is not None for t in texts) / len(texts)

    assert flagged("be") >= 0.9 and flagged("bg") >= 0.9
    assert flagged("en") == flagged("uk") == flagged("ru") == 0


def test_detecting_the_english_sample_loads_no_statistical_model() -> None:
    """An English document is settled by its script: lingua and the dictionaries stay unloaded (and cost nothing)."""
    code = ("import sys; from pathlib import Path; from translator.pipeline import prepare; "
            f"prepare(Path({str(SAMPLE)!r})); "
            "print(sorted(m for m in ('lingua', 'pymorphy3', 'langdetect') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
