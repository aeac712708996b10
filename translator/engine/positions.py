"""How many pieces a model reads in one sentence, and cutting longer inputs to fit.

A Transformer with learned position embeddings holds one row per position: CTranslate2 refuses a longer input
with a RuntimeError ("No position encodings are defined for positions >= N"), and on its own it cuts every
input at 1024 pieces (`max_input_length`) without a word. So the table's size is read from model.bin and an
input longer than the model reads is cut into parts at word boundaries, each translated and the translations
joined: nothing is lost and nothing fails. A model with sinusoidal positions has no table: the limit is then
CTranslate2's own.

model.bin (CTranslate2's `ModelSpec._serialize`): uint32 binary version; from version 2 the spec name (uint16
length with its NUL, UTF-8) and a uint32 revision; uint32 variable count; per variable its name, a uint8 rank,
rank × uint32 dimensions, a uint8 type and a uint32 byte count, then the bytes. Only the headers are read.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

CTRANSLATE2_INPUT_LIMIT = 1024  # translate_batch's default max_input_length
RESERVED = 2  # positions an input leaves free: the end-of-sentence token, and a target prefix or start token
TABLE_SUFFIX = "position_encodings/encodings"


def position_limit(model_dir: Path) -> int | None:
    """The fewest rows of the model's learned position tables (encoder or decoder), or None when it has none
    or model.bin cannot be read this way (then nothing is assumed)."""
    try:
        with (model_dir / "model.bin").open("rb") as file:
            rows = [dims[0] for name, dims in _variables(file) if name.endswith(TABLE_SUFFIX) and dims]
    except (OSError, struct.error, UnicodeDecodeError, ValueError):
        return None
    return min(rows) if rows else None


def _variables(file: BinaryIO) -> Iterator[tuple[str, list[int]]]:
    version = _unpack(file, "<I")
    if version >= 2:
        _string(file)
        _unpack(file, "<I")
    for _ in range(_unpack(file, "<I")):
        name = _string(file)
        dims = [_unpack(file, "<I") for _ in range(_unpack(file, "<B"))]
        _unpack(file, "<B")
        file.seek(_unpack(file, "<I"), 1)
        yield name, dims


def _unpack(file: BinaryIO, fmt: str) -> int:
    size = struct.calcsize(fmt)
    data = file.read(size)
    if len(data) != size:
        raise ValueError("model.bin ends early")
    return int(struct.unpack(fmt, data)[0])


def _string(file: BinaryIO) -> str:
    length = _unpack(file, "<H")
    return file.read(length)[:-1].decode("utf-8")


def input_limit(table_rows: int | None) -> int:
    """The most pieces one input may hold for a model whose position tables have `table_rows` rows."""
    rows = min(table_rows, CTRANSLATE2_INPUT_LIMIT) if table_rows else CTRANSLATE2_INPUT_LIMIT
    return max(1, rows - RESERVED)


def cut(pieces: list[str], limit: int, bpe: bool = False) -> list[list[str]]:
    """`pieces` in parts of at most `limit`, each cut before a piece that starts a word where the part's second
    half has one (SentencePiece marks a word's first piece with ▁; BPE marks every piece but a word's last with
    @@)."""
    parts: list[list[str]] = []
    rest = pieces
    while len(rest) > limit:
        at = next((i for i in range(limit, limit // 2, -1) if _starts_word(rest, i, bpe)), limit)
        parts.append(rest[:at])
        rest = rest[at:]
    parts.append(rest)
    return parts


def _starts_word(pieces: list[str], index: int, bpe: bool) -> bool:
    return not pieces[index - 1].endswith("@@") if bpe else pieces[index].startswith("▁")
