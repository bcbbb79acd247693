"""``kg serve``: a read-only SPARQL 1.1 endpoint, linked-data pages and a web UI over a kg store.

One module per concern: :mod:`.sparql` (the protocol), :mod:`.linked_data` (dereferencing the
store's IRIs), :mod:`.service` (Service Description, VoID), :mod:`.ui` (the web UI and its JSON
API), :mod:`.pool` / :mod:`.worker` (queries in killable worker processes), :mod:`.views` (the
data behind the pages), :mod:`.results` (SPARQL result serialisers), :mod:`.negotiation`,
:mod:`.pages` (templates), :mod:`.problems` (every refusal and its message).
"""

from __future__ import annotations

from .config import ServerConfig, check_hosts


def create_app(config: ServerConfig):
    from .app import create_app as _create

    return _create(config)


def serve(store: str | None = None, host: str = "127.0.0.1", port: int = 8000, timeout: float = 5.0,
          max_rows: int = 10_000, max_body: int = 100_000, workers: int = 2, log_level: str = "info",
          allow_service: tuple[str, ...] = (), quick: float = 1.0, max_age: int = 0) -> None:
    """Open the store (read-only, to learn its base IRI) and serve it until interrupted.

    :raises StoreError: no kg store at ``store``.
    """
    import uvicorn

    from ..store import open_store

    with open_store(store, read_only=True) as kg:
        path, base = str(kg.path), kg.base
    config = ServerConfig(store=path, base=base, timeout=timeout, max_rows=max_rows, max_body=max_body,
                          workers=workers, allow_service=check_hosts(allow_service), quick=quick, max_age=max_age)
    uvicorn.run(create_app(config), host=host, port=port, log_level=log_level)


__all__ = ["ServerConfig", "create_app", "serve"]
