"""Real tiny Argos packages, built once per test session and installed into a temporary packages folder; the
sample interview translated once per session; the hypothesis profiles.

The lexicons cover a few words of the sample interview; every other word is copied by the model, which is
what a real model does with names it does not know. Nothing here fakes the engine.

Under pytest-xdist (`-n`), "once per session" is once per worker process.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.in_process import Done, child, environment, translator
from tests.tiny_argos import build_bpe_package, build_package

# Hypothesis profiles. `ci`, chosen where CI=true (as CI runs .ci/run), is derandomized: every run tries the same
# examples, so a green run is a fact about the code, not a lucky draw; it keeps no example database, so nothing
# a machine remembers changes what is tried; a failure prints the blob that reproduces it. Time never fails a test
# there: on a loaded two-core machine running two pytest-xdist workers any deadline is overrun now and then, and
# that is a flake, not a finding (too_slow likewise). `dev`, the default, keeps hypothesis's random search and
# its local database, with a deadline of 1 s instead of 0.2 s. HYPOTHESIS_PROFILE=ci or =dev picks one by name.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", deadline=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev"))

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "interview-aisin.en.txt"

LEXICONS: dict[tuple[str, str], dict[str, str]] = {
    ("en", "uk"): {"thank": "дякую", "you": "вам", "hello": "привіт", "good": "добрий", "afternoon": "день",
                   "russia": "росія", "moscow": "москва", "europe": "європа", "war": "війна", "is": "є",
                   "the": "цей", "for": "для", "friends": "друзі"},
    ("en", "ru"): {"thank": "спасибо", "you": "вам", "hello": "привет", "good": "добрый", "afternoon": "день",
                   "russia": "россия", "moscow": "москва", "europe": "европа", "war": "война", "is": "есть",
                   "the": "этот", "for": "для", "friends": "друзья"},
    ("uk", "en"): {"дякую": "thanks", "привіт": "hello", "добрий": "good", "день": "day", "росія": "russia",
                   "москва": "moscow", "європа": "europe", "війна": "war"},
    ("ru", "en"): {"спасибо": "thanks", "привет": "hello", "добрый": "good", "день": "day", "россия": "russia",
                   "москва": "moscow", "европа": "europe", "война": "war"},
}


@pytest.fixture(scope="session")
def package_files(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """The .argosmodel files, built once per session."""
    out = tmp_path_factory.mktemp("argosmodels")
    return {pair: build_package(out, pair[0], pair[1], lexicon) for pair, lexicon in LEXICONS.items()}


# Words a real OPUS-MT vocabulary would split: in the BPE package they become several `@@` pieces each.
UK_CORPUS = ["Руслан Айсін розповів про війну, Москву та Європу.", "Вони говорили про пропаганду й санкції."]


@pytest.fixture(scope="session")
def bpe_package_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A uk→en package in the OPUS-MT port's layout (bpe.model, no sentencepiece.model), built once."""
    lexicon = {**LEXICONS[("uk", "en")], "друзі": "friends"}
    return build_bpe_package(tmp_path_factory.mktemp("bpe"), "uk", "en", lexicon, version="1.9", corpus=UK_CORPUS)


@pytest.fixture(scope="session")
def packages_dir(package_files: dict[tuple[str, str], Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A packages folder holding all four packages, installed through the product's own installer."""
    from translator.engine.packages import install_file

    folder = tmp_path_factory.mktemp("argos-packages")
    for path in package_files.values():
        install_file(path, folder)
    return folder


@dataclass(frozen=True)
class SampleRun:
    """`translator run SAMPLE --to uk,ru --out OUT`, and the same command again in the same folder (in a real
    process, as a user's next run is: with its own hash seed, nothing a process keeps can help it stop at once)."""

    out: Path
    first: Done
    again: Done


def _files(out: Path) -> dict[str, bytes]:
    """Every file a run wrote into `out` (an OmegaT project's folder too) but the memory, by its path there."""
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*")
            if p.is_file() and not p.name.startswith("translator.sqlite")}


@pytest.fixture(scope="session")
def sample_run(packages_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> SampleRun:
    """The sample interview translated once per session (in-process, tests/in_process.py), then run again
    unchanged: a re-run that stops at once and rewrites nothing. Read-only: a test that changes the folder makes
    its own run."""
    out = tmp_path_factory.mktemp("sample-run")
    command = ["run", str(SAMPLE), "--to", "uk,ru", "--out", str(out)]
    env = environment(ARGOS_PACKAGES_DIR=packages_dir)
    first = translator(*command, env=env)
    written = _files(out)
    again = child(*command, env=env)
    assert _files(out) == written
    return SampleRun(out, first, again)


@pytest.fixture
def argos_env(packages_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point ARGOS_PACKAGES_DIR at the installed test packages for one test."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages_dir))
    return packages_dir


@pytest.fixture
def empty_argos_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "no-packages"
    folder.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _no_network_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never reach the Argos index: point it at a closed local port."""
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    os.environ.setdefault("TQDM_DISABLE", "1")
