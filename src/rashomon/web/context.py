"""What every handler of one app shares: its options, its database, its pipeline stages and its guards."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

import anyio.to_thread
from fastapi import Request

from rashomon.errors import Errors
from rashomon.store import Store
from rashomon.web import queries
from rashomon.web.database import Database
from rashomon.web.queries import EventFilters, Page
from rashomon.web.security import token_guard
from rashomon.web.settings import WebOptions
from rashomon.web.submit import StageRunner

T = TypeVar("T")


def pipeline_stages() -> list[tuple[str, StageRunner]]:
    """The stages ``rashomon run`` runs after ingest (``rashomon.pipeline.STAGES``), loaded now."""
    from rashomon.pipeline import STAGES, load_stage

    def bind(target: str) -> StageRunner:
        def run(store: Store) -> dict[str, Any]:
            return load_stage(target)(store, progress=False)

        return run

    return [(name, bind(target)) for name, target in STAGES]


@dataclass
class AppContext:
    """One app's shared state; ``stage_list`` replaces the pipeline's stages (tests, embedding)."""

    options: WebOptions
    db: Database
    stage_list: Sequence[tuple[str, StageRunner]] | None = None
    read_guard: Callable[..., Any] = field(init=False)
    write_guard: Callable[..., Any] = field(init=False)

    def __post_init__(self) -> None:
        self.read_guard = token_guard(self.options.token, disabled_code=Errors.W005)
        self.write_guard = token_guard(self.options.token)

    def stages(self) -> Sequence[tuple[str, StageRunner]]:
        if not self.options.run_pipeline:
            return []
        return self.stage_list if self.stage_list is not None else pipeline_stages()

    def list_events(self, filters: EventFilters, page: Page) -> dict[str, Any]:
        """A page of the events list, the sorted ids kept until the store changes."""
        ids = self.db.memo(("events", filters), lambda db: queries.matching_event_ids(db, filters))
        return queries.list_events(self.db.reader(), filters, page, ids)

    async def run_write(self, work: Callable[[Store], T]) -> T:
        """Run ``work`` with the writer store in a worker thread, one write at a time."""

        def locked() -> T:
            with self.db.writing() as store:
                return work(store)

        return await anyio.to_thread.run_sync(locked)


def context(request: Request) -> AppContext:
    return cast(AppContext, request.app.state.ctx)
