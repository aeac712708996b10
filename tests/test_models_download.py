"""`translator models install en-uk` from an Argos-style index served on loopback: the real download path.

The server plays every fault issue #9 lists — a mirror that cuts the file short, links that are not http(s), a
file of the wrong direction, a server that trickles a byte at a time, an HTML login page — and each must move on
to the next link, or fail in one line with the installed packages untouched. TRANSLATOR_STALL_SECONDS shortens
the 30-second stall limit so the trickling server costs a second, not minutes. The command runs in-process
(tests/in_process.py), beside the server's thread.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.in_process import Done, environment, translator
from translator import __version__
from translator.engine import packages

STALL_SECONDS = "1"


class Site(ThreadingHTTPServer):
    """Files by path, index.json documents by folder, and every request's User-Agent."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.files: dict[str, bytes] = {}
        self.indexes: dict[str, list[dict[str, object]]] = {}
        self.agents: list[str] = []
        self.base = f"http://127.0.0.1:{self.server_address[1]}/"


class Handler(BaseHTTPRequestHandler):
    server: Site

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.agents.append(self.headers.get("User-Agent", ""))
        name = self.path.strip("/")
        if name.endswith("/index.json") and name.removesuffix("/index.json") in self.server.indexes:
            return self._send(json.dumps(self.server.indexes[name.removesuffix("/index.json")]).encode())
        if name.startswith("trickle"):
            return self._trickle(self.server.files[name.removeprefix("trickle-")])
        if name.startswith("slow-"):
            return self._slow(self.server.files[name.removeprefix("slow-")])
        if name.startswith("truncated-"):
            return self._send(self.server.files[name.removeprefix("truncated-")], cut=True)
        if name == "login":
            return self._send(b"<!DOCTYPE html><html><body><form>Sign in</form></body></html>", "text/html")
        if name in self.server.files:
            return self._send(self.server.files[name])
        self.send_error(404)

    def _send(self, data: bytes, kind: str = "application/zip", cut: bool = False) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data[: len(data) // 2] if cut else data)

    def _trickle(self, data: bytes) -> None:
        """One byte every 0.2 s: never silent for a whole stall period, and hopelessly slow."""
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            for byte in data[:100]:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass


    def _slow(self, data: bytes) -> None:
        """1.2 KiB every 0.3 s: never stalled, but days over a real package (a few KiB a second)."""
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            for start in range(0, len(data), 1200):
                self.wfile.write(data[start:start + 1200])
                self.wfile.flush()
                time.sleep(0.3)
        except OSError:
            pass


@pytest.fixture
def site(package_files: dict[tuple[str, str], Path]) -> Iterator[Site]:
    server = Site()
    server.files["en_uk.argosmodel"] = package_files[("en", "uk")].read_bytes()
    server.files["ru_en.argosmodel"] = package_files[("ru", "en")].read_bytes()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def entry(*links: str, version: str = "1.0") -> dict[str, object]:
    return {"type": "translate", "from_code": "en", "to_code": "uk", "package_version": version,
            "links": list(links)}


def install(site: Site, index: list[dict[str, object]], packages_dir: Path, name: str = "en-uk") -> Done:
    site.indexes["idx"] = index
    env = environment(ARGOS_PACKAGE_INDEX=site.base + "idx", ARGOS_PACKAGES_DIR=packages_dir,
                      TRANSLATOR_STALL_SECONDS=STALL_SECONDS)
    return translator("models", "install", name, env=env)


FAULTS = {  # a faulty first link, and what the user is told about it
    "truncated mirror": ("{base}truncated-en_uk.argosmodel", "received"),
    "bare hash": ("QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", "skipped (not an http(s) link)"),
    "ipfs link": ("ipfs://QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", "skipped (not an http(s) link)"),
    "wrong direction": ("{base}ru_en.argosmodel", "it is a ru-en package, not en-uk"),
    "trickling server": ("{base}trickle-en_uk.argosmodel", "stalled"),
    "HTML login page": ("{base}login", "an HTML page, not a zip archive"),
    "missing file": ("{base}gone.argosmodel", "HTTP 404"),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_a_faulty_link_moves_on_to_the_next(site: Site, tmp_path: Path, fault: str) -> None:
    link, told = FAULTS[fault]
    done = install(site, [entry(link.format(base=site.base), site.base + "en_uk.argosmodel")], tmp_path / "pk")
    assert done.returncode == 0, done.stderr
    assert told in done.stderr
    assert "installed en-uk version 1.0" in done.stdout
    assert [p.name for p in packages.installed_packages(tmp_path / "pk")] == ["en-uk"]


@pytest.mark.parametrize("fault", FAULTS)
def test_when_every_link_fails_nothing_changes(
    site: Site, tmp_path: Path, fault: str, package_files: dict[tuple[str, str], Path]
) -> None:
    folder = tmp_path / "pk"
    packages.install_file(package_files[("en", "uk")], folder)
    before = sorted(p.name for p in folder.rglob("*"))
    link, told = FAULTS[fault]
    done = install(site, [entry(link.format(base=site.base), version="2.0")], folder)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    last = done.stderr.splitlines()[-1]
    assert last.startswith("translator: error: could not install en-uk from the Argos index: ") and told in last
    assert sorted(p.name for p in folder.rglob("*")) == before


def test_requests_say_who_they_come_from(site: Site, tmp_path: Path) -> None:
    done = install(site, [entry(site.base + "en_uk.argosmodel")], tmp_path / "pk")
    assert done.returncode == 0, done.stderr
    assert site.agents == [f"translator/{__version__}"] * 2  # the index, then the package
    assert f"reading the Argos package index at {site.base}idx/index.json" in done.stderr


def test_the_newest_entry_is_chosen(site: Site, tmp_path: Path, package_files: dict[tuple[str, str], Path]) -> None:
    site.files["newer.argosmodel"] = package_files[("en", "uk")].read_bytes()
    done = install(site, [entry(site.base + "gone-1", version="0.9"), entry(site.base + "en_uk.argosmodel"),
                          entry(site.base + "gone-2", version="1.0")], tmp_path / "pk")
    assert done.returncode == 0, done.stderr
    assert "gone-1" not in done.stderr and "gone-2" not in done.stderr


def test_a_stalled_index_gives_up_in_bounded_time(site: Site, tmp_path: Path) -> None:
    site.files["stalled/index.json"] = json.dumps([entry(site.base + "en_uk.argosmodel")] * 50).encode()
    env = environment(ARGOS_PACKAGE_INDEX=site.base + "trickle-stalled", ARGOS_PACKAGES_DIR=tmp_path,
                      TRANSLATOR_STALL_SECONDS=STALL_SECONDS)
    started = time.monotonic()
    done = translator("models", "install", "en-uk", env=env)
    assert time.monotonic() - started < 15
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "cannot read the Argos package index" in done.stderr.splitlines()[-1]


def test_a_direction_the_index_lacks(site: Site, tmp_path: Path) -> None:
    done = install(site, [entry(site.base + "en_uk.argosmodel")], tmp_path / "pk", name="ru-en")
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "the Argos index has no package ru-en" in done.stderr


def test_install_help_documents_the_index_variable() -> None:
    done = translator("models", "install", "--help")
    assert "ARGOS_PACKAGE_INDEX" in done.stdout


def test_a_download_that_trickles_gives_up_in_bounded_time(site: Site, tmp_path: Path) -> None:
    started = time.monotonic()
    done = install(site, [entry(site.base + "slow-en_uk.argosmodel")], tmp_path / "pk")
    assert time.monotonic() - started < 20
    assert done.returncode == 4 and "Traceback" not in done.stderr
    assert "too slow" in done.stderr.splitlines()[-1]


@pytest.mark.parametrize("link", ["http://[::1", "http://пример.укр/en_uk.argosmodel",
                                  "http://" + "a" * 300 + "/en_uk.argosmodel"])
def test_a_link_urllib_cannot_use_is_one_line_and_the_next_is_tried(site: Site, tmp_path: Path, link: str) -> None:
    failed = install(site, [entry(link)], tmp_path / "pk")
    assert failed.returncode == 4 and "Traceback" not in failed.stderr
    errors = [line for line in failed.stderr.splitlines() if line.startswith("translator: error:")]
    assert errors == failed.stderr.splitlines()[-1:] and "could not install en-uk" in errors[0]
    done = install(site, [entry(link, site.base + "en_uk.argosmodel")], tmp_path / "pk")
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


def test_escape_sequences_in_a_link_never_reach_the_terminal(site: Site, tmp_path: Path) -> None:
    hostile = site.base + "\x1b[2J\x1b]0;owned\x07\u202egone"
    done = install(site, [entry(hostile, site.base + "en_uk.argosmodel")], tmp_path / "pk")
    assert done.returncode == 0, done.stderr
    for stream in (done.stdout, done.stderr):
        assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream
    assert "\\x1b[2J" in done.stdout + done.stderr  # shown, escaped


def test_sigterm_during_a_download_leaves_no_temporary_file(site: Site, tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    site.indexes["slow"] = [entry(site.base + "slow-en_uk.argosmodel")]
    env = {**os.environ, "ARGOS_PACKAGE_INDEX": site.base + "slow", "ARGOS_PACKAGES_DIR": str(tmp_path / "pk"),
           "TMPDIR": str(scratch), "TRANSLATOR_STALL_SECONDS": "30"}
    process = subprocess.Popen([sys.executable, "-m", "translator", "models", "install", "en-uk"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not any(scratch.glob("translator-download-*/package.argosmodel")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert any(scratch.glob("translator-download-*/package.argosmodel")), "the download never started"
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode != 0 and "Traceback" not in err
    assert list(scratch.iterdir()) == []
