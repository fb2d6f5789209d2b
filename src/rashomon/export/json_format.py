"""``--format json``: the contract document itself (``contract/dossier.schema.json``), UTF-8, indented."""

from __future__ import annotations

import json
from typing import Any, BinaryIO


def write(document: dict[str, Any], out: BinaryIO) -> None:
    out.write(json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"))
    out.write(b"\n")
