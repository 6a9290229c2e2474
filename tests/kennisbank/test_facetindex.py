"""The facet index in memory is never older than the content it stands for.

It is kept per content version (a product's change, any other change of content), until the
first expiry date of a page, and, while the shared cache cannot tell the version, for at most
PAGINACACHE_NOODDUUR seconds.
"""

import datetime
from unittest import mock
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.utils import timezone

from kennisbank import facetindex
from kennisbank.facetten import SORTERINGEN, Kennisbankfilter
from kennisbank.models import ProductPage
from portal.basis.afhankelijkheden import verzamel
from tests.support.tree import add_product, build_tree

pytestmark = pytest.mark.django_db


def getoond(**params):
    query = QueryDict(mutable=True)
    for naam, waarde in params.items():
        query[naam] = waarde
    return {p.title for p in Kennisbankfilter(query).resultatenlijst()[:100]}


def type_aantal(soort):
    facetten = {f.naam: f for f in Kennisbankfilter(QueryDict()).facetten()}
    return next(o.aantal for o in facetten["type"].opties if o.waarde == soort)


@pytest.fixture
def boom():
    tree = build_tree()
    add_product(tree["noord"], "Eerste", day=1)
    return tree


def test_a_publish_makes_a_new_index(boom):
    eerst = facetindex.facetindex()
    assert facetindex.facetindex() is eerst  # the same version: kept
    assert type_aantal("video") == 0
    add_product(boom["zuyd"], "Een video", day=2, product_type="video")
    assert facetindex.facetindex() is not eerst
    assert type_aantal("video") == 1
    assert getoond(type="video") == {"Een video"}


def test_an_expired_product_leaves_without_a_publish(boom):
    verloopt = timezone.now() + datetime.timedelta(hours=1)
    product = add_product(boom["zuyd"], "Tijdelijk", day=2, product_type="video")
    product.expire_at = verloopt
    product.save_revision().publish()
    assert getoond(type="video") == {"Tijdelijk"}
    assert type_aantal("video") == 1
    with mock.patch("django.utils.timezone.now", return_value=verloopt):
        assert getoond(type="video") == set()
        assert type_aantal("video") == 0


def test_without_the_shared_cache_an_index_lives_its_noodduur(boom, settings, monkeypatch):
    monkeypatch.setattr(facetindex, "_bewaard", facetindex._Bewaard())  # built under the clock
    settings.PAGINACACHE_NOODDUUR = 30
    klok = mock.patch.object(facetindex.time, "monotonic", return_value=1000.0)
    with mock.patch.object(facetindex, "inhoudsversie", return_value=None), klok as nu:
        eerst = facetindex.facetindex()
        nu.return_value = 1029.5
        assert facetindex.facetindex() is eerst
        nu.return_value = 1030.0
        tweede = facetindex.facetindex()
        assert tweede is not eerst
        assert facetindex.facetindex() is tweede


def test_a_themes_page_groups_its_public_products_by_werkplaats(boom, client):
    for n, ouder in enumerate(["noord", "zuyd", "noord", "associatie", "noord", "noord", "noord"]):
        product = add_product(boom[ouder], f"Over armoede {n}", day=10 + n)
        product.themas.add(boom["armoede"])
        product.save_revision().publish()
    verborgen = ProductPage.objects.get(title="Over armoede 5")
    verborgen.unpublish()

    groepen = client.get(boom["armoede"].url).context["producten_per_werkplaats"]
    verwacht = {}
    for product in ProductPage.objects.overzicht().filter(themas=boom["armoede"]):
        verwacht.setdefault(product.werkplaats_id, []).append(product.title)
    assert [g["naam"] for g in groepen] == sorted(g["naam"] for g in groepen)
    assert {
        (g["werkplaats"].pk if g["werkplaats"] else None): (
            g["aantal"],
            [p.title for p in g["producten"]],
        )
        for g in groepen
    } == {w: (len(titels), titels[:3]) for w, titels in verwacht.items()}
    assert len(verwacht[boom["noord"].pk]) == 4 and "Over armoede 5" not in str(groepen)
    noord = next(g for g in groepen if g["werkplaats"] == boom["noord"])
    assert [p.title for p in noord["producten"]] == [
        "Over armoede 6",
        "Over armoede 4",
        "Over armoede 2",
    ]


@pytest.mark.parametrize("sortering", list(SORTERINGEN))
def test_every_order_pages_through_what_the_database_gives(boom, client, sortering):
    for n in range(45):
        onderwerp = "armoede" if n % 3 == 0 else "wijkteams en armoede"
        add_product(boom["noord" if n % 2 else "zuyd"], f"{onderwerp} {(n * 7) % 45}", day=n % 5)
    params = {"sort": sortering, "q": "armoede"} if sortering == "relevantie" else {}
    params.setdefault("sort", sortering)
    verwacht = [p.title for p in Kennisbankfilter(QueryDict(urlencode(params))).resultaten()]
    getoond, pagina = [], 1
    while True:
        context = client.get("/kennisbank/", {**params, "page": pagina}).context
        getoond += [p.title for p in context["producten"]]
        if not context["producten"].has_next():
            break
        pagina += 1
    assert pagina > 1
    assert getoond == verwacht


def test_what_reads_the_index_depends_on_every_product(boom):
    """The index stands for the list of all products: a page that reads it must be rendered
    again after any product's change, even when the index was built before, without a query."""
    facetindex.facetindex()
    with verzamel() as afhankelijkheden:
        facetindex.facetindex()
    assert "producten" in afhankelijkheden.tags()


def test_a_new_process_builds_its_own_index_and_keeps_it(boom, monkeypatch):
    monkeypatch.setattr(facetindex, "_bewaard", facetindex._Bewaard())
    index = facetindex.facetindex()
    assert index.alle.bit_count() == 1
    assert facetindex.facetindex() is index


def test_a_public_theme_without_products_leaves_related_products_working(boom, client):
    """The theme "Armoede" of the tree has no products."""
    for product in (ProductPage.objects.get(title="Eerste"), add_product(boom["zuyd"], "Tweede")):
        product.tags.add("mantelzorg")
        product.save_revision().publish()
    response = client.get(ProductPage.objects.get(title="Eerste").url)
    assert response.status_code == 200
    assert [p.title for p in response.context["verwante_producten"]] == ["Tweede"]
