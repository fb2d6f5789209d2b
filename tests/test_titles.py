"""The title as shown to a reader (:mod:`rashomon.ingest.titles`): the page title without the site's name."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rashomon.cli import main
from rashomon.ingest.titles import is_site_name, names_outlet, outlet_keys, shown_title
from rashomon.reconcile.dossier import build_dossier
from rashomon.store import Store
from test_export import _fill
from test_reconcile import report_a, report_b


@pytest.mark.parametrize(("title", "outlet", "url", "shown"), [
    ("Man shot in Towson | WBAL-TV", None, "https://www.wbaltv.com/article/x", "Man shot in Towson"),
    ("Two killed on South Side - Chicago Tribune", "Chicago Tribune", None, "Two killed on South Side"),
    ("Teen shot near school | News | wcvb.com", None, "http://www.wcvb.com/news/1", "Teen shot near school"),
    ("NEWS: Police seek gunman in bar shooting", None, None, "Police seek gunman in bar shooting"),
    ("Updated - Overnight shooting leaves one dead", None, None, "Overnight shooting leaves one dead"),
    ("CBS 58 - Police: Boy, 4, shot himself", None, "http://www.cbs58.com/story/1", "Police: Boy, 4, shot himself"),
    ("Teen wanted in shooting - wistv.com - Columbia, South Carolina |", None, "http://www.wistv.com/s/1",
     "Teen wanted in shooting"),
    ("Child in critical condition after shooting - LaGrange Daily News", None, "http://lagrangenews.com/x",
     "Child in critical condition after shooting"),
    ("Man charged in killing - KAIT Jonesboro, AR", None, "http://www.region8.com/x", "Man charged in killing"),
    ("Teen shoots self in foot - Tri-State News, Weather & Sports", None, "http://www.14news.com/x",
     "Teen shoots self in foot"),
    ("Two arrested after deadly shooting - Fox 2 News Headlines", None, "http://www.myfoxdetroit.com/x",
     "Two arrested after deadly shooting"),
    ("Raleigh toddler shoots self; father charged :: WRAL.com", None, "https://www.wral.com/x",
     "Raleigh toddler shoots self; father charged"),
])
def test_titles_strip_the_sites_name(title: str, outlet: str | None, url: str | None, shown: str) -> None:
    assert shown_title(title, outlet, url) == shown


@pytest.mark.parametrize(("title", "url"), [
    ("Mass Shooting – Killed – Carlton Lewis (Kansas City, MO)", "https://x.wordpress.com/1"),  # its own dashes
    ("Game with gun costs two teens - one dead, another now prison-bound", "http://www.miamiherald.com/x"),
    ("Drive-by shooting wounds two in Tulsa", "http://www.newson6.com/x"),  # a hyphen inside a word
    ("Police: Quadruple homicide in Waynesville", "http://www.wdrb.com/x"),  # a claimant, not a page label
    ("REGION 3 NEWS RELEASE November 4, 2015 - Louisiana State Police", "https://www.facebook.com/x"),
    ("wcvb.com", "http://www.wcvb.com/"),  # nothing would be left: shown as given
])
def test_titles_keep_a_headline_without_a_sites_name(title: str, url: str) -> None:
    assert shown_title(title, None, url) == title


def test_titles_outlet_keys_and_segments() -> None:
    assert outlet_keys(None, "http://web.archive.org/web/2015/http://www.wcvb.com/news/1") == {"wcvbcom", "wcvb"}
    assert outlet_keys("Chicago Tribune", None) == {"chicagotribune"}
    assert names_outlet("WBAL-TV", set()) and names_outlet("WCVB.com", {"wcvb"})
    assert not names_outlet("Chicago police report", {"chicagotribune"})
    assert is_site_name("Toledo News Now, News, Weather, Sports") and not is_site_name("one dead, two hurt")
    assert shown_title(None) is None and shown_title("  ") == "  "


def test_titles_dossier_and_cli_show_the_title_without_the_site(store: Store) -> None:
    a, b = report_a(), report_b()
    a.article.title = "Militia positions shelled, ministry says - Example News"
    a.article.url = "https://www.examplenews.org/story/1"
    assert build_dossier("ev-x", [a, b])["title"] == "Militia positions shelled, ministry says"
    _fill(store, [a, b])
    stored = store.get_article(a.id)
    assert stored.title == "Militia positions shelled, ministry says - Example News"  # the input, kept as given
    dossier = json.loads(CliRunner().invoke(main, ["dossier", "ev-1", "--db", store.path, "--json"]).output)
    assert dossier.get("event", dossier)["title"] == "Militia positions shelled, ministry says"
    shown = CliRunner().invoke(main, ["show", a.id, "--db", store.path, "--no-color"])
    assert shown.output.splitlines()[1] == "Militia positions shelled, ministry says"
    explained = CliRunner().invoke(main, ["explain", "ev-1", "--db", store.path])
    assert "Militia positions shelled, ministry says\n" in explained.output and "Example News" not in explained.output


def test_titles_web_pages_show_the_title_without_the_site(store: Store, sample_dir: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from rashomon.web.app import create_app
    from rashomon.web.settings import WebOptions
    from test_web_pages import report_section
    from test_web_support import SAMPLE_EVENT, fill_sample, sample_articles

    fill_sample(store, sample_dir)
    article = sample_articles(sample_dir)[0]
    assert article.title
    with store.atomic() as db:
        db.execute("UPDATE articles SET title = ? WHERE id = ?",
                   (article.title + " - Tri-State News, Weather & Sports", article.id))
    with TestClient(create_app(WebOptions(db=store.path))) as client:
        page = client.get(f"/articles/{article.id}", headers={"accept": "text/html"}).text
        dossier = client.get(f"/events/{SAMPLE_EVENT}", headers={"accept": "text/html"}).text
    assert f"<h1>{html.escape(article.title)}</h1>" in page and "Tri-State" not in page.split("<h1>")[1][:300]
    section = report_section(dossier, article.id)
    assert f'<p class="report-title">{html.escape(article.title)}</p>' in section and "Tri-State" not in section
