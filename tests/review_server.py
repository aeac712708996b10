"""The review server as the tests meet it: a small subtitle file translated by the real tiny Argos packages, the
server running in a thread on a free loopback port, and Debian's chromium driven by Playwright."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
import uvicorn

from tests.in_process import Done, environment, translator
from translator.database import MEMORY_NAME, Database
from translator.document import Document, document_key
from translator.serve.app import Settings, build_app
from translator.serve.server import bind

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FFMPEG = shutil.which("ffmpeg")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required"]

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


@contextmanager
def running(settings: Settings) -> Iterator[str]:
    """The server for these settings, in a thread; yields its base URL (no trailing slash)."""
    sock = bind("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(build_app(settings), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the review server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(30)
        sock.close()


@contextmanager
def running_film(doc: Document) -> Iterator[str]:
    """A server over one result written straight from `doc`, beside a fresh memory (no run: for the benchmark)."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        (out / f"{document_key(doc)}.json").write_bytes(orjson.dumps(doc.to_json()))
        Database(out / MEMORY_NAME).close()
        with running(Settings(folder=out, memory=out / MEMORY_NAME)) as url:
            yield url
