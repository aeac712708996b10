"""A package's own tokenizer, encoding and decoding exactly as argostranslate 1.11 does.

Argos packages carry either a SentencePiece model (`sentencepiece.model`) or, for the OPUS-MT ports, subword-nmt
BPE codes applied after Moses tokenization (`bpe.model`); argostranslate prefers the first when both exist.
Reproduced here so that translating needs no argostranslate (it pulls stanza and torch, gigabytes a translation
never uses); the BPE path calls sacremoses and subword-nmt, the libraries argostranslate's own copy comes from.
`spans` gives each piece's characters in the text, for reading the model's attention (alignment.py).
"""

from __future__ import annotations

import difflib
import io
import itertools
import re
from pathlib import Path
from typing import Protocol

from translator.errors import PackageError
from translator.spans import Span

SENTENCEPIECE_FILE = "sentencepiece.model"
BPE_FILE = "bpe.model"
TOKENIZER_FILES = (SENTENCEPIECE_FILE, BPE_FILE)  # argostranslate's order of preference
BPE_SEPARATOR = "@@"


class Tokenizer(Protocol):
    def encode(self, sentence: str) -> list[str]: ...

    def decode(self, pieces: list[str]) -> str: ...

    def spans(self, text: str, target: bool = False) -> tuple[list[str], list[Span]]:
        """The pieces of `text` (in the source language, or the target's when `target`) and each piece's
        character span in `text`, trimmed of whitespace."""
        ...


def trimmed(text: str, span: Span) -> Span:
    """The span without leading or trailing whitespace (empty when it holds only whitespace)."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class SentencePieceTokenizer:
    """argostranslate.tokenizer.SentencePieceTokenizer's behaviour, `_` → space quirk included. The model is
    read from bytes: sentencepiece cannot open a non-ASCII path on Windows (argos-translate #480)."""

    def __init__(self, model: bytes) -> None:
        import sentencepiece

        self.processor = sentencepiece.SentencePieceProcessor(model_proto=model)

    def encode(self, sentence: str) -> list[str]:
        return list(self.processor.encode(sentence, out_type=str))

    def decode(self, pieces: list[str]) -> str:
        return str(self.processor.decode_pieces(pieces)).replace("▁", " ").replace("_", " ")

    def spans(self, text: str, target: bool = False) -> tuple[list[str], list[Span]]:
        """Offsets survive the NFKC normalisation that turns "…" into "..." (sentencepiece ≥ 0.2.2)."""
        mapping = self.processor.encode(text, out_type="offset_mapping")
        return list(mapping["pieces"]), [trimmed(text, (int(a), int(b))) for a, b in mapping["offsets"]]


def check_bpe_codes(codes: str) -> None:
    """Refuse codes subword-nmt would reject by exiting the process: every line after an optional `#version:`
    line must hold exactly two symbols."""
    lines = codes.rstrip("\n").split("\n")
    if lines and lines[0].startswith("#version:"):
        lines = lines[1:]
    if not lines or not lines[0]:
        raise ValueError("the BPE codes are empty")
    for number, line in enumerate(lines, 1):
        if len(line.strip("\r\n ").split(" ")) != 2:
            raise ValueError(f"BPE codes line {number} is not two symbols")


class BPETokenizer:
    """argostranslate.tokenizer.BPETokenizer: Moses punctuation normalisation and tokenization in the source
    language, BPE segmentation; decoding joins the pieces, removes `"@@ "` and Moses-detokenizes in the target
    language."""

    def __init__(self, codes: str, from_code: str, to_code: str) -> None:
        from sacremoses import MosesDetokenizer, MosesPunctNormalizer, MosesTokenizer
        from subword_nmt.apply_bpe import BPE

        check_bpe_codes(codes)
        self.bpe = BPE(io.StringIO(codes))
        self.normalizers = {False: MosesPunctNormalizer(from_code), True: MosesPunctNormalizer(to_code)}
        self.tokenizers = {False: MosesTokenizer(from_code), True: MosesTokenizer(to_code)}
        self.detokenizer = MosesDetokenizer(to_code)

    def encode(self, sentence: str) -> list[str]:
        tokenized = " ".join(self.tokenizers[False].tokenize(self.normalizers[False].normalize(sentence)))
        return self._segment(tokenized)

    def decode(self, pieces: list[str]) -> str:
        return str(self.detokenizer.detokenize(" ".join(pieces).replace(BPE_SEPARATOR + " ", "").split(" ")))

    def spans(self, text: str, target: bool = False) -> tuple[list[str], list[Span]]:
        """Each Moses token is found in the normalised text, mapped back to `text` (normalisation turns „ into "
        and — into " - "), and shared among its BPE pieces by their lengths."""
        normalized = self.normalizers[target].normalize(text)
        words = self.tokenizers[target].tokenize(normalized, escape=False)
        to_text = _character_map(normalized, text)
        pieces: list[str] = []
        spans: list[Span] = []
        cursor = 0
        for word in words:
            found = normalized.find(word, cursor)
            start, end = (found, found + len(word)) if found >= 0 else (cursor, cursor)
            cursor = max(cursor, end)
            word_pieces = self._segment(self.tokenizers[target].escape_xml(word))
            pieces += word_pieces
            spans += _shared(word_pieces, word, start, to_text)
        return pieces, [trimmed(text, span) for span in spans]

    def _segment(self, tokenized: str) -> list[str]:
        return list(self.bpe.segment_tokens(tokenized.strip("\r\n ").split(" ")))


def _character_map(normalized: str, text: str) -> list[Span]:
    """For every character of the normalised text, the span of `text` it came from (empty for one the
    normalisation added). Letters and digits anchor the map — normalisation rewrites punctuation and spaces
    only — and the punctuation between two anchors is matched by a diff of that stretch alone."""
    anchors = [j for j, char in enumerate(normalized) if char.isalnum()]
    sources = [i for i, char in enumerate(text) if char.isalnum()]
    if [normalized[j] for j in anchors] != [text[i] for i in sources]:
        anchors, sources = [], []
    spans: list[Span] = [(0, 0)] * len(normalized)
    bounds = list(zip([-1, *anchors, len(normalized)], [-1, *sources, len(text)]))
    for (j0, i0), (j1, i1) in itertools.pairwise(bounds):
        if j0 >= 0:
            spans[j0] = (i0, i0 + 1)
        _map_stretch(spans, normalized, text, (j0 + 1, j1), (i0 + 1, i1))
    return spans


def _map_stretch(spans: list[Span], normalized: str, text: str, stretch: Span, source: Span) -> None:
    """Map normalized[stretch] onto text[source]: equal and rewritten runs share their source proportionally."""
    matcher = difflib.SequenceMatcher(None, normalized[stretch[0]:stretch[1]], text[source[0]:source[1]],
                                      autojunk=False)
    for _, a0, a1, b0, b1 in matcher.get_opcodes():
        for k in range(a0, a1):
            first = source[0] + b0 + (k - a0) * (b1 - b0) // (a1 - a0)
            last = source[0] + b0 + (k - a0 + 1) * (b1 - b0) // (a1 - a0)
            spans[stretch[0] + k] = (first, last)


def _shared(pieces: list[str], word: str, start: int, to_text: list[Span]) -> list[Span]:
    """Spans in `text` for the BPE pieces of one Moses token at `start` of the normalised text. Pieces of an
    escaped token (`&amp;`) are longer than the token: those all get the whole token."""
    bodies = [piece.removesuffix(BPE_SEPARATOR) for piece in pieces]
    if sum(map(len, bodies)) != len(word):
        return [_covering(to_text[start:start + len(word)])] * len(pieces)
    spans = []
    for body in bodies:
        spans.append(_covering(to_text[start:start + len(body)]))
        start += len(body)
    return spans


def _covering(spans: list[Span]) -> Span:
    """The span from the first to the last character that came from `text` (empty if none did)."""
    real = [span for span in spans if span[0] < span[1]]
    return (real[0][0], real[-1][1]) if real else (0, 0)


def load_tokenizer(package_path: Path, from_code: str, to_code: str) -> SentencePieceTokenizer | BPETokenizer:
    """The package's tokenizer, chosen as argostranslate chooses it; a package without one cannot run."""
    sentencepiece = package_path / SENTENCEPIECE_FILE
    bpe = package_path / BPE_FILE
    try:
        if sentencepiece.is_file():
            return SentencePieceTokenizer(sentencepiece.read_bytes())
        if bpe.is_file():
            return BPETokenizer(bpe.read_text("utf-8"), from_code, to_code)
    except (OSError, ValueError, RuntimeError) as exc:
        raise PackageError(f"{package_path.name}: cannot load its tokenizer ({_first_line(exc)})") from None
    raise PackageError(f"{package_path.name}: no tokenizer (neither {' nor '.join(TOKENIZER_FILES)})")


def _first_line(exc: BaseException) -> str:
    """A library's error message on one line (sentencepiece's span several)."""
    return re.sub(r"\s+", " ", str(exc)).strip()[:200]

