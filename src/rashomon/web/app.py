"""The FastAPI app: pages, the ``/api/v1`` REST API and static assets over one Rashomon store.

``create_app(options)`` builds it (library first: the CLI's ``serve`` and the tests call the same
function). Middleware order, outermost first: security headers, body limit, then routing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from rashomon import __version__
from rashomon.web import api, pages, problems
from rashomon.web.context import AppContext
from rashomon.web.database import Database
from rashomon.web.security import BodyLimit, SecurityHeaders
from rashomon.web.settings import WebOptions
from rashomon.web.submit import StageRunner

STATIC_DIR = Path(__file__).parent / "static"
DESCRIPTION = (
    "Events reconciled from many news reports: dossiers with source-attributed claims, casualty figures "
    "(low/best/high per side) and the discrepancies between outlets. Every error answers "
    '`{"error": {"code": ..., "message": ...}}`.'
)


def create_app(
    options: WebOptions | None = None, *, stages: Sequence[tuple[str, StageRunner]] | None = None
) -> FastAPI:
    """The web app over ``options.db``; ``stages`` replaces the pipeline run on posted articles."""
    options = options or WebOptions()
    ctx = AppContext(options, Database(options.db), stages)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        ctx.db.close()

    app = FastAPI(
        title="Rashomon",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.ctx = ctx
    problems.install(app)
    app.include_router(api.make_router(ctx))
    app.include_router(pages.make_router(ctx))
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(BodyLimit, limit=options.max_body)
    app.add_middleware(SecurityHeaders)
    return app
