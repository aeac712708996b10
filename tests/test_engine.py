"""The batched engine on real CTranslate2 models: same output as argostranslate, pivots, one load per model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from translator import stages
from translator.engine.argos import ArgosEngine, EngineSettings, _LoadedModel
from translator.engine.packages import InstalledPackage, installed_packages
from translator.errors import MissingPackageError

SENTENCES = [
    "Thank you for joining us.",
    "Hello, dear friends!",
    "Russia is at war with Europe, says Moscow.",
    "Ruslan Aysin is the author of a popular YouTube channel.",
    "The hub, owned by the Azerbaijani company SOCAR, was practically destroyed in 2025.",
]

# argostranslate reads ARGOS_PACKAGES_DIR when it is imported and its default sentence splitter downloads a
# model, so it runs in a child process and is handed the very sentences we translate (one per paragraph). One
# child translates every direction: importing argostranslate (torch, stanza) is most of its time.
ARGOS_SCRIPT = """
import json, sys
from argostranslate import translate

class GivenSentences:
    def split_sentences(self, text):
        return [text]

results = []
for src, tgt, sentences in json.loads(sys.stdin.read()):
    translation = translate.get_translation_from_codes(src, tgt)
    translation.underlying.sentencizer = GivenSentences()
    results.append([translation.translate(s) for s in sentences])
print(json.dumps(results, ensure_ascii=False))
"""
DIRECTIONS = [
    ("en", "uk", SENTENCES),
    ("uk", "en", ["Дякую, друзі!", "Москва, Європа: війна, Росія.", "Привіт, Руслане Айсіне."]),
]


@pytest.fixture(scope="module")
def argos_outputs(packages_dir: Path) -> dict[tuple[str, str], list[str]]:
    """argostranslate's translation of each direction's sentences."""
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(packages_dir), "ARGOS_DEVICE_TYPE": "cpu"}
    done = subprocess.run(
        [sys.executable, "-c", ARGOS_SCRIPT], input=json.dumps(DIRECTIONS),
        capture_output=True, text=True, env=env, timeout=300, check=True,
    )
    outputs: list[list[str]] = json.loads(done.stdout.strip().splitlines()[-1])
    return {(src, tgt): output for (src, tgt, _), output in zip(DIRECTIONS, outputs)}


@pytest.mark.slow
@pytest.mark.parametrize(("src", "tgt", "sentences"), DIRECTIONS)
def test_output_is_identical_to_argostranslate(packages_dir: Path, argos_outputs: dict[tuple[str, str], list[str]],
                                               src: str, tgt: str, sentences: list[str]) -> None:
    engine = ArgosEngine(packages=installed_packages(packages_dir))
    assert engine.translate(sentences, src, tgt) == argos_outputs[(src, tgt)]


def test_translates_word_by_word_with_the_real_model(packages_dir: Path) -> None:
    engine = ArgosEngine(packages=installed_packages(packages_dir))
    assert engine.translate(["Thank you, friends!"], "en", "uk") == ["Дякую вам, друзі!"]


def test_pivot_shares_the_english_leg(packages_dir: Path) -> None:
    engine = ArgosEngine(packages=installed_packages(packages_dir))
    sentences = ["Дякую, друзі!", "Привіт, Москва."]
    english = engine.translate(sentences, "uk", "en")
    sent_after_english = engine.sentences_translated
    russian = engine.translate(sentences, "uk", "ru")
    assert engine.sentences_translated - sent_after_english == len(sentences)  # only the en→ru leg
    assert russian == engine.translate(english, "en", "ru")
    assert "Москва" in russian[1]


@pytest.mark.parametrize(("src", "tgt"), [("en", "uk"), ("uk", "ru")])
def test_steps_handed_over_at_once_translate_as_each_step_alone(packages_dir: Path, src: str, tgt: str) -> None:
    steps = [SENTENCES[:2], SENTENCES[2:4], SENTENCES[4:]] if src == "en" else [["Дякую, друзі!"], ["Привіт, Москва."]]
    alone = [ArgosEngine(packages=installed_packages(packages_dir)).translate(step, src, tgt) for step in steps]
    engine = ArgosEngine(packages=installed_packages(packages_dir))
    translated = engine.translate_steps(steps, src, tgt)
    assert next(translated) == alone[0]
    assert list(translated) == alone[1:]
    assert engine.sentences_translated == sum(map(len, steps)) * len(engine.route(src, tgt))


def test_the_first_two_steps_go_to_the_engine_before_any_is_asked_for(
    packages_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """So a run can keep the engine decoding one document while it writes the one before."""
    engine = ArgosEngine(packages=installed_packages(packages_dir))
    handed: list[list[str]] = []
    submit = engine._submit_leg
    def handing(pkg: InstalledPackage, sentences: list[str]) -> Callable[[], list[str]]:
        handed.append(sentences)
        return submit(pkg, sentences)

    monkeypatch.setattr(engine, "_submit_leg", handing)
    steps = [SENTENCES[:2], SENTENCES[2:4], SENTENCES[4:]]
    translated = engine.translate_steps(steps, "en", "uk")
    assert handed == steps[:2]
    first = next(translated)
    assert handed == steps[:2]
    second = next(translated)
    assert handed == steps  # the third as the second is asked for: one step waits behind the one decoding
    assert [first, second, *translated] == [engine.translate(step, "en", "uk") for step in steps]


def test_a_submit_that_blocks_counts_as_translate_time(packages_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """CTranslate2 blocks a submit while its queue is full: that wait is decoding, not start-up, in the timings."""
    engine = ArgosEngine(packages=installed_packages(packages_dir))
    engine.translate(["Hello."], "en", "uk")  # loaded: what follows is the submit alone
    real_submit = _LoadedModel.submit

    def full_queue(model: _LoadedModel, sentences: list[str], settings: EngineSettings) -> Callable[[], list[str]]:
        time.sleep(0.2)
        return real_submit(model, sentences, settings)

    monkeypatch.setattr(_LoadedModel, "submit", full_queue)
    monkeypatch.setattr(stages, "_seconds", {})
    translated = engine.translate_steps([SENTENCES[:2], SENTENCES[2:]], "en", "uk")
    assert stages.totals()["translate"] >= 0.4  # both steps handed over, neither yet asked for
    assert list(translated) == [engine.translate(step, "en", "uk") for step in (SENTENCES[:2], SENTENCES[2:])]


def test_each_model_is_loaded_once(packages_dir: Path) -> None:
    engine = ArgosEngine(packages=installed_packages(packages_dir))
    engine.translate(["Hello."], "en", "uk")
    engine.translate(["Thank you."], "en", "uk")
    engine.translate(["Hello.", "Thank you.", "Moscow."], "en", "uk")
    assert len(engine._models) == 1
    assert engine.sentences_translated == 3


def test_same_language_is_identity_and_duplicates_are_translated_once(packages_dir: Path) -> None:
    engine = ArgosEngine(packages=installed_packages(packages_dir))
    assert engine.translate(["Hello."], "en", "en") == ["Hello."]
    assert engine.translate(["Hello.", "Hello.", "Hello."], "en", "uk") == ["Привіт."] * 3
    assert engine.sentences_translated == 1


def test_long_sentence_is_not_cut_at_256_pieces(packages_dir: Path) -> None:
    engine = ArgosEngine(packages=installed_packages(packages_dir))
    long_sentence = " ".join(["Moscow for Europe"] * 120) + "."
    (output,) = engine.translate([long_sentence], "en", "uk")
    assert output == " ".join(["Москва для Європа"] * 120) + "."


def test_beam_size_one_gives_the_same_words_on_this_model(packages_dir: Path) -> None:
    fast = ArgosEngine(EngineSettings(beam_size=1), packages=installed_packages(packages_dir))
    default = ArgosEngine(packages=installed_packages(packages_dir))
    assert fast.translate(SENTENCES, "en", "uk") == default.translate(SENTENCES, "en", "uk")


def test_missing_direction_names_the_install_command(tmp_path: Path) -> None:
    engine = ArgosEngine(packages=[])
    with pytest.raises(MissingPackageError, match="translator models install en-uk"):
        engine.check([("en", "uk")])


def test_memory_identity_names_packages_versions_and_beam(packages_dir: Path) -> None:
    packages = installed_packages(packages_dir)
    assert ArgosEngine(packages=packages).identity("uk", "ru") == "translate-uk_en@1.0+translate-en_ru@1.0#beam4"
    assert ArgosEngine(EngineSettings(beam_size=1), packages=packages).identity("en", "uk").endswith("#beam1")


def test_preloading_loads_each_model_of_the_routes_once_in_the_background(packages_dir: Path) -> None:
    engine = ArgosEngine(packages=installed_packages(packages_dir))
    engine.preload("uk", ["en", "ru", "uk"])  # uk→en, and uk→ru through English: two models
    engine.preload("uk", ["ru"])
    assert sorted(pkg.identity for pkg in engine._loading) == ["translate-en_ru@1.0", "translate-uk_en@1.0"]
    assert engine.translate(["Дякую, друзі!"], "uk", "ru") == ArgosEngine(
        packages=installed_packages(packages_dir)).translate(["Дякую, друзі!"], "uk", "ru")
    assert not engine._loading and len(engine._models) == 2


def test_preloading_leaves_a_missing_direction_to_check(packages_dir: Path) -> None:
    packages = [pkg for pkg in installed_packages(packages_dir) if pkg.to_code != "ru"]
    engine = ArgosEngine(packages=packages)
    engine.preload("en", ["ru", "uk"])
    assert [pkg.identity for pkg in engine._loading] == ["translate-en_uk@1.0"]
    with pytest.raises(MissingPackageError):
        engine.check([("en", "ru")])
    for loading in engine._loading.values():
        loading.result()  # a load left running would end, and count its stage, inside a later test's fake clock
