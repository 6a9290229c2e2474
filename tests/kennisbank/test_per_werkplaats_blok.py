"""A theme's and a themagroep's products per Werkplaats, rendered once per facet index
(kennisbank.contributions.ProductenPerWerkplaats): never older than the products it shows, never
another page's block, and no product read from the database while nothing changed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.support.tree import add_product, build_tree, publish
from werkplaatsen.models import ThemagroepIndexPage, ThemagroepPage

pytestmark = pytest.mark.django_db


def over(product, thema=None, themagroep=None):
    if thema:
        product.themas.add(thema)
    if themagroep:
        product.themagroepen.add(themagroep)
    product.save_revision().publish()
    return product


@pytest.fixture
def boom():
    tree = build_tree()
    tree["wonen"] = publish(
        tree["armoede"].get_parent(),
        type(tree["armoede"])(
            title="Wonen", slug="wonen", korte_beschrijving="x", beschrijving="<p>x</p>"
        ),
    )
    index = publish(tree["home"], ThemagroepIndexPage(title="Themagroepen", slug="themagroepen"))
    tree["groep"] = publish(
        index,
        ThemagroepPage(
            title="Lerende praktijken",
            slug="lerend",
            korte_beschrijving="x",
            beschrijving="<p>x</p>",
            start_jaar=2024,
        ),
    )
    tree["arm"] = over(add_product(tree["noord"], "Schulden in Noord"), thema=tree["armoede"])
    tree["woon"] = over(add_product(tree["zuyd"], "Wonen in Zuyd"), thema=tree["wonen"])
    tree["lerend"] = over(add_product(tree["zuyd"], "Leren in Zuyd"), themagroep=tree["groep"])
    return tree


def html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_each_page_shows_its_own_products(boom, client):
    armoede, wonen, groep = (html(client, boom[p]) for p in ("armoede", "wonen", "groep"))
    assert "Schulden in Noord" in armoede and "Wonen in Zuyd" not in armoede
    assert "Wonen in Zuyd" in wonen and "Schulden in Noord" not in wonen
    assert "Leren in Zuyd" in groep and "Wonen in Zuyd" not in groep


@pytest.mark.parametrize("pagina, product", [("armoede", "arm"), ("groep", "lerend")])
def test_a_renamed_or_unpublished_product_shows_at_once(boom, client, pagina, product):
    assert boom[product].title in html(client, boom[pagina])
    hernoemd = Page.objects.get(pk=boom[product].pk).specific
    hernoemd.title = "Een nieuwe titel"
    hernoemd.save_revision().publish()
    getoond = html(client, boom[pagina])
    assert "Een nieuwe titel" in getoond and boom[product].title not in getoond
    hernoemd.unpublish()
    assert "Een nieuwe titel" not in html(client, boom[pagina])


def test_a_renamed_werkplaats_shows_at_once(boom, client):
    assert ">Noord</a>" in html(client, boom["armoede"])
    noord = Page.objects.get(pk=boom["noord"].pk).specific
    noord.title = "Noorderlicht"
    noord.save_revision().publish()
    assert ">Noorderlicht</a>" in html(client, boom["armoede"])


def test_the_products_are_read_once_while_nothing_changes(boom, client):
    html(client, boom["home"])  # the first request makes the site's settings: a new version
    html(client, boom["armoede"])
    with CaptureQueriesContext(connection) as queries:
        assert "Schulden in Noord" in html(client, boom["armoede"])
    assert not [q for q in queries if "kennisbank_productpage" in q["sql"]]
