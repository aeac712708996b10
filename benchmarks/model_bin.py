"""A CTranslate2 model.bin rewritten: the learned position tables cut short, as in a package made for a shorter
input than the one it is given (a fault the package checks must catch). Used by the tests and the fault campaign."""

from __future__ import annotations

import io
import struct


def with_position_rows(model: bytes, rows: int) -> bytes:
    """model.bin with every learned position table cut to its first `rows` rows (CTranslate2's own layout)."""
    out, at = io.BytesIO(), 0

    def copy(size: int) -> bytes:
        nonlocal at
        chunk = model[at:at + size]
        out.write(chunk)
        at += size
        return chunk

    def number(fmt: str) -> int:
        return int(struct.unpack(fmt, copy(struct.calcsize(fmt)))[0])

    def string() -> str:
        return copy(number("<H"))[:-1].decode()

    number("<I")
    string()
    number("<I")
    for _ in range(number("<I")):
        name = string()
        dims = [int(struct.unpack_from("<I", model, at + 4 * i)[0]) for i in range(number("<B"))]
        at += 4 * len(dims)
        kind = model[at]
        size = int(struct.unpack_from("<I", model, at + 1)[0])
        data = model[at + 5:at + 5 + size]
        at += 5 + size
        if name.endswith("position_encodings/encodings"):
            data = data[:rows * (size // dims[0])]
            dims[0] = rows
        out.write(b"".join(struct.pack("<I", d) for d in dims) + bytes([kind]) + struct.pack("<I", len(data)) + data)
    out.write(model[at:])
    return out.getvalue()
