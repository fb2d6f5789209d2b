"""Storage: the embedded SQLite store (default) and its migrations."""

from rashomon.store.sqlite import DEFAULT_DB, Store, utc_now

__all__ = ["DEFAULT_DB", "Store", "utc_now"]
