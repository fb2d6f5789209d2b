"""The web app's settings: each declared once (name, default, help), validated into one options object.

``rashomon serve`` derives its command-line options from :data:`SETTINGS`, ``docs/web.md`` lists them
(a test checks it does), and :class:`WebOptions` is what the app is built from. Nothing is read from
the environment.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rashomon.errors import ConfigError, Errors
from rashomon.store import DEFAULT_DB


@dataclass(frozen=True)
class Setting:
    """One setting: its name (the ``WebOptions`` field and, with dashes, the CLI flag), default and help."""

    name: str
    default: Any
    help: str

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


SETTINGS: tuple[Setting, ...] = (
    Setting("db", DEFAULT_DB, "SQLite database file the app reads (created and migrated when missing)."),
    Setting("host", "127.0.0.1", "Interface to listen on; the default keeps the app on this machine."),
    Setting("port", 8000, "TCP port to listen on."),
    Setting(
        "token",
        None,
        "Bearer token that write requests (POST /api/v1/articles) must carry; "
        "without one, writes are refused.",
    ),
    Setting("private", False, "Require the token for reads too (pages and API); default: reads are open."),
    Setting("max_body", 2_000_000, "Largest request body accepted, in bytes; larger ones get 413."),
    Setting("page_size", 50, "Items per page when a request does not say."),
    Setting("max_page_size", 500, "Largest page a request may ask for."),
    Setting(
        "run_pipeline",
        True,
        "Run the pipeline stages (analysis, clustering, reconciliation) on articles posted to the API.",
    ),
)

MIN_TOKEN_CHARS = 16
"""A shorter token is refused: it would be guessable."""


@dataclass(frozen=True)
class WebOptions:
    """Validated settings of one web app (see :data:`SETTINGS` for what each means)."""

    db: str = DEFAULT_DB
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    private: bool = False
    max_body: int = 2_000_000
    page_size: int = 50
    max_page_size: int = 500
    run_pipeline: bool = True

    def __post_init__(self) -> None:
        if not 0 <= self.port <= 65535:
            raise ConfigError(Errors.G001, name="port", reason=f"{self.port} is not a TCP port")
        if self.token is not None and len(self.token) < MIN_TOKEN_CHARS:
            raise ConfigError(Errors.G001, name="token", reason=f"shorter than {MIN_TOKEN_CHARS} characters")
        if self.private and self.token is None:
            raise ConfigError(Errors.G001, name="private", reason="needs a token (--token or --token-file)")
        if self.max_body < 1024:
            raise ConfigError(Errors.G001, name="max_body", reason="must be at least 1024 bytes")
        if not 1 <= self.page_size <= self.max_page_size:
            raise ConfigError(
                Errors.G001, name="page_size", reason=f"must be between 1 and {self.max_page_size}"
            )

    @property
    def writable(self) -> bool:
        """Whether write endpoints are open at all (a token is configured)."""
        return self.token is not None


def read_token(token: str | None, token_file: str | Path | None) -> str | None:
    """The token given directly or as the first line of a file; both at once is an error."""
    if token is not None and token_file is not None:
        raise ConfigError(Errors.G001, name="token", reason="give --token or --token-file, not both")
    if token_file is None:
        return token.strip() if token is not None else None
    try:
        text = Path(token_file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(Errors.G001, name="token-file", reason=f"cannot read {token_file}: {exc}") from exc
    lines = text.strip().splitlines()
    if not lines or not lines[0].strip():
        raise ConfigError(Errors.G001, name="token-file", reason=f"{token_file} is empty")
    return lines[0].strip()
