"""Exports of the reconciled store: one module per format, registered in ``FORMATS``.

A format is a function ``write(document, out)`` taking the contract document (``schema``, ``articles``,
``events``; see :mod:`rashomon.export.selection`) and a binary stream. Register a new format by adding
``"name": "module:function"``; it is imported only when asked for. ``docs/export.md`` documents each one.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, BinaryIO, cast

from rashomon.errors import Errors, ExportError
from rashomon.export.selection import ExportOptions, build_document
from rashomon.store import Store

Writer = Callable[[dict[str, Any], BinaryIO], None]

FORMATS: dict[str, str] = {
    "json": "rashomon.export.json_format:write",
    "csv": "rashomon.export.acled_csv:write",
    "geojson": "rashomon.export.geojson:write",
    "parquet": "rashomon.export.parquet:write",
}


def get_writer(name: str) -> Writer:
    if name not in FORMATS:
        raise ExportError(Errors.E001, format=name, known=", ".join(sorted(FORMATS)))
    module, attr = FORMATS[name].split(":")
    return cast(Writer, getattr(importlib.import_module(module), attr))


def export(store: Store, fmt: str, out: BinaryIO, options: ExportOptions | None = None) -> int:
    """Write the selected events of ``store`` to ``out`` in format ``fmt``; return how many events."""
    writer = get_writer(fmt)
    document = build_document(store, options or ExportOptions())
    try:
        writer(document, out)
    except (OSError, ValueError, TypeError) as exc:
        raise ExportError(Errors.E002, reason=f"{fmt}: {exc}") from exc
    return len(document["events"])


__all__ = ["FORMATS", "ExportOptions", "Writer", "build_document", "export", "get_writer"]
