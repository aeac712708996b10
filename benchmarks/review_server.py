"""The review server in a thread on a free loopback port, and how to start Debian's chromium to drive it: what
the benchmark (benchmarks/review_serve.py) needs, shared with the tests (tests/review_server.py), which add the
real tiny Argos run on top."""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
import uvicorn

from translator.database import MEMORY_NAME, Database
from translator.document import Document, document_key
from translator.serve.app import Settings, build_app
from translator.serve.server import bind

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required"]


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
