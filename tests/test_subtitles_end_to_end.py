"""Subtitle files through the whole workflow with the real engine: every cue keeps its place and time."""

from __future__ import annotations

import itertools
import json
import re
from datetime import timedelta
from pathlib import Path

import pysubs2
import srt

from tests.readback import srt_cues, vtt_cues
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


def test_russian_cp1251_srt_translates_without_loss(packages_dir: Path, tmp_path: Path) -> None:
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


def test_subtitle_file_in_a_folder_of_inputs(packages_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "a.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nHello, friends!\n", "utf-8")
    (folder / "b.vtt").write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nThank you.\n", "utf-8")
    done = translator("run", str(folder), "--to", "uk", "--out", str(tmp_path / "out"), env_dir=packages_dir)
    assert done.returncode == 0, done.stderr
    assert pysubs2.load(str(tmp_path / "out" / "a.uk.srt"))[0].text == "Привіт, друзі!"
    assert pysubs2.load(str(tmp_path / "out" / "b.uk.vtt"))[0].text == "Дякую вам."


# An English talk whose cue 2 is a three-line cue; cue 3 has italics ending before a full stop.
ENGLISH_SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\nHello, friends!\n\n"
    "2\n00:00:03,000 --> 00:00:09,000\nThe war in Europe is the war of Russia against Ukraine,\n"
    "and Moscow is the capital that started it, the experts say,\nso Europe is preparing for a long war.\n\n"
    "3\n00:00:09,500 --> 00:00:11,000\nThank you, <i>Moscow friends</i>.\n"
)
# Two voices at once, with cue settings, a region, a style and a note.
OVERLAPPING_VTT = (
    "WEBVTT\n\nSTYLE\n::cue(v[voice=\"Ann\"]) { color: yellow }\n\nREGION\nid:left width:40%\n\n"
    "NOTE both speak at once\n\n"
    "ann-1\n00:00:01.000 --> 00:00:04.000 region:left align:start\n<v Ann>Hello, friends!\n\n"
    "00:00:02.000 --> 00:00:03.000 line:0 position:80%\n<v Bob>Good afternoon.\n"
)


def test_an_english_talk_gets_cues_of_two_lines_inside_its_source_cues(packages_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "talk.en.srt"
    source.write_text(ENGLISH_SRT, "utf-8")
    out = tmp_path / "out"
    done = translator("run", str(source), "--to", "uk,ru", "--out", str(out), env_dir=packages_dir)
    assert done.returncode == 0, done.stderr
    for lang, limit in (("uk", 42), ("ru", 39)):
        cues = srt_cues((out / f"talk.{lang}.srt").read_bytes())
        assert cues[0][:2] == (1000, 3000) and cues[-1][:2] == (9500, 11000)
        middle = cues[1:-1]
        assert len(middle) >= 2 and middle[0][0] == 3000 and middle[-1][1] == 9000
        assert all(a[1] == b[0] and b[1] - b[0] >= 1000 for a, b in itertools.pairwise(middle))
        for _, _, text in cues:
            lines = re.sub(r"<[^>]+>", "", text).split("\n")
            assert len(lines) <= 2 and all(len(line) <= limit for line in lines), text
            assert not any(line.startswith(("-", "–", "—")) for line in lines)
        assert cues[-1][2].endswith("</i>.")  # the italics keep their words and leave the full stop out
        assert [(start, end) for start, end, _ in vtt_cues((out / f"talk.{lang}.vtt").read_bytes())] == [
            (start, end) for start, end, _ in cues]
    flags = json.loads((out / "talk.json").read_text("utf-8"))["segments"][1]["flags"]
    splits = [flag["message"] for flag in flags if flag["code"] == "cue-split"]
    assert splits and all(message.startswith("cue 2 split in time into ") for message in splits)
    kept = translator("run", str(source), "--to", "uk", "--keep-cues", "--out", str(tmp_path / "kept"),
                      env_dir=packages_dir)
    assert kept.returncode == 0, kept.stderr
    cues = srt_cues((tmp_path / "kept" / "talk.uk.srt").read_bytes())
    assert [(start, end) for start, end, _ in cues] == [(1000, 3000), (3000, 9000), (9500, 11000)]


def test_webvtt_with_two_voices_at_once_keeps_its_times_settings_and_blocks(packages_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "voices.en.vtt"
    source.write_text(OVERLAPPING_VTT, "utf-8")
    done = translator("run", str(source), "--to", "uk", "--out", str(tmp_path / "out"), env_dir=packages_dir)
    assert done.returncode == 0, done.stderr
    assert "not carried over" not in done.stderr
    text = (tmp_path / "out" / "voices.uk.vtt").read_text("utf-8")
    assert text.startswith("WEBVTT\n\nSTYLE\n::cue(v[voice=\"Ann\"]) { color: yellow }\n\nREGION\nid:left width:40%\n\n"
                           "NOTE both speak at once\n\n")
    assert "ann-1\n00:00:01.000 --> 00:00:04.000 region:left align:start\n<v Ann>Привіт, друзі!</v>\n" in text
    assert "00:00:02.000 --> 00:00:03.000 line:0 position:80%\n<v Bob>Добрий день.</v>\n" in text
    assert [(start, end) for start, end, _ in vtt_cues(text.encode("utf-8"))] == [(1000, 4000), (2000, 3000)]
