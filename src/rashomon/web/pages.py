"""The HTML pages: events list, dossier, map, timeline, actor, search, article, API docs.

Server-rendered with Jinja2 (autoescape on: everything from an article is shown as text) and a few
small scripts under ``/static`` (no inline script or style, so the Content-Security-Policy can be
``default-src 'self'``). Handlers call the same library functions as the API.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from rashomon import __version__
from rashomon.ingest.titles import shown_title
from rashomon.web import queries
from rashomon.web.api import Filters, Paging
from rashomon.web.context import AppContext
from rashomon.web.dossier_view import PALETTE_SIZE, build_view
from rashomon.web.timeline_view import timeline_chart

TEMPLATE_DIR = Path(__file__).parent / "templates"


def url_with(request: Request, **changes: Any) -> str:
    """The current URL with some query parameters changed (``None`` removes one)."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return request.url.path + ("?" + urlencode(params) if params else "")


def same_query(request: Request, path: str) -> str:
    """``path`` with the current query parameters, less the page number."""
    params = {k: v for k, v in request.query_params.items() if k != "page"}
    return path + ("?" + urlencode(params) if params else "")


def web_url(value: Any) -> str | None:
    """``value`` when it is an http(s) URL (a stored ``javascript:`` link is never rendered as one)."""
    if isinstance(value, str) and urlsplit(value.strip()).scheme.lower() in ("http", "https"):
        return value.strip()
    return None


def marked(text: str, marks: list[list[int]]) -> list[tuple[str, bool]]:
    """A snippet cut into (text, is_match) runs for the template to wrap matches in ``<mark>``."""
    runs: list[tuple[str, bool]] = []
    last = 0
    for start, end in marks:
        runs += [(text[last:start], False), (text[start:end], True)]
        last = end
    runs.append((text[last:], False))
    return [run for run in runs if run[0]]


def article_title(article: Any) -> str | None:
    """An article's (record or mapping) title as shown to readers, without the site's name around it."""
    def field(name: str) -> Any:
        return article.get(name) if isinstance(article, dict) else getattr(article, name, None)

    return shown_title(field("title"), field("outlet"), field("url"))


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATE_DIR))
    templates.env.globals.update(
        url_with=url_with, same_query=same_query, marked=marked, version=__version__, palette=PALETTE_SIZE
    )
    templates.env.filters["web_url"] = web_url
    templates.env.filters["shown_title"] = article_title
    return templates


def make_router(ctx: AppContext) -> APIRouter:
    templates = make_templates()
    guard = [Depends(ctx.read_guard)] if ctx.options.private else []
    router = APIRouter(dependencies=guard, include_in_schema=False, default_response_class=HTMLResponse)

    def render(request: Request, name: str, **values: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, values)

    @router.get("/")
    def events_page(request: Request, filters: Filters, page: Paging) -> HTMLResponse:
        db = ctx.db.reader()
        return render(
            request,
            "events.html",
            result=ctx.list_events(filters, page),
            filters=filters,
            facets=queries.facets(db),
            contested_help=queries.CONTESTED_HELP,
        )

    @router.get("/events/{event_id}")
    def dossier_page(request: Request, event_id: str) -> HTMLResponse:
        db = ctx.db.reader()
        dossier = queries.get_dossier(db, event_id)
        view = build_view(dossier, queries.event_articles(db, dossier))
        return render(request, "dossier.html", view=view, event=dossier)

    @router.get("/map")
    def map_page(request: Request, filters: Filters) -> HTMLResponse:
        query = urlencode({k: v for k, v in request.query_params.items() if k != "page"})
        return render(
            request, "map.html", filters=filters, data_url="/api/v1/map" + ("?" + query if query else "")
        )

    @router.get("/timeline")
    def timeline_page(request: Request, filters: Filters, page: Paging) -> HTMLResponse:
        db = ctx.db.reader()
        chart = timeline_chart(queries.timeline(db, filters), request)
        return render(
            request,
            "timeline.html",
            chart=chart,
            filters=filters,
            result=ctx.list_events(filters, page),
        )

    @router.get("/actors/{actor}")
    def actor_page(request: Request, actor: str) -> HTMLResponse:
        return render(request, "actor.html", actor=queries.actor_profile(ctx.db.reader(), actor))

    @router.get("/search")
    def search_page(
        request: Request, page: Paging, q: Annotated[str, Query(max_length=500)] = ""
    ) -> HTMLResponse:
        result = queries.search_articles(ctx.db.reader(), q, page) if q.strip() else None
        return render(request, "search.html", q=q, result=result)

    @router.get("/articles/{article_id}")
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        return render(request, "article.html", article=queries.get_article(ctx.db.reader(), article_id))

    @router.get("/api/docs")
    def api_docs(request: Request) -> HTMLResponse:
        return render(request, "api_docs.html", spec=request.app.openapi(), today=date.today().isoformat())

    return router
