"""Dutch word forms find the same products on every database: PostgreSQL through its "dutch"
text search configuration, SQLite through portal/basis/dutch_search.py."""

import pytest
from django.db import connection

from kennisbank.models import ProductPage
from portal.basis.dutch_search import stem
from tests.support.tree import add_product, build_tree

pytestmark = pytest.mark.django_db

# Singular and plural (or another inflection) of words editors use; each form occurs in the
# title or summary of some products, never both forms in the same product.
WOORDVORMEN = [
    ("wijkteam", "wijkteams"),
    ("bewoner", "bewoners"),
    ("leerkring", "leerkringen"),
    ("vrijwilliger", "vrijwilligers"),
    ("gemeente", "gemeenten"),
]


@pytest.fixture
def tree():
    tree = build_tree()
    plekken = [tree["noord"], tree["zuyd"], tree["associatie"]]
    dag = 0
    for enkelvoud, meervoud in WOORDVORMEN:
        for nummer, vorm in enumerate((enkelvoud, meervoud, enkelvoud, meervoud, meervoud)):
            dag += 1
            # The form sits in the title of some products and only in the summary of others.
            titel = f"Product {dag} over het {vorm}" if nummer % 2 else f"Product {dag}"
            add_product(
                plekken[dag % 3], titel, day=dag, samenvatting=f"Iets over {vorm} in de regio."
            )
    add_product(tree["noord"], "Iets anders", samenvatting="Armoede en schulden.")
    return tree


def site_search(client, q):
    response = client.get("/zoeken/", {"q": q})
    assert response.status_code == 200
    return {r["page"].pk for r in response.context["resultaten"]}


def kennisbank_search(client, tree, q):
    response = client.get(tree["kennisbank"].url, {"q": q})
    assert response.status_code == 200
    return {p.pk for p in response.context["producten"]}


def with_word(vorm):
    return {
        p.pk
        for p in ProductPage.objects.all()
        if vorm in p.samenvatting.split() or vorm in p.title.split()
    }


@pytest.mark.parametrize(("enkelvoud", "meervoud"), WOORDVORMEN)
def test_singular_and_plural_find_the_same_products(tree, client, enkelvoud, meervoud):
    verwacht = with_word(enkelvoud) | with_word(meervoud)
    assert with_word(enkelvoud) and with_word(meervoud)
    for zoek in (site_search, lambda c, q: kennisbank_search(c, tree, q)):
        gevonden_enkelvoud = zoek(client, enkelvoud)
        gevonden_meervoud = zoek(client, meervoud)
        assert gevonden_enkelvoud == gevonden_meervoud == verwacht, connection.vendor


def test_upper_case_and_other_words_still_narrow_the_search(tree, client):
    assert site_search(client, "WIJKTEAMS") == with_word("wijkteam") | with_word("wijkteams")
    assert site_search(client, "wijkteams armoede") == set()
    assert site_search(client, "schulden") == with_word("schulden.") | {
        p.pk for p in ProductPage.objects.filter(title="Iets anders")
    }


def test_the_stemmer_maps_the_forms_together():
    for enkelvoud, meervoud in WOORDVORMEN:
        assert stem(enkelvoud) == stem(meervoud)
    assert stem("Wijkteams, en vrijwilligers!") == f"{stem('wijkteam')} en {stem('vrijwilliger')}"
