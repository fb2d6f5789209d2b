"""The app's access to the store: one read-only connection per worker thread, one writer behind a lock.

SQLite in WAL mode lets readers go on while the writer commits, so page and API reads never wait
for a POST running the pipeline. The writer is the single :class:`~rashomon.store.Store` of the
process (it creates and migrates the database when the app starts); writes take :meth:`Database.writing`.
:meth:`Database.memo` keeps the sorted ids of an events listing until the store changes, so paging
through a large store costs one query for the page's rows.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar, cast

from rashomon.store import Store

T = TypeVar("T")
MEMO_SIZE = 64
"""Results kept per worker thread (the sorted ids of recent filter combinations)."""


class Database:
    """Connections of one web app to one SQLite file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.writer = Store(path)
        self._lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[Store] = []
        self._readers_lock = threading.Lock()
        self._shared = path == ":memory:"

    def reader(self) -> sqlite3.Connection:
        """This thread's read-only connection (opened on first use)."""
        if self._shared:
            return self.writer.db
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.path, read_only=True)
            self._local.store = store
            with self._readers_lock:
                self._readers.append(store)
        return store.db

    def memo(self, key: Hashable, compute: Callable[[sqlite3.Connection], T]) -> T:
        """``compute(reader)``, kept per thread until the store changes (``PRAGMA data_version``)."""
        db = self.reader()
        if self._shared:
            return compute(db)
        version = db.execute("PRAGMA data_version").fetchone()[0]
        cache: OrderedDict[Hashable, tuple[int, Any]] | None = getattr(self._local, "memo", None)
        if cache is None:
            cache = self._local.memo = OrderedDict()
        hit = cache.get(key)
        if hit is not None and hit[0] == version:
            cache.move_to_end(key)
            return cast(T, hit[1])
        value = compute(db)
        cache[key] = (version, value)
        if len(cache) > MEMO_SIZE:
            cache.popitem(last=False)
        return value

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """The writer store, held by one request at a time."""
        with self._lock:
            yield self.writer

    def close(self) -> None:
        with self._readers_lock:
            for store in self._readers:
                store.close()
            self._readers.clear()
        self.writer.close()
