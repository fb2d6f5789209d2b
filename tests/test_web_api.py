"""The REST API under /api/v1: every endpoint on a real SQLite store, bad input, the one error shape."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from rashomon.store import Store
from rashomon.web.app import create_app
from rashomon.web.settings import WebOptions
from test_web_support import HOSTILE_EVENT, KARABAKH, SAMPLE_EVENT, fill_sample, fill_synthetic

TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
CONTRACT = Path(__file__).resolve().parents[2] / "shared" / "contract" / "dossier.schema.json"


@pytest.fixture
def sample(store: Store, sample_dir: Path) -> dict[str, Any]:
    return fill_sample(store, sample_dir)


@pytest.fixture
def stage_calls() -> list[str]:
    return []


def make_client(store: Store, stage_calls: list[str], **options: Any) -> TestClient:
    def fake_stage(s: Store) -> dict[str, Any]:
        stage_calls.append(s.path)
        return {"articles": s.article_count()}

    opts = {"db": store.path, "token": TOKEN, "max_body": 64 * 1024, **options}
    return TestClient(create_app(WebOptions(**opts), stages=[("count", fake_stage)]))


@pytest.fixture
def client(store: Store, sample: dict[str, Any], stage_calls: list[str]) -> Iterator[TestClient]:
    with make_client(store, stage_calls) as c:
        yield c


def article_count(store: Store) -> int:
    return int(store.db.execute("SELECT count(*) FROM articles").fetchone()[0])


def assert_error(response: Any, status: int, code: str) -> None:
    """The pinned error shape: exactly {"error": {"code": str, "message": str}}."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


# -- reads -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {SAMPLE_EVENT, HOSTILE_EVENT}),
        ({"contested": "true"}, {SAMPLE_EVENT}),
        ({"type": "Protests"}, {HOSTILE_EVENT}),
        ({"place": "karabakh"}, {SAMPLE_EVENT}),
        ({"place": "GE"}, {HOSTILE_EVENT}),
        ({"actor": "Artsakh"}, {SAMPLE_EVENT}),
        ({"outlet": "RT"}, {SAMPLE_EVENT}),
        ({"since": "2023-01-01"}, {HOSTILE_EVENT}),
        ({"until": "2022-08-03"}, {SAMPLE_EVENT}),
        ({"q": "Grigoryan"}, {SAMPLE_EVENT}),
        ({"q": "protesters Tbilisi"}, {HOSTILE_EVENT}),
        ({"q": "Grigoryan", "type": "Protests"}, set()),
    ],
)
def test_web_api_events_filters(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    body = client.get("/api/v1/events", params=params).json()
    assert {e["id"] for e in body["items"]} == expected
    assert body["total"] == len(expected)


def test_web_api_events_summary_fields(client: TestClient, sample: dict[str, Any]) -> None:
    item = next(e for e in client.get("/api/v1/events").json()["items"] if e["id"] == SAMPLE_EVENT)
    assert item["title"] == "Operation Revenge in Nagorno-Karabakh"
    assert item["location"]["country_code"] == "AZ"
    assert item["articles"] == 2
    assert item["outlets"] == ["RT"]
    assert item["contested"] is True
    assert item["killed_best"] == 3  # 2 on one side + 1 on the other
    assert item["discrepancies"] == 3


def test_web_api_events_pages_newest_first(store: Store, stage_calls: list[str]) -> None:
    fill_synthetic(store, 25)
    with make_client(store, stage_calls) as c:
        pages = [c.get("/api/v1/events", params={"per_page": 10, "page": n}).json() for n in (1, 2, 3)]
    assert [len(p["items"]) for p in pages] == [10, 10, 5]
    assert all(p["total"] == 25 and p["pages"] == 3 for p in pages)
    ids = [e["id"] for p in pages for e in p["items"]]
    assert len(set(ids)) == 25
    dates = [e["date"] for p in pages for e in p["items"]]
    assert dates == sorted(dates, reverse=True)


def test_web_api_dossier_is_the_stored_event_object(client: TestClient, store: Store) -> None:
    stored = json.loads(
        store.db.execute("SELECT data FROM dossiers WHERE event_id = ?", (SAMPLE_EVENT,)).fetchone()[0]
    )
    assert client.get(f"/api/v1/events/{SAMPLE_EVENT}").json() == stored
    articles = client.get(f"/api/v1/events/{SAMPLE_EVENT}/articles").json()
    assert [a["id"] for a in articles] == stored["articles"]
    for c in stored["claims"]:
        text = next(a["text"] for a in articles if a["id"] == c["article"])
        assert text[c["start"] : c["end"]] == c["text"]


def test_web_api_event_without_dossier_is_bare(
    store: Store, sample: dict[str, Any], stage_calls: list[str]
) -> None:
    from test_web_support import add_event

    add_event(store, "ev-bare", [], None)
    with make_client(store, stage_calls) as c:
        body = c.get("/api/v1/events/ev-bare").json()
        listed = {e["id"]: e for e in c.get("/api/v1/events").json()["items"]}
    assert body["id"] == "ev-bare" and body["claims"] == [] and body["location"] is None
    assert listed["ev-bare"]["has_dossier"] is False


@pytest.mark.parametrize(
    "path",
    ["/api/v1/events/nope", "/api/v1/events/nope/articles", "/api/v1/articles/nope", "/api/v1/actors/nobody"],
)
def test_web_api_unknown_ids_are_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert_error(response, 404, {"events": "S004", "articles": "S003", "actors": "W008"}[path.split("/")[3]])


def test_web_api_articles_list_and_get(client: TestClient, sample: dict[str, Any]) -> None:
    listing = client.get("/api/v1/articles", params={"outlet": "RT"}).json()
    assert [a["id"] for a in listing["items"]] == [sample["rt"].id]
    assert "text" not in listing["items"][0]
    assert listing["items"][0]["event_id"] == SAMPLE_EVENT
    one = client.get(f"/api/v1/articles/{sample['other'].id}").json()
    assert one["text"] == sample["other"].text and one["event_id"] == SAMPLE_EVENT
    assert client.get("/api/v1/articles").json()["total"] == 3


def test_web_api_search_snippet_marks_the_words(client: TestClient, sample: dict[str, Any]) -> None:
    body = client.get("/api/v1/search", params={"q": "grigoryan"}).json()
    assert body["total"] == 1
    hit = body["items"][0]
    assert hit["id"] == sample["rt"].id and hit["event_id"] == SAMPLE_EVENT
    assert hit["snippet_marks"]
    assert all(hit["snippet"][s:e] == "Grigoryan" for s, e in hit["snippet_marks"])


@pytest.mark.parametrize("q", ['NEAR(" OR *', "title:x AND", '"unbalanced', "a-b c'd", "^caret"])
def test_web_api_search_operators_are_searched_as_text(client: TestClient, q: str) -> None:
    response = client.get("/api/v1/search", params={"q": q})
    assert response.status_code == 200, response.text
    assert response.json()["total"] == 0


def test_web_api_search_without_words_is_422(client: TestClient) -> None:
    assert_error(client.get("/api/v1/search", params={"q": "*** ()"}), 422, "W001")


def test_web_api_actor_labels_by_outlet(client: TestClient) -> None:
    body = client.get("/api/v1/actors/ART-DA").json()
    assert body["name"] == "Artsakh Defense Army"
    assert body["labels"]["RT"] == {"Nagorno-Karabakh militias": 1, "local militias": 1}
    assert "Armenian irregular forces" in body["labels"]["002_e5a2614a3f3af2ef.txt"]
    assert [e["id"] for e in body["events"]] == [SAMPLE_EVENT]
    assert client.get("/api/v1/actors/Artsakh Defense Army").json()["id"] == "ART-DA"


def test_web_api_map_is_geojson_near_karabakh(client: TestClient) -> None:
    body = client.get("/api/v1/map").json()
    assert body["type"] == "FeatureCollection"
    feature = next(f for f in body["features"] if f["id"] == SAMPLE_EVENT)
    lon, lat = feature["geometry"]["coordinates"]
    assert math.dist((lat, lon), KARABAKH) < 0.5
    assert [f["id"] for f in client.get("/api/v1/map", params={"type": "Protests"}).json()["features"]] == [
        HOSTILE_EVENT
    ]


def test_web_api_timeline_and_facets(client: TestClient) -> None:
    days = client.get("/api/v1/timeline").json()
    assert [(d["day"], d["events"], d["contested"]) for d in days] == [
        ("2022-08-03", 1, 1),
        ("2023-05-01", 1, 0),
    ]
    facets = client.get("/api/v1/facets").json()
    assert "RT" in facets["outlets"] and facets["event_types"] == ["Battles", "Protests"]


def test_web_api_export_json_follows_the_contract(client: TestClient) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    response = client.get("/api/v1/export", params={"format": "json", "event": SAMPLE_EVENT})
    assert response.status_code == 200
    document = json.loads(response.content)
    if CONTRACT.exists():
        jsonschema.validate(document, json.loads(CONTRACT.read_text(encoding="utf-8")))
    assert [e["id"] for e in document["events"]] == [SAMPLE_EVENT]
    assert len(document["articles"]) == 2


def test_web_api_export_csv_and_geojson(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/export", params={"format": "csv"}).text)))
    assert len(rows) == 2
    geo = json.loads(client.get("/api/v1/export", params={"format": "geojson", "contested": "true"}).content)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 1


def test_web_api_export_unknown_format_is_400(client: TestClient) -> None:
    assert_error(client.get("/api/v1/export", params={"format": "xlsx"}), 400, "E001")


def test_web_api_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/events",
        "/api/v1/events/{event_id}",
        "/api/v1/articles",
        "/api/v1/articles/{article_id}",
        "/api/v1/search",
        "/api/v1/export",
        "/api/v1/map",
        "/api/v1/timeline",
        "/api/v1/actors/{actor}",
    ):
        assert path in paths
    assert "post" in paths["/api/v1/articles"]


# -- the error shape, pinned -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "code"),
    [
        ("get", "/api/v1/nothing-here", {}, 404, "W008"),
        ("delete", "/api/v1/events", {}, 405, "W009"),
        ("get", "/api/v1/events", {"params": {"since": "yesterday"}}, 422, "W001"),
        ("get", "/api/v1/events", {"params": {"per_page": "100000"}}, 422, "W001"),
        ("get", "/api/v1/events", {"params": {"page": "0"}}, 422, "W001"),
        ("get", "/api/v1/search", {}, 422, "W001"),
        ("get", "/api/v1/events/nope", {}, 404, "S004"),
        (
            "post",
            "/api/v1/articles",
            {"content": b"x" * 100, "headers": {"content-type": "text/plain"}},
            401,
            "W005",
        ),
        (
            "post",
            "/api/v1/articles",
            {"content": b"{", "headers": {**AUTH, "content-type": "application/json"}},
            400,
            "W004",
        ),
        (
            "post",
            "/api/v1/articles",
            {"content": b"%PDF", "headers": {**AUTH, "content-type": "application/pdf"}},
            415,
            "W003",
        ),
    ],
)
def test_web_api_error_shape_is_pinned(
    client: TestClient, method: str, path: str, kwargs: dict[str, Any], status: int, code: str
) -> None:
    assert_error(client.request(method.upper(), path, **kwargs), status, code)


def test_web_api_internal_error_keeps_the_shape(store: Store, sample: dict[str, Any]) -> None:
    store.db.execute("UPDATE dossiers SET data = 'not json' WHERE event_id = ?", (SAMPLE_EVENT,))
    with TestClient(create_app(WebOptions(db=store.path)), raise_server_exceptions=False) as c:
        assert_error(c.get(f"/api/v1/events/{SAMPLE_EVENT}"), 500, "W010")


# -- writes ----------------------------------------------------------------------------------------
REPORT = (
    "Shelling hits border village\nTwo civilians were killed in shelling of a border village, officials said."
)


def test_web_api_post_text_stores_and_runs_the_stages(
    client: TestClient, store: Store, stage_calls: list[str]
) -> None:
    response = client.post(
        "/api/v1/articles",
        content=REPORT.encode(),
        params={"outlet": "Test Wire", "published_at": "2024-02-01"},
        headers={**AUTH, "content-type": "text/plain"},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    [article] = body["articles"]
    assert article["status"] == "stored" and article["event_id"] is None
    assert body["stages"] == {"count": {"articles": 4}}
    assert stage_calls == [store.path]
    stored = store.get_article(article["id"])
    assert (stored.title, stored.outlet, stored.published_at) == (
        "Shelling hits border village",
        "Test Wire",
        "2024-02-01",
    )
    again = client.post(
        "/api/v1/articles", content=REPORT.encode(), headers={**AUTH, "content-type": "text/plain"}
    )
    assert again.status_code == 200 and again.json()["articles"][0]["status"] == "already_stored"
    assert len(stage_calls) == 1  # nothing new: the pipeline is not run again


def test_web_api_post_json_array_and_html(client: TestClient, store: Store) -> None:
    records = [
        {
            "text": "Protesters marched in Yerevan on Monday.",
            "title": "March",
            "outlet": "A",
            "published_at": "2024-03-04",
        },
        {"body": "Police detained five people in Baku.", "headline": "Detained", "source": "B"},
    ]
    response = client.post("/api/v1/articles", json=records, headers=AUTH)
    assert response.status_code == 201
    ids = [a["id"] for a in response.json()["articles"]]
    assert [store.get_article(i).outlet for i in ids] == ["A", "B"]
    page = (
        "<html><head><title>Blast in Kabul</title></head><body><article><h1>Blast in Kabul</h1>"
        + "<p>An explosion killed three people near a market in Kabul on Friday, police said.</p>" * 5
        + "</article></body></html>"
    )
    response = client.post(
        "/api/v1/articles",
        content=page.encode(),
        params={"url": "https://example.org/a"},
        headers={**AUTH, "content-type": "text/html; charset=utf-8"},
    )
    assert response.status_code == 201, response.text
    stored = store.get_article(response.json()["articles"][0]["id"])
    assert "explosion killed three people" in stored.text and "<p>" not in stored.text
    assert stored.url == "https://example.org/a"


@pytest.mark.parametrize(
    ("body", "content_type", "params", "status", "code"),
    [
        (b"{not json", "application/json", {}, 400, "W004"),
        (b'[{"text": "fine text here"}, {"title": "no text"}]', "application/json", {}, 422, "I007"),
        (b"[]", "application/json", {}, 422, "W001"),
        (b"", "text/plain", {}, 422, "I002"),
        (b"   \n ", "text/plain", {}, 422, "I002"),
        (b"\x00\x01\x02binary\x00", "text/plain", {}, 422, "I003"),
        (b"\xff\xfe\xfa bad utf-8 \xc3", "text/plain; charset=utf-8", {}, 422, "I005"),
        (b"Some text", "text/plain", {"published_at": "last tuesday"}, 422, "I013"),
        (b"Some text", "application/x-www-form-urlencoded", {}, 415, "W003"),
        (b"Some text", "", {}, 415, "W003"),
        (b"x" * (64 * 1024 + 1), "text/plain", {}, 413, "W002"),
        (b"<html><body></body></html>", "text/html", {}, 422, "I008"),
    ],
)
def test_web_api_post_bad_input_stores_nothing(
    client: TestClient,
    store: Store,
    stage_calls: list[str],
    body: bytes,
    content_type: str,
    params: dict[str, str],
    status: int,
    code: str,
) -> None:
    before = article_count(store)
    headers = {**AUTH, "content-type": content_type} if content_type else dict(AUTH)
    assert_error(client.post("/api/v1/articles", content=body, params=params, headers=headers), status, code)
    assert article_count(store) == before
    assert stage_calls == []


def test_web_api_post_streamed_oversized_body_is_413(client: TestClient, store: Store) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(100):
            yield b"y" * 1024

    before = article_count(store)
    response = client.post(
        "/api/v1/articles", content=chunks(), headers={**AUTH, "content-type": "text/plain"}
    )
    assert_error(response, 413, "W002")
    assert article_count(store) == before


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({}, "W005"),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, "W005"),
        ({"Authorization": "Bearer wrong-token-0123456789"}, "W006"),
    ],
)
def test_web_api_post_needs_the_token(
    client: TestClient, store: Store, headers: dict[str, str], code: str
) -> None:
    before = article_count(store)
    response = client.post(
        "/api/v1/articles", content=REPORT.encode(), headers={**headers, "content-type": "text/plain"}
    )
    assert_error(response, 401, code)
    assert response.headers["www-authenticate"] == "Bearer"
    assert article_count(store) == before


def test_web_api_writes_disabled_without_a_token(
    store: Store, sample: dict[str, Any], stage_calls: list[str]
) -> None:
    with make_client(store, stage_calls, token=None) as c:
        assert_error(
            c.post(
                "/api/v1/articles", content=REPORT.encode(), headers={**AUTH, "content-type": "text/plain"}
            ),
            403,
            "W007",
        )
        assert c.get("/api/v1/events").status_code == 200


def test_web_api_private_mode_guards_reads(
    store: Store, sample: dict[str, Any], stage_calls: list[str]
) -> None:
    with make_client(store, stage_calls, private=True) as c:
        assert_error(c.get("/api/v1/events"), 401, "W005")
        assert_error(c.get("/"), 401, "W005")
        assert c.get("/api/v1/events", headers=AUTH).json()["total"] == 2
        assert c.get("/static/app.css").status_code == 200


def test_web_api_security_headers_everywhere(client: TestClient) -> None:
    for path in ("/", "/api/v1/events", "/api/v1/events/nope", "/static/app.css", f"/events/{SAMPLE_EVENT}"):
        headers = client.get(path).headers
        assert headers["content-security-policy"].startswith("default-src 'self'"), path
        assert headers["x-content-type-options"] == "nosniff"


def test_web_api_events_list_sees_new_events(client: TestClient, store: Store) -> None:
    """The kept sorted ids of a listing are dropped as soon as another connection commits."""
    from test_web_support import add_event

    assert client.get("/api/v1/events").json()["total"] == 2
    assert client.get("/api/v1/events").json()["total"] == 2
    add_event(
        store,
        "ev-later",
        [],
        {
            "id": "ev-later",
            "articles": [],
            "date": "2030-01-01",
            "actors": [],
            "casualties": [],
            "claims": [],
            "discrepancies": [],
        },
    )
    body = client.get("/api/v1/events").json()
    assert body["total"] == 3 and body["items"][0]["id"] == "ev-later"
