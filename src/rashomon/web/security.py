"""What guards the app: the request body limit, security headers on every answer, bearer-token checks.

- :class:`BodyLimit` refuses a body over ``max_body`` bytes with 413 before the handler reads it
  (by ``Content-Length``, and by counting when the body is streamed without one).
- :class:`SecurityHeaders` adds the Content-Security-Policy (``default-src 'self'``: the pages load
  nothing from elsewhere) and friends to every answer.
- :func:`token_guard` makes the dependency that checks ``Authorization: Bearer ...`` against the
  configured token with a constant-time comparison.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rashomon.errors import Errors, WebError
from rashomon.web.problems import error_body

_SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; "
        b"base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
CSP = _SECURITY_HEADERS[0][1].decode()


class _TooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: 413 in the JSON error shape for a request body over ``limit`` bytes."""

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._refuse(send)
            return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        err = WebError(Errors.W002, status=413, limit=self.limit)
        body = json.dumps(error_body(err.code.name, str(err).split("] ", 1)[-1])).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    *_SECURITY_HEADERS,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """ASGI middleware: the security headers on every answer, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in _SECURITY_HEADERS if n not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


def token_guard(
    token: str | None, *, disabled_code: Errors = Errors.W007
) -> Callable[[Request], Awaitable[None]]:
    """A FastAPI dependency refusing requests without ``Authorization: Bearer <token>``.

    With no token configured every request is refused with ``disabled_code`` (403).
    """

    async def check(request: Request) -> None:
        if token is None:
            raise WebError(disabled_code, status=403)
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            raise WebError(Errors.W005, status=401)
        if not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise WebError(Errors.W006, status=401)

    return check
