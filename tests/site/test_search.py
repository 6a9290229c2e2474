"""Site-wide search: every page type, Dutch word forms on PostgreSQL, helpful empty pages."""

import pytest
from django.conf import settings

from tests.support.tree import add_product, build_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    tree = build_tree()
    add_product(tree["noord"], "Samenwerking in wijkteams", samenvatting="Over wijkteams.")
    add_product(tree["associatie"], "Eenzaamheid onder ouderen", samenvatting="Ouderen en buren.")
    return tree


def titles(response):
    return [r["page"].title for r in response.context["resultaten"]]


def test_finds_products_and_werkplaatsen(tree, client):
    response = client.get("/zoeken/", {"q": "wijkteams"})
    assert response.status_code == 200
    assert titles(response) == ["Samenwerking in wijkteams"]
    result = response.context["resultaten"][0]
    assert result["werkplaats"].title == "Noord"
    assert "/kennisbank/?werkplaats=noord" in response.content.decode()
    assert "Zuyd" in titles(client.get("/zoeken/", {"q": "Zuyd"}))


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="Dutch stemming is PostgreSQL's text search configuration",
)
@pytest.mark.parametrize("query", ["wijkteam", "eenzaam", "oudere"])
def test_dutch_word_forms_match_on_postgres(tree, client, query):
    assert titles(client.get("/zoeken/", {"q": query}))


@pytest.mark.slow
@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 5000,
        "<script>alert(1)</script>",
        "'\"%_\\",
        "NOT",
        "a AND OR",
        "-",
        "*",
        "ü é",
    ],
)
def test_empty_or_absurd_queries_give_a_helpful_page(tree, client, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "/kennisbank/" in html


def test_page_beyond_results_is_404(tree, client):
    assert client.get("/zoeken/", {"q": "wijkteams", "page": 50}).status_code == 404
