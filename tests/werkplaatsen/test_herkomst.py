"""A product or event belongs to the Werkplaats (and leeratelier) whose subtree holds it."""

import pytest
from django.urls import reverse

from kennisbank.models import ProductPage
from tests.support.tree import add_product, build_tree, publish
from werkplaatsen.models import LeeratelierPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    return build_tree()


def test_product_takes_werkplaats_from_tree(tree):
    product = add_product(tree["noord"], "Wijkteams in Noord")
    assert ProductPage.objects.get(pk=product.pk).werkplaats_id == tree["noord"].pk


def test_national_product_has_no_werkplaats(tree):
    product = add_product(tree["associatie"], "Position paper")
    product.refresh_from_db()
    assert product.werkplaats_id is None
    assert str(product.herkomst_naam) == "Associatie"


def test_product_in_leeratelier_knows_both(tree):
    atelier = publish(
        tree["noord"], LeeratelierPage(title="Atelier", slug="atelier", intro="x", start_jaar=2020)
    )
    product = add_product(atelier, "Verslag atelier")
    product.refresh_from_db()
    assert (product.werkplaats_id, product.leeratelier_id) == (tree["noord"].pk, atelier.pk)


def test_moving_through_the_admin_updates_werkplaats(tree, admin_client):
    atelier = publish(
        tree["noord"], LeeratelierPage(title="Atelier", slug="atelier", intro="x", start_jaar=2020)
    )
    product = add_product(atelier, "Verslag atelier")
    url = reverse("wagtailadmin_pages:move_confirm", args=(atelier.pk, tree["zuyd"].pk))
    response = admin_client.post(url)
    assert response.status_code == 302
    product.refresh_from_db()
    assert (product.werkplaats_id, product.leeratelier_id) == (tree["zuyd"].pk, atelier.pk)
