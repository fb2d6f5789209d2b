"""The pages in a real browser: Debian chromium driven by playwright, the app served by uvicorn in a thread.

Two stores are served: the sample with a hand-built dossier (fixed offsets, known place) and, in the
slow test, the sample run through the real pipeline (``rashomon run``). Every page is checked to make
no request outside the app's origin and to log no error (a CSP violation would log one). Screenshots
of the dossier page and the map go to ``test-artifacts/``.
"""

from __future__ import annotations

import math
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
playwright_api = pytest.importorskip("playwright.sync_api")

from rashomon.store import Store  # noqa: E402
from rashomon.web.app import create_app  # noqa: E402
from rashomon.web.server import BackgroundServer  # noqa: E402
from rashomon.web.settings import WebOptions  # noqa: E402
from test_web_support import KARABAKH, SAMPLE_EVENT, fill_sample  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
TOKEN = "browser-test-token-0123456789"


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (make browser-deps installs it)")
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hand-built sample store, served on a free port of 127.0.0.1."""
    path = tmp_path_factory.mktemp("web") / "sample.db"
    with Store(path) as store:
        fill_sample(store, Path(__file__).resolve().parent.parent / "samples" / "operation-revenge")
    with BackgroundServer(create_app(WebOptions(db=str(path)))) as server:
        yield server.url


class Watched:
    """A page plus every request it made and every error it logged."""

    def __init__(self, page: Any, origin: str) -> None:
        self.page = page
        self.origin = origin
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on(
            "response", lambda r: self.errors.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None
        )

    def check_clean(self) -> None:
        foreign = [u for u in self.requests if not u.startswith(self.origin + "/")]
        assert not foreign, f"requests outside the app: {foreign}"
        assert not self.errors, f"errors in the browser console: {self.errors}"


def open_page(browser: Any, origin: str) -> Watched:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    return Watched(context.new_page(), origin)


def highlighted_in(page: Any, article_id: str) -> list[str]:
    return list(page.locator(f'.report[data-article="{article_id}"] .hl').all_inner_texts())


def test_web_browser_events_to_dossier_to_discrepancy(browser: Any, site: str) -> None:
    w = open_page(browser, site)
    page = w.page
    page.goto(site + "/")
    page.get_by_role("link", name="Operation Revenge in Nagorno-Karabakh").click()
    page.wait_for_url(f"**/events/{SAMPLE_EVENT}")
    reports = page.locator(".report")
    assert reports.count() == 2
    rt_id, other_id = (reports.nth(i).get_attribute("data-article") for i in range(2))
    assert page.locator(".hl").count() == 0
    page.locator("button.discrepancy.kind-attribution_conflict").click()
    rt_marked, other_marked = highlighted_in(page, rt_id), highlighted_in(page, other_id)
    assert any("Armenian Ministry of Defense" in t for t in rt_marked), rt_marked
    assert any("Artsakh Defense Army" in t for t in other_marked), other_marked
    assert page.locator("button.discrepancy.active").count() == 1
    page.locator("button.discrepancy.kind-framing").click()  # another one replaces the highlight
    assert "".join(highlighted_in(page, rt_id)) == "local militias"
    assert "".join(highlighted_in(page, other_id)) == "Armenian irregular forces"
    page.locator("tr.fact").first.click()  # a casualty row lights up the claims supporting it
    assert highlighted_in(page, rt_id) and highlighted_in(page, other_id)
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("button.discrepancy.kind-attribution_conflict").click()
    page.screenshot(path=str(ARTIFACTS / "dossier.png"), full_page=True)
    w.check_clean()


def test_web_browser_search(browser: Any, site: str) -> None:
    w = open_page(browser, site)
    page = w.page
    page.goto(site + "/")
    page.locator("header.site input[name=q]").fill("Lachin corridor")
    page.locator("header.site input[name=q]").press("Enter")
    page.wait_for_url("**/search?q=Lachin+corridor")
    assert page.locator("ol.hits li").count() == 1
    assert page.locator("ol.hits mark").first.inner_text().lower() in ("lachin", "corridor")
    page.locator("ol.hits a.hit-title").click()
    page.wait_for_url(f"**/events/{SAMPLE_EVENT}")
    w.check_clean()


def test_web_browser_map_marker_near_karabakh(browser: Any, site: str) -> None:
    w = open_page(browser, site)
    page = w.page
    page.goto(site + "/map")
    page.wait_for_selector("#map[data-ready='1']", timeout=20_000)
    markers = page.evaluate("window.rashomonMap.markers")
    sample = next(m for m in markers if m["id"] == SAMPLE_EVENT)
    assert km((sample["lat"], sample["lon"]), KARABAKH) < 120
    assert page.locator("path.leaflet-interactive.event-marker").count() == len(markers) == 2
    box = page.locator("#map").bounding_box()
    point = page.evaluate(
        "(ll) => { const p = window.rashomonMap.map.latLngToContainerPoint(ll); return [p.x, p.y]; }",
        [sample["lat"], sample["lon"]],
    )
    assert 0 <= point[0] <= box["width"] and 0 <= point[1] <= box["height"], "marker outside the visible map"
    assert page.locator("path.leaflet-interactive").count() == 2  # countries are not interactive
    assert page.locator(".leaflet-countries-pane path").count() > 100  # the country outlines are drawn
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map.png"))
    page.locator("path.event-marker").first.click()
    assert page.locator(".leaflet-popup-content a").count() == 1
    w.check_clean()


def test_web_browser_timeline_and_actor(browser: Any, site: str) -> None:
    w = open_page(browser, site)
    page = w.page
    page.goto(site + "/timeline")
    assert page.locator("svg rect.bar:not(.contested)").count() == 2
    page.goto(site + f"/events/{SAMPLE_EVENT}")
    page.get_by_role("link", name="Artsakh Defense Army").click()
    assert page.locator("table.labels").inner_text().count("militias") == 2
    w.check_clean()


@pytest.fixture(scope="module")
def pipeline_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample run through the real pipeline (ingest, analyze, cluster, reconcile), served."""
    from rashomon.ingest import IngestOptions
    from rashomon.pipeline import STAGES, run_pipeline

    if {name for name, _ in STAGES} < {"analyze", "cluster", "reconcile"}:
        pytest.skip(f"the pipeline is incomplete: {STAGES}")
    path = tmp_path_factory.mktemp("web-pipeline") / "run.db"
    with Store(path) as store:
        report = run_pipeline(
            store, [Path(__file__).resolve().parent.parent / "samples" / "operation-revenge"], IngestOptions()
        )
        assert report.ok
    with BackgroundServer(create_app(WebOptions(db=str(path), token=TOKEN))) as server:
        yield server.url


def test_web_browser_real_pipeline_dossier(browser: Any, pipeline_site: str) -> None:
    w = open_page(browser, pipeline_site)
    page = w.page
    page.goto(pipeline_site + "/")
    links = page.locator("a.event-link")
    assert links.count() == 1, "the two sample reports should form one event"
    links.first.click()
    page.wait_for_selector(".report")
    ids = [page.locator(".report").nth(i).get_attribute("data-article") for i in range(2)]
    buttons = page.locator("button.discrepancy.kind-attribution_conflict")
    assert buttons.count() >= 1
    buttons.first.click()
    assert all(highlighted_in(page, a) for a in ids), "the attribution conflict is not marked in both reports"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dossier-pipeline.png"), full_page=True)
    event = page.evaluate("fetch('/api/v1/events/' + location.pathname.split('/').pop()).then(r => r.json())")
    page.goto(pipeline_site + "/map")
    page.wait_for_selector("#map[data-ready='1']", timeout=20_000)
    [marker] = page.evaluate("window.rashomonMap.markers")
    assert (marker["lat"], marker["lon"]) == (event["location"]["lat"], event["location"]["lon"])
    assert km((marker["lat"], marker["lon"]), KARABAKH) < 120, f"placed at {event['location']}"
    page.screenshot(path=str(ARTIFACTS / "map-pipeline.png"))
    w.check_clean()


def test_web_api_post_runs_the_real_pipeline(pipeline_site: str) -> None:
    """A posted report of the same event is analysed, clustered into it and reconciled into its dossier.

    Runs last in this module: it adds a third report to the event the tests above look at.
    """
    import httpx

    [event] = httpx.get(pipeline_site + "/api/v1/events").json()["items"]
    text = (
        "Azerbaijan says it launched Operation Revenge in Nagorno-Karabakh\n"
        "Azerbaijan's defense ministry said on Wednesday that its forces had launched an operation called "
        "'Revenge' in Nagorno-Karabakh after one Azerbaijani soldier was killed. "
        "The Artsakh Defense Army said two of its servicemen were killed and 14 wounded."
    )
    response = httpx.post(
        pipeline_site + "/api/v1/articles",
        content=text.encode(),
        timeout=300,
        params={"outlet": "Test Wire", "published_at": "2022-08-03"},
        headers={"content-type": "text/plain", "authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert set(body["stages"]) == {"analyze", "cluster", "reconcile"}
    assert all("error" not in summary for summary in body["stages"].values()), body["stages"]
    [article] = body["articles"]
    assert article["event_id"] == event["id"], "the new report was not clustered with the sample's event"
    dossier = httpx.get(f"{pipeline_site}/api/v1/events/{event['id']}").json()
    assert article["id"] in dossier["articles"]
