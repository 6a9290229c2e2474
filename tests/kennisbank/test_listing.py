"""The kennisbank lists all published products, newest first, in pages of 20."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kennisbank.contributions import PRODUCTEN_PER_PAGINA
from tests.support.tree import add_product, build_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    return build_tree()


def test_newest_first_across_werkplaatsen_and_associatie(tree, client):
    add_product(tree["noord"], "Oud product", day=1)
    add_product(tree["associatie"], "Landelijk product", day=5)
    add_product(tree["zuyd"], "Nieuw product", day=9)
    response = client.get("/kennisbank/")
    assert response.status_code == 200
    titles = [p.title for p in response.context["producten"]]
    assert titles == ["Nieuw product", "Landelijk product", "Oud product"]


def test_unpublished_products_are_not_listed(tree, client):
    product = add_product(tree["noord"], "Concept")
    product.unpublish()
    response = client.get("/kennisbank/")
    assert "Concept" not in [p.title for p in response.context["producten"]]


@pytest.mark.parametrize("page", ["abc", "", "-1x"])
def test_malformed_page_number_shows_first_page(tree, client, page):
    add_product(tree["noord"], "Een")
    response = client.get("/kennisbank/", {"page": page})
    assert response.status_code == 200
    assert response.context["producten"].number == 1


def test_page_beyond_the_end_is_404(tree, client):
    add_product(tree["noord"], "Een")
    assert client.get("/kennisbank/", {"page": 999999}).status_code == 404


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.slow
def test_query_count_does_not_grow_with_the_number_of_products(tree, client):
    for day in range(3):
        add_product(tree["noord"], f"Product {day}", day=day)
    count_queries(client, "/kennisbank/")  # warm the site-root and settings caches
    count_queries(client, "/kennisbank/")  # the facet index, after the settings were made
    small = count_queries(client, "/kennisbank/")
    for day in range(3, PRODUCTEN_PER_PAGINA * 2 + 5):
        parent = tree["noord"] if day % 2 else tree["zuyd"]
        add_product(parent, f"Product {day}", day=day)
    count_queries(client, "/kennisbank/")  # the facet index of the new content: built once
    assert count_queries(client, "/kennisbank/") == small
    assert count_queries(client, "/kennisbank/?page=2") == small
