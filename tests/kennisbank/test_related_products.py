"""'Ook in andere regio's': related products are those elsewhere that share the most public
themes and tags, newest first on a tie, public ones only. Compared with the same rule written
out in Python over a tree with products of three origins, shared and unshared themes and tags,
some of them not public."""

import random

import pytest
from wagtail.models import PageViewRestriction

from kennisbank import facetindex
from kennisbank.models import ProductPage
from portal.themas.models import LandelijkThemaPage
from tests.support.tree import add_product, build_tree, publish

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # 30 published products

TAGS = ["wijkteam", "armoede", "jeugd", "mantelzorg", "schulden"]


@pytest.fixture
def producten():
    tree = build_tree()
    themas = [tree["armoede"]] + [
        publish(
            tree["armoede"].get_parent(),
            LandelijkThemaPage(
                title=f"Thema {n}", slug=f"thema-{n}", korte_beschrijving="x", beschrijving="x"
            ),
        )
        for n in range(3)
    ]
    themas[-1].unpublish()  # a theme that is not public does not count
    toeval = random.Random(20261130)
    producten = []
    for n in range(30):
        ouder = toeval.choice([tree["noord"], tree["zuyd"], tree["associatie"]])
        product = add_product(ouder, f"Product {n}", day=toeval.randrange(12))
        product.themas.set(toeval.sample(themas, toeval.randrange(3)))
        product.tags.set(toeval.sample(TAGS, toeval.randrange(3)))
        product.save_revision().publish()
        producten.append(product)
    producten[3].unpublish()
    PageViewRestriction.objects.create(page=producten[4], restriction_type="login")
    return producten


def verwacht(product, alle, aantal=4):
    openbaar = [p for p in alle if p.live and p.pk not in {alle[4].pk}]
    themas = {t.pk for t in product.themas.all() if t.live}
    tags = {t.name for t in product.tags.all()}
    scores = []
    for ander in openbaar:
        if ander.pk == product.pk or ander.werkplaats_id == product.werkplaats_id:
            continue
        score = len(themas & {t.pk for t in ander.themas.all()}) + len(
            tags & {t.name for t in ander.tags.all()}
        )
        if score:
            scores.append((-score, -ander.publicatiedatum.toordinal(), -ander.pk, ander.pk))
    return [pk for *_sleutel, pk in sorted(scores)[:aantal]]


def test_related_products_follow_the_rule_for_every_product(producten):
    for product in producten:
        product = ProductPage.objects.get(pk=product.pk)
        product_themas = [t.pk for t in product.themas.all() if t.live]
        tag_ids = [t.pk for t in product.tags.all()]
        gevonden = product.verwante_producten(product_themas, tag_ids)
        assert [p.pk for p in gevonden] == verwacht(product, producten), product.title


def test_the_product_page_shows_them_in_that_order(client, producten):
    product = next(p for p in producten if len(verwacht(p, producten)) >= 2)
    response = client.get(product.url)
    assert response.status_code == 200
    titels = [p.title for p in response.context["verwante_producten"]]
    assert titels == [ProductPage.objects.get(pk=pk).title for pk in verwacht(product, producten)]
    html = response.content.decode()
    assert html.index(titels[0]) < html.index(titels[1])


def test_the_facet_index_gives_what_the_rule_gives(producten):
    index = facetindex.facetindex()
    for product in producten:
        product = ProductPage.objects.get(pk=product.pk)
        gevonden = facetindex.verwant(index, product.pk)
        if product.pk not in index.positie:  # not public: the page is not shown either
            assert gevonden is None
            continue
        assert gevonden == verwacht(product, producten), product.title
