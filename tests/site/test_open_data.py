"""Feeds, sitemap, robots and the JSON API, parsed with standard parsers (the calendar:
tests/agenda/test_icalendar.py)."""

import feedparser
import pytest

from tests.support.tree import build_open_data_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    return build_open_data_tree()


@pytest.mark.parametrize("suffix", ["", "atom/"])
def test_feed_of_all_products(tree, client, suffix):
    response = client.get(f"/feeds/producten/{suffix}")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert [e.title for e in feed.entries] == [
        "Landelijk werkprogramma",
        "Jongerenwerk in Zuyd",
        "Armoede in de wijk",
    ]


def test_feed_per_werkplaats_and_thema(tree, client):
    feed = feedparser.parse(client.get("/feeds/werkplaats/zuyd/").content)
    assert [e.title for e in feed.entries] == ["Jongerenwerk in Zuyd"]
    feed = feedparser.parse(client.get("/feeds/thema/armoede/atom/").content)
    assert [e.title for e in feed.entries] == ["Armoede in de wijk"]
    assert client.get("/feeds/werkplaats/bestaat-niet/").status_code == 404


def test_sitemap_and_robots(tree, client):
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert b"/werkplaatsen/noord/armoede-in-de-wijk/" in sitemap.content
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert b"Sitemap: http://localhost/sitemap.xml" in robots.content  # SITE_URL


def test_api_filters_products(tree, client):
    data = client.get("/api/v2/producten/", {"werkplaats": "zuyd"}).json()
    assert [item["title"] for item in data["items"]] == ["Jongerenwerk in Zuyd"]
    data = client.get("/api/v2/producten/", {"thema": "armoede", "fields": "thema_slugs"}).json()
    assert [(i["title"], i["thema_slugs"]) for i in data["items"]] == [
        ("Armoede in de wijk", ["armoede"])
    ]
    data = client.get("/api/v2/producten/", {"werkplaats": "associatie"}).json()
    assert [item["title"] for item in data["items"]] == ["Landelijk werkprogramma"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "query",
    [{"werkplaats": "bestaat-niet"}, {"thema": "<script>"}, {"onbekend": "1"}, {"limit": "abc"}],
)
def test_api_rejects_malformed_filters(tree, client, query):
    assert client.get("/api/v2/producten/", query).status_code == 400


def test_api_pages_endpoint(tree, client):
    data = client.get("/api/v2/pages/", {"type": "werkplaatsen.WerkplaatsPage"}).json()
    assert sorted(item["title"] for item in data["items"]) == ["Noord", "Zuyd"]
