"""Writing an export or report to a file without ever leaving a half-written or emptied file behind.

The content goes to a temporary file beside the target, which replaces the target only once the whole
content is written: a failed export (unknown event, unwritable folder, a writer error) leaves an existing
file as it was. Standard output (``-``) is written directly.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar, cast

from rashomon.errors import Errors, ExportError

T = TypeVar("T")

STDOUT = "-"


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def write_atomically(target: str | Path, write: Callable[[BinaryIO], T]) -> T:
    """Call ``write`` with a binary stream for ``target`` (``-``: standard output) and return its result.

    For a file, ``target`` is replaced only after ``write`` returned; an :class:`ExportError` (E003) names the
    file when its folder is missing or not writable, and whatever ``write`` raises propagates with the target
    untouched.
    """
    if str(target) == STDOUT:
        out = cast(BinaryIO, sys.stdout.buffer)
        result = write(out)
        out.flush()
        return result
    path = Path(target)
    if path.is_dir():
        raise ExportError(Errors.E003, path=str(path), reason="it is a folder")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent or ".")
    except OSError as exc:
        raise ExportError(Errors.E003, path=str(path), reason=_reason(exc)) from exc
    try:
        with os.fdopen(handle, "wb") as out:
            result = write(cast(BinaryIO, out))
        os.chmod(temp_name, 0o666 & ~_umask())
        os.replace(temp_name, path)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise ExportError(Errors.E003, path=str(path), reason=_reason(exc)) from exc
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return result


def write_text_atomically(target: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``target`` through :func:`write_atomically`."""
    data = text.encode("utf-8")
    write_atomically(target, lambda out: out.write(data))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
