"""A product's change re-renders the pages that depend on it, and only those.

On the demo content, every public page, every feed and the kennisbank with one option of each
facet are served once through the page cache (the URLs come from the page tree, the URLconf and
the filter). Then a product changes (retitled, a new one published, one unpublished) and every
URL is asked again: each page still served from the cache must be exactly what a render
without the cache gives now (never older than the change), and the pages that cannot show the
product (the other products, the other Werkplaatsen) must still come from the cache.
"""

import re
import urllib.parse

import pytest
from django.core.cache import caches
from django.http import QueryDict
from django.test import override_settings
from wagtail.models import Page

from kennisbank.facetten import Kennisbankfilter
from kennisbank.models import KennisbankPage, ProductPage
from portal.themas.models import LandelijkThemaPage
from tests.support.feeds import feed_patronen
from tests.support.tree import add_product, demo_inhoud
from werkplaatsen.models import ThemagroepPage, WerkplaatsPage

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


@pytest.fixture(scope="module")
def inhoud(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with demo_inhoud(django_db_blocker, media):
        yield media


@pytest.fixture
def cache_aan(inhoud, settings):
    settings.MEDIA_ROOT = inhoud
    settings.PAGINACACHE = True
    caches["paginas"].clear()
    yield
    caches["paginas"].clear()


def alle_urls():
    paginas = [p.url for p in Page.objects.live().public().filter(depth__gt=1).specific()]
    slugs = [
        slug
        for model in (WerkplaatsPage, LandelijkThemaPage, ThemagroepPage)
        for slug in model.objects.live().values_list("slug", flat=True)
    ]
    feeds = []
    for route, _module in feed_patronen():
        if PARAMETER.search(route):
            feeds += [PARAMETER.sub(slug, route) for slug in slugs]
        else:
            feeds.append(route)
    kennisbank = KennisbankPage.objects.live().first().url
    facetten = Kennisbankfilter(QueryDict()).facetten()
    filters = [
        f"{kennisbank}?{urllib.parse.urlencode({f.naam: f.opties[0].waarde})}"
        for f in facetten
        if f.opties
    ]
    return sorted({*paginas, *feeds, *filters, f"{kennisbank}?q=wijk", "/zoeken/?q=wijk"})


def status(response):
    return response.get("X-Paginacache")


# The time a calendar was made, not content.
DTSTAMP = re.compile(rb"^DTSTAMP:.*$", re.MULTILINE)


def inhoud_van(response):
    return DTSTAMP.sub(b"", b"".join(response) if response.streaming else response.content)


def opwarmen(client):
    """Every URL that the cache keeps, with its content; asked twice, the second a hit."""
    bewaard = {}
    for url in alle_urls():
        response = client.get(url)
        if status(response) == "miss":
            bewaard[url] = inhoud_van(response)
    for url in bewaard:
        assert status(client.get(url)) == "hit", url
    assert len(bewaard) > 100
    return bewaard


def na_de_wijziging(client, bewaard):
    """Ask every cached URL again: a hit must equal a render without the cache. Returns
    {url: status}; ``bewaard`` then holds what the cache holds now."""
    statussen = {}
    for url in list(bewaard):
        response = client.get(url)
        statussen[url] = status(response)
        if statussen[url] == "hit":
            with override_settings(PAGINACACHE=False):
                vers = inhoud_van(client.get(url))
            assert inhoud_van(response) == vers, f"{url} is served as it was before the change"
        elif statussen[url] == "miss":
            bewaard[url] = inhoud_van(response)
        else:
            del bewaard[url]
    return statussen


def producturls(behalve=()):
    return {p.url for p in ProductPage.objects.live().public() if p.pk not in behalve}


def werkplaatsurls(behalve):
    return {w.url for w in WerkplaatsPage.objects.live().exclude(pk=behalve)}


def toont(inhoud, product):
    return product.title.encode() in inhoud or product.url.encode() in inhoud


def regionaal_product():
    return (
        ProductPage.objects.live()
        .public()
        .filter(werkplaats__isnull=False, leeratelier__isnull=False)
        .order_by("pk")
        .first()
    )


def test_a_product_change_re_renders_what_shows_it_and_nothing_else(client, cache_aan):
    bewaard = opwarmen(client)
    herschreven(client, bewaard)
    nieuw_gepubliceerd(client, bewaard)
    ingetrokken(client, bewaard)


def herschreven(client, bewaard):
    product = regionaal_product()
    onafhankelijk = {
        url for url in producturls(behalve={product.pk}) if not toont(bewaard[url], product)
    }
    product.title = "Een nieuwe titel voor dit product"
    product.save_revision().publish()

    statussen = na_de_wijziging(client, bewaard)
    assert statussen[product.url] == "miss"
    assert all(statussen[url] == "hit" for url in onafhankelijk)
    assert all(statussen[url] == "hit" for url in werkplaatsurls(behalve=product.werkplaats_id))
    assert statussen[product.werkplaats.url] == "miss"


def nieuw_gepubliceerd(client, bewaard):
    werkplaats = WerkplaatsPage.objects.live().order_by("pk").first()
    nieuw = add_product(werkplaats, "Een gloednieuw product over buurtzorg", day=5000)

    statussen = na_de_wijziging(client, bewaard)
    assert all(statussen[url] == "hit" for url in producturls(behalve={nieuw.pk}))
    assert all(statussen[url] == "hit" for url in werkplaatsurls(behalve=werkplaats.pk))
    assert nieuw.title in client.get(werkplaats.url).content.decode()


def ingetrokken(client, bewaard):
    product = regionaal_product()
    link = f'href="{product.url}"'.encode()
    getoond_op = {url for url, inhoud in bewaard.items() if link in inhoud}
    assert len(getoond_op) > 3  # its Werkplaats, its leeratelier, lists, related products
    product.unpublish()

    na_de_wijziging(client, bewaard)
    for url in getoond_op:
        assert link not in client.get(url).content, url
    assert client.get(product.url).status_code == 404
