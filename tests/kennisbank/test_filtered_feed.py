"""The feed offered on a filtered kennisbank holds exactly the products of that selection,
for every option of every facet (taken from the filter itself) and a search term."""

import feedparser
import pytest
from django.http import QueryDict
from django.urls import reverse

from kennisbank.facetten import Kennisbankfilter
from tests.support.tree import add_product, build_tree, publish
from werkplaatsen.models import Gemeente, ThemagroepIndexPage, ThemagroepPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    tree = build_tree()
    tree["noord"].gemeenten.set(Gemeente.objects.filter(naam="Groningen"))
    tree["noord"].save_revision().publish()
    groepen = publish(tree["home"], ThemagroepIndexPage(title="Themagroepen", slug="groepen"))
    groep = publish(
        groepen,
        ThemagroepPage(
            title="Armoede",
            slug="armoede",
            korte_beschrijving="x",
            beschrijving="x",
            start_jaar=2020,
        ),
    )
    for n, (ouder, kwargs) in enumerate(
        [
            ("noord", {"o_onderzoek": True, "voor_professionals": True}),
            ("noord", {"product_type": "handreiking"}),
            ("zuyd", {"o_onderwijs": True}),
            ("associatie", {"product_type": "column", "voor_bewoners": True}),
        ]
    ):
        product = add_product(tree[ouder], f"Wijkteams product {n}", day=n * 200, **kwargs)
        if n % 2:
            product.themas.add(tree["armoede"])
            product.themagroepen.add(groep)
        product.tags.add("wijkteam" if n < 2 else "armoede")
        product.save_revision().publish()
    return tree


def op_de_pagina(client, tree, params):
    response = client.get(tree["kennisbank"].url, params)
    assert response.status_code == 200
    feed = response.context["filter"].querystring
    return [p.full_url for p in response.context["producten"]], feed, response


def in_de_feed(client, querystring):
    response = client.get(f"{reverse('feed_producten')}?{querystring}")
    assert response.status_code == 200
    return [entry.link for entry in feedparser.parse(response.content).entries]


def test_every_selection_has_the_feed_of_exactly_its_products(tree, client):
    keuzes = [{"q": "wijkteams"}]
    for facet in Kennisbankfilter(QueryDict()).facetten():
        keuzes += [{facet.naam: optie.waarde} for optie in facet.zichtbare_opties]
    assert {naam for keuze in keuzes for naam in keuze} >= set(Kennisbankfilter.FACETTEN)
    for keuze in keuzes:
        pagina, querystring, response = op_de_pagina(client, tree, keuze)
        assert pagina, keuze
        assert sorted(in_de_feed(client, querystring)) == sorted(pagina), keuze
        assert f'href="{reverse("feed_producten")}?{querystring}"' in response.content.decode()


def test_the_plain_kennisbank_offers_the_feed_of_everything(tree, client):
    pagina, querystring, response = op_de_pagina(client, tree, {})
    assert querystring == ""
    assert sorted(in_de_feed(client, "")) == sorted(pagina)
    assert f'<a href="{reverse("feed_producten")}">' in response.content.decode()
