"""Feeds, searches, the sitemap, OAI-PMH and the API listings never show hidden content.

The content is the leak scanner's (tests/support/verborgen.py): every project page type in
every state that is not public, linked from public pages, and a public counterpart of each
type marked the same way. Every answer must hold no hidden marker, and the public counterparts
must be there, so the checks cannot pass on an empty answer. The feed URLs are read from the
URLconf (every pattern served by kennisbank/feeds.py or agenda/ical.py), their parameters
filled with every page's slug, and the parameterless ones also asked with every filter option.
"""

import re
import urllib.parse

import pytest
from django.http import QueryDict
from django.test import Client
from wagtail.models import Page

from agenda.filters import Agendafilter
from agenda.models import EvenementPage, EvenementSoort
from kennisbank.facetten import Kennisbankfilter
from kennisbank.models import ProductPage
from tests.support.feeds import feed_patronen
from tests.support.verborgen import MARKER

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


def kennisbank_querystrings(extra_q):
    facetten = Kennisbankfilter(QueryDict()).facetten()
    qs = [urllib.parse.urlencode({f.naam: o.waarde}) for f in facetten for o in f.opties]
    return qs + [urllib.parse.urlencode({"q": q}) for q in extra_q]


def agenda_querystrings():
    filter_ = Agendafilter(QueryDict(), EvenementSoort.choices)
    return [urllib.parse.urlencode({k.naam: w}) for k in filter_.lijsten for w, _l in k.opties]


def feed_urls(inhoud):
    """{route: [urls]} for every feed pattern, slugs of all pages (public and hidden) filled
    in, and the parameterless ones with every filter option of their selection."""
    slugs = sorted(set(Page.objects.filter(depth__gt=1).values_list("slug", flat=True)))
    zoektermen = sorted(inhoud.markers)[:5] + sorted(inhoud.tegenhangers)
    urls = {}
    for route, module in feed_patronen():
        params = PARAMETER.findall(route)
        assert params in ([], ["slug"]), f"{route}: onbekende parameters {params}"
        if params:
            urls[route] = [PARAMETER.sub(slug, route) for slug in slugs]
            continue
        extra = (
            agenda_querystrings()
            if module == "agenda.ical"
            else kennisbank_querystrings(zoektermen)
        )
        urls[route] = [route] + [f"{route}?{qs}" for qs in extra]
    return urls


def lekken_in(client, url, inhoud):
    response = client.get(url)
    assert response.status_code < 500, url
    body = (b"".join(response) if response.streaming else response.content).decode()
    tekst = (body + str(dict(response.headers))).lower()
    # A term asked for may come back (in the search field, the feed's own URL): only the
    # markers not in the URL are leaks.
    lekken = {
        f"{url}: {inhoud.markers[m][0]} ({inhoud.markers[m][1]}), veld {veld or '?'}"
        for m, veld in MARKER.findall(tekst)
        if m in inhoud.markers and m not in url
    }
    return lekken, {m for m, _v in MARKER.findall(tekst) if m in inhoud.tegenhangers}


def tegenhanger(inhoud, model):
    markers = [m for m, p in inhoud.tegenhangers.items() if isinstance(p, model)]
    assert markers, f"geen openbare {model.__name__} gemaakt"
    return markers[0]


def scan(client, urls, inhoud):
    lekken, gezien = set(), set()
    for url in urls:
        nieuw_lek, nieuw_gezien = lekken_in(client, url, inhoud)
        lekken |= nieuw_lek
        gezien |= nieuw_gezien
    assert not lekken, "\n".join(sorted(lekken))
    return gezien


def test_feeds_tonen_geen_verborgen_inhoud(verborgen_inhoud):
    client = Client()
    product = tegenhanger(verborgen_inhoud, ProductPage)
    evenement = tegenhanger(verborgen_inhoud, EvenementPage)
    per_route = feed_urls(verborgen_inhoud)
    assert any(m == "agenda.ical" for _r, m in feed_patronen())
    for route, urls in per_route.items():
        gezien = scan(client, urls, verborgen_inhoud)
        verwacht = evenement if route.endswith(".ics") else product
        assert verwacht in gezien, f"{route}: de openbare tegenhanger ontbreekt in elke variant"


@pytest.mark.parametrize("pad", ["/zoeken/?q={}", "/kennisbank/?q={}"])
def test_zoeken_vindt_geen_verborgen_inhoud(verborgen_inhoud, pad):
    client = Client()
    urls = [pad.format(m) for m in sorted(verborgen_inhoud.markers)]
    scan(client, urls, verborgen_inhoud)
    product = tegenhanger(verborgen_inhoud, ProductPage)
    assert product in scan(client, [pad.format(product)], verborgen_inhoud)


def api_lijsten(client, endpoint):
    urls, offset = [], 0
    while True:
        url = f"{endpoint}?fields=*&limit=20&offset={offset}"
        urls.append(url)
        offset += 20
        if offset >= client.get(url).json()["meta"]["total_count"]:
            return urls


def oai_lijsten(client):
    """ListRecords in every metadata format, following the resumption tokens."""
    antwoord = client.get("/oai/?verb=ListMetadataFormats").content.decode()
    urls = []
    for prefix in sorted(set(re.findall(r"<metadataPrefix>([^<]+)<", antwoord))):
        url = f"/oai/?verb=ListRecords&metadataPrefix={prefix}"
        while url:
            urls.append(url)
            body = client.get(url).content.decode()
            token = re.search(r"<resumptionToken[^>]*>([^<]+)<", body)
            url = token and "/oai/?" + urllib.parse.urlencode(
                {"verb": "ListRecords", "resumptionToken": token.group(1)}
            )
    assert urls, "OAI-PMH noemt geen metadataformaten"
    return urls


def test_sitemap_oai_en_api_tonen_geen_verborgen_inhoud(verborgen_inhoud):
    client = Client()
    product = tegenhanger(verborgen_inhoud, ProductPage)
    routable = {m for m, p in verborgen_inhoud.tegenhangers.items() if p.get_url() is not None}
    assert routable <= scan(client, ["/sitemap.xml"], verborgen_inhoud)
    assert product in scan(client, oai_lijsten(client), verborgen_inhoud)
    assert product in scan(client, api_lijsten(client, "/api/v2/producten/"), verborgen_inhoud)
    assert routable <= scan(client, api_lijsten(client, "/api/v2/pages/"), verborgen_inhoud)
