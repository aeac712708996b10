"""Batched translation with Argos packages through CTranslate2, reproducing argostranslate's decoding.

argostranslate loads the model per translation object and sends about one sentence per batch; here each
model is loaded once per run and a document goes through one `translate_batch` call per direction and step
of a few hundred sentences, each queued while the one before is decoded (`translate_steps`).
Decoding settings are argostranslate's own (target prefix, replace_unknowns, beam 4, length penalty 0.2)
and the package's own tokenizer encodes and decodes, so the same sentence gives the same output.
Legs are cached per run: a pivot (uk→en→ru) and a direct target (uk→en) share the English leg.
`align` reads the models' cross-attention over translations already made (the glossary's fallback for a name
the model translated into some other word); `translate` never asks for attention.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from translator.engine.alignment import argmax_links, compose
from translator.engine.packages import InstalledPackage, installed_packages, route
from translator.engine.positions import RESERVED, cut, input_limit, position_limit
from translator.engine.tokenizer import BPETokenizer, load_tokenizer
from translator.errors import MissingPackageError, PackageError, UsageError
from translator.spans import AlignedTranslation, Link
from translator.stages import mark, stage

LENGTH_PENALTY = 0.2
DEFAULT_BEAM_SIZE = 4
# Measured on the 2-core benchmark machine (benchmarks/README.md): with a worker per core, batches of 16
# examples were fastest without the memory that batches of 64 cost.
DEFAULT_BATCH_SIZE = 16
# argostranslate never passes max_decoding_length, so CTranslate2 cuts every output at 256 pieces.
MIN_DECODING_LENGTH_LIMIT = 256
# CTranslate2's compute types; "default" keeps the type the model was saved in, as argostranslate's main branch
# does: "auto" quantizes a float model to int8 on CPU, which turned some OPUS-MT ports into garbage.
# How often a wait for the engine looks whether the next sentence is done: a Ctrl-C is handled within this.
POLL_SECONDS = 0.01
COMPUTE_TYPES = ("default", "auto", "int8", "int8_float32", "int8_float16", "int8_bfloat16", "int16", "float16",
                 "bfloat16", "float32")

@dataclass(frozen=True)
class EngineSettings:
    """How to run CTranslate2: argostranslate's decoding, our batching and threading (benchmarks/README.md)."""

    device: str = "cpu"
    beam_size: int = DEFAULT_BEAM_SIZE
    threads: int = 0  # CPU threads in all; 0 means one per core
    batch_size: int = DEFAULT_BATCH_SIZE
    compute_type: str = "default"

    def __post_init__(self) -> None:
        if self.compute_type not in COMPUTE_TYPES:
            raise UsageError(f"unknown compute type {self.compute_type!r} (use one of: {', '.join(COMPUTE_TYPES)})")

    @property
    def thread_layout(self) -> tuple[int, int]:
        """(inter_threads, intra_threads). On CPU, one single-threaded worker per thread decoding its own
        batch beat one batch over all cores by 1.36× on 2 cores; a GPU runs one batch at a time."""
        if self.device != "cpu":
            return 1, self.threads
        return self.threads or os.cpu_count() or 1, 1


def _import_engine_libraries() -> None:
    """Import CTranslate2 and SentencePiece in the calling thread, before a load starts in the background. An
    import reads many files and gives up the GIL at each; in a loading thread beside a busy main thread it waited
    for the GIL every time, and the models were ready about 0.05-0.1 s later on the benchmark's film."""
    import ctranslate2  # noqa: F401
    import sentencepiece  # noqa: F401


class _LoadedModel:
    """A package's CTranslate2 translator and tokenizer, loaded once."""

    def __init__(self, pkg: InstalledPackage, settings: EngineSettings) -> None:
        import ctranslate2

        if settings.device == "cuda" and ctranslate2.get_cuda_device_count() == 0:
            raise UsageError("--device cuda: CTranslate2 finds no CUDA GPU on this machine; use --device cpu")
        self.tokenizer = load_tokenizer(pkg.path, pkg.from_code, pkg.to_code)
        self.target_prefix = pkg.target_prefix
        self.identity = pkg.identity
        table_rows = position_limit(pkg.path / "model")
        self.input_limit = input_limit(table_rows)  # a longer input is cut into parts (positions.py)
        self.decoding_limit = table_rows - RESERVED if table_rows else None
        try:
            self.translator = ctranslate2.Translator(
                str(pkg.path / "model"),
                device=settings.device,
                inter_threads=settings.thread_layout[0],
                intra_threads=settings.thread_layout[1],
                compute_type=settings.compute_type,
            )
        except (RuntimeError, ValueError) as exc:
            raise UsageError(f"cannot load {pkg.identity} on {settings.device}: {exc}") from None

    def submit(self, sentences: list[str], settings: EngineSettings) -> _Decoding:
        """Hand the sentences to the model's workers and return at once; the `_Decoding` returned waits for their
        translations. The batches are those a plain `translate_batch` call makes, so the output is the same."""
        bpe = isinstance(self.tokenizer, BPETokenizer)
        parts = [cut(self.tokenizer.encode(sentence), self.input_limit, bpe) for sentence in sentences]
        tokens = [part for sentence_parts in parts for part in sentence_parts]
        prefix = self.target_prefix
        longest = max((len(t) for t in tokens), default=0)
        decoding_length = max(MIN_DECODING_LENGTH_LIMIT, 2 * longest + 16)
        if self.decoding_limit:
            decoding_length = min(decoding_length, self.decoding_limit)
        mark("decoding")
        results = self.translator.translate_batch(
            tokens,
            target_prefix=[[prefix]] * len(tokens) if prefix else None,
            replace_unknowns=True,
            max_batch_size=settings.batch_size,
            batch_type="examples",
            beam_size=settings.beam_size,
            num_hypotheses=1,
            length_penalty=LENGTH_PENALTY,
            max_decoding_length=decoding_length,
            asynchronous=True,
        )
        return _Decoding(self, sentences, [len(sentence_parts) for sentence_parts in parts], results)

    def align(self, sources: list[str], targets: list[str], settings: EngineSettings) -> list[tuple[Link, ...]]:
        """Links from each source to its given translation: the model is forced through the translation's
        pieces (as the target prefix) and its cross-attention read at every step. Forcing, rather than
        translating again, ties the links to the very text the caller has (from the memory, another batch)."""
        links: list[tuple[Link, ...]] = [()] * len(sources)
        head = [self.target_prefix] if self.target_prefix else []
        sides = {i: (self.tokenizer.spans(s), self.tokenizer.spans(t, target=True))
                 for i, (s, t) in enumerate(zip(sources, targets)) if s.strip() and t.strip()}
        # A pair longer than the model reads is left without links (the glossary then flags, never guesses).
        todo = [i for i, (source, target) in sides.items() if len(source[0]) <= self.input_limit
                and len(head) + len(target[0]) <= (self.decoding_limit or len(head) + len(target[0]))]
        if not todo:
            return links
        source_side = [sides[i][0] for i in todo]
        target_side = [sides[i][1] for i in todo]
        forced = [head + pieces for pieces, _ in target_side]
        results = self.translator.translate_batch(
            [pieces for pieces, _ in source_side],
            target_prefix=forced,
            max_batch_size=settings.batch_size,
            batch_type="examples",
            beam_size=1,
            return_attention=True,
            max_decoding_length=max(len(f) for f in forced),  # the prefix counts: nothing is decoded after it
        )
        for i, (_, source_spans), (_, target_spans), result in zip(todo, source_side, target_side, results):
            links[i] = argmax_links(result.attention[0][len(head):], source_spans, target_spans)
        return links

    def decode(self, pieces: list[str]) -> str:
        """argostranslate's own post-processing: drop the target prefix and the tokenizer's leading space."""
        value = self.tokenizer.decode(pieces)
        prefix = self.target_prefix
        if prefix and value.startswith(prefix):
            value = value[len(prefix):]
        return value[1:] if value.startswith(" ") else value


class _Decoding:
    """One `translate_batch` call in flight: its translations awaited in turn (`__call__`), or read as far as the
    workers have got (`finished`, what an interrupted run keeps). The wait polls: a thread blocked inside
    CTranslate2's own wait runs no signal handler, and Ctrl-C waited for the whole step (up to 10 s)."""

    def __init__(self, model: _LoadedModel, sentences: list[str], part_counts: list[int],
                 results: list[Any]) -> None:  # ctranslate2.AsyncTranslationResult
        self.model, self.sentences, self.part_counts, self.results = model, sentences, part_counts, results

    def __call__(self) -> list[str]:
        for result in self.results:
            while not result.done():
                time.sleep(POLL_SECONDS)
        try:
            texts = iter([self.model.decode(result.result().hypotheses[0]) for result in self.results])
        except RuntimeError as exc:  # a model that loads but cannot run (a damaged or mismatched package)
            raise PackageError(f"the package {self.model.identity} failed while translating "
                               f"({' '.join(str(exc).split())[:200]}); reinstall it") from None
        return [" ".join(next(texts) for _ in range(count)) for count in self.part_counts]

    def finished(self) -> dict[str, str]:
        """The translation of each sentence whose every part is decoded (a failed part leaves its sentence out)."""
        done: dict[str, str] = {}
        position = 0
        for sentence, count in zip(self.sentences, self.part_counts):
            own = self.results[position:position + count]
            position += count
            if all(result.done() for result in own):
                try:
                    done[sentence] = " ".join(self.model.decode(result.result().hypotheses[0]) for result in own)
                except RuntimeError:
                    continue
        return done


class ArgosEngine:
    """Translates lists of sentences between languages with the installed packages, pivoting through English."""

    def __init__(self, settings: EngineSettings | None = None, packages: list[InstalledPackage] | None = None):
        self.settings = settings or EngineSettings()
        self.packages = packages if packages is not None else installed_packages()
        self._models: dict[InstalledPackage, _LoadedModel] = {}
        self._loading: dict[InstalledPackage, Future[_LoadedModel]] = {}
        self._leg_cache: dict[tuple[str, str], dict[str, str]] = {}
        self._in_flight: dict[_Decoding, dict[str, str]] = {}  # handed to a model, not yet awaited: its leg's cache
        self.sentences_translated = 0  # sentences actually sent to a model (not served from the leg cache)

    def route(self, src: str, tgt: str) -> list[InstalledPackage]:
        return route(src, tgt, self.packages)

    def identity(self, src: str, tgt: str) -> str:
        """What a direction's output depends on — packages, versions, beam size and a compute type other than the
        model's own: a translation-memory key, so a `--beam-size 1` draft never stands in for a beam-4
        translation, nor an int8 one for the float32 model's."""
        packages = "+".join(pkg.identity for pkg in self.route(src, tgt))
        compute = "" if self.settings.compute_type == "default" else f"#{self.settings.compute_type}"
        return f"{packages}#beam{self.settings.beam_size}{compute}"

    def check(self, directions: list[tuple[str, str]]) -> None:
        """Fail before any work if a direction lacks a package (the error names the install command)."""
        for src, tgt in directions:
            self.route(src, tgt)

    def translate(self, sentences: list[str], src: str, tgt: str) -> list[str]:
        """Translate sentences src→tgt; identical sentences and already translated legs are not redone."""
        return next(self.translate_steps([sentences], src, tgt))

    def translate_steps(self, steps: Sequence[list[str]], src: str, tgt: str) -> Iterator[list[str]]:
        """Each step's translation in turn, the same as `translate(step)` gives, as soon as it is done.
        The first two steps go to the model when this is called, before any is asked for, so a caller can keep
        the engine busy while it does other work. The first leg of the next step goes to its model before this
        step's is awaited, so the model's workers run from one step's batches into the next instead of idling
        while each step's last batch finishes; a pivot's further legs follow step by step. Only one step waits
        in CTranslate2's queue (which blocks a caller once it holds a few batches): an interrupted run waits for
        little more than a step. A sentence in two neighbouring steps may be translated twice."""
        if src == tgt:
            return iter([list(step) for step in steps])
        first, *rest = self.route(src, tgt)
        queued = deque(self._submit_leg(first, list(step)) for step in steps[:2])
        return self._in_turn(queued, steps[2:], first, rest)

    def _in_turn(self, queued: deque[Callable[[], list[str]]], later: Sequence[list[str]], first: InstalledPackage,
                 rest: list[InstalledPackage]) -> Iterator[list[str]]:
        """The queued steps' translations in order, each later step handed over as the one before it is read."""
        for step in later:
            yield self._finish(queued.popleft(), rest)
            queued.append(self._submit_leg(first, list(step)))
        while queued:
            yield self._finish(queued.popleft(), rest)

    def _finish(self, first_leg: Callable[[], list[str]], rest: list[InstalledPackage]) -> list[str]:
        current = first_leg()
        for pkg in rest:
            current = self._submit_leg(pkg, current)()
        return current

    def _submit_leg(self, pkg: InstalledPackage, sentences: list[str]) -> Callable[[], list[str]]:
        """Hand one leg of the sentences the cache lacks to the model; the function returned waits for them."""
        cache = self._leg_cache.setdefault((pkg.from_code, pkg.to_code), {})
        todo = sorted({s for s in sentences if s.strip() and s not in cache})
        # One call: CTranslate2 sorts by length and batches inside it. The call blocks while CTranslate2's queue
        # is full (a step of 200 sentences waited 5 of its 13 s there): that wait is decoding, so it counts as such.
        with stage("translate"):
            pending = self._model(pkg).submit(todo, self.settings) if todo else None
        if pending is not None:
            self._in_flight[pending] = cache

        def wait() -> list[str]:
            nonlocal pending
            if pending is not None:
                cache.update(zip(todo, pending()))
                self.sentences_translated += len(todo)
                del self._in_flight[pending]
                pending = None
            return [cache.get(s, s) for s in sentences]

        return wait

    def finished(self, sentences: Iterable[str], src: str, tgt: str) -> dict[str, str]:
        """The src→tgt translation of each of `sentences` the engine has finished, though the steps they were
        handed over in are still being decoded (every leg of a pivot done): what an interrupted run keeps."""
        for decoding, cache in self._in_flight.items():
            cache.update(decoding.finished())
        texts = {sentence: sentence for sentence in sentences}
        for pkg in self.route(src, tgt):
            cache = self._leg_cache.get((pkg.from_code, pkg.to_code), {})
            texts = {sentence: cache[text] if text.strip() else text
                     for sentence, text in texts.items() if text in cache or not text.strip()}
        return texts

    def align(self, sources: list[str], translations: list[str], src: str, tgt: str) -> list[AlignedTranslation]:
        """Each translation with links from the characters of its source, read from the models' attention and
        chained across a pivot (uk→en→ru links Ukrainian source to Russian text). `translations` are what
        `translate` gave for `sources` (the glossary's second pass over the few sentences it missed a term
        in); the English of a pivot comes from the same leg cache `translate` uses."""
        if src == tgt:
            raise ValueError(f"nothing to align: {src} to {tgt}")
        legs = self.route(src, tgt)
        texts = [list(sources)]
        for pkg in legs[:-1]:
            texts.append(self._submit_leg(pkg, texts[-1])())
        texts.append(list(translations))
        links = self._model(legs[0]).align(texts[0], texts[1], self.settings)
        for pkg, before, after in zip(legs[1:], texts[1:], texts[2:]):
            links = [compose(a, b) for a, b in zip(links, self._model(pkg).align(before, after, self.settings))]
        return [AlignedTranslation(text, chained) for text, chained in zip(translations, links)]

    def preload(self, src: str, targets: Iterable[str]) -> None:
        """Start loading the models from `src` into each target in a background thread, so that loading (which
        releases the GIL) overlaps the work before translation. A direction without packages is left to `check`;
        a load that fails raises where the model is first used, as without preloading."""
        wanted = [pkg for tgt in targets if tgt != src for pkg in self._route_or_none(src, tgt)]
        todo = [pkg for pkg in dict.fromkeys(wanted) if pkg not in self._models and pkg not in self._loading]
        if todo:
            _import_engine_libraries()
            pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="model-load")
            for pkg in todo:
                self._loading[pkg] = pool.submit(self._load, pkg)
            pool.shutdown(wait=False)  # the submitted loads still run; the thread ends after them

    def _route_or_none(self, src: str, tgt: str) -> list[InstalledPackage]:
        try:
            return self.route(src, tgt)
        except MissingPackageError:
            return []

    def _load(self, pkg: InstalledPackage) -> _LoadedModel:
        with stage("load"):
            return _LoadedModel(pkg, self.settings)

    def _model(self, pkg: InstalledPackage) -> _LoadedModel:
        if pkg not in self._models:
            loading = self._loading.pop(pkg, None)
            if loading is None:
                self._models[pkg] = self._load(pkg)
            else:
                with stage("load"):  # what the run waits for a model loading in the background
                    self._models[pkg] = loading.result()
        return self._models[pkg]
