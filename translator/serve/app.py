"""The review server's web application (Starlette): pages, text tracks, the video, and the writes.

Safe by default. Every text reaches the page through Jinja2's autoescaping or `writers.html.marked` (which
escapes), and the page's script only ever sets text (`textContent`) or the server's escaped HTML; the
Content-Security-Policy allows no inline script and nothing from elsewhere. A request whose Host is not this
server's refuses (a web page that rebinds its name to 127.0.0.1 gets nothing). A server on another address than
loopback wants its token, from the printed URL or the cookie the first page sets. A write must carry the
server's own token in a header (a page elsewhere cannot read it, nor send that header across origins without
asking), JSON, and an Origin, when sent, of this server; its body is at most `MAX_BODY` bytes.

Every handler runs on the event loop's one thread, so the one open database connection is used by one thread,
and two saves never interleave: the check of a revision and the save it allows are one step.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import orjson
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from translator.database import Database
from translator.document import GENERATOR, LANGUAGES
from translator.memory import TranslationMemory
from translator.serve import edits
from translator.serve.documents import Library, Row
from translator.serve.notes import notes_csv
from translator.serve.tracks import SIDES, webvtt
from translator.timecode import format_timestamp

MAX_BODY = 64 * 1024  # a save is one row's text and notes; anything bigger is refused unread
STREAM_CHUNK = 32 * 1024  # characters of a page sent at a time
TOKEN_COOKIE = "review_token"
WRITE_HEADER = "x-review-token"
MAX_REVIEWER = 80  # characters of a reviewer's name kept
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; "
        "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'")
_HEADERS = (("content-security-policy", _CSP), ("x-content-type-options", "nosniff"),
            ("referrer-policy", "no-referrer"), ("x-frame-options", "DENY"), ("cache-control", "no-store"))
Handler = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True)
class Settings:
    """What one server serves and how it lets people in."""

    folder: Path
    memory: Path
    media: Path | None = None
    loopback: bool = True
    url_token: str | None = None  # needed in the URL (or its cookie) when the server listens beyond loopback
    write_token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    max_body: int = MAX_BODY


class TooLarge(Exception):
    pass


def _refusal(status: int, text: str) -> Response:
    return PlainTextResponse(text, status_code=status)


class Guard:
    """Refuses what the server must not answer (see the module's doc) and adds the security headers."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app, self.settings = app, settings

    def refuse(self, request: Request) -> Response | None:
        host = (request.headers.get("host") or "").lower()
        name = urlsplit(f"//{host}").hostname or ""
        if self.settings.loopback and name not in LOOPBACK_NAMES and f"[{name}]" not in LOOPBACK_NAMES:
            return _refusal(421, "this review server answers only on its loopback address")
        token = self.settings.url_token
        if token is not None:
            given = request.query_params.get("token") or request.cookies.get(TOKEN_COOKIE) or ""
            if not secrets.compare_digest(given.encode(), token.encode()):
                return _refusal(403, "token required: open the URL the server printed")
        if request.method not in ("GET", "HEAD"):
            return self.refuse_write(request, host)
        return None

    def refuse_write(self, request: Request, host: str) -> Response | None:
        if not secrets.compare_digest(request.headers.get(WRITE_HEADER, "").encode(),
                                      self.settings.write_token.encode()):
            return _refusal(403, "a write needs this server's token header (reload the page)")
        origin = request.headers.get("origin")
        if origin is not None and origin != f"{request.url.scheme}://{host}":
            return _refusal(403, "a write from another site is refused")
        if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return _refusal(403, "a write from another site is refused")
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return _refusal(415, "a write is JSON")
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.settings.max_body):
            return _refusal(413, f"a write is at most {self.settings.max_body} bytes")
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        refused = self.refuse(request)
        remember = self.settings.url_token is not None and "token" in request.query_params

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _HEADERS:
                    headers.setdefault(name, value)
                if remember and refused is None:
                    headers.append("set-cookie", f"{TOKEN_COOKIE}={self.settings.url_token}; HttpOnly; "
                                                 "SameSite=Strict; Path=/")
            await send(message)

        await (refused or self.app)(scope, receive, send_with_headers)


async def read_json(request: Request, limit: int) -> dict[str, Any]:
    """The body as a JSON object, refused past `limit` bytes however it is sent (chunked, or lying about its
    length)."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise TooLarge
    try:
        value = orjson.loads(bytes(body))
    except orjson.JSONDecodeError:
        value = None
    return value if isinstance(value, dict) else {}


def row_json(row: Row) -> dict[str, Any]:
    return {"id": row.id, "source": row.source, "translation": row.translation, "machine": row.machine,
            "status": row.status, "revision": row.revision, "comment": row.comment, "category": row.category,
            "severity": row.severity, "start_ms": row.start_ms, "end_ms": row.end_ms,
            "translation_html": row.translation_html, "unknown": row.unknown,
            "flags": [flag.code for flag in row.flags]}


def _text(value: object, default: str = "") -> str:
    return value if isinstance(value, str) else default


def _reviewer(value: object) -> str | None:
    """The name the page sent (at most MAX_REVIEWER characters, one line), or None."""
    name = " ".join(_text(value).split())[:MAX_REVIEWER]
    return name or None


def _safe_name(text: str) -> str:
    """Text for a download's file name: letters, digits, `.`, `-`, `_` only."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", text)


def _number(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else -1


def build_app(settings: Settings) -> ASGIApp:
    """The application for these settings; its database opens when it starts and closes when it stops."""
    templates = Environment(loader=PackageLoader("translator.serve", "templates"),
                            autoescape=select_autoescape(default=True, default_for_string=True))
    templates.filters["clock"] = lambda ms: format_timestamp(ms, ".")
    templates.globals.update(generator=GENERATOR, languages=LANGUAGES, write_token=settings.write_token,
                             categories=edits.CATEGORIES, severities=edits.SEVERITIES, sides=SIDES)
    holder: dict[str, Library] = {}

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        db = Database(settings.memory)
        holder["library"] = Library(settings.folder, db, settings.media)
        try:
            yield
        finally:
            db.close()

    def library() -> Library:
        return holder["library"]

    def html(name: str, **values: Any) -> HTMLResponse:
        return HTMLResponse(templates.get_template(name).render(**values))

    def streamed(name: str, **values: Any) -> StreamingResponse:
        """A long page sent as it renders (from a worker thread: it reads only `values`), so the browser paints
        the first rows while the rest are on their way."""
        def chunks() -> Iterator[str]:
            pending: list[str] = []
            size = 0
            for piece in templates.get_template(name).generate(**values):
                pending.append(piece)
                size += len(piece)
                if size >= STREAM_CHUNK:
                    yield "".join(pending)
                    pending, size = [], 0
            yield "".join(pending)

        return StreamingResponse(chunks(), media_type="text/html; charset=utf-8")

    async def index(request: Request) -> Response:
        docs = library().documents()
        return html("index.html", folder=str(settings.folder), documents=[
            (key, doc.lang or "xx", list(doc.targets)) for key, doc in docs.items()])

    async def page(request: Request) -> Response:
        key, lang = request.path_params["key"], request.path_params["lang"]
        found = library().page(key, lang)
        if found is None:
            return _refusal(404, f"no document {key} translated into {lang} in {settings.folder}")
        rows = [(row, Markup(row.source_html), Markup(row.translation_html)) for row in found.rows]
        flag_codes = sorted({flag.code for row in found.rows for flag in row.flags})
        return streamed("page.html", page=found, rows=rows, flag_codes=flag_codes,
                    video=library().video(key) is not None)

    async def rows(request: Request) -> Response:
        found = library().page(request.path_params["key"], request.path_params["lang"])
        if found is None:
            return _refusal(404, "no such document")
        return JSONResponse([row_json(row) for row in found.rows])

    async def track(request: Request) -> Response:
        side = request.path_params["side"]
        found = library().page(request.path_params["key"], request.path_params["lang"])
        if found is None or side not in SIDES:
            return _refusal(404, "no such track")
        return Response(webvtt(found.rows, side), media_type="text/vtt; charset=utf-8")

    async def media(request: Request) -> Response:
        video = library().video(request.path_params["key"])
        if video is None:
            return _refusal(404, "no video for this document (pass --media FILE)")
        return FileResponse(video)

    async def history(request: Request) -> Response:
        key, lang, segment_id = (request.path_params[name] for name in ("key", "lang", "id"))
        try:
            changes = edits.history(library(), key, lang, segment_id)
        except edits.Missing as exc:
            return _refusal(404, str(exc))
        return JSONResponse([{"origin": c.origin, "before": c.before, "after": c.after, "comment": c.comment,
                              "at": c.at, "reviewer": c.reviewer, "undo": c.undo} for c in changes])

    async def notes(request: Request) -> Response:
        key, lang = request.path_params["key"], request.path_params["lang"]
        found = library().page(key, lang)
        if found is None:
            return _refusal(404, "no such document")
        return Response(notes_csv(found, TranslationMemory(library().db).last_changes(key, lang)),
                        media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="{_safe_name(key)}.{_safe_name(lang)}'
                                                        '.notes.csv"'})

    async def act(request: Request) -> Response:
        key, lang, segment_id, action = (request.path_params[name] for name in ("key", "lang", "id", "action"))
        try:
            body = await read_json(request, settings.max_body)
        except TooLarge:
            return _refusal(413, f"a write is at most {settings.max_body} bytes")
        revision, base = _number(body.get("revision")), _text(body.get("base"))
        reviewer = _reviewer(body.get("reviewer"))
        try:
            if action == "approve":
                edit = edits.Edit(_text(body.get("translation")), _text(body.get("comment")),
                                  _text(body.get("category")), _text(body.get("severity")), revision, base,
                                  reviewer)
                if not edit.translation.strip():
                    return _refusal(422, "an approved translation cannot be empty")
                if edit.category not in edits.CATEGORIES or edit.severity not in edits.SEVERITIES:
                    return _refusal(422, "unknown error category or severity")
                row = edits.approve(library(), key, lang, segment_id, edit)
            elif action == "reject":
                row = edits.reject(library(), key, lang, segment_id, revision, base, reviewer)
            elif action == "undo":
                row = edits.undo(library(), key, lang, segment_id, revision, base, reviewer)
            else:
                return _refusal(404, "no such action")
        except edits.Missing as exc:
            return _refusal(404, str(exc))
        except edits.Conflict as conflict:
            return JSONResponse({"conflict": True, "current": row_json(conflict.current), "yours": conflict.yours},
                                status_code=409)
        return JSONResponse(row_json(row))

    static = StaticFiles(directory=Path(__file__).parent / "static")
    doc = "/doc/{key}/{lang}"
    app = Starlette(lifespan=lifespan, routes=[
        Route("/", index),
        Route(doc, page),
        Route(doc + "/rows", rows),
        Route(doc + "/track/{side}.vtt", track),
        Route(doc + "/notes.csv", notes),
        Route(doc + "/rows/{id:int}/history", history),
        Route(doc + "/rows/{id:int}/{action}", act, methods=["POST"]),
        Route("/media/{key}", media),
        Mount("/static", static),
    ])
    return Guard(app, settings)
