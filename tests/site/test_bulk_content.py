"""generate_bulk_content: realistic, deterministic bulk products that are valid Wagtail pages."""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page

from kennisbank.models import ProductPage
from portal.demo import bulkinhoud
from portal.site.paginacache import generatie
from tests.support.tree import demo_inhoud
from werkplaatsen.models import WerkplaatsPage

pytestmark = pytest.mark.slow

AANTAL = 300


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content (16 Werkplaatsen, themes, themagroepen), rolled back after the module."""
    media = tmp_path_factory.mktemp("media")
    with demo_inhoud(django_db_blocker, media):
        yield media


@pytest.fixture
def media(demo, settings):
    settings.MEDIA_ROOT = demo
    return demo


def handtekening():
    """What a visitor sees of the bulk products, independent of database ids."""
    return [
        (
            p.slug,
            p.title,
            p.url_path,
            p.product_type,
            p.publicatiedatum,
            p.samenvatting,
            sorted(t.slug for t in p.themas.all()),
            sorted(g.slug for g in p.themagroepen.all()),
            sorted(t.slug for t in p.tags.all()),
            [a.weergavenaam for a in p.auteurs.all()],
            p.document.title if p.document_id else None,
            p.afbeelding.title if p.afbeelding_id else None,
        )
        for p in bulkinhoud.bulkproducten().order_by("slug")
    ]


def genereer_en_lees(seed):
    with transaction.atomic():
        bulkinhoud.genereer(60, seed=seed)
        resultaat = handtekening()
        transaction.set_rollback(True)
    return resultaat


@pytest.mark.django_db
def test_products_are_spread_like_a_real_portal(media):
    verslag = bulkinhoud.genereer(AANTAL, seed=1)
    assert verslag.producten == AANTAL
    producten = list(bulkinhoud.bulkproducten().select_related("werkplaats"))
    assert len(producten) == AANTAL
    werkplaatsen = Counter(p.werkplaats_id for p in producten)
    assert len([w for w in werkplaatsen if w]) == WerkplaatsPage.objects.count() == 16
    assert werkplaatsen[None] > 0  # national products of the Associatie
    assert any(p.leeratelier_id for p in producten)
    assert len({p.product_type for p in producten}) >= 10
    assert len({p.publicatiedatum.year for p in producten}) >= 8
    ids = [p.pk for p in producten]
    assert ProductPage.themas.through.objects.filter(productpage_id__in=ids).count() >= AANTAL
    assert ProductPage.themagroepen.through.objects.filter(productpage_id__in=ids).exists()
    assert ProductPage.tags.through.objects.filter(content_object_id__in=ids).count() >= AANTAL
    assert sum(1 for p in producten if p.document_id) > AANTAL / 4
    assert sum(1 for p in producten if p.afbeelding_id) > AANTAL / 5
    assert all(p.auteurs.exists() for p in producten[:20])


@pytest.mark.django_db
def test_bulk_products_are_valid_pages(media, client):
    bulkinhoud.genereer(50, seed=3)
    assert Page.find_problems() == ([], [], [], [], [])
    product = bulkinhoud.bulkproducten().order_by("slug").first()
    ouder = product.get_parent()
    assert ouder.numchild == ouder.get_children().count()
    assert product.url_path == f"{ouder.url_path}{product.slug}/"
    response = client.get(product.url)
    assert response.status_code == 200
    assert product.title in response.content.decode()
    kennisbank = client.get(f"/kennisbank/?type={product.product_type}").content.decode()
    assert product.title in kennisbank or "pagination" in kennisbank


@pytest.mark.django_db
def test_bulk_products_are_in_the_search_index(media, client):
    bulkinhoud.genereer(30, seed=4)
    product = bulkinhoud.bulkproducten().order_by("slug").first()
    woord = product.slug.split("-")[2]  # a word of the title
    treffers = ProductPage.objects.live().search(woord, operator="and")
    assert product.pk in [p.pk for p in treffers[:1000]]


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_products(media):
    eerste = genereer_en_lees(7)
    assert len(eerste) == 60
    assert genereer_en_lees(7) == eerste
    assert genereer_en_lees(8) != eerste


@pytest.mark.django_db
def test_generating_invalidates_the_page_cache(media):
    voor = generatie.huidige_generatie()
    bulkinhoud.genereer(5, seed=5)
    assert generatie.huidige_generatie() != voor


@pytest.mark.django_db
def test_the_command_reports_its_time_and_can_clear(media):
    uit = io.StringIO()
    call_command("generate_bulk_content", "--products", "25", "--seed", "6", stdout=uit)
    assert "25 producten gemaakt in" in uit.getvalue()
    call_command("generate_bulk_content", "--products", "5", "--seed", "6", stdout=uit)
    assert bulkinhoud.bulkproducten().count() == 30
    uit = io.StringIO()
    call_command("generate_bulk_content", "--products", "10", "--clear", stdout=uit)
    assert "30 eerder gegenereerde producten verwijderd" in uit.getvalue()
    assert bulkinhoud.bulkproducten().count() == 10
    assert Page.find_problems() == ([], [], [], [], [])
