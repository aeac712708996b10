"""Input decoding: BOMs, UTF-8, legacy Cyrillic/Latin code pages by detection, forced encodings, refusals."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.encoding_detection import guess_legacy
from translator.errors import InputError
from translator.textio import decode_bytes, read_text

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


# Interview-like samples: the Ukrainian one has і, ї, є; the one for cp866 (which has no і) only ї, є, Є.
RUSSIAN_SAMPLE = ("Добрый вечер. Сегодня мой гость - известный политолог и эксперт по восточным делам.\n"
                  "Спасибо, что пришли! Расскажите, пожалуйста, что будет дальше с Москвой и Киевом?\n")
UKRAINIAN_SAMPLE = ("Добрий вечір. Сьогодні мій гість - відомий політолог і експерт зі східних питань.\n"
                    "Дякую, що прийшли! Розкажіть, будь ласка, що буде далі з Києвом і Одесою?\n")
UKRAINIAN_WITHOUT_I = ("Дякую, що прийшли. Ми говоримо про Європу та про її майбутнє.\n"
                       "Це дуже важлива тема для кожного з нас. Як ви вважаєте, що буде потому?\n")


def _right_or_refused(text: str, codec: str) -> None:
    """A few words may read as text in two code pages; then the user is asked, never given the wrong one."""
    try:
        decoded, _ = decode_bytes(text.encode(codec))
    except InputError as exc:
        assert "more than one code page" in str(exc) and codec in str(exc)
    else:
        assert decoded == text


def test_a_reading_with_a_symbol_where_another_has_a_letter_never_wins() -> None:
    # Found by the property test below: two rare ґ made "≥ іанок іанок" (MacCyrillic) look likelier.
    _right_or_refused("і ґанок ґанок.", "cp1251")


@settings(max_examples=60)
@given(st.lists(st.sampled_from(RUSSIAN), min_size=2, max_size=12).filter(lambda ws: any(len(w) > 1 for w in ws)))
def test_russian_in_cp1251_and_koi8r_is_read_right_or_refused_never_garbled(words: list[str]) -> None:
    for codec in ("cp1251", "koi8-r"):
        _right_or_refused(" ".join(words) + ".", codec)


@pytest.mark.parametrize(
    ("sample", "codec", "named"),
    [
        (RUSSIAN_SAMPLE, "cp1251", "cp1251"),
        (UKRAINIAN_SAMPLE, "cp1251", "cp1251"),
        (RUSSIAN_SAMPLE, "koi8-r", "koi8-r"),
        (UKRAINIAN_SAMPLE, "koi8-u", "koi8-u"),
        (RUSSIAN_SAMPLE, "koi8-u", "koi8-r"),  # Russian reads the same in both KOI8s: the common one is named
        (RUSSIAN_SAMPLE, "cp866", "cp866"),
        (UKRAINIAN_WITHOUT_I, "cp866", "cp866"),
        (UKRAINIAN_SAMPLE, "cp1125", "cp1125"),
        (RUSSIAN_SAMPLE, "cp1125", "cp866"),  # the same bytes for every Russian letter
        (RUSSIAN_SAMPLE, "mac-cyrillic", "mac-cyrillic"),
        (UKRAINIAN_SAMPLE, "mac-cyrillic", "mac-cyrillic"),
    ],
)
def test_every_supported_cyrillic_code_page_is_detected(sample: str, codec: str, named: str) -> None:
    text, used = decode_bytes(sample.encode(codec))
    assert (text, used) == (sample, named)
    assert sample.encode(codec).decode(used) == sample


@pytest.mark.parametrize("codec", ["koi8-u", "cp866", "cp1125", "mac-cyrillic", "MacCyrillic"])
def test_the_new_code_pages_can_be_forced(codec: str) -> None:
    sample = UKRAINIAN_WITHOUT_I if codec == "cp866" else UKRAINIAN_SAMPLE
    assert decode_bytes(sample.encode(codec), codec) == (sample, codec)


@pytest.mark.parametrize(
    ("text", "codecs_"),
    [
        ("שלום, קוראים לי דוד ואני גר בירושלים.\nהיום אנחנו מדברים על ההיסטוריה של העיר ועל האנשים שחיו בה.\n",
         ["iso-8859-8", "cp1255"]),
        ("Καλημέρα, με λένε Νίκο και μένω στην Αθήνα.\nΣήμερα μιλάμε για την ιστορία της πόλης.\n",
         ["iso-8859-7", "cp1253"]),
        ("مرحبا، اسمي أحمد وأعيش في القاهرة.\nاليوم نتحدث عن تاريخ المدينة.\n", ["cp1256"]),
    ],
)
def test_other_scripts_are_never_read_as_cyrillic(text: str, codecs_: list[str]) -> None:
    """Hebrew letters sit where cp1251 has а…ъ: letter statistics and spelling (й after a consonant, no vowel)
    tell them apart."""
    for codec in codecs_:
        with pytest.raises(InputError, match=r"^line 1: not UTF-8 .*--encoding"):
            decode_bytes(text.encode(codec))
        assert decode_bytes(text.encode(codec), codec)[0] == text


def test_a_short_text_that_reads_in_two_code_pages_is_refused_naming_both() -> None:
    data = "Мой дом.".encode("mac-cyrillic")  # "Мой дом." in cp1251 is "њой дом.", about as likely
    with pytest.raises(InputError, match=r"more than one code page \(.*mac-cyrillic.*\).*--encoding") as caught:
        decode_bytes(data)
    assert "cp1251" in str(caught.value)
    assert decode_bytes(data, "mac-cyrillic") == ("Мой дом.", "mac-cyrillic")


@settings(max_examples=40)
@given(st.lists(st.sampled_from(UKRAINIAN), min_size=2, max_size=12).filter(lambda ws: any(len(w) > 1 for w in ws)))
def test_ukrainian_in_cp1251_is_read_right_or_refused_never_garbled(words: list[str]) -> None:
    """"і ґанок" reads as text in cp1251 and in MacCyrillic; whole lines and files are told apart (below)."""
    _right_or_refused(" ".join(words), "cp1251")


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
        ("ru__ibm866.txt", "cp866"),
        ("ru__mac-cyrillic.txt", "mac-cyrillic"),
    ],
)
def test_corpus_legacy_files_are_detected(name: str, codec: str) -> None:
    data = (CORPUS / "langid" / "encodings" / name).read_bytes()
    assert guess_legacy(data) == codec


@needs_corpus
@pytest.mark.parametrize("name", ["ru__ibm855.txt", "mk__ibm855.txt", "ru__iso-8859-5.txt", "bg__iso-8859-5.txt"])
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
