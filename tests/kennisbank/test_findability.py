"""A visitor finds every demo product by Werkplaats, by thema and by text, starting at home."""

import io
import re
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from kennisbank.models import ProductPage
from werkplaatsen.models import ASSOCIATIE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        yield list(
            ProductPage.objects.live().select_related("werkplaats").prefetch_related("themas")
        )
        transaction.set_rollback(True)
    cache.clear()


def kennisbank_titels(client, **filters):
    paren = [(naam, waarde) for naam, waarden in filters.items() for waarde in waarden]
    titels, pagina = [], 1
    while True:
        response = client.get("/kennisbank/?" + urlencode([*paren, ("page", pagina)]))
        assert response.status_code == 200
        titels += [p.title for p in response.context["producten"]]
        if not response.context["producten"].has_next():
            return titels
        pagina += 1


@pytest.mark.django_db
def test_home_links_to_the_kennisbank_the_themes_and_every_werkplaats(demo, client):
    html = client.get("/").content.decode()
    for adres in ("/kennisbank/", "/themas/", "/werkplaatsen/"):
        assert f'href="{adres}"' in html
    werkplaatsen = {p.werkplaats.url for p in demo if p.werkplaats_id}
    assert all(f'href="{url}"' in html for url in werkplaatsen)


@pytest.mark.django_db
def test_every_product_by_werkplaats_and_by_thema(demo, client):
    for product in demo:
        slug = product.werkplaats.slug if product.werkplaats_id else ASSOCIATIE
        assert product.title in kennisbank_titels(client, werkplaats=[slug]), product.title
        for thema in product.themas.all():
            gevonden = kennisbank_titels(client, thema=[thema.slug], werkplaats=[slug])
            assert product.title in gevonden, (product.title, thema.slug)


def zoek_titels(client, q):
    titels, pagina = [], 1
    while True:
        response = client.get("/zoeken/", {"q": q, "page": pagina})
        assert response.status_code == 200
        titels += [r["page"].title for r in response.context["resultaten"]]
        if not response.context["pagina"].has_next():
            return titels
        pagina += 1


@pytest.mark.django_db
def test_every_product_by_text(demo, client):
    for product in demo:
        woorden = re.findall(r"\w{4,}", product.title)[:4]
        assert product.title in zoek_titels(client, " ".join(woorden)), (product.title, woorden)
