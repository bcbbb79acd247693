"""The Starlette application: routes, the worker pool's life cycle, refusals as responses; and
the outermost layer every response passes (security headers, paths no handler should see)."""

from __future__ import annotations

import contextlib
import re

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import linked_data, negotiation, ontology, service, sparql, ui
from .caching import Revalidate
from .config import ServerConfig
from .pages import WEB_DIR, environment_for, render
from .pool import QueryPool
from .problems import Problem


#: the Content-Security-Policy of every HTML page: scripts, styles, fonts, images and connections
#: from this server only (styles may be inline; images may be data: and blob: URLs, the graph's
#: PNG export); no plugins, no framing, forms post here only
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
       "form-action 'self'")
_NOSNIFF = (b"x-content-type-options", b"nosniff")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CSP = (b"content-security-policy", CSP.encode())


class Guard:
    """The outermost ASGI layer: ``X-Content-Type-Options: nosniff`` on every response (so that a
    browser never runs a text/plain error that echoes input as HTML or script), the CSP on HTML
    ones, and 400 for a path with a NUL or a control character (no file system call sees it)."""

    def __init__(self, app: Starlette):
        self.app = app

    @property
    def state(self):
        return self.app.state

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if _CONTROL.search(scope.get("path", "")):
            body = b"bad request path: it contains a control character\n"
            await send({"type": "http.response.start", "status": 400,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                    (b"content-length", str(len(body)).encode()), _NOSNIFF]})
            await send({"type": "http.response.body", "body": body})
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                headers.append(_NOSNIFF)
                if any(k == b"content-type" and v.startswith(b"text/html") for k, v in headers):
                    headers.append(_CSP)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _problem(request: Request, exc: Problem) -> Response:
    if negotiation.prefers_html(request.headers.get("accept")) and request.url.path != "/sparql" \
            and not request.url.path.startswith("/api/"):
        return render(request, "error.html", status=exc.status, status_code=exc.status, message=exc.message)
    return PlainTextResponse(exc.message + "\n", status_code=exc.status)


async def _http(request: Request, exc: HTTPException) -> Response:
    message = {404: "no such page; the UI is at /, the SPARQL endpoint at /sparql",
               405: "method not allowed here"}.get(exc.status_code, str(exc.detail))
    return await _problem(request, Problem(exc.status_code, message))


def create_app(config: ServerConfig) -> Guard:
    """The kg web app over the store in ``config`` (its pool starts with the app's lifespan)."""
    pool = QueryPool(config.store, size=config.workers, timeout=config.timeout,
                     allow_service=config.allow_service, quick=config.quick)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        await pool.start()
        try:
            yield
        finally:
            await pool.close()

    routes = [
        Route("/", ui.index),
        Route("/sparql", sparql.endpoint, methods=["GET", "POST"]),
        Route("/void", service.void),
        Route("/.well-known/void", service.void),
        Route("/search", ui.search_page),
        Route("/api/queries", ui.api_queries),
        Route("/api/queries/{name}", ui.api_run),
        Route("/api/search", ui.api_search),
        Route("/api/lookup", ui.api_lookup, methods=["POST"]),
        Route("/api/map", ui.api_map),
        Route("/ontology", ontology.ontology),
        Route("/ontology.{ext}", ontology.ontology),
        Route("/id/{rest:path}", linked_data.dereference),
        Route("/graph/{rest:path}", linked_data.dereference),
        Mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static"),
        Mount("/vendor", StaticFiles(directory=str(WEB_DIR / "vendor")), name="vendor"),
    ]
    app = Starlette(
        routes=routes, lifespan=lifespan,
        exception_handlers={Problem: _problem, HTTPException: _http},
        # Any web page may query the endpoint (read-only, no credentials), as public endpoints do.
        middleware=[Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                               allow_headers=["*"]),
                    # inside CORS, so that a 304 carries Access-Control-Allow-Origin too
                    Middleware(Revalidate, store=config.store, max_age=config.max_age)],
    )
    app.state.config = config
    app.state.pool = pool
    app.state.jinja = environment_for(config.base)
    return Guard(app)
