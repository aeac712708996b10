"""Every layout of real Argos packages (issue #9) installs, is listed, runs, and translates as argostranslate 1.11 does.

The packages are tiny but real (tests/tiny_argos.py), one per layout users meet: the 2021 legacy layout
(translate-en_uk-1_4: model.bin binary version 4, .txt vocabulary, no config.json, top folder `en_uk/`), the
Locomotive layout (translate-en_ru-1_9), an OPUS-MT port with subword-nmt BPE after Moses tokenization
(translate-uk_en-1_9), a package with a target prefix, and one saved in float32 whose int8 quantization changes
its output. Each goes through `translator models install`, `models list` and `translator run` as a user runs
them, and its output is compared with argostranslate's on the same installed folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import srt

from tests.in_process import Done, environment
from tests.in_process import translator as in_process
from tests.tiny_argos import build_package
from translator.engine.argos import ArgosEngine, EngineSettings
from translator.engine.packages import installed_packages

EN_UK = {"thank": "дякую", "you": "вам", "hello": "привіт", "friends": "друзі", "war": "війна", "moscow": "москва"}
EN_RU = {"thank": "спасибо", "you": "вам", "hello": "привет", "friends": "друзья", "war": "война", "moscow": "москва"}
RU_EN = {"спасибо": "thanks", "привет": "hello", "друзья": "friends", "война": "war", "москва": "moscow"}
EN_SENTENCES = ["Hello, dear friends!", "Thank you, Moscow.", "War & peace: \"friends\" aren't warriors…",
                "Ruslan Aysin (born 1980) — a Moscow-based analyst."]
UK_SENTENCES = ["Привіт, друзі!", "Дякую, Москва.", "Війна & мир: «друзі» — Руслан Айсін…",
                "Пропаганда з Москви, 2025 рік."]
RU_SENTENCES = ["Привет, друзья!", "Спасибо, Москва.", "Война — «друзья» Руслана Айсина…"]

# name: (builder, direction, sentences, a sentence and its translation, written by hand); the BPE package is
# conftest's bpe_package_file.
LAYOUTS: dict[str, tuple[Callable[[Path], Path] | None, tuple[str, str], list[str], tuple[str, str]]] = {
    "legacy-1.4": (lambda out: build_package(out, "en", "uk", EN_UK, version="1.4", layout="legacy"),
                   ("en", "uk"), EN_SENTENCES, ("Thank you, friends.", "Дякую вам, друзі.")),
    "locomotive-1.9": (lambda out: build_package(out, "en", "ru", EN_RU, version="1.9", layout="locomotive"),
                       ("en", "ru"), EN_SENTENCES, ("Hello, friends!", "Привет, друзья!")),
    "opus-bpe-1.9": (None, ("uk", "en"), UK_SENTENCES, ("Привіт, друзі, Руслан!", "Hello, friends, Руслан!")),
    "target-prefix": (lambda out: build_package(out, "ru", "en", RU_EN, target_prefix="<en>"),
                      ("ru", "en"), RU_SENTENCES, ("Спасибо, друзья.", "Thanks, friends.")),
    "float32": (lambda out: build_package(out, "en", "uk", {**EN_UK, "friends": "вороги"}, version="2.0",
                                          precision="float32", float_words={"вороги": "друзі"}),
                ("en", "uk"), EN_SENTENCES, ("Hello, friends.", "Привіт, друзі.")),
}

# argostranslate's own classes on one installed folder each; its sentence splitter would download a model, so it
# is handed the very sentences we translate. ARGOS_COMPUTE_TYPE is read at import: the compute type is set on
# its settings module per job instead.
ARGOS_SCRIPT = """
import json, sys
from argostranslate import package, settings, translate

class GivenSentences:
    def split_sentences(self, text):
        return [text]

results = []
for folder, sentences, compute_type in json.loads(sys.stdin.read()):
    settings.compute_type = compute_type
    translation = translate.PackageTranslation(None, None, package.Package(folder))
    translation.sentencizer = GivenSentences()
    results.append([translation.translate(s) for s in sentences])
print(json.dumps(results, ensure_ascii=False))
"""


def translator(*args: str, packages: Path) -> Done:
    return in_process(*args, env=environment(ARGOS_PACKAGES_DIR=packages))


def argostranslate(jobs: list[tuple[Path, list[str], str]]) -> list[list[str]]:
    done = subprocess.run([sys.executable, "-c", ARGOS_SCRIPT], capture_output=True, text=True, timeout=300,
                          input=json.dumps([(str(folder), sentences, ct) for folder, sentences, ct in jobs]),
                          env={**os.environ, "ARGOS_DEVICE_TYPE": "cpu"}, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


Installs = dict[str, tuple[Path, Done]]  # layout name: its packages folder, the install


@pytest.fixture(scope="module")
def installs(tmp_path_factory: pytest.TempPathFactory,
             bpe_package_file: Path) -> dict[str, tuple[Path, Done]]:
    """Each layout built once and installed by `translator models install FILE` into its own packages folder."""
    built = tmp_path_factory.mktemp("layouts")
    result = {}
    for name, (build, *_) in LAYOUTS.items():
        folder = tmp_path_factory.mktemp(f"packages-{name}")
        package = build(built) if build else bpe_package_file
        result[name] = folder, translator("models", "install", str(package), packages=folder)
    return result


@pytest.fixture(scope="module")
def argos_outputs(installs: Installs) -> dict[tuple[str, str], list[str]]:
    """argostranslate's translations: every layout at its saved precision, the float32 one also under 1.11's
    default compute type ("auto", which quantizes to int8 on CPU). One child process for all."""
    jobs = [(name, "default") for name in LAYOUTS] + [("float32", "auto")]
    folders = {name: installed_packages(installs[name][0])[0].path for name in LAYOUTS}
    outputs = argostranslate([(folders[name], LAYOUTS[name][2], ct) for name, ct in jobs])
    return dict(zip(jobs, outputs))


@pytest.mark.parametrize("name", LAYOUTS)
def test_installs_and_is_listed_as_usable(installs: Installs, name: str) -> None:
    folder, done = installs[name]
    src, tgt = LAYOUTS[name][1]
    assert done.returncode == 0, done.stderr
    assert f"installed {src}-{tgt} version" in done.stdout
    listing = translator("models", "list", packages=folder)
    assert listing.returncode == 0, listing.stderr
    assert f"  {src}-{tgt}  version" in listing.stdout and f"  {src}→{tgt}  direct" in listing.stdout
    assert "unusable" not in listing.stdout


@pytest.mark.parametrize("name", LAYOUTS)
@pytest.mark.slow
def test_output_is_identical_to_argostranslate(installs: Installs, argos_outputs: dict[tuple[str, str], list[str]],
                                               name: str) -> None:
    _, (src, tgt), sentences, _ = LAYOUTS[name]
    engine = ArgosEngine(EngineSettings(threads=1), installed_packages(installs[name][0]))
    assert engine.translate(sentences, src, tgt) == argos_outputs[(name, "default")]


@pytest.mark.parametrize("name", LAYOUTS)
def test_translator_run_translates_with_it(installs: Installs, name: str, tmp_path: Path) -> None:
    _, (src, tgt), _, (sentence, expected) = LAYOUTS[name]
    subtitles = tmp_path / "clip.srt"
    subtitles.write_text(f"1\n00:00:01,000 --> 00:00:03,000\n{sentence}\n", "utf-8")
    done = translator("run", str(subtitles), "--from", src, "--to", tgt, "--out", str(tmp_path / "out"),
                      packages=installs[name][0])
    assert done.returncode == 0, done.stderr
    [cue] = srt.parse((tmp_path / "out" / f"clip.{tgt}.srt").read_text("utf-8"))
    assert cue.content == expected


def test_the_bpe_package_splits_words_into_several_pieces(installs: Installs) -> None:
    [pkg] = installed_packages(installs["opus-bpe-1.9"][0])
    assert not (pkg.path / "sentencepiece.model").exists()
    tokenizer = ArgosEngine(packages=[pkg])._model(pkg).tokenizer
    pieces = tokenizer.encode("Руслан Айсін, друзі!")
    assert "друзі" in pieces and "," in pieces  # a lexicon word is one piece; Moses split the comma off
    assert sum(piece.endswith("@@") for piece in pieces) >= 3  # the names are several pieces each


@pytest.mark.slow
def test_float32_package_keeps_its_precision_unless_asked(installs: Installs,
                                                          argos_outputs: dict[tuple[str, str], list[str]]) -> None:
    packages = installed_packages(installs["float32"][0])
    sentences = LAYOUTS["float32"][2]
    saved = ArgosEngine(EngineSettings(threads=1), packages).translate(sentences, "en", "uk")
    quantized = ArgosEngine(EngineSettings(threads=1, compute_type="auto"), packages).translate(sentences, "en", "uk")
    assert saved[0] == "Привіт, dear друзі!" and quantized[0] == "Привіт, dear вороги!"
    assert quantized == argos_outputs[("float32", "auto")]  # what argostranslate 1.11 gives by default on CPU


def test_compute_type_option_reaches_the_model(installs: Installs, tmp_path: Path) -> None:
    subtitles = tmp_path / "clip.srt"
    subtitles.write_text("1\n00:00:01,000 --> 00:00:03,000\nHello, friends.\n", "utf-8")
    done = translator("run", str(subtitles), "--from", "en", "--to", "uk", "--out", str(tmp_path / "out"),
                      "--compute-type", "int8", packages=installs["float32"][0])
    assert done.returncode == 0, done.stderr
    [cue] = srt.parse((tmp_path / "out" / "clip.uk.srt").read_text("utf-8"))
    assert cue.content == "Привіт, вороги."
    wrong = translator("run", str(subtitles), "--to", "uk", "--compute-type", "int3", "--out", str(tmp_path / "o2"),
                       packages=installs["float32"][0])
    assert wrong.returncode != 0 and "Traceback" not in wrong.stderr and "int3" in wrong.stderr
