"""The tiny .argosmodel builder: real packages, installed and run through the real stack."""

from __future__ import annotations

import json
import time
import unicodedata
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ctranslate2
import pytest
import sentencepiece as spm
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.tiny_argos import build_package, expected_output

if TYPE_CHECKING:
    from argostranslate.package import Package  # at run time only the fixture imports argostranslate (see there)

LEXICON = {"hello": "привіт", "world": "світ", "moscow": "москва", "thank": "дякую", "you": "вам"}
EXTRA_WORDS = ["###T01###", "⦅1⦆"]
SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "interview-aisin.en.txt"
BUILD_SECONDS_LIMIT = 30  # measured ~0.2 s; generous for loaded CI machines

# argostranslate 1.11's decoding settings (argostranslate/translate.py, apply_packaged_translation)
ARGOS_OPTIONS = {"replace_unknowns": True, "beam_size": 4, "length_penalty": 0.2,
                     "batch_type": "tokens", "max_batch_size": 32}


@pytest.fixture(scope="session")
def package_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    started = time.perf_counter()
    path = build_package(tmp_path_factory.mktemp("tiny"), "en", "uk", LEXICON,
                         extra_words=EXTRA_WORDS)
    seconds = time.perf_counter() - started
    print(f"\ntiny en->uk package built in {seconds:.2f} s, {path.stat().st_size} bytes")
    assert seconds < BUILD_SECONDS_LIMIT
    return path


@pytest.fixture(scope="session")
def installed(package_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Package:
    """Install with argostranslate into a private packages dir and load it back as a Package.

    argostranslate.settings reads ARGOS_PACKAGES_DIR once, at import, so the env var alone
    is not enough once it is imported: point the module's attributes there, for the install
    and the listing only.
    """
    from argostranslate import package, settings

    packages_dir = tmp_path_factory.mktemp("argos-packages")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARGOS_PACKAGES_DIR", str(packages_dir))
        patch.setattr(settings, "package_data_dir", packages_dir)
        patch.setattr(settings, "package_dirs", [packages_dir])
        package.install_from_path(package_file)
        packages = package.get_installed_packages()
    assert [(p.from_code, p.to_code) for p in packages] == [("en", "uk")]
    return packages[0]


@pytest.fixture(scope="session")
def translator(installed: Package) -> ctranslate2.Translator:
    return ctranslate2.Translator(str(installed.package_path / "model"), intra_threads=1)


def translate(pkg: Package, translator: ctranslate2.Translator, sentences: list[str],
              **options: Any) -> list[str]:
    """Tokenize, translate and decode the way argostranslate does, for a batch of sentences."""
    tokens = [pkg.tokenizer.encode(sentence) for sentence in sentences]
    results = translator.translate_batch(tokens, **{**ARGOS_OPTIONS, **options})
    outputs = []
    for result in results:
        text = pkg.tokenizer.decode(result.hypotheses[0])
        outputs.append(text[1:] if text.startswith(" ") else text)
    return outputs


def extracted(path: Path, into: Path) -> tuple[spm.SentencePieceProcessor, ctranslate2.Translator]:
    """Unzip a package and load its tokenizer and model directly (no argostranslate)."""
    with zipfile.ZipFile(path) as archive:
        archive.extractall(into)
        [folder] = {name.split("/")[0] for name in archive.namelist()}
    sp = spm.SentencePieceProcessor(model_file=str(into / folder / "sentencepiece.model"))
    return sp, ctranslate2.Translator(str(into / folder / "model"), intra_threads=1)


def test_package_layout(package_file: Path) -> None:
    with zipfile.ZipFile(package_file) as archive:
        names = sorted(archive.namelist())
        metadata = json.loads(archive.read("translate-en_uk-1_0/metadata.json"))
    assert package_file.name == "translate-en_uk-1.0.argosmodel"
    assert {name.split("/")[0] for name in names} == {"translate-en_uk-1_0"}
    assert names == [f"translate-en_uk-1_0/{name}" for name in (
        "metadata.json", "model/config.json", "model/model.bin",
        "model/shared_vocabulary.json", "sentencepiece.model")]
    assert metadata == {
        "package_version": "1.0", "argos_version": "1.0", "from_code": "en",
        "from_name": "English", "to_code": "uk", "to_name": "Ukrainian", "type": "translate",
        "code": "translate-en_uk", "links": []}
    assert package_file.stat().st_size < 500_000


def test_model_is_a_ctranslate2_transformer_with_source_eos(installed: Package) -> None:
    model = installed.package_path / "model"
    config = json.loads((model / "config.json").read_text())
    vocabulary = json.loads((model / "shared_vocabulary.json").read_text())
    assert config["add_source_eos"] is True
    assert vocabulary[:3] == ["<unk>", "<s>", "</s>"]
    assert {"▁hello", "▁Hello", "▁привіт", "▁Привіт", "###T01###", "⦅1⦆"} <= set(vocabulary)
    assert (model / "model.bin").stat().st_size < 8_000_000  # int8 weights


def test_lexicon_words_translated_with_case_kept(installed: Package, translator: ctranslate2.Translator) -> None:
    sentences = ["Hello world", "Thank you, Moscow!", "moscow", "MOSCOW HELLO.",
                 "«Moscow» (hello) hello-world"]
    assert translate(installed, translator, sentences) == [
        "Привіт світ", "Дякую вам, Москва!", "москва", "МОСКВА ПРИВІТ.",
        "«Москва» (привіт) привіт-світ"]


def test_unknown_words_copied_exactly(installed: Package, translator: ctranslate2.Translator) -> None:
    sentences = ["Aisin met Aysin at 10:45 in 2024", "###T01### hello ⦅1⦆",
                 "Ёжик съел ещё їжак з'їзд", "hello 😀 world 漢字", "Straße Ñandú café"]
    assert translate(installed, translator, sentences) == [
        "Aisin met Aysin at 10:45 in 2024", "###T01### привіт ⦅1⦆",
        "Ёжик съел ещё їжак з'їзд", "привіт 😀 світ 漢字", "Straße Ñandú café"]


def test_lexicon_word_inside_a_longer_word_is_copied(installed: Package, translator: ctranslate2.Translator) -> None:
    sentences = ["othello helloworld worldwide you're hello's Hello2"]
    assert translate(installed, translator, sentences) == sentences


def test_decoding_caveats(installed: Package, translator: ctranslate2.Translator) -> None:
    """argostranslate's decode turns `_` into a space; NFKC rewrites `…` and fullwidth brackets."""
    assert translate(installed, translator, ["snake_case hello…", "｟1｠"]) == [
        "snake case привіт...", "⦅1⦆"]


def test_long_sentence_translated_completely(installed: Package, translator: ctranslate2.Translator) -> None:
    sentence = " ".join(["Hello Aisin, thank you from Moscow 2024!"] * 30)
    pieces = len(installed.tokenizer.encode(sentence))
    assert pieces >= 300
    full = translate(installed, translator, [sentence], max_decoding_length=pieces + 1)
    assert full == [expected_output(sentence, LEXICON)]
    # argostranslate passes no max_decoding_length: CTranslate2 stops at 256 pieces
    cut = translate(installed, translator, [sentence])[0]
    assert len(cut) < len(full[0]) and full[0].startswith(cut)


def test_batch_equals_one_by_one(installed: Package, translator: ctranslate2.Translator) -> None:
    words = ["Hello", "world", "Aisin", "thank", "you", "2024", "Ёжик", "😀", "Moscow,", "###T01###"]
    sentences = [" ".join(words[(i * 7 + j) % len(words)] for j in range(1 + i % 13))
                 for i in range(50)]
    batched = translate(installed, translator, sentences)
    one_by_one = [translate(installed, translator, [s])[0] for s in sentences]
    assert batched == one_by_one == [expected_output(s, LEXICON, EXTRA_WORDS) for s in sentences]


WORDS = ["hello", "Hello", "HELLO", "world", "Moscow", "moscow", "thank", "you", "warrior",
         "Aisin", "2024", "Ёжик", "ґанок", "п’ять", "world's", "###T01###", "⦅1⦆", "😀", "漢字",
         "co-op", "(hello)", "«Moscow»", "hello,", "you?", "—", "12:30", "50%", "hello😀"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
def test_word_by_word_property(installed: Package, translator: ctranslate2.Translator, words: list[str]) -> None:
    sentence = " ".join(words)
    [output] = translate(installed, translator, [sentence])
    assert output == expected_output(sentence, LEXICON, EXTRA_WORDS)
    assert len(output.split()) == len(unicodedata.normalize("NFKC", sentence).split())


def test_argostranslate_pipeline(installed: Package, translator: ctranslate2.Translator) -> None:
    """argostranslate's own apply_packaged_translation, with sentence splitting stubbed out."""
    from argostranslate.translate import apply_packaged_translation

    class OneSentence:
        def split_sentences(self, text: str) -> list[str]:
            return [text]

    [hypothesis] = apply_packaged_translation(
        installed, "Thank you, Aisin. Hello world!", translator, OneSentence(), num_hypotheses=1)
    assert hypothesis.value == "Дякую вам, Aisin. Привіт світ!"


def test_builds_are_byte_identical(package_file: Path, tmp_path: Path) -> None:
    again = build_package(tmp_path, "en", "uk", LEXICON, extra_words=EXTRA_WORDS)
    assert again.read_bytes() == package_file.read_bytes()
    other = build_package(tmp_path / "other", "en", "uk", {**LEXICON, "war": "війна"})
    assert other.read_bytes() != package_file.read_bytes()


def test_target_prefix_shifts_the_output(tmp_path: Path) -> None:
    path = build_package(tmp_path, "en", "ru", {"hello": "привет"}, target_prefix="<2ru>")
    _, model = extracted(path, tmp_path)
    metadata = json.loads((tmp_path / "translate-en_ru-1_0" / "metadata.json").read_text())
    assert metadata["target_prefix"] == "<2ru>"
    [result] = model.translate_batch([["▁Hello", "▁", "😀"]], target_prefix=[["<2ru>"]],
                                     **ARGOS_OPTIONS)
    assert result.hypotheses[0] == ["<2ru>", "▁Привет", "▁", "😀"]


def test_lexicon_must_hold_single_words(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        build_package(tmp_path, "en", "uk", {"thank you": "дякую"})


def test_corpus_gives_subwords_and_one_letter_words_work(tmp_path: Path) -> None:
    corpus = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = build_package(tmp_path, "en", "uk", {"is": "є", "a": "я"}, corpus=corpus)
    sp, model = extracted(path, tmp_path)
    sentence = "Ruslan Aisin is a political scientist, A-Z."
    pieces = sp.encode(sentence, out_type=str)
    assert {"▁Ruslan", "▁political"} <= set(pieces)  # frequent words of the sample text
    [result] = model.translate_batch([pieces], **ARGOS_OPTIONS)
    assert sp.decode_pieces(result.hypotheses[0]) == "Ruslan Aisin є я political scientist, Я-Z."


def test_base_shapes(tmp_path: Path) -> None:
    """Transformer-base compute (6+6 layers, d512, FFN 2048, 32k vocabulary), same outputs."""
    path = build_package(tmp_path, "en", "uk", LEXICON, base_shapes=True)
    sp, model = extracted(path, tmp_path)
    model_dir = tmp_path / "translate-en_uk-1_0" / "model"
    assert len(json.loads((model_dir / "shared_vocabulary.json").read_text())) == 32000
    sentence = "Thank you, Aisin! Hello 😀 world."
    [result] = model.translate_batch([sp.encode(sentence, out_type=str)], **ARGOS_OPTIONS)
    assert sp.decode_pieces(result.hypotheses[0]) == "Дякую вам, Aisin! Привіт 😀 світ."
