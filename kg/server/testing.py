"""Run the server in a background thread on a free localhost port (tests, notebooks).

>>> # with running_server(ServerConfig(store="kg-store", base=...)) as url: requests.get(url + "/sparql?...")
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import urllib.request

from .config import ServerConfig


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(config: ServerConfig, startup_timeout: float = 60.0):
    """Serve ``config`` with uvicorn in a thread; yields the base URL (``http://127.0.0.1:PORT``).

    :raises RuntimeError: the server did not answer within ``startup_timeout`` seconds.
    """
    import uvicorn

    from .app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(config), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, name="kg-test-server", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + startup_timeout
    while True:
        try:
            with urllib.request.urlopen(url + "/api/queries", timeout=5):
                break
        except OSError:
            if time.monotonic() > deadline or not thread.is_alive():
                server.should_exit = True
                raise RuntimeError(f"kg server did not start on {url}") from None
            time.sleep(0.1)
    try:
        yield url
    finally:
        server.should_exit = True
        thread.join(30)
