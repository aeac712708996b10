"""Subtitle files through the whole workflow with the real engine: every cue keeps its place and time."""

from __future__ import annotations

import json
from datetime import timedelta

import pysubs2
import srt

from tests.test_end_to_end import translator

MS = timedelta(milliseconds=1)

# cp1251, CRLF, a missing blank line between cues 2 and 3, cue 4 overlapping cue 5, a sentence over two cues.
RUSSIAN_SRT = (
    "1\r\n00:00:01,000 --> 00:00:03,000\r\nСпасибо, друзья!\r\n\r\n"
    "2\r\n00:00:03,500 --> 00:00:05,000\r\nМосква и Европа\r\n"
    "3\r\n00:00:05,000 --> 00:00:07,000\r\n<i>война</i> и Россия.\r\n\r\n"
    "4\r\n00:00:08,000 --> 00:00:10,500\r\nПривет, Москва!\r\n\r\n"
    "5\r\n00:00:10,000 --> 00:00:12,000\r\nДобрый день.\r\n\r\n"
)


def test_russian_cp1251_srt_translates_without_loss(packages_dir, tmp_path):
    source = tmp_path / "talk.ru.srt"
    source.write_bytes(RUSSIAN_SRT.encode("cp1251"))
    done = translator("run", str(source), "--to", "en,uk", "--out", str(tmp_path / "out"), env_dir=packages_dir)
    assert done.returncode == 0, done.stderr
    assert "line" in done.stderr  # the repairs are reported with their line numbers
    result = json.loads((tmp_path / "out" / "talk.json").read_text("utf-8"))
    assert result["source"] == "ru" and result["encoding"] == "cp1251"
    texts = [s["text"] for s in result["segments"]]
    assert texts == ["Спасибо, друзья!", "Москва и Европа", "война и Россия.", "Привет, Москва!", "Добрый день."]
    expected_times = [(1000, 3000), (3500, 5000), (5000, 7000), (8000, 10000), (10000, 12000)]
    for lang in ("en", "uk"):
        cues = list(srt.parse((tmp_path / "out" / f"talk.{lang}.srt").read_text("utf-8")))
        assert [(c.start // MS, c.end // MS) for c in cues] == expected_times
        vtt = pysubs2.load(str(tmp_path / "out" / f"talk.{lang}.vtt"))
        assert [(e.start, e.end) for e in vtt] == expected_times
    english = [c.content for c in srt.parse((tmp_path / "out" / "talk.en.srt").read_text("utf-8"))]
    assert english[0] == "Thanks, друзья!"
    assert english[1].startswith("Moscow") and "<i>" in english[2] and "war" in " ".join(english[1:3]).lower()
    ukrainian = " ".join(c.content for c in srt.parse((tmp_path / "out" / "talk.uk.srt").read_text("utf-8")))
    assert "Москва" in ukrainian  # ru→en→uk: the pivot reached Ukrainian
    bilingual = list(srt.parse((tmp_path / "out" / "talk.ru-en.srt").read_text("utf-8")))
    assert bilingual[0].content.splitlines() == ["Спасибо, друзья!", "Thanks, друзья!"]


def test_subtitle_file_in_a_folder_of_inputs(packages_dir, tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "a.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nHello, friends!\n", "utf-8")
    (folder / "b.vtt").write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nThank you.\n", "utf-8")
    done = translator("run", str(folder), "--to", "uk", "--out", str(tmp_path / "out"), env_dir=packages_dir)
    assert done.returncode == 0, done.stderr
    assert pysubs2.load(str(tmp_path / "out" / "a.uk.srt"))[0].text == "Привіт, друзі!"
    assert pysubs2.load(str(tmp_path / "out" / "b.uk.vtt"))[0].text == "Дякую вам."
