"""The HTML pages (server-rendered) and the dossier page's model: marks, derived sentences, escaping."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from rashomon.store import Store
from rashomon.web.app import create_app
from rashomon.web.dossier_view import build_view, derived_spans, explicit_spans
from rashomon.web.highlight import Mark, segment, sentence_around
from rashomon.web.settings import SETTINGS, WebOptions, read_token
from test_web_support import HOSTILE_EVENT, SAMPLE_EVENT, fill_sample, sample_articles, sample_dossier

HTML = {"accept": "text/html"}


@pytest.fixture
def sample(store: Store, sample_dir: Path) -> dict[str, Any]:
    return fill_sample(store, sample_dir)


@pytest.fixture
def client(store: Store, sample: dict[str, Any]) -> Iterator[TestClient]:
    with TestClient(create_app(WebOptions(db=store.path))) as c:
        yield c


def report_section(page: str, article_id: str) -> str:
    match = re.search(rf'<section class="report" data-article="{article_id}">(.*?)</section>', page, re.S)
    assert match, f"no report section for {article_id}"
    return match.group(1)


# -- highlight and the dossier model ---------------------------------------------------------------
def test_highlight_segment_overlapping_marks() -> None:
    text = "Alpha beta gamma delta."
    segments = segment(
        text, [Mark(0, 10, "c0", "claim"), Mark(6, 16, "d0"), Mark(50, 60, "x"), Mark(3, 3, "e")]
    )
    assert "".join(s.text for s in segments) == text
    assert [(s.text, s.tags) for s in segments] == [
        ("Alpha ", ["c0"]),
        ("beta", ["c0", "d0"]),
        (" gamma", ["d0"]),
        (" delta.", []),
    ]
    assert segments[1].classes == "claim"


def test_highlight_sentence_around() -> None:
    text = "First one. Second has Lachin here. Third.\nNew line."
    start = text.index("Lachin")
    assert text[slice(*sentence_around(text, start, start + 6))] == "Second has Lachin here."


def test_dossier_view_explicit_spans_shapes() -> None:
    assert explicit_spans({"spans": [{"article": "a", "start": 1, "end": 4}, {"article": "a"}]}) == [
        ("a", 1, 4)
    ]
    assert explicit_spans({"sentences": {"b": [[0, 5], [7, 9], "bad"]}}) == [("b", 0, 5), ("b", 7, 9)]
    assert explicit_spans({"summary": "no offsets"}) == []


def test_dossier_view_derives_sentences_of_a_quoted_omission(sample_dir: Path) -> None:
    rt, other = sample_articles(sample_dir)
    texts = {rt.id: rt.text, other.id: other.text}
    spans = derived_spans("Only RT mentions the 'Lachin Corridor'.", [rt.id], [], texts)
    assert spans and all(a == rt.id and "Lachin Corridor" in rt.text[s:e] for a, s, e in spans)
    assert derived_spans("Only RT mentions the 'Lachin Corridor'.", [other.id], [], texts) == []


def test_dossier_view_links_claims_to_facts_and_colours_claimants(sample_dir: Path) -> None:
    rt, other = sample_articles(sample_dir)
    dossier = sample_dossier(rt, other)
    view = build_view(dossier, [rt.to_dict(), other.to_dict()])
    killed_two = view.facts[0]
    assert len(killed_two.claims) == 2
    claims = {c.id: c for c in view.claims}
    assert {claims[c].article for c in killed_two.claims} == {rt.id, other.id}
    assert all(killed_two.id in claims[c].facts for c in killed_two.claims)
    assert len(view.claims) == 5  # four claims + the 'dozens' claim known only from the casualty row
    assert len(set(view.claimants.values())) == len(view.claimants)
    omission = view.discrepancies[2]
    assert omission.kind == "omission" and omission.spans  # derived from the quoted phrase
    for report in view.reports:
        assert "".join(s.text for s in report.segments) == report.article["text"]


# -- pages -----------------------------------------------------------------------------------------
def test_web_pages_events_list_links_the_dossier(client: TestClient) -> None:
    page = client.get("/").text
    assert f'href="/events/{SAMPLE_EVENT}"' in page
    assert "Operation Revenge in Nagorno-Karabakh" in page
    assert 'class="badge contested"' in page
    filtered = client.get("/", params={"type": "Protests"}).text
    assert SAMPLE_EVENT not in filtered and HOSTILE_EVENT in filtered


def test_web_pages_dossier_marks_discrepancies_in_both_reports(
    client: TestClient, sample: dict[str, Any]
) -> None:
    page = client.get(f"/events/{SAMPLE_EVENT}").text
    assert page.count('class="discrepancy ') == 3
    for article in (sample["rt"], sample["other"]):
        section = report_section(page, article.id)
        assert re.search(r'data-m="[^"]*\bd0\b', section), "attribution conflict not marked"
        assert re.search(r'data-m="[^"]*\bd1\b', section), "framing labels not marked"
    assert re.search(r'data-m="[^"]*\bd2\b', report_section(page, sample["rt"].id))
    assert 'class="claimant k' in page
    assert '<td class="num best">2</td>' in page and '<td class="num best">1</td>' in page
    assert "/static/dossier.js" in page


def test_web_pages_escape_everything_from_articles(client: TestClient, sample: dict[str, Any]) -> None:
    for path in (
        f"/events/{HOSTILE_EVENT}",
        "/",
        f"/articles/{sample['hostile'].id}",
        "/search?q=protesters",
        "/actors/<x>",
        "/timeline",
    ):
        page = client.get(path).text
        assert "<script>" not in page.replace('<script src="/static/', ""), path
        assert "<img src=x" not in page and "<b>three</b>" not in page, path
    page = client.get(f"/events/{HOSTILE_EVENT}").text
    assert "&lt;script&gt;document.title" in page
    assert "javascript:" not in page


def test_web_pages_map_timeline_actor_search_article(client: TestClient, sample: dict[str, Any]) -> None:
    map_page = client.get("/map", params={"type": "Battles"}).text
    assert 'data-events="/api/v1/map?type=Battles"' in map_page
    assert "/static/vendor/leaflet/leaflet.js" in map_page
    timeline = client.get("/timeline").text
    assert timeline.count('<rect class="bar"') == 2
    actor = client.get("/actors/ART-DA").text
    assert "local militias" in actor and "Armenian irregular forces" in actor
    search = client.get("/search", params={"q": "Lachin"}).text
    assert "<mark>Lachin</mark>" in search and f"/events/{SAMPLE_EVENT}" in search
    article = client.get(f"/articles/{sample['rt'].id}").text
    assert "Armen Grigoryan" in article and f'href="/events/{SAMPLE_EVENT}"' in article


def test_web_pages_api_docs_list_the_endpoints(client: TestClient) -> None:
    page = client.get("/api/docs").text
    assert "<code>/api/v1/events</code>" in page and "<code>/api/v1/articles</code>" in page
    assert "cdn" not in page.lower()


def test_web_pages_errors_for_browsers_are_html(client: TestClient) -> None:
    response = client.get("/events/nope", headers=HTML)
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "S004" in response.text
    assert client.get("/events/nope").json()["error"]["code"] == "S004"


def test_web_pages_reference_only_own_origin(client: TestClient) -> None:
    for path in ("/", f"/events/{SAMPLE_EVENT}", "/map", "/timeline", "/search?q=x", "/api/docs"):
        page = client.get(path).text
        for url in re.findall(r'(?:src|href)="([^"]+)"', page):
            assert url.startswith(("/", "#")), (path, url)


@pytest.mark.parametrize(
    "name",
    [
        "leaflet/leaflet.js",
        "leaflet/leaflet.css",
        "leaflet/LICENSE",
        "topojson-client/topojson-client.min.js",
        "world-atlas/countries-50m.json",
        "leaflet/images/marker-icon.png",
    ],
)
def test_web_pages_vendored_assets_are_served(client: TestClient, name: str) -> None:
    assert client.get(f"/static/vendor/{name}").status_code == 200


# -- settings --------------------------------------------------------------------------------------
def test_web_settings_declared_once() -> None:
    from dataclasses import fields

    assert {s.name: s.default for s in SETTINGS} == {f.name: f.default for f in fields(WebOptions)}


@pytest.mark.parametrize(
    "options", [{"port": 70000}, {"token": "short"}, {"private": True}, {"max_body": 10}, {"page_size": 0}]
)
def test_web_settings_refuse_bad_options(options: dict[str, Any]) -> None:
    from rashomon.errors import ConfigError

    with pytest.raises(ConfigError):
        WebOptions(**options)


def test_web_settings_token_file(tmp_path: Path) -> None:
    from rashomon.errors import ConfigError

    path = tmp_path / "token"
    path.write_text("  secret-token-0123456789\nignored\n", encoding="utf-8")
    assert read_token(None, path) == "secret-token-0123456789"
    with pytest.raises(ConfigError):
        read_token("x", path)
    (tmp_path / "empty").write_text("\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        read_token(None, tmp_path / "empty")
