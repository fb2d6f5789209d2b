"""The app's access to the store: one read-only connection per worker thread, one writer behind a lock.

SQLite in WAL mode lets readers go on while the writer commits, so page and API reads never wait
for a POST running the pipeline. The writer is the single :class:`~rashomon.store.Store` of the
process (it creates and migrates the database when the app starts); writes take :meth:`Database.writing`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from rashomon.store import Store


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
