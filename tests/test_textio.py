"""Input decoding: BOMs, UTF-8, legacy Cyrillic/Latin code pages by detection, forced encodings, refusals."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.errors import InputError
from translator.textio import decode_bytes, guess_legacy, read_text

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present beside the repository")

RUSSIAN = "Сегодня мой гость известный политолог и эксперт по восточным делам".split()
UKRAINIAN = "Сьогодні мій гість відомий політолог і експерт зі східних питань їхній ґанок".split()
FRENCH = "Il fut un temps avant l'existence du câble où le présentateur local régnait en maître été".split()


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_a_bom_names_the_encoding_and_is_not_part_of_the_text(bom: bytes, codec: str) -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nПривіт, світе\n"
    assert decode_bytes(bom + text.encode(codec)) == (text, codec)


def test_utf8_without_bom_is_read_as_utf8() -> None:
    assert decode_bytes("Привет — «мир»".encode()) == ("Привет — «мир»", "utf-8")


@settings(max_examples=60)
@given(st.lists(st.sampled_from(RUSSIAN), min_size=2, max_size=12).filter(lambda ws: any(len(w) > 1 for w in ws)))
def test_russian_in_cp1251_and_koi8r_is_told_apart(words: list[str]) -> None:
    """One-letter words alone ("и и") could be Latin too; any longer word settles it."""
    text = " ".join(words) + "."
    for codec in ("cp1251", "koi8-r"):
        assert decode_bytes(text.encode(codec)) == (text, codec)


@settings(max_examples=40)
@given(st.lists(st.sampled_from(UKRAINIAN), min_size=2, max_size=12).filter(lambda ws: any(len(w) > 1 for w in ws)))
def test_ukrainian_in_cp1251_is_detected(words: list[str]) -> None:
    text = " ".join(words)
    assert decode_bytes(text.encode("cp1251")) == (text, "cp1251")


@settings(max_examples=40)
@given(st.lists(st.sampled_from(FRENCH), min_size=3, max_size=12).filter(lambda ws: any(not w.isascii() for w in ws)))
def test_latin_text_in_cp1252_is_not_mistaken_for_cyrillic(words: list[str]) -> None:
    text = " ".join(words)
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252")


@needs_corpus
@pytest.mark.parametrize(
    ("name", "codec"),
    [
        ("ru__windows-1251.txt", "cp1251"),
        ("uk__windows-1251.txt", "cp1251"),
        ("bg__windows-1251.txt", "cp1251"),
        ("be__windows-1251.txt", "cp1251"),
        ("sr__windows-1251.txt", "cp1251"),
        ("mk__windows-1251.txt", "cp1251"),
        ("ru__koi8-r.txt", "koi8-r"),
    ],
)
def test_corpus_legacy_files_are_detected(name: str, codec: str) -> None:
    data = (CORPUS / "langid" / "encodings" / name).read_bytes()
    assert guess_legacy(data) == codec


@needs_corpus
@pytest.mark.parametrize("name", ["ru__ibm866.txt", "ru__ibm855.txt", "ru__iso-8859-5.txt", "bg__iso-8859-5.txt"])
def test_other_code_pages_are_refused_not_turned_into_mojibake(name: str) -> None:
    with pytest.raises(InputError, match=r"^line \d+: .*--encoding"):
        decode_bytes((CORPUS / "langid" / "encodings" / name).read_bytes())


@needs_corpus
def test_the_pair_of_french_subtitle_files_decodes_to_the_same_text() -> None:
    legacy, used = decode_bytes((CORPUS / "srt" / "pysrt__windows-1252.srt").read_bytes())
    assert used == "cp1252"
    assert legacy.replace("\r\n", "\n") == (CORPUS / "srt" / "pysrt__utf-8.srt").read_text("utf-8")


def test_chinese_gb2312_is_refused_with_its_line() -> None:
    data = "1\n00:00:01,000 --> 00:00:02,000\n宇宙守护神  保护我们远离邪恶\n".encode("gb2312")
    with pytest.raises(InputError, match=r"^line 3: not UTF-8"):
        decode_bytes(data)
    assert decode_bytes(data, "gb2312")[0].endswith("邪恶\n")


def test_damaged_utf8_is_refused_with_the_line_of_the_bad_byte() -> None:
    data = "Привіт\nсвіте\n".encode() * 3 + b"caf\xe9\n"
    with pytest.raises(InputError, match=r"^line 7: invalid UTF-8 \(byte 0xe9\)"):
        decode_bytes(data)


def test_a_forced_encoding_wins_over_detection() -> None:
    data = "Привет".encode("cp1251")
    assert decode_bytes(data, "koi8-r") == (data.decode("koi8-r"), "koi8-r")
    assert decode_bytes(codecs.BOM_UTF8 + b"abc", "utf-8") == ("abc", "utf-8")


def test_a_forced_encoding_that_does_not_fit_names_the_line() -> None:
    with pytest.raises(InputError, match=r"^line 2: cannot decode as utf-8 \(byte 0xcf\)"):
        decode_bytes("a\nПривет".encode("cp1251"), "utf-8")
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        decode_bytes(b"abc", "klingon")


def test_binary_and_empty_and_missing_files_are_refused(tmp_path: Path) -> None:
    binary, empty = tmp_path / "a.srt", tmp_path / "b.srt"
    binary.write_bytes(b"\x00\x01\x02")
    empty.write_bytes(codecs.BOM_UTF8 + b"  \n")
    with pytest.raises(InputError, match="binary file"):
        read_text(binary)
    with pytest.raises(InputError, match="line 1: the file is empty"):
        read_text(empty)
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.srt")
