"""One error shape for every 4xx and 5xx answer: ``{"error": {"code": ..., "message": ...}}``.

``code`` is the stable code of :class:`rashomon.errors.Errors` (``S004``, ``W003`` ...), ``message`` the
one-line text of the catalogue. Library errors map to HTTP statuses by class and code; FastAPI's own
errors (unknown route, wrong method, invalid parameters) are rewritten into the same shape. Pages
(paths outside ``/api/``) asked for by a browser get the same code and message as a small HTML page.
"""

from __future__ import annotations

import html
import logging
from typing import cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from rashomon.errors import (
    ConfigError,
    Errors,
    ExportError,
    IngestError,
    RashomonError,
    StoreError,
    WebError,
)

log = logging.getLogger("rashomon.web")

_NOT_FOUND = {Errors.S003, Errors.S004}


def status_for(exc: RashomonError) -> int:
    """The HTTP status of a library error."""
    if isinstance(exc, WebError):
        return exc.status
    if exc.code in _NOT_FOUND:
        return 404
    if isinstance(exc, IngestError):
        return 422
    if isinstance(exc, ConfigError | ExportError):
        return 400
    if isinstance(exc, StoreError):
        return 503
    return 500


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    return {"error": {"code": code, "message": message}}


def error_response(
    request: Request, status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> Response:
    """The error as JSON, or as an HTML page for a browser asking for a page."""
    if not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", ""):
        page = (
            f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{status} · Rashomon</title>"
            "<link rel=stylesheet href=/static/app.css></head><body><main class=error-page>"
            f"<h1>{status}</h1><p class=error-code>{html.escape(code)}</p><p>{html.escape(message)}</p>"
            "<p><a href=/>Back to the events</a></p></main></body></html>"
        )
        return HTMLResponse(page, status_code=status, headers=headers)
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def _message(exc: RashomonError) -> str:
    """The catalogue message without its ``[CODE] `` prefix (the code travels in its own field)."""
    text = str(exc)
    prefix = f"[{exc.code.name}] "
    return text[len(prefix) :] if text.startswith(prefix) else text


async def _rashomon_error(request: Request, exc: Exception) -> Response:
    exc = cast(RashomonError, exc)
    status = status_for(exc)
    if status >= 500:
        log.error("%s %s failed: %s", request.method, request.url.path, exc)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return error_response(request, status, exc.code.name, _message(exc), headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    exc = cast(StarletteHTTPException, exc)
    if exc.status_code == 404:
        err = WebError(Errors.W008, status=404, path=request.url.path)
    elif exc.status_code == 405:
        err = WebError(Errors.W009, status=405, method=request.method, path=request.url.path)
    else:
        err = WebError(Errors.W001, status=exc.status_code, reason=str(exc.detail))
    return error_response(request, err.status, err.code.name, _message(err), dict(exc.headers or {}) or None)


async def _validation_error(request: Request, exc: Exception) -> Response:
    exc = cast(RequestValidationError, exc)
    parts = []
    for item in exc.errors()[:3]:
        where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else str(item.get("msg", "invalid")))
    err = WebError(Errors.W001, status=422, reason="; ".join(parts) or "invalid parameters")
    return error_response(request, 422, err.code.name, _message(err))


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("%s %s failed", request.method, request.url.path)
    err = WebError(Errors.W010, status=500, reason=type(exc).__name__)
    return error_response(request, 500, err.code.name, _message(err))


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape, and the security headers."""
    app.add_exception_handler(RashomonError, _rashomon_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
