"""Running the app with uvicorn: in the foreground (``rashomon serve``) or in a thread (tests, benchmarks)."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType

import uvicorn
from fastapi import FastAPI

from rashomon.web.app import create_app
from rashomon.web.settings import WebOptions


def serve(options: WebOptions, *, log_level: str = "info") -> None:
    """Serve the app until interrupted."""
    uvicorn.run(
        create_app(options),
        host=options.host,
        port=options.port,
        log_level=log_level,
        proxy_headers=False,
        server_header=False,
    )


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class BackgroundServer:
    """The app served by uvicorn in a daemon thread on 127.0.0.1 (a free port unless given)::

    with BackgroundServer(create_app(options)) as server:
        httpx.get(server.url + "/api/v1/events")
    """

    def __init__(
        self, app: FastAPI, *, host: str = "127.0.0.1", port: int | None = None, log_level: str = "warning"
    ) -> None:
        self.host = host
        self.port = port or free_port(host)
        config = uvicorn.Config(
            app, host=host, port=self.port, log_level=log_level, lifespan="on", server_header=False
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="rashomon-web", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = 15.0) -> BackgroundServer:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the web server did not start on {self.url}")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def __enter__(self) -> BackgroundServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
