"""The benchmark's Argos packages: Transformer-base compute, built once and cached under benchmarks/.cache/.

The tests' package builder (tests/tiny_argos.py, loaded from its file: the benchmark does not import the
test suite as a package) builds them offline (6+6 layers, d_model 512, 8 heads, FFN 2048, a 32k vocabulary, int8);
a model's output has as many pieces as its input, as a real model's output roughly has, so the decoder does a
real model's work per sentence. SentencePiece is trained on the benchmark's own text plus the sample
interview, so words split into pieces as in a trained model's vocabulary (about 1.3 pieces a word). The
cache is keyed by the source of the builder, of the text generator and of this module, so editing any rebuilds.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from benchmarks import corpus
from translator.engine.packages import InstalledPackage, find_package, install_file, installed_packages

CACHE = Path(__file__).resolve().parent / ".cache"
BUILDER = corpus.ROOT / "tests" / "tiny_argos.py"
# A few words really translated per target language, as in the test packages; every other piece is copied
# (same cost either way).
LEXICONS = {
    "uk": {"thank": "дякую", "you": "вам", "hello": "привіт", "good": "добрий", "russia": "росія",
           "moscow": "москва", "europe": "європа", "war": "війна", "is": "є", "the": "цей", "for": "для"},
    "ru": {"thank": "спасибо", "you": "вам", "hello": "привет", "good": "добрый", "russia": "россия",
           "moscow": "москва", "europe": "европа", "war": "война", "is": "есть", "the": "этот", "for": "для"},
    "en": {"дякую": "thank", "вам": "you", "привіт": "hello", "війна": "war"},
}
CORPUS_SENTENCES = 800  # the largest scaling size: every benchmark sentence is in the tokenizer's training text
VERSION = "9.6"  # a version no real package has, so a benchmark package is never mistaken for a real one

Direction = tuple[str, str]


def packages_folder(directions: Sequence[Direction] = (("en", "uk"),), *, base_shapes: bool = True,
                    cache: Path = CACHE) -> Path:
    """An ARGOS_PACKAGES_DIR holding a benchmark package per direction; built on first use, reused after."""
    kind = "base" if base_shapes else "small"
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in (BUILDER, Path(corpus.__file__), Path(__file__))))
    stamp = digest.hexdigest()[:10]
    folder = cache / f"packages-{kind}-{'-'.join(a + b for a, b in directions)}-{stamp}"
    for source, target in directions:
        if not find_package(source, target, installed_packages(folder)):
            install_file(_archive(cache / f"archives-{kind}-{stamp}", source, target, base_shapes), folder)
    return folder


def package(folder: Path, source: str = "en", target: str = "uk") -> InstalledPackage:
    """The installed benchmark package of a direction."""
    found = find_package(source, target, installed_packages(folder))
    if found is None:
        raise LookupError(f"no {source}-{target} package in {folder}")
    return found


def _builder() -> ModuleType:
    """tests/tiny_argos.py as a stand-alone module (numpy, SentencePiece training: loaded only when building)."""
    name = "benchmarks._tiny_argos"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, BUILDER)
        assert spec is not None and spec.loader is not None, BUILDER
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while it executes
        spec.loader.exec_module(module)
    return sys.modules[name]


def _archive(out: Path, source: str, target: str, base_shapes: bool) -> Path:
    text = [*corpus.sentences(CORPUS_SENTENCES), *corpus.SAMPLE.read_text("utf-8").splitlines()]
    built: Path = _builder().build_package(out, source, target, LEXICONS[target], version=VERSION,
                                           base_shapes=base_shapes, corpus=text)
    return built  # annotated: the builder is loaded from its file, so mypy sees a module of Any
