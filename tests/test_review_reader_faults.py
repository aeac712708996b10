"""Returned review files that once ended an import in a traceback or gigabytes of memory (issue #26, 13 and 15):
each is one InputError line now, and a hostile file is read in bounded memory and time."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.test_wordml import docx_bytes, row, run
from translator.errors import InputError
from translator.review_readers import read_review
from translator.review_readers.wordml import read_tables

XLIFF_HEAD = ('<?xml version="1.0"?><xliff version="1.2"><file original="talk" source-language="en" '
              'target-language="uk" datatype="plaintext"><body>')


def _one_line(path: Path, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        read_review(path)
    assert "\n" not in str(caught.value)


def _member_patched(data: bytes, name: str, *, flag: int = 0, method: int | None = None,
                    signature: bytes | None = None) -> bytes:
    """The zip with one member's headers changed, local and central alike (zipfile trusts the central one): a
    flag bit set (0x1: encrypted), another compression method, or a broken local header signature."""
    out = bytearray(data)
    for header, name_at, length_at, flags_at, method_at in ((b"PK\x03\x04", 30, 26, 6, 8),
                                                            (b"PK\x01\x02", 46, 28, 8, 10)):
        at = out.find(header)
        while at >= 0:
            length = struct.unpack_from("<H", out, at + length_at)[0]
            if bytes(out[at + name_at:at + name_at + length]) == name.encode():
                struct.pack_into("<H", out, at + flags_at, struct.unpack_from("<H", out, at + flags_at)[0] | flag)
                if method is not None:
                    struct.pack_into("<H", out, at + method_at, method)
                if signature is not None and header == b"PK\x03\x04":
                    out[at:at + 4] = signature
            at = out.find(header, at + 4)
    return bytes(out)


def test_a_cell_outside_any_row_starts_one(tmp_path: Path) -> None:
    body = "<w:tbl><w:tc><w:p>" + run("id") + "</w:p></w:tc>" + row(run("1")) + "</w:tbl>"
    assert read_tables(tmp_path / "x.docx", docx_bytes(body))[1] == [[["id"], ["1"]]]


@pytest.mark.parametrize(("patch", "message"), [
    ({"flag": 0x1}, "not a readable DOCX file .*encrypted"),
    ({"method": 99}, "not a readable DOCX file .*compression"),
    ({"signature": b"PK\x05\x06"}, "not a readable DOCX file .*header"),
])
def test_a_damaged_or_encrypted_document_is_one_line(patch: dict[str, object], message: str,
                                                    tmp_path: Path) -> None:
    path = tmp_path / "talk.en-uk.docx"
    data = docx_bytes("<w:tbl>" + row(run("id"), run("translation")) + "</w:tbl>")
    path.write_bytes(_member_patched(data, "word/document.xml", **patch))  # type: ignore[arg-type]
    _one_line(path, message)


@pytest.mark.parametrize("digits", [10, 4_301, 50_000])
def test_an_id_of_thousands_of_digits_is_not_a_segment_number(digits: int, tmp_path: Path) -> None:
    path = tmp_path / "talk.en-uk.csv"
    path.write_text(f"id,translation\n{'7' * digits},Дякую\n", "utf-8")
    _one_line(path, r"row 2: id '7+\.\.\.'? ?is not a segment number|row 2: id '7+' is not a segment number")


@pytest.mark.parametrize("segments", [
    [{"id": 1, "text": "Hi.", "timing": {"start_ms": 0}, "translations": {"uk": {"text": "Привіт."}}}],
    [{"id": 1, "text": "Hi.", "timing": {"start_ms": 0, "end_ms": 900}, "translations": {"uk": "Привіт."}}],
    [{"id": "1", "text": "Hi.", "timing": {"start_ms": 0, "end_ms": 900}, "translations": {"uk": {"text": "x"}}}],
    ["not a segment"],
    [{"id": 1, "text": "Hi.", "timing": [0, 900], "translations": {"uk": {"text": "Привіт."}}}],
])
def test_a_damaged_result_file_beside_an_edited_srt_is_one_line(segments: list[object], tmp_path: Path) -> None:
    (tmp_path / "talk.json").write_text(json.dumps({"schema": 1, "segments": segments}), "utf-8")
    path = tmp_path / "talk.uk.srt"
    path.write_text("1\n00:00:00,000 --> 00:00:00,900\nПривіт!\n", "utf-8")
    _one_line(path, "result file beside it is damaged")


def _peak_mib(code: str, path: Path) -> tuple[str, int]:
    """Run `code` (which reads `path`) in a fresh process; what it printed and its peak memory (VmHWM)."""
    probe = (f"import re, sys; from pathlib import Path; p = Path(sys.argv[1]); {code}; "
             "peak = re.search(r'VmHWM:\\s+(\\d+)', Path('/proc/self/status').read_text()); "
             "print(int(peak[1]) // 1024 if peak else 0)")
    done = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    *said, peak = done.stdout.split("\n")[:-1]
    return "\n".join(said), int(peak)


def test_a_docx_of_63_mib_of_empty_elements_is_read_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "talk.en-uk.docx"
    out = io.BytesIO()
    empties = b"<w:x/>" * (63 * (1 << 20) // 6)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {W_NS}><w:body><w:tbl>'.encode()
                         + row(run("id"), run("translation")).encode() + empties + b"</w:tbl></w:body></w:document>")
    path.write_bytes(out.getvalue())
    assert path.stat().st_size < 1 << 20
    said, peak = _peak_mib("from translator.review_readers.wordml import read_tables; "
                           "print(read_tables(p, p.read_bytes())[1])", path)
    assert said == "[[['id', 'translation']]]"
    assert peak < 256, f"peak {peak} MiB"


def test_a_60_mib_xliff_is_read_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "talk.en-uk.xlf"
    unit = ('<trans-unit id="{}"><source>Thank you.</source><target state="translated">Дякую.<g id="b">'
            + "<x/>" * 200 + "</g></target></trans-unit>\n")
    units = "".join(unit.format(i) for i in range(1, 60 * (1 << 20) // len(unit.encode())))
    path.write_text(XLIFF_HEAD + units + "</body></file></xliff>", "utf-8")
    said, peak = _peak_mib("from translator.review_readers import read_review; "
                           "target, rows = read_review(p); print(len(rows), rows[-1].translation)", path)
    count, translation = said.split(" ", 1)
    assert int(count) > 50_000 and translation == "Дякую."
    assert peak < 256, f"peak {peak} MiB"


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_a_trans_unit_opened_inside_a_source_is_read_as_a_unit_of_its_own(tmp_path: Path) -> None:
    """Found by benchmarks/faults.py's fuzzing: the inner unit's text went to a `source` it never opened and the
    import ended in KeyError."""
    path = tmp_path / "talk.en-uk.xlf"
    path.write_text(XLIFF_HEAD + '<trans-unit id="1"><source>Hi <trans-unit id="2">there</trans-unit></source>'
                    '<target>Привіт</target></trans-unit></body></file></xliff>', "utf-8")
    try:
        read_review(path)
    except InputError as exc:
        assert "\n" not in str(exc)
