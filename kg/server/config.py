"""The settings of one running server (``kg serve`` options)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ServerConfig:
    store: str  # the store directory
    base: str  # the base IRI the store mints its IRIs under (from the store's metadata)
    timeout: float = 5.0  # seconds a query may run before its worker is killed (503)
    max_rows: int = 10_000  # result rows (or triples) beyond which a query is refused (400)
    max_body: int = 100_000  # bytes of request body beyond which a request is refused (413)
    workers: int = 2  # query worker processes

    @property
    def base_path(self) -> str:
        """The path part of the base IRI ("/kg-cppcc/" for https://w3id.org/kg-cppcc/)."""
        rest = self.base.split("://", 1)[-1]
        return "/" + rest.split("/", 1)[1] if "/" in rest else "/"
