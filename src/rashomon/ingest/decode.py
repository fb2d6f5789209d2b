"""Bytes to text: size limits, gzip, binary sniffing and the encoding rule every reader shares.

The encoding rule is deliberately narrow, so that a mis-encoded file is reported rather than silently
turned into mojibake:

1. a byte-order mark decides: UTF-8 (``utf-8-sig``), UTF-16 LE/BE (``utf-16``);
2. otherwise the bytes must be valid UTF-8;
3. anything else fails with ``I005`` naming the first bad byte.

A file is *binary* (``I003``) when its first 8 KiB hold a NUL byte (and no UTF-16 mark) or more than
10 % control characters other than tab, newline, carriage return and form feed.
"""

from __future__ import annotations

import codecs
import zlib
from pathlib import Path

from rashomon.errors import Errors, IngestError

GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 8192
_CONTROL_SHARE = 0.10
_ALLOWED_CONTROLS = {9, 10, 12, 13}
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_file(path: Path, source: str, *, limit: int) -> bytes:
    """The bytes of ``path`` (gunzipped when it is gzip), refusing files over ``limit`` bytes.

    The limit applies to the file on disk and again to its decompressed content (no gzip bombs).
    """
    if not path.exists():
        raise IngestError(Errors.I011, source=source)
    try:
        size = path.stat().st_size
        if size > limit:
            raise IngestError(Errors.I004, source=source, size=size, limit=limit)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise IngestError(Errors.I001, source=source, reason=exc.strerror or str(exc)) from exc
    if len(data) > limit:  # grew while we read it
        raise IngestError(Errors.I004, source=source, size=len(data), limit=limit)
    return gunzip(data, source, limit=limit) if data.startswith(GZIP_MAGIC) else data


def gunzip(data: bytes, source: str, *, limit: int) -> bytes:
    """Decompress gzip ``data``, stopping with ``I004`` once the output passes ``limit`` bytes."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise IngestError(Errors.I001, source=source, reason=f"broken gzip data ({exc})") from exc
    if len(out) > limit or inflater.unconsumed_tail:
        raise IngestError(Errors.I004, source=source, size=f"over {limit} (decompressed)", limit=limit)
    if not inflater.eof:
        raise IngestError(Errors.I001, source=source, reason="truncated gzip data")
    return out


def inner_suffix(path: Path) -> str:
    """The format suffix of ``path``: ``.jsonl`` for ``a.jsonl.gz``, lower-cased."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in (".gz", ".gzip"):
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def looks_binary(data: bytes) -> bool:
    """True when the head of ``data`` is not text in any encoding we accept."""
    head = data[:SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in _ALLOWED_CONTROLS)
    return bool(head) and controls / len(head) > _CONTROL_SHARE


def decode_text(data: bytes, source: str, *, declared: str | None = None) -> str:
    """Text of ``data`` by the module's encoding rule.

    ``declared`` is a charset named by the transport (an HTTP ``Content-Type``); it is tried after a
    byte-order mark and before UTF-8, and a wrong one is reported like any other bad encoding.
    """
    if not data.strip():
        raise IngestError(Errors.I002, source=source)
    if looks_binary(data):
        raise IngestError(Errors.I003, source=source)
    encoding = _bom_encoding(data) or _known_codec(declared) or "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        reason = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
        raise IngestError(Errors.I005, source=source, encoding=encoding.upper(), reason=reason) from exc
    if not text.strip():
        raise IngestError(Errors.I002, source=source)
    return text


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None

