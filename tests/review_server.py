"""The review server as the tests meet it: a small subtitle file translated by the real tiny Argos packages, the
server running in a thread on a free loopback port (benchmarks/review_server.py, shared with the benchmark), and
Debian's chromium driven by Playwright."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from benchmarks.review_server import CHROMIUM, CHROMIUM_ARGS, running, running_film
from tests.in_process import Done, environment, translator

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "FFMPEG", "make_video", "run_again", "running", "running_film",
           "translate_talk"]

FFMPEG = shutil.which("ffmpeg")

TALK = """1
00:00:01,000 --> 00:00:03,000
Hello, friends.

2
00:00:03,500 --> 00:00:06,000
Thank you for the good afternoon.

3
00:00:06,500 --> 00:00:09,000
Moscow is the war.

4
00:00:09,500 --> 00:00:12,000
Europe is for friends.

5
00:00:12,500 --> 00:00:13,300
Thank you for the good afternoon, friends, and thank you for Europe.
"""


def translate_talk(folder: Path, packages_dir: Path, text: str = TALK) -> tuple[Path, Path]:
    """`talk.en.srt` (five cues, the last too fast to read: flagged) in `folder`/in, translated into Ukrainian in
    `folder`/out: (the input, the output folder)."""
    source = folder / "in" / "talk.en.srt"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(text, "utf-8")
    out = folder / "out"
    done = run_again(source, out, packages_dir)
    assert done.returncode == 0, done.stderr
    return source, out


def run_again(source: Path, out: Path, packages_dir: Path) -> Done:
    return translator("run", str(source), "--to", "uk", "--out", str(out),
                      env=environment(ARGOS_PACKAGES_DIR=packages_dir))


def make_video(path: Path, seconds: int = 14) -> Path | None:
    """A tiny silent WebM (VP8) of `seconds`, or None where ffmpeg is missing or cannot make one."""
    if FFMPEG is None:
        return None
    done = subprocess.run([FFMPEG, "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                           f"color=c=gray:s=64x36:d={seconds}:r=5", "-c:v", "libvpx", "-b:v", "20k", str(path)],
                          capture_output=True, timeout=120)
    return path if done.returncode == 0 and path.is_file() else None
