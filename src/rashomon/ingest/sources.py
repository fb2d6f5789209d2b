"""What to read: the paths given on the command line expanded into sources, with manifest metadata.

A path may be a file, a folder (read recursively in name order, hidden entries skipped) or an
``http(s)://`` URL. A folder may hold a ``manifest.jsonl`` sidecar: one JSON object per line with
``path`` (relative to the folder) and any of ``outlet``, ``url``, ``published_at``, ``language``,
``title``, which override what the file itself gives. A manifest line that names a missing file is
reported (``I011``); a file the manifest does not name is read all the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from rashomon.errors import Errors, IngestError
from rashomon.ingest.items import Failed, iso_date

MANIFEST_NAME = "manifest.jsonl"
MANIFEST_FIELDS = ("outlet", "url", "published_at", "language", "title")
URL_PREFIXES = ("http://", "https://")


@dataclass(frozen=True)
class Source:
    """One file or URL to read, with the names it is recorded under and the metadata given for it."""

    kind: Literal["file", "url"]
    location: str  # the file's path or the URL
    key: str  # inputs-table key: the resolved path or the URL
    name: str  # the article's source_name: the path inside the folder given, or the URL
    meta: Mapping[str, str | None] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return Path(self.location)


def discover(paths: Iterable[str | Path], *, exclude: Iterable[Path] = ()) -> Iterator[Source | Failed]:
    """Every source under ``paths``, in the order given (a folder's files in name order).

    Files in ``exclude`` (the store's own database files) are skipped in folder walks.
    """
    skip = frozenset(p.resolve() for p in exclude)
    for raw in paths:
        text = str(raw)
        if text.lower().startswith(URL_PREFIXES):
            yield Source(kind="url", location=text, key=text, name=text)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _folder_sources(path, skip)
        elif path.exists():
            yield _file_source(path, path.name, {})
        else:
            yield Failed(_key(path), IngestError(Errors.I011, source=text))


def database_files(db_path: str) -> list[Path]:
    """The files of a SQLite database at ``db_path`` (with its WAL, shared-memory and journal files)."""
    if db_path == ":memory:" or db_path.startswith("file:"):
        return []
    return [Path(db_path + suffix) for suffix in ("", "-wal", "-shm", "-journal")]


def _key(path: Path) -> str:
    return str(path.resolve())


def _file_source(path: Path, name: str, meta: Mapping[str, str | None]) -> Source:
    return Source(kind="file", location=str(path), key=_key(path), name=name, meta=meta)


def _folder_sources(folder: Path, skip: frozenset[Path]) -> Iterator[Source | Failed]:
    manifest_path = folder / MANIFEST_NAME
    manifest: dict[str, dict[str, str | None]] = {}
    if manifest_path.is_file():
        for entry in read_manifest(manifest_path):
            if isinstance(entry, Failed):
                yield entry
            else:
                manifest[entry[0]] = entry[1]
    files = sorted(p for p in folder.rglob("*")
                   if _visible(p, folder) and p.is_file() and p != manifest_path and p.resolve() not in skip)
    seen = set()
    for path in files:
        name = path.relative_to(folder).as_posix()
        seen.add(name)
        yield _file_source(path, name, manifest.get(name, {}))
    for name in sorted(set(manifest) - seen):
        yield Failed(_key(folder / name), IngestError(Errors.I011, source=str(folder / name)))


def _visible(path: Path, folder: Path) -> bool:
    return not any(part.startswith(".") for part in path.relative_to(folder).parts)


def read_manifest(path: Path) -> Iterator[tuple[str, dict[str, str | None]] | Failed]:
    """(relative path, metadata) per manifest line; ``I012``/``I013`` for the lines that are invalid."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        yield Failed(_key(path), IngestError(Errors.I001, source=str(path), reason=str(exc)))
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield _manifest_entry(line, source=str(path), number=number)
        except IngestError as exc:
            yield Failed(f"{_key(path)}:{number}", exc)


def _manifest_entry(line: str, *, source: str, number: int) -> tuple[str, dict[str, str | None]]:
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(Errors.I012, source=source, line=number, reason=exc.msg) from exc
    if not isinstance(record, dict):
        raise IngestError(Errors.I012, source=source, line=number, reason="not a JSON object")
    rel = record.get("path")
    if not isinstance(rel, str) or not rel.strip():
        raise IngestError(Errors.I012, source=source, line=number, reason="no 'path'")
    meta = {name: _manifest_value(record, name, source=f"{source}:{number}") for name in MANIFEST_FIELDS}
    return Path(rel.strip()).as_posix(), meta


def _manifest_value(record: dict[str, Any], name: str, *, source: str) -> str | None:
    value = record.get(name)
    if name == "published_at":
        return iso_date(value, source=source, field_name=name)
    return None if value is None else (" ".join(str(value).split()) or None)
