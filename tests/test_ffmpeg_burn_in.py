"""Subtitles as ffmpeg uses them: a WebVTT with a STYLE or REGION block loses every cue in ffmpeg, so
`--plain-vtt` writes one without; and a positioned caption burned into a video frame shows at the top, a
normal caption at the bottom (ffmpeg's `subtitles` filter, libass). Skipped where ffmpeg is not installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_end_to_end import translator

pytestmark = pytest.mark.skipif(shutil.which("ffmpeg") is None,
                                reason="ffmpeg is not installed (apt-get install ffmpeg): nothing to burn in with")

STYLED_VTT = (
    "WEBVTT\n\nSTYLE\n::cue {\n  color: yellow;\n}\n\nREGION\nid:fred\nwidth:40%\n\n"
    "00:00:01.000 --> 00:00:03.000 region:fred\nHello, friends!\n\n00:00:03.000 --> 00:00:05.000\nThank you.\n"
)
DATELINE_SRT = (
    "1\n00:00:00,500 --> 00:00:02,500\n{\\an8}KYIV, UKRAINE — MARCH 2024\n\n"
    "2\n00:00:03,000 --> 00:00:05,000\nThank you for the war in Europe.\n"
)
DATELINE_VTT = (
    "WEBVTT\n\n00:00:00.500 --> 00:00:02.500 line:0\nKYIV, UKRAINE — MARCH 2024\n\n"
    "00:00:03.000 --> 00:00:05.000\nThank you for the war in Europe.\n"
)
WIDTH, HEIGHT = 320, 240


def _ffmpeg(*args: str) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run(["ffmpeg", "-v", "error", "-y", *args], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done


def _cues_ffmpeg_reads(path: Path, tmp_path: Path) -> str:
    _ffmpeg("-i", str(path), str(tmp_path / "read.srt"))
    return (tmp_path / "read.srt").read_text("utf-8")


def test_ffmpeg_reads_no_cue_of_a_styled_vtt_and_every_cue_with_plain_vtt(packages_dir: Path,
                                                                           tmp_path: Path) -> None:
    source = tmp_path / "styled.en.vtt"
    source.write_text(STYLED_VTT, "utf-8")
    for flag, out in (((), tmp_path / "out"), (("--plain-vtt",), tmp_path / "plain")):
        done = translator("run", str(source), "--to", "uk", "--out", str(out), *flag, env_dir=packages_dir)
        assert done.returncode == 0, done.stderr
    assert _cues_ffmpeg_reads(tmp_path / "out" / "styled.uk.vtt", tmp_path).count("-->") == 0  # ffmpeg's limit
    plain = (tmp_path / "plain" / "styled.uk.vtt").read_text("utf-8")
    assert "STYLE" not in plain and "REGION" not in plain and "region:" not in plain
    read = _cues_ffmpeg_reads(tmp_path / "plain" / "styled.uk.vtt", tmp_path)
    assert read.count("-->") == 2 and "Привіт, друзі!" in read


def _bright_rows(video: Path, subtitles: Path, at_s: float, tmp_path: Path) -> list[int]:
    """The pixel rows of the frame at `at_s` where the burned-in text is (white on a black picture). The seek
    comes after the filter, so the filter sees the video's own times."""
    frame = tmp_path / "frame.gray"
    _ffmpeg("-i", str(video), "-vf", f"subtitles={subtitles}", "-ss", str(at_s), "-frames:v", "1",
            "-f", "rawvideo", "-pix_fmt", "gray", str(frame))
    pixels = frame.read_bytes()
    assert len(pixels) == WIDTH * HEIGHT
    return [row for row in range(HEIGHT) if max(pixels[row * WIDTH:(row + 1) * WIDTH]) > 128]


def test_a_burned_in_dateline_is_at_the_top_and_speech_at_the_bottom(packages_dir: Path, tmp_path: Path) -> None:
    for name, text in (("news.en.srt", DATELINE_SRT), ("web.en.vtt", DATELINE_VTT)):
        (tmp_path / name).write_text(text, "utf-8")
        done = translator("run", str(tmp_path / name), "--to", "uk", "--out", str(tmp_path / "out"),
                          env_dir=packages_dir)
        assert done.returncode == 0, done.stderr
    video = tmp_path / "black.mp4"
    _ffmpeg("-f", "lavfi", "-i", f"color=c=black:s={WIDTH}x{HEIGHT}:d=6:r=10", "-pix_fmt", "yuv420p", str(video))
    for name in ("news.uk.srt", "news.en-uk.srt", "web.uk.srt", "web.en-uk.srt"):
        top = _bright_rows(video, tmp_path / "out" / name, 1.5, tmp_path)
        bottom = _bright_rows(video, tmp_path / "out" / name, 4.0, tmp_path)
        assert top and max(top) < HEIGHT // 3, (name, top)
        assert bottom and min(bottom) > HEIGHT // 2, (name, bottom)
