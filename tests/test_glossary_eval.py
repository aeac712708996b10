"""The glossary-forms evaluation (benchmarks/glossary_forms.py, issue #10): its figures must meet the targets,
and the set itself must cover what the issue asks for. `python -m benchmarks.glossary_forms` prints the table."""

from __future__ import annotations

import pytest

from benchmarks import glossary_forms as ev
from translator.glossary import load_glossaries

GLOSSARY = load_glossaries([ev.GLOSSARY_FILE])
SCORES = ev.evaluate(GLOSSARY)


def test_the_set_covers_every_case_both_languages_and_every_kind_of_name() -> None:
    items = ev.load_items(GLOSSARY)
    assert len({item.source for item in items}) >= 60
    for lang in ev.LANGS:
        slots = [slot for item in items if item.lang == lang for slot in item.slots]
        assert len(slots) >= 100
        entries = {GLOSSARY.entries[slot.entry].label for slot in slots}
        # people, places, organisations; one- and two-word; indeclinable; women
        assert {"Putin", "Kaja Kallas", "Yulia Tymoshenko", "Kyiv", "Baku", "Odesa region", "Kremlin", "NATO",
                "White House", "SOCAR"} <= entries


@pytest.mark.parametrize("kind", ev.KINDS)
@pytest.mark.parametrize("lang", ev.LANGS)
def test_targets_hold(kind: str, lang: str) -> None:
    score = SCORES[(kind, lang)]
    assert score.right_share >= ev.TARGETS[kind], "\n".join(score.failures)
    assert score.wrong_pinned_share <= ev.WRONG_PINNED_LIMIT, "\n".join(score.failures)


def test_lower_case_words_are_left_alone() -> None:
    for score in SCORES.values():
        assert score.untouched == score.untouched_ok == 2  # "white house" is also left alone in a third


def test_end_to_end_through_real_word_by_word_packages(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Kind E has no target in the issue; its figures are kept here so that a change that lowers them shows.
    Its wrong forms are mostly the word-by-word sentence's own grammar (голосовали для → genitive)."""
    engine = ev.end_to_end_engine(tmp_path_factory.mktemp("glossary-forms"))
    for lang, score in ev.evaluate_end_to_end(GLOSSARY, engine).items():
        assert score.slots >= 130 and score.missed == 0, lang
        # 0.80 before issue #25; the rules are now those that held on the UD treebanks, and a word-by-word
        # sentence's English leftovers ("afraid of Путин") no longer decide a case: ru 0.80, uk 0.82 then. Rules
        # that fell below the bar on other treebanks no longer write a guess where the nominative may be right
        # (в Вашингтон after a verb may be a correct accusative): ru 0.81 now.
        assert score.right_share >= 0.78, "\n".join(score.failures)
        assert score.wrong_pinned_share <= 0.10, "\n".join(score.failures)
