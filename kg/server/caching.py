"""HTTP caching: an ``ETag`` from the store's last change, ``304 Not Modified`` on
``If-None-Match``, and ``Cache-Control``.

A store changes only when ``kg build`` writes to it, and every write changes the files
:func:`store_state` looks at. So the tag of a GET answer is a hash of that state, of the request
(path, query string, ``Accept``) and of this server process (a restart, perhaps with a newer kg,
starts new tags). A client or proxy that sends the tag back in ``If-None-Match`` gets 304 without
the query being run again, until the next build.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

#: paths whose answers are not tagged here (static files carry their own ETag and Last-Modified)
UNTAGGED = ("/static/", "/vendor/")


def store_state(path) -> tuple | None:
    """What changes whenever the store at ``path`` is written: the folder's mtime (files come and
    go) and the size and mtime of RocksDB's ``CURRENT``, ``MANIFEST-*`` and ``*.log`` files; None
    if there is no such folder.

    >>> store_state("/no/such/store") is None
    True
    """
    try:
        entries = list(os.scandir(path))
        folder = os.stat(path).st_mtime_ns
    except OSError:
        return None
    files = []
    for e in entries:
        if e.name == "CURRENT" or e.name.startswith("MANIFEST") or e.name.endswith(".log"):
            try:
                st = e.stat()
            except OSError:  # removed meanwhile: the folder's mtime says so
                continue
            files.append((e.name, st.st_size, st.st_mtime_ns))
    return folder, tuple(sorted(files))


def etag(state, nonce: str, path: str, query: bytes, accept: str) -> str:
    """A strong entity tag (quoted) for one representation in one state of the store.

    >>> etag((1, ()), "n", "/sparql", b"query=ASK%7B%7D", "*/*") == etag((1, ()), "n", "/sparql", b"query=ASK%7B%7D", "*/*")
    True
    >>> etag((1, ()), "n", "/sparql", b"", "*/*") != etag((2, ()), "n", "/sparql", b"", "*/*")
    True
    """
    h = hashlib.blake2b(digest_size=12)
    for part in (repr(state).encode(), nonce.encode(), path.encode(), query, accept.encode()):
        h.update(len(part).to_bytes(4, "big"))
        h.update(part)
    return f'"{h.hexdigest()}"'


def matches(if_none_match: str, tag: str) -> bool:
    """Does an ``If-None-Match`` header name ``tag`` (weakly compared, RFC 9110 §13.1.2)?

    >>> matches('W/"abc", "def"', '"abc"'), matches("*", '"x"'), matches('"abd"', '"abc"')
    (True, True, False)
    """
    if if_none_match.strip() == "*":
        return True
    tags = [t.strip() for t in if_none_match.split(",")]
    return any((t[2:] if t.startswith("W/") else t) == tag for t in tags)


class Revalidate:
    """ASGI middleware: tag the 200 answers of GET and HEAD requests, answer 304 for a tag the
    client already has, and say how long answers may be reused (``Cache-Control``): ``no-cache``
    (store, but ask again each time: a 304 is cheap) when ``max_age`` is 0, else ``max-age``.
    Errors are not tagged; 5xx answers are ``no-store``."""

    def __init__(self, app, store: str, max_age: int = 0):
        self.app = app
        self.store = Path(store)
        self.nonce = f"{os.getpid()}-{time.time_ns()}"
        self.cache_control = (b"public, no-cache" if max_age <= 0 else f"public, max-age={max_age}".encode())

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") \
                or scope["path"].startswith(UNTAGGED):
            return await self.app(scope, receive, send)
        headers = {}
        for k, v in scope.get("headers", ()):
            if k in (b"accept", b"if-none-match"):
                headers[k] = headers[k] + b"," + v if k in headers else v
        tag = etag(store_state(self.store), self.nonce, scope["path"], scope.get("query_string", b""),
                   headers.get(b"accept", b"").decode("latin-1"))
        common = [(b"etag", tag.encode()), (b"cache-control", self.cache_control), (b"vary", b"Accept")]
        inm = headers.get(b"if-none-match")
        if inm is not None and matches(inm.decode("latin-1"), tag):
            await send({"type": "http.response.start", "status": 304, "headers": common})
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_tagged(message):
            if message["type"] == "http.response.start":
                status = message["status"]
                out = list(message.get("headers", ()))
                names = {k.lower() for k, _ in out}
                if status == 200:
                    out += [h for h in common if h[0] not in names]
                elif status >= 500 and b"cache-control" not in names:
                    out.append((b"cache-control", b"no-store"))
                message = {**message, "headers": out}
            await send(message)

        await self.app(scope, receive, send_tagged)
