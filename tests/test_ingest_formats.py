"""Each input format, well-formed and malformed, read into a real SQLite store."""

from __future__ import annotations

import codecs
import gzip
import json
from pathlib import Path

import pytest

from rashomon.errors import ConfigError
from rashomon.ingest import IngestOptions, IngestReport, ingest_paths
from rashomon.store import Store

BODY = (
    "Police said two people were wounded on Tuesday night when a gunman opened fire outside a bar "
    "on Main Street. The suspect fled on foot and is still at large, a spokesman told reporters."
)
OTHER = (
    "Three soldiers were killed and four injured when their convoy hit a roadside bomb near the border, "
    "the defence ministry said in a statement on Friday, blaming rebel fighters for the attack."
)


def ingest(store: Store, *paths: Path | str, **options: object) -> IngestReport:
    return ingest_paths(store, list(paths), IngestOptions(**options))  # type: ignore[arg-type]


def inputs(store: Store) -> dict[str, dict[str, object]]:
    return {row["source_name"]: dict(row) for row in store.db.execute("SELECT * FROM inputs")}


def only_article(store: Store) -> dict[str, object]:
    rows = store.db.execute("SELECT * FROM articles").fetchall()
    assert len(rows) == 1
    return dict(rows[0])


def test_ingest_text_file_first_line_is_title(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Gunman wounds two outside bar\n\n" + BODY + "\n", encoding="utf-8")
    report = ingest(store, path)
    assert (report.stored, report.failed) == (1, 0)
    article = only_article(store)
    assert article["title"] == "Gunman wounds two outside bar"
    assert article["source_name"] == "report.txt"
    assert str(article["text"]).startswith("Gunman wounds two outside bar\n\n" + "Police said")
    assert inputs(store)[str(path.resolve())]["status"] == "stored"


def test_ingest_folder_manifest_overrides_metadata(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First line title\n" + BODY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Convoy hit\n" + OTHER, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden\n" + OTHER + " hidden", encoding="utf-8")
    manifest = [
        {"path": "a.txt", "outlet": "Daily Planet", "published_at": "2021-03-04", "language": "en",
         "title": "Manifest title", "url": "https://planet.example/a"},
        {"path": "missing.txt", "outlet": "Nowhere"},
    ]
    (tmp_path / "manifest.jsonl").write_text("\n".join(json.dumps(m) for m in manifest) + "\n{oops\n")
    report = ingest(store, tmp_path)
    assert report.stored == 2
    assert dict(report.failed_by_code) == {"I011": 1, "I012": 1}
    rows = {r["source_name"]: dict(r) for r in store.db.execute("SELECT * FROM articles")}
    assert set(rows) == {"a.txt", "sub/b.txt"}
    assert rows["a.txt"]["outlet"] == "Daily Planet"
    assert rows["a.txt"]["title"] == "Manifest title"
    assert rows["a.txt"]["published_at"] == "2021-03-04"
    assert rows["a.txt"]["url"] == "https://planet.example/a"
    assert rows["sub/b.txt"]["title"] == "Convoy hit"
    assert rows["sub/b.txt"]["outlet"] is None


def test_ingest_sample_folder_uses_manifest(store: Store, sample_dir: Path) -> None:
    report = ingest(store, sample_dir)
    assert (report.stored, report.failed) == (2, 0)
    rows = {r["source_name"]: dict(r) for r in store.db.execute("SELECT * FROM articles")}
    assert rows["000_980c98a741181df3.txt"]["outlet"] == "RT"
    assert rows["002_e5a2614a3f3af2ef.txt"]["published_at"] == "2022-08-03"


def test_ingest_jsonl_field_names_and_bad_lines(store: Store, tmp_path: Path) -> None:
    lines = [
        json.dumps({"doc_id": "gva-1", "title": "Shooting", "text": BODY, "dct": "2014-01-28",
                    "url": "http://example.com/1"}),
        json.dumps({"id": 7, "body": OTHER, "source": {"name": "Wire"},
                    "date": "Fri, 05 Mar 2021 10:00:00 GMT"}),
        "",
        "{not json",
        json.dumps({"id": "no-text", "title": "Empty"}),
        json.dumps(["a", "list"]),
        json.dumps({"content": BODY + " Updated.", "published_at": "last Tuesday"}),
        json.dumps({"content": "too short"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest(store, path)
    assert report.stored == 2
    assert dict(report.failed_by_code) == {"I006": 2, "I007": 1, "I013": 1, "I008": 1}
    rows = {r["source_name"]: dict(r) for r in store.db.execute("SELECT * FROM articles")}
    assert rows["gva-1"]["published_at"] == "2014-01-28"
    assert rows["gva-1"]["url"] == "http://example.com/1"
    assert rows["7"]["outlet"] == "Wire"
    assert rows["7"]["published_at"] == "2021-03-05T10:00:00+00:00"
    failed = inputs(store)[f"{path.resolve()}:4"]
    assert failed["code"] == "I006" and "line 4" in str(failed["message"])


def test_ingest_jsonl_gzip_and_json_array(store: Store, tmp_path: Path) -> None:
    gz = tmp_path / "docs.jsonl.gz"
    gz.write_bytes(gzip.compress((json.dumps({"id": "g1", "text": BODY}) + "\n").encode()))
    array = tmp_path / "docs.json"
    array.write_text(json.dumps([{"id": "a1", "text": OTHER}, {"id": "a2"}]), encoding="utf-8")
    report = ingest(store, gz, array)
    assert report.stored == 2
    assert dict(report.failed_by_code) == {"I007": 1}
    names = {r[0] for r in store.db.execute("SELECT source_name FROM articles")}
    assert names == {"g1", "a1"}


def test_ingest_html_main_text_and_metadata(store: Store, tmp_path: Path) -> None:
    html = f"""<!DOCTYPE html><html lang="en"><head><title>Shots fired | Daily Planet</title>
    <meta property="og:site_name" content="Daily Planet"><meta name="date" content="2021-03-04">
    <link rel="canonical" href="https://planet.example/shots"></head><body>
    <nav><a href="/">Home</a> | <a href="/news">News</a> | Subscribe now</nav>
    <article><h1>Shots fired downtown</h1><p>{BODY}</p><p>{OTHER}</p></article>
    <footer>Copyright Daily Planet. All rights reserved.</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    report = ingest(store, path)
    assert report.stored == 1, report.failures
    article = only_article(store)
    assert "gunman opened fire" in str(article["text"])
    assert "Subscribe now" not in str(article["text"])
    assert "All rights reserved" not in str(article["text"])
    assert article["outlet"] == "Daily Planet"
    assert article["published_at"] == "2021-03-04"
    assert article["url"] == "https://planet.example/shots"


def test_ingest_html_without_main_text_fails(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    report = ingest(store, path)
    assert dict(report.failed_by_code) == {"I008": 1}


RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Border Wire</title><link>https://wire.example</link><language>en</language>
<item><title>Convoy attacked</title><link>https://wire.example/convoy</link>
<pubDate>Fri, 05 Mar 2021 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{OTHER}</p><p>Officials gave no further details.</p>]]></content:encoded></item>
<item><title>Bar shooting</title><link>https://wire.example/bar</link>
<description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
<item><title>No text</title><link>https://wire.example/empty</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><id>urn:atom-news</id>
<updated>2021-03-06T00:00:00Z</updated>
<entry><title>Bar shooting</title><id>urn:bar</id><link href="https://atom.example/bar"/>
<updated>2021-03-06T08:30:00Z</updated><content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry>
</feed>"""


def test_ingest_rss_entries_become_articles(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    report = ingest(store, path)
    assert report.stored == 2
    assert dict(report.failed_by_code) == {"I008": 1}
    rows = {r["url"]: dict(r) for r in store.db.execute("SELECT * FROM articles")}
    convoy = rows["https://wire.example/convoy"]
    assert convoy["outlet"] == "Border Wire"
    assert convoy["title"] == "Convoy attacked"
    assert convoy["published_at"] == "2021-03-05T10:00:00+00:00"
    assert str(convoy["text"]).endswith("Officials gave no further details.")
    assert "\n\n" in str(convoy["text"])
    assert "<p>" not in str(rows["https://wire.example/bar"]["text"])


def test_ingest_atom_sniffed_without_extension(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "atomfeed"
    path.write_text(ATOM, encoding="utf-8")
    report = ingest(store, path)
    assert report.stored == 1
    article = only_article(store)
    assert (article["outlet"], article["url"]) == ("Atom News", "https://atom.example/bar")
    assert article["published_at"] == "2021-03-06T08:30:00+00:00"


def test_ingest_broken_feed_fails_whole(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title', encoding="utf-8")
    report = ingest(store, path)
    assert dict(report.failed_by_code) == {"I009": 1}


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "I002"),
        ("blank.txt", b"  \n\t\n", "I002"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "I003"),
        ("latin1.txt", ("Caf\u00e9 attack\n" + BODY).encode("latin-1"), "I005"),
        ("short.txt", b"Too short to be a report.", "I008"),
        ("table.csv", b"a,b\n1,2\n", "I010"),
        ("bad.gz", b"\x1f\x8bnot really gzip at all", "I001"),
    ],
)
def test_ingest_malformed_file_fails_with_code(store: Store, tmp_path: Path, name: str, content: bytes,
                                               code: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Title\n" + BODY, encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(content)
    report = ingest(store, bad, good)
    assert report.stored == 1
    assert dict(report.failed_by_code) == {code: 1}
    row = inputs(store)[str(bad.resolve())]
    assert (row["status"], row["code"]) == ("failed", code)
    assert name in str(row["message"])


def test_ingest_oversized_file_fails_i004(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Title\n" + BODY * 20, encoding="utf-8")
    report = ingest(store, path, max_bytes=500)
    assert dict(report.failed_by_code) == {"I004": 1}
    assert "over the limit of 500" in report.failures[0]["message"]


def test_ingest_gzip_bomb_is_oversized(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 100_000))
    report = ingest(store, path, max_bytes=10_000)
    assert dict(report.failed_by_code) == {"I004": 1}


@pytest.mark.parametrize("bom", ["utf-8-sig", "utf-16-le", "utf-16-be"])
def test_ingest_byte_order_marks_decode(store: Store, tmp_path: Path, bom: str) -> None:
    mark = {"utf-8-sig": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[bom]
    path = tmp_path / "bom.txt"
    path.write_bytes(mark + ("Title \u2013 dash\n" + BODY).encode(bom))
    report = ingest(store, path)
    assert report.stored == 1, report.failures
    article = only_article(store)
    assert article["title"] == "Title \u2013 dash"
    assert "\ufeff" not in str(article["text"])


def test_ingest_url_list_without_fetch_is_refused_per_url(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text("# news to read\nhttps://example.com/a\n\nhttps://example.com/b\n", encoding="utf-8")
    report = ingest(store, path)
    assert dict(report.failed_by_code) == {"F007": 2}
    assert set(inputs(store)) == {"https://example.com/a", "https://example.com/b"}


def test_ingest_missing_path_fails_i011(store: Store, tmp_path: Path) -> None:
    report = ingest(store, tmp_path / "nope.txt")
    assert dict(report.failed_by_code) == {"I011": 1}


def test_ingest_failure_never_removes_stored_article(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Title\n" + BODY, encoding="utf-8")
    ingest(store, path)
    path.write_bytes(b"")
    report = ingest(store, path)
    assert dict(report.failed_by_code) == {"I002": 1}
    assert store.article_count() == 1
    assert inputs(store)[str(path.resolve())]["status"] == "failed"


@pytest.mark.parametrize(("name", "value"), [("max_bytes", 0), ("timeout", -1.0),
                                             ("near_duplicate_threshold", 1.5), ("min_chars", -1)])
def test_ingest_options_out_of_range_raise_config_error(name: str, value: object) -> None:
    with pytest.raises(ConfigError) as info:
        IngestOptions(**{name: value})  # type: ignore[arg-type]
    assert info.value.reason == "G001" and name in str(info.value)


def test_ingest_folder_skips_the_store_files(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "report.txt").write_text("Title\n" + BODY, encoding="utf-8")
    with Store(folder / "inside.db") as store:
        report = ingest_paths(store, [folder], IngestOptions(), progress=True)
        assert (report.stored, report.failed) == (1, 0)
        assert (folder / "inside.db-wal").exists() or (folder / "inside.db").exists()


def test_ingest_jsonl_long_and_misencoded_lines_fail_alone(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "long", "text": BODY * 30}).encode(),
        json.dumps({"id": "latin", "text": "Caf\u00e9 " + BODY}).encode().replace(b"\\u00e9", b"\xe9"),
        json.dumps({"id": "good", "text": OTHER}).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    report = ingest(store, path, max_bytes=2000)
    assert report.stored == 1
    assert dict(report.failed_by_code) == {"I004": 1, "I005": 1}
    assert [r[0] for r in store.db.execute("SELECT source_name FROM articles")] == ["good"]
    assert inputs(store)[f"{path.resolve()}:2"]["code"] == "I005"
