"""Bad input: one clear line on stderr, a non-zero exit, no traceback, no partial output. The command line
runs in-process (tests/in_process.py); the help screens' imports are counted in a real process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.in_process import Done, environment
from tests.in_process import translator as in_process


def translator(*args: str, packages: Path | None = None) -> Done:
    env = environment() if packages is None else environment(ARGOS_PACKAGES_DIR=packages)
    return in_process(*args, env=env)


def assert_clean_failure(done: Done, *words: str) -> None:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    message = done.stderr.strip().splitlines()
    assert len(message) == 1, done.stderr
    for word in words:
        assert word in message[0], message[0]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "out"


def test_missing_file(argos_env: Path, out: Path, tmp_path: Path) -> None:
    done = translator("run", str(tmp_path / "nope.txt"), "--to", "uk", "--out", str(out), packages=argos_env)
    assert_clean_failure(done, "nope.txt", "no such file")
    assert not out.exists()  # the folder the run created is removed again


def test_a_failed_run_keeps_an_output_folder_it_did_not_create(argos_env: Path, tmp_path: Path) -> None:
    existing = tmp_path / "existing"
    (existing / "empty").mkdir(parents=True)
    done = translator("run", str(tmp_path / "nope.txt"), "--out", str(existing / "empty"), packages=argos_env)
    assert_clean_failure(done, "no such file")
    assert (existing / "empty").is_dir()
    nested = tmp_path / "a" / "b"
    assert_clean_failure(translator("run", str(tmp_path / "nope.txt"), "--out", str(nested), packages=argos_env))
    assert not (tmp_path / "a").exists()  # both levels it created


def test_empty_file(argos_env: Path, out: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", "utf-8")
    assert_clean_failure(translator("run", str(empty), "--out", str(out), packages=argos_env), "empty")
    assert not out.exists()


def test_binary_file(argos_env: Path, out: Path, tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_clean_failure(translator("run", str(binary), "--out", str(out), packages=argos_env), "binary")
    assert not out.exists()


def test_unknown_target_language(argos_env: Path, out: Path, tmp_path: Path) -> None:
    done = translator("run", "examples/interview-aisin.en.txt", "--to", "uk,xx", "--out", str(out), packages=argos_env)
    assert_clean_failure(done, "xx")


def test_unwritable_out(argos_env: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    done = translator("run", "examples/interview-aisin.en.txt", "--out", str(blocker / "sub"), packages=argos_env)
    assert_clean_failure(done, "--out")


def test_missing_package_names_the_install_command(empty_argos_env: Path, out: Path) -> None:
    done = translator("run", "examples/interview-aisin.en.txt", "--to", "uk", "--out", str(out),
                      packages=empty_argos_env)
    assert_clean_failure(done, "translator models install en-uk")
    assert not out.exists()


def test_cp1251_transcript_is_decoded(argos_env: Path, out: Path, tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Интервью\nБарвиненко: Спасибо, друзья! Москва.\n".encode("cp1251"))
    done = translator("detect", str(legacy), packages=argos_env)
    assert done.returncode == 0, done.stderr
    assert "Спасибо, друзья! Москва." in done.stdout and "\tru\t" in done.stdout


def test_invalid_package_file_is_refused(empty_argos_env: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.argosmodel"
    bogus.write_text("not a zip")
    assert_clean_failure(translator("models", "install", str(bogus), packages=empty_argos_env), "not a zip")
    assert list(empty_argos_env.iterdir()) == []


def test_models_list_shows_direct_and_pivot(argos_env: Path) -> None:
    done = translator("models", "list", packages=argos_env)
    assert done.returncode == 0, done.stderr
    assert "en→uk  direct" in done.stdout
    assert "uk→ru  pivot uk → en → ru" in done.stdout


@pytest.mark.parametrize("command", [["--help"], ["run", "--help"], ["models", "install", "--help"]])
def test_help_is_available_without_heavy_imports(command: list[str]) -> None:
    """A help screen imports no model library, and neither rich nor pydantic (0.1-0.2 s each through typer)."""
    heavy = ("ctranslate2", "torch", "stanza", "pymorphy3", "docx", "argostranslate", "lingua", "rich", "pydantic")
    code = ("import atexit, sys\nfrom translator import cli\n"  # the listing is printed as the process leaves
            f"atexit.register(lambda: print(sorted(m for m in {heavy!r} if m in sys.modules), file=sys.stderr))\n"
            "cli.main()\n")
    done = subprocess.run([sys.executable, "-c", code, *command], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "[]"
    assert "Usage: translator" in done.stdout


def test_cuda_without_a_gpu_is_a_clear_error(argos_env: Path, out: Path) -> None:
    import ctranslate2

    if ctranslate2.get_cuda_device_count():
        pytest.skip("this machine has a CUDA GPU")
    done = translator("run", "examples/interview-aisin.en.txt", "--to", "uk", "--out", str(out), "--device", "cuda",
                      packages=argos_env)
    assert_clean_failure(done, "no CUDA GPU")


def test_a_bad_file_in_a_folder_stops_the_run_before_any_output(argos_env: Path, out: Path, tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "a-good.txt").write_text("Title\nAysin: Thank you.\n", "utf-8")
    (folder / "b-bad.txt").write_bytes(b"\x00\x01binary")
    done = translator("run", str(folder), "--to", "uk", "--out", str(out), packages=argos_env)
    assert_clean_failure(done, "b-bad.txt", "binary")
    assert not out.exists()


def test_hebrew_in_its_code_page_is_refused_not_translated(argos_env: Path, out: Path, tmp_path: Path) -> None:
    hebrew = tmp_path / "talk.txt"
    hebrew.write_bytes("שלום, קוראים לי דוד ואני גר בירושלים.\nהיום אנחנו מדברים על ההיסטוריה של העיר.\n"
                       .encode("iso-8859-8"))
    done = translator("run", str(hebrew), "--to", "uk", "--out", str(out), packages=argos_env)
    assert_clean_failure(done, "talk.txt", "--encoding")
    assert done.returncode == 2
    assert not out.exists()  # the folder the run created is removed again


@pytest.mark.parametrize(
    ("codec", "lang"), [("koi8-u", "uk"), ("cp1125", "uk"), ("cp866", "ru"), ("mac-cyrillic", "ru")]
)
def test_legacy_cyrillic_code_pages_are_read_right(codec: str, lang: str, tmp_path: Path) -> None:
    text = {"uk": "Інтерв'ю\nБарвіненко: Дякую, друзі! Київ і Одеса чекають на нас.\n",
            "ru": "Интервью\nБарвиненко: Спасибо, друзья! Москва ждёт нас.\n"}[lang]
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(text.encode(codec))
    done = translator("detect", str(legacy))
    assert done.returncode == 0, done.stderr
    assert text.splitlines()[1].split(": ", 1)[1] in done.stdout and f"\t{lang}\t" in done.stdout
