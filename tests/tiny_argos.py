"""Build REAL tiny ``.argosmodel`` packages offline, in a fraction of a second.

No test machine can download Argos packages, so the suite builds its own: a SentencePiece
model plus a CTranslate2 Transformer whose weights are set by hand (no training) so that it
translates word by word from a lexicon and copies every other piece unchanged. The package
goes through the real stack: ``argostranslate.package.install_from_path`` and
``ctranslate2.Translator``, beam search, ``replace_unknowns`` and all.

How the model works (d_model 512, 8 heads of 64, RMS pre-norm, no final norm):

* Every piece ``q`` has a ±1 identity code ``e(q)`` (128 hashed bits). The encoder embedding
  holds ``e(p)``, for a lexicon piece the code of its translation ``e(tr(p))``, three flags
  (starts with ▁, starts/ends with a word character) and balance dims that give every
  embedding the same norm, so RMS normalisation scales every position alike.
* Position tables hold cos/sin codes at 32 frequencies: <P(a), P(b)> peaks only at a == b.
* Encoder attention: one head's query is P(s) rotated to P(s+1) and reads "the next piece
  starts with a word character" (NF); another reads "the previous piece ends with one" (PF).
  The encoder FFN keeps PF only for pieces without ▁: PB = relu(PF - 2·SP).
* Decoder cross-attention at step t reads source position t in every head (sharp softmax);
  the decoder ignores its own previous tokens. The decoder FFN gates the translation code:
  relu(±tr - 4·(NF + PB)) is the code when the piece is a whole word, else 0.
* The output projection scores α·<e(q), id> + 2α·<e(q), gated tr>: the translation beats the
  copy for whole lexicon words; everything else is copied, ``<unk>`` included (CTranslate2's
  ``replace_unknowns`` then puts the source text back). The source ends with ``</s>``
  (``add_source_eos``), which is copied too, so decoding stops at the source length.

Weights are saved as int8. ``base_shapes=True`` gives the same behaviour at Transformer-base cost:
6+6 layers, FFN 2048, vocabulary padded to 32000; the extra layers are exact identities.

Limits, by design:

* Lexicon keys and values are single words, matched lower, Capitalised or UPPER. A lexicon word
  is translated only when it touches no letter, digit, apostrophe or unknown character:
  "hello-world" and "(hello)" translate, "hello's", "'hello'" and "hello😀" are copied.
* SentencePiece normalises input (nmt_nfkc, like real packages): "…" becomes "...", "｟1｠"
  becomes "⦅1⦆", whitespace runs collapse; argostranslate's decode turns "_" into a space.
* Up to 1023 pieces a sentence (1024 positions, ``</s>`` included). CTranslate2 stops decoding
  at 256 pieces unless ``max_decoding_length`` says more (argostranslate never does).
* ``target_prefix`` shifts the decoder by one step; argostranslate strips the prefix from its
  output only when it holds no ``_`` (its decode turns ``__uk__`` into `` uk``).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import io
import json
import struct
import sys
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import ctranslate2
import numpy as np
import sentencepiece as spm

LANGUAGE_NAMES = {"en": "English", "uk": "Ukrainian", "ru": "Russian", "de": "German",
                  "fr": "French", "es": "Spanish", "pl": "Polish"}

SPACE = "\u2581"  # SentencePiece's word-start marker ▁
BPE_SEPARATOR = "@@"  # subword-nmt's mark on a piece the next one continues
APOSTROPHES = "'\u2019\u02bc`"  # ' ’ ʼ ` count as letters: "world's", "п'ять" are one word
LATIN = "abcdefghijklmnopqrstuvwxyz"
LATIN_EXTRA = "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœłąęśźżćńšžčřďťňůőűğış"
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяґєії"
ALPHABETS = [LATIN, LATIN.upper(), LATIN_EXTRA + "ß", LATIN_EXTRA.upper(), CYRILLIC, CYRILLIC.upper()]
DIGITS = "0123456789"
PUNCTUATION = ".,!?;:—–-«»“”„‘’'\"()[]{}…/\\%$€£₴₽&@#*+=<>_|~^`°№§ʼ"
KNOWN_CHARS = "".join(ALPHABETS) + DIGITS + PUNCTUATION
MAX_POSITIONS = 1024

# Model geometry. The small and the base model share the residual layout below.
D_MODEL = 512
HEADS = 8
HEAD_DIM = D_MODEL // HEADS
N_FREQ = 32  # position code: cos/sin at 32 frequencies -> 64 dims
CODE = 128  # identity code length (hashed ±1 bits)
N_BAL = 16  # dims that top up every encoder embedding to the same norm
POS = slice(0, 2 * N_FREQ)
ID = slice(64, 64 + CODE)
TR = slice(192, 192 + CODE)
GATED = slice(320, 320 + CODE)  # decoder only: the translation code after gating
BAL = slice(448, 448 + N_BAL)  # encoder only
SP, SW, EW, NF, PF, PB = 470, 471, 472, 473, 474, 475
ALPHA = 1.0  # logit weight of the copy code; the gated translation gets 2·ALPHA
GATE = 4.0  # NF/PB of ~1 closes a ±1 translation code: relu(1 - 4) == 0
SHARP = 40.0  # logit gap between the wanted source position and its nearest rival
BASE_VOCAB = 32000
FLOAT_GAIN = 1.05  # a full-precision word's lead over the word int8 writes: 5% of its logit
FLOAT_SCALE = 1000.0  # int8 step 1000/127 ≈ 7.9: every other weight of the row (|w| ≤ 1.7) rounds to 0


Flags = Callable[[str, int], tuple[float, float, float]]


@dataclass(frozen=True)
class Shapes:
    """Layer counts and widths; only the first encoder / last decoder layer does work."""

    encoder_layers: int
    decoder_layers: int
    ffn: int
    vocab_size: int  # 0: exactly the SentencePiece pieces


SMALL = Shapes(encoder_layers=1, decoder_layers=1, ffn=256, vocab_size=0)
BASE = Shapes(encoder_layers=6, decoder_layers=6, ffn=2048, vocab_size=BASE_VOCAB)


def build_package(out_dir: Path, from_code: str, to_code: str, lexicon: dict[str, str], *,
                  version: str = "1.0", extra_words: Iterable[str] = (),
                  base_shapes: bool = False, target_prefix: str = "",
                  corpus: Iterable[str] = (), layout: str = "current", precision: str = "int8",
                  float_words: dict[str, str] | None = None) -> Path:
    """Build a real .argosmodel zip at out_dir/translate-{from}_{to}-{version}[-layout][-precision].argosmodel.

    ``lexicon`` maps source words to single-word translations; every other word is copied.
    ``extra_words`` become single pieces (placeholders like ``###T01###``), ``corpus`` is extra
    SentencePiece training text (a benchmark's own text then splits into realistic subwords),
    ``base_shapes`` widens the model to Transformer-base compute. ``layout`` is one of LAYOUTS (the
    shapes of real Argos packages); ``precision`` the type model.bin is saved in ("int8" or
    "float32"); ``float_words`` maps translations to the words the model writes instead at full
    precision only (int8 quantization loses them, as it garbled some OPUS-MT ports). The same
    arguments give a byte-identical file, so callers may cache it by its name.
    """
    float_words = float_words or {}
    pairs = _piece_lexicon(lexicon)
    float_pairs = _piece_lexicon(float_words)
    symbols = _user_symbols({**pairs, **float_pairs}, extra_words, target_prefix)
    sp_model = _train_sentencepiece(symbols, corpus)
    pieces = _pieces(sp_model)
    shapes = BASE if base_shapes else SMALL
    vocabulary = _padded(pieces, shapes.vocab_size)
    spec = _model_spec(vocabulary, pieces, pairs, shapes, shift=1 if target_prefix else 0,
                       flags=_piece_flags, float_pairs=float_pairs)
    suffix = "".join(f"-{word}" for word in (layout, precision) if word not in ("current", "int8"))
    return _write_package(out_dir, f"translate-{from_code}_{to_code}-{version}{suffix}.argosmodel",
                          LAYOUTS[layout](from_code, to_code, version, target_prefix,
                                          {"sentencepiece.model": sp_model}, _saved_model(spec, precision)))


def build_bpe_package(out_dir: Path, from_code: str, to_code: str, lexicon: dict[str, str], *,
                      version: str = "1.0", corpus: Iterable[str] = ()) -> Path:
    """An OPUS-MT port's layout: ``bpe.model`` holds subword-nmt BPE codes learnt on Moses-tokenized
    text, and no SentencePiece model. Lexicon words (lower, Capitalised, UPPER) and their
    translations are single BPE tokens; other words split into several ``@@`` pieces."""
    pairs = {source: target for source, target in _piece_lexicon(lexicon).items()
             if not source.startswith(SPACE)}
    codes = _learn_bpe([*pairs, *pairs.values()], corpus)
    pieces = ["<unk>", "<s>", "</s>", *_bpe_tokens(codes)]
    _check_single_tokens(codes, [*pairs, *pairs.values()])
    spec = _model_spec(pieces, pieces, pairs, SMALL, shift=0, flags=_bpe_flags, float_pairs={})
    return _write_package(out_dir, f"translate-{from_code}_{to_code}-{version}-bpe.argosmodel",
                          _locomotive(from_code, to_code, version, "", {"bpe.model": codes.encode()},
                                      _saved_model(spec, "int8")))


def _write_package(out_dir: Path, name: str, files: dict[str, bytes]) -> Path:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / name
    path.write_bytes(_zip_bytes(files))
    return path


def expected_output(text: str, lexicon: dict[str, str], extra_words: Iterable[str] = ()) -> str:
    """What a package built from ``lexicon`` returns for ``text`` through argostranslate.

    Mirrors the model: NFKC, whitespace collapsed, each run of letters/digits/apostrophes that is
    a lexicon word (lower, Capitalised or UPPER) translated, the rest kept, ``_`` turned into a
    space by argostranslate's decoding. Characters the tokenizer never saw count as letters.
    """
    forms = {s: t for s, t in _piece_lexicon(lexicon).items() if not s.startswith(SPACE)}
    known = set(unicodedata.normalize("NFKC", KNOWN_CHARS + "".join([*forms, *extra_words])))

    def letterish(char: str) -> bool:
        return not char.isspace() and (_is_word_char(char) or char not in known)

    words: list[str] = []
    for char in " ".join(unicodedata.normalize("NFKC", text).split()):
        if letterish(char) and words and letterish(words[-1][-1]):
            words[-1] += char
        else:
            words.append(char)
    return "".join(forms.get(word, word) for word in words).replace("_", " ")


# --- lexicon and tokenizer -------------------------------------------------------------

def _case_forms(word: str) -> list[str]:
    """lower, Capitalised, UPPER: the spellings a lexicon word is matched in."""
    low = word.lower()
    return [low, low[:1].upper() + low[1:], low.upper()]


def _piece_lexicon(lexicon: dict[str, str]) -> dict[str, str]:
    """Map source pieces (with and without ▁) to target pieces, keeping the case pattern."""
    pairs: dict[str, str] = {}
    for key, value in lexicon.items():
        if not key or not value or any(ch.isspace() for ch in key + value):
            raise ValueError(f"lexicon entries must be single words: {key!r} -> {value!r}")
        targets = [value, value[:1].upper() + value[1:], value.upper()]
        for source, target in zip(_case_forms(key), targets):
            pairs.setdefault(source, target)
            pairs.setdefault(SPACE + source, SPACE + target)
    return pairs


def _user_symbols(pairs: dict[str, str], extra_words: Iterable[str], target_prefix: str) -> list[str]:
    """Every lexicon piece, its translation, each extra word and the prefix: one piece each."""
    wanted = [*pairs, *pairs.values(), *extra_words, *([target_prefix] if target_prefix else [])]
    reserved = {"<unk>", "<s>", "</s>", SPACE}
    symbols: list[str] = []
    for symbol in wanted:
        if not symbol or any(ch.isspace() for ch in symbol):
            raise ValueError(f"not a single word: {symbol!r}")
        if symbol not in reserved and symbol not in symbols:
            symbols.append(symbol)
    return symbols


def _corpus(symbols: list[str], corpus: Iterable[str]) -> list[str]:
    """Training text: every known character once, spaced (no pseudo-words to waste the vocabulary
    on), the user symbols, then the caller's corpus, whose frequent words become pieces."""
    lines = [" ".join(alphabet) for alphabet in [*ALPHABETS, DIGITS, PUNCTUATION]]
    lines.append(" ".join(s.replace(SPACE, "") for s in symbols))
    return lines + [line for line in corpus if line.strip()]


def _train_sentencepiece(user_symbols: list[str], corpus: Iterable[str]) -> bytes:
    """A small unigram model (<unk>, <s>, </s> = ids 0-2), deterministic: one thread, fixed seed."""
    corpus = list(corpus)
    words = {word for line in corpus for word in line.split()}
    spm.set_random_generator_seed(1234)
    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(_corpus(user_symbols, corpus)), model_writer=buffer,
        model_type="unigram", vocab_size=600 + len(user_symbols) + min(4 * len(words), 24000),
        hard_vocab_limit=False,
        character_coverage=1.0, required_chars=KNOWN_CHARS,
        user_defined_symbols=[s for s in user_symbols if len(s) > 1],  # 1 char: a piece already
        unk_id=0, bos_id=1, eos_id=2, pad_id=-1, num_threads=1, shuffle_input_sentence=False,
        minloglevel=2)
    return buffer.getvalue()


def _pieces(sp_model: bytes) -> list[str]:
    """The SentencePiece vocabulary by id: it becomes the CTranslate2 vocabulary, in order."""
    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _padded(pieces: list[str], size: int) -> list[str]:
    """Pad the CTranslate2 vocabulary with never-seen tokens (base shapes: ~32k like real models)."""
    return pieces + [f"<pad{i}>" for i in range(max(0, size - len(pieces)))]


def _is_word_char(ch: str) -> bool:
    """Letters, digits and apostrophes make words; a lexicon word must not touch one."""
    return ch.isalnum() or ch in APOSTROPHES


def _piece_flags(piece: str, index: int) -> tuple[float, float, float]:
    """(starts with ▁, starts with a word char, ends with a word char); <unk> counts as letters."""
    if index == 0:
        return 0.0, 1.0, 1.0
    if index in (1, 2):
        return 0.0, 0.0, 0.0
    spaced = piece.startswith(SPACE)
    body = piece[1:] if spaced else piece
    starts = bool(body) and not spaced and _is_word_char(body[0])
    ends = bool(body) and _is_word_char(body[-1])
    return float(spaced), float(starts), float(ends)


def _bpe_flags(piece: str, index: int) -> tuple[float, float, float]:
    """BPE marks a piece that continues into the next with ``@@``: it "ends with a word character",
    so the piece after it is gated (PB) and never translated alone; nothing starts with ▁."""
    return 0.0, 0.0, float(index > 2 and piece.endswith(BPE_SEPARATOR))


def _moses_words(lines: Iterable[str], lang: str = "en") -> list[str]:
    """Moses-tokenized words of the lines, as argostranslate's BPETokenizer sees them."""
    from sacremoses import MosesPunctNormalizer, MosesTokenizer

    normalizer, tokenizer = MosesPunctNormalizer(lang), MosesTokenizer(lang)
    return [word for line in lines for word in tokenizer.tokenize(normalizer.normalize(line))]


def _learn_bpe(words: list[str], corpus: Iterable[str]) -> str:
    """subword-nmt codes: lexicon words are frequent enough to merge whole; corpus words (Moses-tokenized,
    once each) only share merges, so they split into several pieces."""
    from subword_nmt.learn_bpe import learn_bpe

    counts = dict.fromkeys(words, 1000)
    for word in _moses_words(corpus):
        counts.setdefault(word, 1)
    codes = io.StringIO()
    with contextlib.redirect_stderr(io.StringIO()):  # its progress bar and "Stopping" note
        learn_bpe(io.StringIO("".join(f"{w} {n}\n" for w, n in counts.items())), codes, num_symbols=20000,
                  min_frequency=2, is_dict=True, total_symbols=False)
    return codes.getvalue()


def _bpe_tokens(codes: str) -> list[str]:
    """Every token segmentation can produce: each known character and each merge, final and with ``@@``."""
    merged = []
    for line in codes.splitlines()[1:]:
        left, right = line.split(" ")
        merged.append((left + right).removesuffix("</w>"))
    escapes = "".join(_moses_words([KNOWN_CHARS.replace("", " ")]))  # &amp; &apos; ... are spelled out
    symbols = dict.fromkeys([*KNOWN_CHARS, *escapes, *merged])
    return [token for symbol in symbols for token in (symbol, symbol + BPE_SEPARATOR)]


def _check_single_tokens(codes: str, words: list[str]) -> None:
    from subword_nmt.apply_bpe import BPE

    bpe = BPE(io.StringIO(codes))
    split = [word for word in words if len(bpe.segment_tokens([word])) != 1]
    if split:
        raise ValueError(f"BPE splits lexicon words: {split}")


# --- weights --------------------------------------------------------------------------

def _codes(n: int) -> np.ndarray:
    """±1 identity codes from SHA-256, so they never depend on a random generator's version."""
    bits = [np.unpackbits(np.frombuffer(hashlib.sha256(b"tiny-argos-%d" % i).digest(), np.uint8))
            for i in range(n)]
    return np.stack(bits)[:, :CODE].astype(np.float32) * 2 - 1


def _frequencies() -> np.ndarray:
    """2.5 rad down to 2π/4096 per position: neighbours differ, and no two of 1024 positions alias."""
    return np.geomspace(2.5, 2 * np.pi / 4096, N_FREQ)


def _positions(shift: int = 0) -> np.ndarray:
    """Row t holds cos/sin codes of position t - shift, rounded to 1/64 so the zip compresses."""
    angles = np.outer(np.arange(MAX_POSITIONS) - shift, _frequencies())
    table = np.zeros((MAX_POSITIONS, D_MODEL), np.float32)
    table[:, POS][:, 0::2] = np.round(np.cos(angles) * 64) / 64
    table[:, POS][:, 1::2] = np.round(np.sin(angles) * 64) / 64
    return table


def _rotation(delta: int) -> np.ndarray:
    """Maps the cos/sin code of position s to that of position s + delta."""
    rotation = np.zeros((2 * N_FREQ, 2 * N_FREQ), np.float32)
    for k, w in enumerate(_frequencies()):
        c, s = np.cos(w * delta), np.sin(w * delta)
        rotation[2 * k:2 * k + 2, 2 * k:2 * k + 2] = [[c, -s], [s, c]]
    return rotation


def _position_gap() -> float:
    """Smallest drop of <P(a), P(b)> from its peak at a == b, over all position pairs."""
    table = _positions()[:, POS]
    grams = table @ table.T
    peak = np.diag(grams).copy()
    np.fill_diagonal(grams, -np.inf)
    return float(np.min(peak[:, None] - grams))


def _encoder_embeddings(vocabulary: list[str], pieces: list[str], pairs: dict[str, str],
                        codes: np.ndarray, flags: Flags) -> np.ndarray:
    """Identity code, translation code, flags, and balance up to one common norm."""
    index = {piece: i for i, piece in enumerate(pieces)}
    table = np.zeros((len(vocabulary), D_MODEL), np.float32)
    table[:, ID] = codes
    for source, target in pairs.items():
        table[index[source], TR] = codes[index[target]]
    for i, piece in enumerate(pieces):
        table[i, [SP, SW, EW]] = flags(piece, i)
    norms = (table ** 2).sum(axis=1)
    table[:, BAL] = np.sqrt((2 * CODE + 3 - norms) / N_BAL)[:, None]
    return table


def _encoder_rms() -> float:
    """RMS of every encoder input: balanced embedding (norm² 2·CODE + 3) plus position (N_FREQ)."""
    return float(np.sqrt((2 * CODE + 3 + N_FREQ) / D_MODEL))


def _encoder_attention(gap: float) -> tuple[np.ndarray, np.ndarray]:
    """Fused QKV and output: head 0 reads SW of position s+1 into NF, head 1 EW of s-1 into PF."""
    qkv = np.zeros((3 * D_MODEL, D_MODEL), np.float32)
    out = np.zeros((D_MODEL, D_MODEL), np.float32)
    rms = _encoder_rms()
    scale = SHARP * np.sqrt(HEAD_DIM) * rms * rms / gap
    for head in range(HEADS):
        rows = slice(head * HEAD_DIM, head * HEAD_DIM + 2 * N_FREQ)
        delta = -1 if head == 1 else 1
        qkv[rows, POS] = scale * _rotation(delta)
        qkv[D_MODEL + head * HEAD_DIM + np.arange(2 * N_FREQ), np.arange(2 * N_FREQ)] = 1.0
    qkv[2 * D_MODEL + 0 * HEAD_DIM, SW] = 1.0
    qkv[2 * D_MODEL + 1 * HEAD_DIM, EW] = 1.0
    out[NF, 0 * HEAD_DIM] = rms  # undo RMS normalisation: NF, PF come out as 0 or 1
    out[PF, 1 * HEAD_DIM] = rms
    return qkv, out


def _encoder_ffn(width: int) -> tuple[np.ndarray, np.ndarray]:
    """PB = relu(PF - 2·SP): a piece after a letter blocks translation unless it starts a word."""
    inner = np.zeros((width, D_MODEL), np.float32)
    outer = np.zeros((D_MODEL, width), np.float32)
    inner[0, PF], inner[0, SP] = 1.0, -2.0
    outer[PB, 0] = _encoder_rms()
    return inner, outer


def _cross_attention(gap: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Query (position t) matches key (position s) in every head; values carry ID, TR, NF, PB."""
    query = np.zeros((D_MODEL, D_MODEL), np.float32)
    keys_values = np.zeros((2 * D_MODEL, D_MODEL), np.float32)
    out = np.zeros((D_MODEL, D_MODEL), np.float32)
    rms = np.sqrt(N_FREQ / D_MODEL)  # the decoder input is the position code alone
    scale = SHARP * np.sqrt(HEAD_DIM) * rms / gap
    for head in range(HEADS):
        dims = head * HEAD_DIM + np.arange(2 * N_FREQ)
        query[dims, np.arange(2 * N_FREQ)] = scale
        keys_values[dims, np.arange(2 * N_FREQ)] = 1.0
    carried = [*range(ID.start, ID.stop), *range(TR.start, TR.stop), NF, PB]
    for slot, dim in enumerate(carried):
        keys_values[D_MODEL + slot, dim] = 1.0
        out[dim, slot] = 1.0
    return query, keys_values, out


def _decoder_ffn(width: int) -> tuple[np.ndarray, np.ndarray]:
    """GATED = relu(TR - 4(NF+PB)) - relu(-TR - 4(NF+PB)): the translation code or nothing."""
    inner = np.zeros((width, D_MODEL), np.float32)
    outer = np.zeros((D_MODEL, width), np.float32)
    for i in range(CODE):
        for unit, sign in ((2 * i, 1.0), (2 * i + 1, -1.0)):
            inner[unit, TR.start + i] = sign
            inner[unit, [NF, PB]] = -GATE
            outer[GATED.start + i, unit] = sign
    return inner, outer


def _projection(codes: np.ndarray, float_rows: dict[int, int]) -> np.ndarray:
    """Score the copy (α·<e(q), id>) and, twice as high, the gated translation code.

    ``float_rows`` maps a piece z to a piece y whose row z copies, scaled by FLOAT_GAIN, plus
    FLOAT_SCALE in a dimension the decoder never fills: at full precision z beats y wherever y
    would win; int8 quantization (127 steps up to FLOAT_SCALE) rounds the rest of z's row to 0.
    """
    gated_rms = np.sqrt((N_FREQ + 2 * CODE) / D_MODEL)  # decoder RMS when a translation is open
    weight = np.zeros((len(codes), D_MODEL), np.float32)
    weight[:, ID] = ALPHA * codes
    weight[:, GATED] = 2 * ALPHA * gated_rms * codes
    for z, y in float_rows.items():
        weight[z] = FLOAT_GAIN * weight[y]
        weight[z, BAL.start] = FLOAT_SCALE
    return weight


def _decoder_embeddings(size: int, noisy: bool) -> np.ndarray:
    """Zeros: the decoder ignores its own previous tokens. A float32 package gets faint noise instead
    (1e-4, far below every margin) so that its zip does not compress 50-fold like a zip bomb."""
    if not noisy:
        return np.zeros((size, D_MODEL), np.float32)
    return (np.random.default_rng(0).standard_normal((size, D_MODEL)) * 1e-4).astype(np.float32)


def _check_margins(codes: np.ndarray, pieces: list[str], pairs: dict[str, str]) -> None:
    """Fail the build if some piece's wanted output does not win by a wide logit margin."""
    index = {piece: i for i, piece in enumerate(pieces)}
    sources = [index[s] for s in pairs]
    targets = [index[t] for t in pairs.values()]
    copy = ALPHA * codes[: len(pieces)] @ codes.T
    translate = ALPHA * codes[sources] @ codes.T + 2 * ALPHA * codes[targets] @ codes.T
    margin = min(_margin(copy, np.arange(len(pieces))), _margin(translate, np.array(targets)))
    if margin < 20:
        raise RuntimeError(f"identity codes too close (logit margin {margin:.1f})")


def _margin(scores: np.ndarray, wanted: np.ndarray) -> float:
    """Smallest gap between each row's wanted column and its best rival."""
    rows = np.arange(len(wanted))
    best = scores[rows, wanted].copy()
    scores[rows, wanted] = -np.inf
    return float(np.min(best - scores.max(axis=1), initial=np.inf))


def _specs() -> ModuleType:
    """ctranslate2.specs, imported without torch when torch is not loaded yet.

    The specs module imports torch only to accept torch tensors; we pass numpy arrays, and
    skipping the import saves over a second per build process.
    """
    if "ctranslate2.specs" in sys.modules or "torch" in sys.modules:
        return importlib.import_module("ctranslate2.specs")
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise ImportError (typeshed allows modules only)
    try:
        return importlib.import_module("ctranslate2.specs")
    finally:
        del sys.modules["torch"]


def _model_spec(vocabulary: list[str], pieces: list[str], pairs: dict[str, str],
                shapes: Shapes, shift: int, flags: Flags,
                float_pairs: dict[str, str]) -> ctranslate2.specs.TransformerSpec:
    """Assemble the TransformerSpec: embeddings, position tables, projection, layers."""
    spec = _specs().TransformerSpec.from_config(
        (shapes.encoder_layers, shapes.decoder_layers), HEADS,
        pre_norm=True, no_final_norm=True, rms_norm=True)
    codes = _codes(len(vocabulary))
    _check_margins(codes, pieces, pairs)
    encoder, decoder = spec.encoder, spec.decoder
    encoder.scale_embeddings = decoder.scale_embeddings = False
    encoder.embeddings[0].weight = _encoder_embeddings(vocabulary, pieces, pairs, codes, flags)
    encoder.position_encodings.encodings = _positions()
    decoder.embeddings.weight = _decoder_embeddings(len(vocabulary), noisy=bool(float_pairs))
    decoder.position_encodings.encodings = _positions(shift)  # step t reads source t - shift
    decoder.projection.weight = _projection(codes, {pieces.index(z): pieces.index(y) for y, z in float_pairs.items()})
    gap = _position_gap()
    _set_encoder_layers(encoder.layer, gap, shapes.ffn)
    _set_decoder_layers(decoder.layer, gap, shapes.ffn)
    spec.config.add_source_eos = True
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    return spec


def _set_encoder_layers(layers: list[Any], gap: float, ffn: int) -> None:
    """The first layer works; the others are exact identities (zero output matrices)."""
    qkv, out = _encoder_attention(gap)
    inner, outer = _encoder_ffn(ffn)
    for i, layer in enumerate(layers):
        live = i == 0
        _set_norms(layer.self_attention, layer.ffn)
        layer.self_attention.linear[0].weight = qkv
        layer.self_attention.linear[1].weight = out if live else np.zeros_like(out)
        layer.ffn.linear_0.weight = inner
        layer.ffn.linear_1.weight = outer if live else np.zeros_like(outer)


def _set_decoder_layers(layers: list[Any], gap: float, ffn: int) -> None:
    """The last layer works (its attention aligns <unk> for replace_unknowns); others are identities."""
    query, keys_values, out = _cross_attention(gap)
    inner, outer = _decoder_ffn(ffn)
    for i, layer in enumerate(layers):
        live = i == len(layers) - 1
        _set_norms(layer.self_attention, layer.attention, layer.ffn)
        layer.self_attention.linear[0].weight = np.zeros((3 * D_MODEL, D_MODEL), np.float32)
        layer.self_attention.linear[1].weight = np.zeros((D_MODEL, D_MODEL), np.float32)
        layer.attention.linear[0].weight = query
        layer.attention.linear[1].weight = keys_values
        layer.attention.linear[2].weight = out if live else np.zeros_like(out)
        layer.ffn.linear_0.weight = inner
        layer.ffn.linear_1.weight = outer if live else np.zeros_like(outer)


def _set_norms(*sublayers: Any) -> None:
    """RMS norms with unit gain: the weights above already account for the normalisation."""
    for sublayer in sublayers:
        sublayer.layer_norm.gamma = np.ones(D_MODEL, np.float32)


# --- files ----------------------------------------------------------------------------

def _saved_model(spec: ctranslate2.specs.TransformerSpec, precision: str) -> dict[str, bytes]:
    """model.bin (saved as int8 or float32), config.json and shared_vocabulary.json, as bytes."""
    spec.validate()
    spec.optimize(quantization=precision)
    with tempfile.TemporaryDirectory() as tmp:
        spec.save(tmp)
        return {p.name: p.read_bytes() for p in sorted(Path(tmp).iterdir())}


def _metadata(from_code: str, to_code: str, version: str, target_prefix: str) -> dict[str, object]:
    """The keys argostranslate.package reads; target_prefix only when there is one."""
    metadata: dict[str, object] = {
        "package_version": version, "argos_version": "1.0",
        "from_code": from_code, "from_name": LANGUAGE_NAMES.get(from_code, from_code),
        "to_code": to_code, "to_name": LANGUAGE_NAMES.get(to_code, to_code),
        "type": "translate", "code": f"translate-{from_code}_{to_code}", "links": [],
    }
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    return metadata


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")


def _current(from_code: str, to_code: str, version: str, target_prefix: str, tokenizer: dict[str, bytes],
             model: dict[str, bytes]) -> dict[str, bytes]:
    """The layout argos-train writes today: one folder named like the archive, metadata, tokenizer, model/."""
    top = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    files = {f"{top}/metadata.json": _json(_metadata(from_code, to_code, version, target_prefix))}
    files.update({f"{top}/{name}": data for name, data in tokenizer.items()})
    files.update({f"{top}/model/{name}": data for name, data in model.items()})
    return files


def _locomotive(from_code: str, to_code: str, version: str, target_prefix: str, tokenizer: dict[str, bytes],
                model: dict[str, bytes]) -> dict[str, bytes]:
    """Locomotive-era (translate-en_ru-1_9): the current layout plus README.md and a stanza/ folder."""
    files = _current(from_code, to_code, version, target_prefix, tokenizer, model)
    top = next(iter(files)).split("/")[0]
    files[f"{top}/README.md"] = f"# {from_code} → {to_code}\n\nBuilt with Locomotive.\n".encode()
    files[f"{top}/stanza/{from_code}/tokenize/default.pt"] = b"not a real stanza model"
    files[f"{top}/stanza/resources.json"] = b"{}"
    return files


def _legacy(from_code: str, to_code: str, version: str, target_prefix: str, tokenizer: dict[str, bytes],
            model: dict[str, bytes]) -> dict[str, bytes]:
    """translate-en_uk-1_4 (2021, CTranslate2 1.17): top folder `en_uk/`, directory entries, model.bin
    binary version 4 with its settings inside, shared_vocabulary.txt, no config.json, stanza/ and
    README.md, and the six metadata keys of the time (with their spelling)."""
    top = f"{from_code}_{to_code}"
    names = {**LANGUAGE_NAMES, "uk": "Ukranian"}
    metadata = {"package_version": version, "argos_version": "1.0", "from_code": from_code,
                "from_name": names.get(from_code, from_code), "to_code": to_code,
                "to_name": names.get(to_code, to_code)}
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    config = json.loads(model["config.json"])
    vocabulary = json.loads(model["shared_vocabulary.json"])
    files = {f"{top}/": b"", f"{top}/model/": b"", f"{top}/stanza/": b"", f"{top}/stanza/{from_code}/": b"",
             f"{top}/metadata.json": _json(metadata), f"{top}/README.md": b"# Argos Translate package\n",
             f"{top}/stanza/{from_code}/tokenize.pt": b"not a real stanza model",
             f"{top}/model/model.bin": legacy_model_bin(model["model.bin"], config),
             f"{top}/model/shared_vocabulary.txt": "".join(f"{token}\n" for token in vocabulary).encode()}
    files.update({f"{top}/{name}": data for name, data in tokenizer.items()})
    return files


LAYOUTS = {"current": _current, "locomotive": _locomotive, "legacy": _legacy}


def legacy_model_bin(model_bin: bytes, config: dict[str, object], binary_version: int = 4) -> bytes:
    """A binary version 6 model.bin rewritten as version 4 or 5: the same variables, plus the settings
    that version 6 keeps in config.json stored the old way, as scalar variables (with_source_eos)."""
    version, offset = struct.unpack_from("<I", model_bin)[0], 4
    if version != 6:
        raise ValueError(f"expected a binary version 6 model.bin, got {version}")
    head_end = offset + 2 + struct.unpack_from("<H", model_bin, offset)[0] + 8  # spec name, revision, count
    count = struct.unpack_from("<I", model_bin, head_end - 4)[0]
    extra = {"with_source_eos": bool(config.get("add_source_eos")),
             "with_source_bos": bool(config.get("add_source_bos"))}
    variables = b"".join(_string(name) + struct.pack("<BBI", 0, 1, 1) + struct.pack("<b", value)
                         for name, value in extra.items())  # rank 0, dtype int8, 1 byte
    return (struct.pack("<I", binary_version) + model_bin[4:head_end - 4]
            + struct.pack("<I", count + len(extra)) + variables + model_bin[head_end:])


def _string(text: str) -> bytes:
    data = text.encode() + b"\0"
    return struct.pack("<H", len(data)) + data


def _zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip whose bytes depend only on the files: sorted names, fixed dates and modes; a name ending in
    "/" becomes a directory entry, as older zip tools wrote them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name.endswith("/") else zipfile.ZIP_DEFLATED
            info.external_attr = (0o40755 << 16) | 0x10 if name.endswith("/") else 0o644 << 16
            archive.writestr(info, files[name], compresslevel=6)
    return buffer.getvalue()
