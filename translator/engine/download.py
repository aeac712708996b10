"""Installing a direction from the Argos package index, in a way that cannot hurt the packages already installed.

The index (`index.json`) lists several links per package and no checksum: some links are mirrors, some
`ipfs://` addresses, once a bare hash. So each http(s) link is tried in turn and anything else is skipped; a
download counts only when its size matches Content-Length, and it replaces nothing until it has passed every
install check and loaded (packages.install_file). A link that stalls — less than 1 KiB in 30 s — is given up for
the next, and so is one that trickles: under 64 KiB per 30 s on average once the first 30 s have passed; the index
fetch has a deadline. Requests say who they come from: `User-Agent: translator/VERSION`. A link, a server's reason
phrase or anything else a stranger wrote is shown with its control characters escaped (`printable`), so no index
entry can move the cursor, clear the screen or reorder text on the user's terminal. A download stopped by SIGTERM
removes its temporary file as Ctrl-C does.
"""

from __future__ import annotations

import http.client
import io
import json
import os
import signal
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from translator._version import __version__
from translator.engine.packages import InstalledPackage, check_index_direction, install_file
from translator.engine.validation import printable, shown
from translator.errors import PackageError

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
USER_AGENT = f"translator/{__version__}"
STALL_SECONDS = 30.0  # TRANSLATOR_STALL_SECONDS overrides it (the tests' trickling server)
STALL_BYTES = 1024  # less than this in a stall period counts as receiving nothing
# Past the first stall period, a download must average this much per stall period (about 2 KiB/s at 30 s): a
# server that sends a kilobyte now and then never stalls, but would take days over a 100 MB package.
TRICKLE_BYTES = 64 << 10
INDEX_LIMIT = 32 << 20
INDEX_DEADLINE_STALLS = 2  # the whole index fetch gives up after this many stall periods
PACKAGE_LIMIT = 4 << 30
CHUNK = 1 << 16

Progress = Callable[[int, int], None]


class DownloadFailed(Exception):
    """One link did not deliver; the next is tried."""


def stall_seconds() -> float:
    """How long a download may go without progress (TRANSLATOR_STALL_SECONDS, default 30)."""
    try:
        return max(0.05, float(os.environ.get("TRANSLATOR_STALL_SECONDS", STALL_SECONDS)))
    except ValueError:
        return STALL_SECONDS


def index_url() -> str:
    """ARGOS_PACKAGE_INDEX (a folder holding index.json, as argostranslate reads it), else the public index."""
    return os.environ.get("ARGOS_PACKAGE_INDEX", DEFAULT_INDEX).rstrip("/") + "/index.json"


def fetch(url: str, sink: BinaryIO, limit: int, progress: Progress | None = None, deadline: float = 0.0) -> int:
    """Copy `url` into `sink`: at most `limit` bytes, exactly Content-Length when the server sends it, and
    DownloadFailed when it stalls or runs past `deadline` (time.monotonic(); 0 for none)."""
    stall = stall_seconds()
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=stall) as response:
            length = response.headers.get("Content-Length", "")
            total = int(length) if length.isdigit() else None
            if total is not None and total > limit:
                raise DownloadFailed(f"it is {total >> 20} MiB, more than the {limit >> 20} MiB allowed")
            received = _copy(response, sink, limit, total, progress, deadline)
    except OSError as exc:  # refused connections, HTTP errors, socket timeouts
        raise DownloadFailed(_reason(exc)) from None
    except http.client.HTTPException as exc:  # a malformed response or address
        raise DownloadFailed(f"bad response ({type(exc).__name__})") from None
    except ValueError as exc:  # an address urllib cannot use: a host that is not IDNA, a label over 63 characters
        raise DownloadFailed(f"not a usable address ({printable(str(exc))})") from None
    if total is not None and received != total:
        raise DownloadFailed(f"received {received} of {total} bytes")
    return received


def _copy(response: Any, sink: BinaryIO, limit: int, total: int | None, progress: Progress | None,
          deadline: float) -> int:
    stall = stall_seconds()
    received = window = 0
    started = window_start = time.monotonic()
    while chunk := _read(response):
        received += len(chunk)
        if received > limit:
            raise DownloadFailed(f"it is larger than the {limit >> 20} MiB allowed")
        sink.write(chunk)
        if progress:
            progress(len(chunk), total or 0)
        now = time.monotonic()
        window += len(chunk)
        if window >= STALL_BYTES:
            window, window_start = 0, now
        elif now - window_start > stall:
            raise DownloadFailed(f"stalled: under {STALL_BYTES} bytes in {stall:g} s")
        if _trickling(received, now - started, stall):
            raise DownloadFailed(f"too slow: {received} bytes in {now - started:.0f} s "
                                 f"(under {TRICKLE_BYTES >> 10} KiB per {stall:g} s)")
        if deadline and now > deadline:
            raise DownloadFailed("it took too long")
    return received


def _trickling(received: int, elapsed: float, stall: float) -> bool:
    """Past the first stall period, less than TRICKLE_BYTES per stall period on average."""
    return elapsed > stall and received < TRICKLE_BYTES * elapsed / stall


def _read(response: Any) -> bytes:
    """The next bytes that arrived; a connection closed early ends the data (the size check then tells)."""
    try:
        return bytes(response.read1(CHUNK))
    except http.client.IncompleteRead as exc:
        return bytes(exc.partial)


def _reason(exc: OSError) -> str:
    if isinstance(exc, TimeoutError) or "timed out" in str(exc):
        return f"stalled: nothing received in {stall_seconds():g} s"
    reason = getattr(exc, "reason", None) or exc.strerror or exc
    code = getattr(exc, "code", None)
    return printable(f"HTTP {code} {reason}" if code else str(reason))  # a reason phrase is the server's text


def index_entries(notify: Callable[[str], None] | None = None) -> list[dict[str, Any]]:
    """The Argos package index, fetched only when the user asks to install, within a bounded time."""
    url = index_url()
    if notify:
        notify(f"reading the Argos package index at {url}")
    buffer = io.BytesIO()
    try:
        fetch(url, buffer, INDEX_LIMIT, deadline=time.monotonic() + INDEX_DEADLINE_STALLS * stall_seconds())
        entries = json.loads(buffer.getvalue())
    except (DownloadFailed, ValueError, RecursionError) as exc:
        raise PackageError(
            f"cannot read the Argos package index at {url} ({exc or 'not JSON'}); "
            "on a machine without network, install a file: translator models install FILE.argosmodel"
        ) from None
    if not isinstance(entries, list):
        raise PackageError(f"the Argos package index at {url} is not a list of packages")
    return [entry for entry in entries if isinstance(entry, dict)]


def _newest(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """The entry with the highest package_version; the first listed among equals (deterministic)."""
    from packaging.version import InvalidVersion, Version

    def key(entry: dict[str, Any]) -> Version:
        try:
            return Version(str(entry.get("package_version", "0")))
        except InvalidVersion:
            return Version("0")

    return max(entries, key=key)


def download_and_install(
    name: str, progress: Progress | None = None, directory: Path | None = None,
    notify: Callable[[str], None] | None = None,
) -> InstalledPackage:
    """Fetch a direction's package from the index and install it, trying each link until one installs."""
    from_code, to_code = check_index_direction(name)
    candidates = [
        entry for entry in index_entries(notify)
        if (entry.get("from_code"), entry.get("to_code")) == (from_code, to_code)
        and entry.get("type", "translate") == "translate"
    ]
    if not candidates:
        raise PackageError(f"the Argos index has no package {name}")
    links = _newest(candidates).get("links")
    failures: list[str] = []
    say = notify or (lambda message: None)
    for link in links if isinstance(links, list) else []:
        if not _http_link(link):
            failures.append(f"{shown(link)} skipped (not an http(s) link)")
            say(failures[-1])
            continue
        say(f"downloading {printable(link)}")
        try:
            return _install_link(link, (from_code, to_code), progress, directory)
        except (DownloadFailed, PackageError) as exc:
            failures.append(f"{printable(link)}: {exc}" if isinstance(exc, DownloadFailed) else str(exc))
            say(failures[-1])
    raise PackageError(f"could not install {name} from the Argos index: " + ("; ".join(failures) or "it lists no link"))


def _http_link(link: object) -> bool:
    """An http(s) address urllib can parse (`http://[::1` cannot)."""
    try:
        return isinstance(link, str) and urlsplit(link).scheme in ("http", "https")
    except ValueError:
        return False


def _install_link(
    link: str, direction: tuple[str, str], progress: Progress | None, directory: Path | None
) -> InstalledPackage:
    with _terminated_as_interrupt(), tempfile.TemporaryDirectory(prefix="translator-download-") as tmp:
        target = Path(tmp) / "package.argosmodel"
        with target.open("wb") as sink:
            fetch(link, sink, PACKAGE_LIMIT, progress)
        return install_file(target, directory, expected=direction, origin=printable(link))


@contextmanager
def _terminated_as_interrupt() -> Iterator[None]:
    """SIGTERM raises KeyboardInterrupt meanwhile, so the temporary download is removed as after Ctrl-C (by
    default SIGTERM ends the process at once and leaves it behind). Only the main thread can set a handler."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
