"""The REST API under ``/api/v1``: thin handlers, each parsing its parameters and calling one library
function.

Reads need no token unless the app is private; ``POST /api/v1/articles`` always needs the write token.
Every error answers ``{"error": {"code", "message"}}`` (see :mod:`rashomon.web.problems`).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from rashomon.errors import Errors, WebError
from rashomon.web import exporting, queries, submit
from rashomon.web.context import AppContext, context
from rashomon.web.queries import EventFilters, Page

_Text = Annotated[str | None, Query(max_length=200)]


def event_filters(
    since: Annotated[date | None, Query(description="first day (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="last day (YYYY-MM-DD)")] = None,
    place: Annotated[
        str | None, Query(max_length=200, description="place name (substring) or country code")
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="actor id or canonical name (substring)")
    ] = None,
    type: Annotated[str | None, Query(max_length=200, description="event type, e.g. Battles")] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="outlet of one of the reports")] = None,
    contested: Annotated[bool, Query(description=queries.CONTESTED_HELP)] = False,
    q: Annotated[
        str | None, Query(max_length=500, description="words the reports contain (full text)")
    ] = None,
) -> EventFilters:
    return EventFilters(
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        place=place or None,
        actor=actor or None,
        event_type=type or None,
        outlet=outlet or None,
        contested=contested,
        q=q or None,
    )


def paging(
    request: Request,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int | None, Query(ge=1)] = None,
) -> Page:
    options = context(request).options
    size = per_page or options.page_size
    if size > options.max_page_size:
        raise WebError(
            Errors.W001, status=422, reason=f"per_page is over the limit of {options.max_page_size}"
        )
    return Page(page, size)


Filters = Annotated[EventFilters, Depends(event_filters)]
Paging = Annotated[Page, Depends(paging)]


def make_router(ctx: AppContext) -> APIRouter:
    """The ``/api/v1`` routes; reads guarded by the token only when the app is private."""
    read_guard = [Depends(ctx.read_guard)] if ctx.options.private else []
    router = APIRouter(prefix="/api/v1", dependencies=read_guard)

    @router.get("/events", tags=["events"], summary="Events, newest first, with filters and pages")
    def events(request: Request, filters: Filters, page: Paging) -> dict[str, Any]:
        return {**ctx.list_events(filters, page), "filters": filters.active()}

    @router.get(
        "/events/{event_id}", tags=["events"], summary="The dossier of one event (contract event object)"
    )
    def dossier(event_id: str) -> dict[str, Any]:
        return queries.get_dossier(ctx.db.reader(), event_id)

    @router.get("/events/{event_id}/articles", tags=["events"], summary="The reports of one event")
    def dossier_articles(event_id: str) -> list[dict[str, Any]]:
        db = ctx.db.reader()
        return queries.event_articles(db, queries.get_dossier(db, event_id))

    @router.get("/articles", tags=["articles"], summary="Stored articles (metadata), newest first")
    def articles(page: Paging, outlet: _Text = None) -> dict[str, Any]:
        return queries.list_articles(ctx.db.reader(), page, outlet=outlet)

    @router.get("/articles/{article_id}", tags=["articles"], summary="One stored article with its text")
    def article(article_id: str) -> dict[str, Any]:
        return queries.get_article(ctx.db.reader(), article_id)

    @router.get("/search", tags=["search"], summary="Full-text search over the stored reports")
    def search(q: Annotated[str, Query(min_length=1, max_length=500)], page: Paging) -> dict[str, Any]:
        return queries.search_articles(ctx.db.reader(), q, page)

    @router.get(
        "/actors/{actor}", tags=["actors"], summary="An actor's events and the labels each outlet uses"
    )
    def actor(actor: str) -> dict[str, Any]:
        return queries.actor_profile(ctx.db.reader(), actor)

    @router.get("/map", tags=["events"], summary="Events with coordinates as GeoJSON")
    def event_map(filters: Filters) -> dict[str, Any]:
        return queries.map_features(ctx.db.reader(), filters)

    @router.get("/timeline", tags=["events"], summary="Events per day")
    def event_timeline(filters: Filters) -> list[dict[str, Any]]:
        return queries.timeline(ctx.db.reader(), filters)

    @router.get("/facets", tags=["events"], summary="Outlets and event types present, for filters")
    def event_facets() -> dict[str, list[str]]:
        return queries.facets(ctx.db.reader())

    @router.get("/export", tags=["export"], summary="Events and their reports in an export format")
    def export(
        filters: Filters,
        format: Annotated[str, Query(max_length=20)] = "json",
        event: Annotated[str | None, Query(max_length=200)] = None,
    ) -> Response:
        return exporting.export_response(ctx.db.reader(), format, filters, event)

    @router.post(
        "/articles",
        tags=["articles"],
        status_code=201,
        dependencies=[Depends(ctx.write_guard)],
        summary="Ingest an article (text, HTML or JSON body) and run the pipeline",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    t: {"schema": {"type": "string"} if not t.endswith("json") else {"type": "object"}}
                    for t in submit.ACCEPTED_TYPES
                },
            }
        },
    )
    async def post_article(request: Request) -> JSONResponse:
        body = await request.body()
        params = {k: request.query_params.get(k) for k in submit.META_PARAMS}
        content_type = request.headers.get("content-type")
        result = await ctx.run_write(
            lambda store: submit.submit(store, body, content_type, params, ctx.stages())
        )
        return JSONResponse(result.to_dict(), status_code=201 if result.created else 200)

    return router
