"""Dialogue dashes follow the language a subtitle is written in: `- ` in English, `— ` in Ukrainian and Russian
(see `subtitles.voices.DIALOGUE_DASHES` for the sources), in the subtitles of every target and in the bilingual
file, each language with its own."""

from __future__ import annotations

from pathlib import Path

from tests.readback import srt_cues
from tests.test_dialogue_cells import DIALOGUE
from tests.test_end_to_end import translated


def test_dialogue_dashes_are_the_target_languages(packages_dir: Path, tmp_path: Path) -> None:
    out = translated(packages_dir, tmp_path, "talk.en.srt", DIALOGUE, to="uk,ru")
    assert srt_cues((out / "talk.uk.srt").read_bytes())[0][2] == "— Привіт, друзі!\n— Добрий день."
    assert srt_cues((out / "talk.ru.srt").read_bytes())[0][2] == "— Привет, друзья!\n— Добрый день."
    assert srt_cues((out / "talk.en-uk.srt").read_bytes())[0][2].splitlines() == [
        "- Hello, friends!", "- Good afternoon.", "— Привіт, друзі!", "— Добрий день."]
    vtt = (out / "talk.uk.vtt").read_text("utf-8")
    assert "— Привіт, друзі!\n— Добрий день." in vtt
