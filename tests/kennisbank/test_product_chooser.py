"""The page chooser of the home page's featured products opens on the kennisbank content."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.support.tree import add_product, build_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(client):
    tree = build_tree()
    tree["product"] = add_product(tree["noord"], "Samenwerking in wijkteams")
    tree["landelijk"] = add_product(tree["associatie"], "Landelijk product")
    client.force_login(get_user_model().objects.create_superuser("beheer", "b@example.org", "x"))
    return tree


def titels(response):
    assert response.status_code == 200
    return response.json()["html"]


def test_the_chooser_shows_only_the_way_to_products(tree, client):
    html = titels(
        client.get(reverse("wagtailadmin_choose_page"), {"page_type": "kennisbank.productpage"})
    )
    assert "Werkplaatsen" in html and "Associatie" in html
    for elders in ("Thema&#x27;s", "Agenda", "Kennisbank"):
        assert elders not in html, elders
    werkplaatsen = client.get(
        reverse("wagtailadmin_choose_page_child", args=[tree["index"].pk]),
        {"page_type": "kennisbank.productpage"},
    )
    assert "Noord" in titels(werkplaatsen) and "Zuyd" not in titels(werkplaatsen)
    noord = client.get(
        reverse("wagtailadmin_choose_page_child", args=[tree["noord"].pk]),
        {"page_type": "kennisbank.productpage"},
    )
    assert "Samenwerking in wijkteams" in titels(noord)


def test_other_choosers_are_left_alone(tree, client):
    home = reverse("wagtailadmin_choose_page_child", args=[tree["home"].pk])
    html = titels(client.get(home))
    assert "Agenda" in html and "Kennisbank" in html
    html = titels(client.get(home, {"page_type": "werkplaatsen.werkplaatspage"}))
    assert "Thema&#x27;s" in html  # has children, so Wagtail lets one browse into it
