"""BPE packages (OPUS-MT ports) everywhere the engine tokenizes: piece spans, the glossary's attention fallback,
pivots through English. The package is real (conftest's bpe_package_file): subword-nmt codes after Moses
tokenization, a CTranslate2 model over the BPE vocabulary."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.engine.argos import ArgosEngine, EngineSettings
from translator.engine.packages import install_file, installed_packages
from translator.engine.tokenizer import BPETokenizer, load_tokenizer


@pytest.fixture(scope="module")
def engine(
    bpe_package_file: Path, package_files: dict[tuple[str, str], Path], tmp_path_factory: pytest.TempPathFactory
) -> ArgosEngine:
    folder = tmp_path_factory.mktemp("bpe-packages")
    install_file(bpe_package_file, folder)
    install_file(package_files[("en", "ru")], folder)
    return ArgosEngine(EngineSettings(threads=1), installed_packages(folder))


@pytest.fixture(scope="module")
def tokenizer(engine: ArgosEngine) -> BPETokenizer:
    [pkg] = engine.route("uk", "en")
    loaded = load_tokenizer(pkg.path, pkg.from_code, pkg.to_code)
    assert isinstance(loaded, BPETokenizer)
    return loaded


@settings(deadline=None, max_examples=100)
@given(st.text(alphabet="ab Москва друзіАйсін„«»“—–…&'\"<>|[],.!?0 \u00a0", max_size=40), st.booleans())
def test_spans_are_the_pieces_sent_and_cover_every_word_character(
    tokenizer: BPETokenizer, text: str, target: bool
) -> None:
    pieces, spans = tokenizer.spans(text, target=target)
    if not target:
        assert pieces == tokenizer.encode(text)  # the very pieces `translate` sends
    assert len(spans) == len(pieces)
    real = [span for span in spans if span[0] < span[1]]
    assert all(0 <= a[0] < a[1] <= len(text) for a in real)
    assert all(b[0] >= a[0] for a, b in itertools.pairwise(real))  # in order
    covered = {i for start, end in real for i in range(start, end)}
    assert {i for i, ch in enumerate(text) if ch.isalnum()} <= covered
    assert not any(text[i].isspace() for span in real for i in (span[0], span[1] - 1))


def test_a_split_word_maps_each_piece_to_its_own_characters(tokenizer: BPETokenizer) -> None:
    text = "Руслан, друзі!"
    pieces, spans = tokenizer.spans(text)
    name = [(piece, text[a:b]) for piece, (a, b) in zip(pieces, spans) if b <= len("Руслан")]
    assert len(name) >= 2 and "".join(part for _, part in name) == "Руслан"
    assert [piece.removesuffix("@@") for piece, _ in name] == [part for _, part in name]


def test_align_links_a_bpe_source_to_its_translation(engine: ArgosEngine) -> None:
    sources = ["Привіт, друзі! Москва — війна."]
    [translation] = engine.translate(sources, "uk", "en")
    assert translation == "Hello, friends! Moscow - war."
    linked = _linked_words(engine, sources[0], translation, "en")
    assert {("Привіт", "Hello"), ("друзі", "friends"), ("Москва", "Moscow"), ("війна", "war")} <= linked


def test_pivot_through_a_bpe_leg_translates_and_aligns(engine: ArgosEngine) -> None:
    sources = ["Привіт, друзі!"]
    [russian] = engine.translate(sources, "uk", "ru")
    assert russian == "Привет, друзья!"
    assert ("друзі", "друзья") in _linked_words(engine, sources[0], russian, "ru")


def _linked_words(engine: ArgosEngine, source: str, translation: str, tgt: str) -> set[tuple[str, str]]:
    """(source text, target text) of every link the engine's attention gives."""
    [aligned] = engine.align([source], [translation], "uk", tgt)
    return {(source[link.source[0]:link.source[1]], translation[link.target[0]:link.target[1]])
            for link in aligned.links}
