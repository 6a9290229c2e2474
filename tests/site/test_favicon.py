"""The favicon and the web app manifest: linked from every page, served with a 200."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.support.tree import build_tree

pytestmark = pytest.mark.django_db


def test_favicon_ico_answers_200(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    inhoud = b"".join(response.streaming_content) if response.streaming else response.content
    assert inhoud[:4] == b"\x00\x00\x01\x00"  # an ICO file


def test_every_page_links_icons_and_manifest_that_exist(client):
    tree = build_tree()
    for pagina in (tree["home"], tree["kennisbank"], tree["noord"]):
        html = client.get(pagina.url).content.decode()
        rels = r'<link rel="(icon|apple-touch-icon|manifest)" href="([^"]+)"'
        links = dict(re.findall(rels, html))
        assert set(links) == {"icon", "apple-touch-icon", "manifest"}, pagina
        for rel, href in re.findall(r'<link rel="(icon|apple-touch-icon)" href="([^"]+)"', html):
            assert client.get(href).status_code == 200, (rel, href)
        assert '<meta name="theme-color" content="#0b5c8c">' in html


def test_manifest_names_the_site_and_icons_in_the_house_colours(client):
    response = client.get("/site.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["name"] == "Werkplaatsen Sociaal Domein"
    assert manifest["lang"] == "nl"
    css = Path(finders.find("css/portal.css")).read_text(encoding="utf-8")
    assert f"--wsd-color-primary: {manifest['theme_color']};" in css
    assert {icoon["sizes"] for icoon in manifest["icons"]} >= {"192x192", "512x512"}
    for icoon in manifest["icons"]:
        assert client.get(icoon["src"]).status_code == 200, icoon
