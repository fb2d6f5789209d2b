"""``rashomon serve``: options derived from the settings, a real server in a subprocess, docs kept in step."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("fastapi")

import httpx

from rashomon.cli import main
from rashomon.web.server import free_port
from rashomon.web.settings import SETTINGS

DOCS = Path(__file__).resolve().parent.parent / "docs" / "web.md"


def test_web_cli_serve_options_come_from_the_settings() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for setting in SETTINGS:
        assert setting.flag in result.output, setting.name
    assert "--token-file" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--token", "short"], "[G001] invalid option token"),
        (["--private"], "[G001] invalid option private"),
        (["--port", "99999"], "[G001] invalid option port"),
    ],
)
def test_web_cli_serve_refuses_bad_options(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.db"), *args])
    assert result.exit_code == 1
    assert message in result.output


@pytest.mark.slow
def test_web_cli_serve_answers_on_localhost(tmp_path: Path) -> None:
    port = free_port()
    token = tmp_path / "token"
    token.write_text("a-token-of-enough-length\n", encoding="utf-8")
    command = [
        sys.executable,
        "-c",
        "from rashomon.cli import main; main()",
        "serve",
        "--db",
        str(tmp_path / "served.db"),
        "--port",
        str(port),
        "--token-file",
        str(token),
        "--no-run-pipeline",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                response = httpx.get(base + "/api/v1/events", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not answer: " + process.stderr.read1().decode())  # type: ignore[union-attr]
        assert response.json()["total"] == 0
        posted = httpx.post(
            base + "/api/v1/articles",
            content=b"Title\nTwo people were hurt in a blast.",
            headers={"content-type": "text/plain", "authorization": "Bearer a-token-of-enough-length"},
        )
        assert posted.status_code == 201
        assert httpx.get(base + "/api/v1/articles").json()["total"] == 1
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_web_docs_name_every_setting_and_endpoint() -> None:
    pytest.importorskip("jinja2")
    from rashomon.web.app import create_app
    from rashomon.web.settings import WebOptions

    docs = DOCS.read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.flag}" in docs, setting.flag
    app = create_app(WebOptions(db=":memory:"))
    for path, operations in app.openapi()["paths"].items():
        for method in operations:
            assert f"`{method.upper()} {path}`" in docs, (method, path)
    codes = set(re.findall(r"`([A-Z]\d{3})`", docs))
    from rashomon.errors import Errors

    assert codes <= {e.name for e in Errors}
