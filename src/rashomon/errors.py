"""Rashomon's exceptions and the catalogue of their messages.

Every error the library raises derives from :class:`RashomonError`, with one subclass per pipeline
stage. Each carries a stable ``code`` from :class:`Errors` and, where there is one, the input it is
about (a file, a URL, an article or event id), so batch runs can count failures by reason and the
CLI and web layers can turn them into one-line messages.

    RashomonError
    ├── ConfigError        bad options given at the edge (CLI flags, settings)
    ├── IngestError        an input could not become an article (carries ``source``)
    │   └── FetchError     a URL could not be fetched or was refused
    ├── StoreError         the database could not be opened, migrated or written
    ├── ExtractError       the analysis of one article failed (carries ``article_id``)
    ├── ClusterError       clustering, splitting or merging events failed (carries ``event_id``)
    ├── ReconcileError     a dossier could not be built (carries ``event_id``)
    ├── ExportError        an export format failed
    ├── EvalError          an evaluation dataset is missing or malformed
    └── WebError           a request the web app refuses (carries its HTTP ``status``)
"""

from __future__ import annotations

from enum import StrEnum


class Errors(StrEnum):
    """Stable error codes with their message templates (``str.format`` fields)."""

    # ingest
    I001 = "cannot read {source}: {reason}"
    I002 = "{source} is empty"
    I003 = "{source} looks binary, not text"
    I004 = "{source} is {size} bytes, over the limit of {limit}"
    I005 = "{source} is not valid {encoding}: {reason}"
    I006 = "{source}: line {line} is not valid JSON: {reason}"
    I007 = "{source}: line {line} has no text field (looked for {fields})"
    I008 = "{source} has no extractable main text"
    I009 = "{source} is not a readable RSS or Atom feed: {reason}"
    I010 = "{source}: unsupported input type"
    I011 = "{source} does not exist"
    I012 = "{source}: manifest line {line} is invalid: {reason}"
    I013 = "{source}: {field} {value!r} is not an ISO 8601 date or datetime"
    # fetch
    F001 = "{source}: URL scheme {scheme!r} is not allowed (only http and https)"
    F002 = "{source}: host {host} resolves to a private or loopback address ({address}); use --allow-private"
    F003 = "{source}: fetch failed: {reason}"
    F004 = "{source}: response is over the limit of {limit} bytes"
    F005 = "{source}: too many redirects"
    F006 = "{source}: HTTP status {status}"
    F007 = "{source}: URLs are only fetched with --fetch"
    # store
    S001 = "cannot open the database {path}: {reason}"
    S002 = "the database {path} has schema version {found}, newer than this program's {known}"
    S003 = "no article with id {id!r}"
    S004 = "no event with id {id!r}"
    S005 = "no database at {path}: {reason}"
    # extract
    X001 = "analysis of article {article_id} failed: {reason}"
    X002 = "the spaCy model could not be loaded: {reason}"
    X003 = "{text!r} is not a count"
    X004 = "the Ray engine could not start: {reason}"
    X005 = "the gazetteer cache {path} is unusable: {reason}"
    X006 = "the attribution tagger cannot read this Doc: {reason}"
    # cluster / reconcile / export / eval
    C001 = "cannot {action} event {event_id}: {reason}"
    R001 = "cannot reconcile event {event_id}: {reason}"
    E001 = "unknown export format {format!r}; choose one of {known}"
    E002 = "export failed: {reason}"
    E003 = "cannot write {path}: {reason}"
    V001 = "evaluation data not found: {path}"
    V002 = "unknown evaluation dataset {name!r}; choose one of {known}"
    V003 = "{path}: line {line} is malformed: {reason}"
    V004 = "{path} is not a readable gold file: {reason}"
    G001 = "invalid option {name}: {reason}"
    # web / REST API
    W001 = "invalid request: {reason}"
    W002 = "request body is over the limit of {limit} bytes"
    W003 = "unsupported content type {content_type!r}; send one of {known}"
    W004 = "the body is not valid JSON: {reason}"
    W005 = "this request needs a bearer token (Authorization: Bearer ...)"
    W006 = "the bearer token is not valid"
    W007 = "writes are disabled: start the server with --token or --token-file"
    W008 = "no such page or endpoint: {path}"
    W009 = "method {method} is not allowed on {path}"
    W010 = "internal error: {reason}"

    def format(self, **fields: object) -> str:  # type: ignore[override]
        return f"[{self.name}] " + self.value.format(**fields)


class RashomonError(Exception):
    """Root of every error Rashomon raises on purpose."""

    stage = "rashomon"

    def __init__(self, code: Errors, **fields: object) -> None:
        self.code = code
        self.fields = fields
        super().__init__(code.format(**fields))

    @property
    def reason(self) -> str:
        """The stable code, e.g. ``I003``; batch summaries count failures by it."""
        return self.code.name


class ConfigError(RashomonError):
    stage = "config"


class IngestError(RashomonError):
    stage = "ingest"

    @property
    def source(self) -> str:
        return str(self.fields.get("source", ""))


class FetchError(IngestError):
    stage = "fetch"


class StoreError(RashomonError):
    stage = "store"


class ExtractError(RashomonError):
    stage = "extract"

    @property
    def article_id(self) -> str:
        return str(self.fields.get("article_id", ""))


class ClusterError(RashomonError):
    stage = "cluster"

    @property
    def event_id(self) -> str:
        return str(self.fields.get("event_id", ""))


class ReconcileError(RashomonError):
    stage = "reconcile"


class ExportError(RashomonError):
    stage = "export"


class EvalError(RashomonError):
    stage = "eval"


class WebError(RashomonError):
    """A request the web app refuses; ``status`` is its HTTP status."""

    stage = "web"

    def __init__(self, code: Errors, *, status: int = 400, **fields: object) -> None:
        super().__init__(code, **fields)
        self.status = status
