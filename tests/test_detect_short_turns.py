"""Short turns (issue #25): the issue's examples, and every short sentence of the public UD dev splits.

The examples were written here (by the issue); the figures that count come from public gold data, measured in
full by `python -m benchmarks.short_turns`.
"""

from __future__ import annotations

import pytest

from translator.langid import detect_text, statistical


@pytest.mark.parametrize("text", ["Тому що.", "Щоб знали."])
def test_short_ukrainian_turns(text: str) -> None:
    assert detect_text(text)[0] == "uk"


@pytest.mark.parametrize("text", ["Одесса", "Николаев", "Ильхам"])
def test_russian_forms_ukrainian_never_writes(text: str) -> None:
    assert detect_text(text)[0] == "ru"


@pytest.mark.parametrize("text", ["що", "Тому що", "щоб", "ще"])
def test_lingua_letter_rule_does_not_rule_ukrainian_out_for_shcha(text: str) -> None:
    """lingua-py 2.1 gives Russian all the probability for a word with щ; its statistics must not."""
    assert statistical.uk_ru_log_odds(text) > -3
