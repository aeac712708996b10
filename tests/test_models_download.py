"""`translator models install en-uk` from an Argos-style index, served on loopback: the real download path."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest


@pytest.fixture
def index_server(package_files, tmp_path):
    """An index.json and the en-uk package, served from a local folder like the Argos index serves them."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "translate-en_uk.argosmodel").write_bytes(package_files[("en", "uk")].read_bytes())
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    (site / "index.json").write_text(json.dumps([
        {"type": "translate", "from_code": "en", "to_code": "uk", "package_version": "1.0",
         "links": [base + "translate-en_uk.argosmodel"]},
    ]))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()


def _install(name: str, index: str, packages: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ARGOS_PACKAGE_INDEX": index, "ARGOS_PACKAGES_DIR": str(packages)}
    return subprocess.run([sys.executable, "-m", "translator", "models", "install", name], capture_output=True,
                          text=True, env=env, timeout=120)


def test_install_from_the_index(index_server, tmp_path):
    packages = tmp_path / "packages"
    done = _install("en-uk", index_server, packages)
    assert done.returncode == 0, done.stderr
    assert "installed en-uk version 1.0" in done.stdout
    assert (packages / "translate-en_uk-1_0" / "model" / "model.bin").exists()


def test_a_direction_the_index_lacks(index_server, tmp_path):
    done = _install("ru-en", index_server, tmp_path / "packages")
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "the Argos index has no package ru-en" in done.stderr
