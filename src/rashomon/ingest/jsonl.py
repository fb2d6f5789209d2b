"""JSON Lines (and JSON array) files: one article per record, streamed, gzipped or not.

A JSON Lines file is read line by line, so its size is not limited; each line is (``max_bytes``,
``I004``). Lines must be UTF-8 (a UTF-8 byte-order mark is allowed), as RFC 8259 asks. A file whose
first character is ``[`` is one JSON array of records and is read whole (size limited). Every bad
record fails alone (``I004``-``I007``, ``I013``) under the key ``path:line`` (``path:[index]`` in an
array); the others go on.

The field names accepted are :data:`rashomon.ingest.items.TEXT_FIELDS` and its siblings; a record's
own id (``source_name``, ``id``, ``doc_id``, ``guid``, ``uuid``) becomes the article's ``source_name``.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rashomon.errors import Errors, IngestError
from rashomon.ingest.decode import GZIP_MAGIC, SNIFF_BYTES, decode_text, looks_binary, read_file
from rashomon.ingest.items import ID_FIELDS, TEXT_FIELDS, Failed, Item, pick, pick_str, record_meta


def read_json_file(path: Path, *, key: str, name: str, max_bytes: int) -> Iterator[Item | Failed]:
    """Every record of a JSON Lines or JSON array file at ``path``."""
    if not path.exists():
        raise IngestError(Errors.I011, source=name)
    try:
        with path.open("rb") as raw:
            stream: io.BufferedIOBase = gzip.GzipFile(fileobj=raw) if raw.read(2) == GZIP_MAGIC else raw
            raw.seek(0)
            head = _head(stream)
            if not head.strip():
                raise IngestError(Errors.I002, source=name)
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                raise IngestError(Errors.I005, source=name, encoding="UTF-8", reason="found a UTF-16 mark")
            if looks_binary(head):
                raise IngestError(Errors.I003, source=name)
            if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
                yield from _array_items(path, key=key, name=name, max_bytes=max_bytes)
            else:
                yield from _line_items(stream, key=key, name=name, max_bytes=max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        raise IngestError(Errors.I001, source=name, reason=str(exc) or type(exc).__name__) from exc


def _head(stream: io.BufferedIOBase) -> bytes:
    peek = getattr(stream, "peek", None)
    if peek is not None:
        return bytes(peek(SNIFF_BYTES)[:SNIFF_BYTES])
    return b""  # pragma: no cover - every stream opened here can peek


def _line_items(stream: io.BufferedIOBase, *, key: str, name: str, max_bytes: int) -> Iterator[Item | Failed]:
    number = 0
    while line := stream.readline(max_bytes + 1):
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream, max_bytes)
            yield Failed(f"{key}:{number}", IngestError(Errors.I004, source=f"{name}:{number}",
                                                         size=f"over {max_bytes}", limit=max_bytes))
            continue
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if not line.strip():
            continue
        try:
            yield record_item(_parse_line(line, name=name, number=number), key=f"{key}:{number}",
                              name=name, line=number)
        except IngestError as exc:
            yield Failed(f"{key}:{number}", exc)


def _skip_rest_of_line(stream: io.BufferedIOBase, max_bytes: int) -> None:
    while (rest := stream.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
        pass


def _parse_line(line: bytes, *, name: str, number: int) -> Any:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(Errors.I005, source=f"{name}:{number}", encoding="UTF-8",
                          reason=f"byte 0x{line[exc.start]:02x} at column {exc.start + 1}") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(Errors.I006, source=name, line=number, reason=exc.msg) from exc


def _array_items(path: Path, *, key: str, name: str, max_bytes: int) -> Iterator[Item | Failed]:
    text = decode_text(read_file(path, name, limit=max_bytes), name)
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(Errors.I006, source=name, line=exc.lineno, reason=exc.msg) from exc
    if not isinstance(records, list):
        raise IngestError(Errors.I006, source=name, line=1, reason="not an array of records")
    for index, record in enumerate(records):
        try:
            yield record_item(record, key=f"{key}:[{index}]", name=name, line=f"[{index}]")
        except IngestError as exc:
            yield Failed(f"{key}:[{index}]", exc)


def record_item(record: Any, *, key: str, name: str, line: int | str) -> Item:
    """The item of the record at ``line`` of file ``name``.

    ``I006`` when it is not an object, ``I007`` when it has no text, ``I013`` when its date is not one.
    """
    if not isinstance(record, dict):
        raise IngestError(Errors.I006, source=name, line=line, reason="not a JSON object")
    found = pick(record, TEXT_FIELDS)
    if found is None or not isinstance(found[1], str) or not found[1].strip():
        raise IngestError(Errors.I007, source=name, line=line, fields=", ".join(TEXT_FIELDS))
    ident = pick_str(record, ID_FIELDS)
    where = f"{name}:{line}"
    return Item(key=key, source_name=ident or where, text=found[1], meta=record_meta(record, source=where))
