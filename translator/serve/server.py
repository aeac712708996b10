"""Start the review server: bind the address (so its URL, port 0's real port included, is known and printed
before anything else), then serve with uvicorn until Ctrl-C, which stops it cleanly (exit 130)."""

from __future__ import annotations

import ipaddress
import secrets
import socket
import webbrowser
from collections.abc import Callable
from pathlib import Path

import uvicorn

from translator.database import MEMORY_NAME, Database
from translator.errors import UsageError
from translator.review import find_memory
from translator.serve.app import Settings, build_app


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: any free one); a busy port or unknown host is one line."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
    except (OSError, UnicodeError) as exc:
        raise UsageError(f"--host {host}: cannot listen there ({exc})") from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(64)
    except OSError as exc:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port} ({exc.strerror}); choose another --port") from None
    return sock


def url_of(host: str, sock: socket.socket, token: str | None) -> str:
    port = sock.getsockname()[1]
    shown = socket.gethostname() if host in ("0.0.0.0", "::") else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "")


def settings_for(folder: Path, memory: Path | None, media: Path | None, host: str) -> Settings:
    """Check what was asked for (one line each) and make the server's settings."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder (pass the --out folder of a run)")
    if media is not None and not media.is_file():
        raise UsageError(f"--media {media}: no such file")
    found = find_memory(memory or folder / MEMORY_NAME)  # never another folder's memory
    Database(found).close()  # a memory this translator cannot use is refused now, in one line
    loopback = is_loopback(host)
    return Settings(folder=folder, memory=found, media=media, loopback=loopback,
                    url_token=None if loopback else secrets.token_urlsafe(24))


def serve(folder: Path, memory: Path | None, host: str, port: int, media: Path | None, open_browser: bool,
          echo: Callable[[str], None]) -> None:
    """Serve until interrupted; prints the URL first (with its token when not on loopback)."""
    settings = settings_for(folder, memory, media, host)
    sock = bind(host, port)
    url = url_of(host, sock, settings.url_token)
    echo(f"reviewing {folder} (memory {settings.memory}) at {url}")
    echo("Ctrl-C stops the server; every approval is already stored")
    if open_browser:
        webbrowser.open(url)
    config = uvicorn.Config(build_app(settings), log_level="warning", access_log=False, lifespan="on")
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
