"""The settings of one running server (``kg serve`` options)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import UsageError

#: ``host`` or ``host:port`` (a DNS name or a bracketed IPv6 address; no user info, no path)
HOST = re.compile(r"^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$")


def check_hosts(hosts) -> tuple[str, ...]:
    """``--allow-service`` values: ``host`` or ``host:port``, lower case.

    :raises UsageError: for a value that is not a host name (a URL, a path, a wildcard).

    >>> check_hosts(["Query.Example:8890", "dbpedia.org"])
    ('query.example:8890', 'dbpedia.org')
    """
    out = []
    for host in hosts:
        if not HOST.match(host):
            raise UsageError(f"--allow-service takes a host name or host:port (like dbpedia.org or "
                             f"query.example:8890), not {host!r}")
        out.append(host.lower())
    return tuple(out)


@dataclass(frozen=True)
class ServerConfig:
    store: str  # the store directory
    base: str  # the base IRI the store mints its IRIs under (from the store's metadata)
    timeout: float = 5.0  # seconds a query may run before its worker is killed (503)
    max_rows: int = 10_000  # result rows (or triples) beyond which a query is refused (400)
    max_body: int = 100_000  # bytes of request body beyond which a request is refused (413)
    workers: int = 2  # query worker processes
    allow_service: tuple[str, ...] = ()  # hosts (host or host:port) SERVICE may call; none: federation off
    quick: float = 1.0  # seconds a query may run on the worker kept for quick queries (0: no such worker)
    max_age: int = 0  # Cache-Control max-age of GET answers (0: "no-cache", revalidate with the ETag)

    @property
    def base_path(self) -> str:
        """The path part of the base IRI ("/kg-cppcc/" for https://w3id.org/kg-cppcc/)."""
        rest = self.base.split("://", 1)[-1]
        return "/" + rest.split("/", 1)[1] if "/" in rest else "/"
