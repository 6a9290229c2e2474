"""What each process keeps of the pages that hide others (portal/basis/openbaar.py): never
older than the change that hides or shows a page, and no query of the tree per listing.

That a receiver of the change itself already sees the new state is shown by OAI-PMH's tombstones
(tests/kennisbank/test_oai.py: a restriction removed brings its products back at once)."""

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, get_page_models

from kennisbank.models import ProductPage
from portal.basis.afhankelijkheden import product_afhankelijkheden
from portal.basis.openbaar import BewaardeBeperkingen, openbaar, verborgen_paden
from portal.site.paginacache.generatie import verhoog_afhankelijkheden
from tests.support.tree import add_product, build_tree, publish
from werkplaatsen.models import LeeratelierPage

pytestmark = pytest.mark.django_db

UUR = datetime.timedelta(hours=1)


def openbare_titels():
    return sorted(openbaar(ProductPage.objects.all()).values_list("title", flat=True))


@pytest.fixture
def tree():
    tree = build_tree()
    tree["product"] = add_product(tree["noord"], "Noordelijk product")
    return tree


def test_a_product_published_below_a_draft_made_after_the_last_listing_stays_hidden(tree):
    assert openbare_titels() == ["Noordelijk product"]
    concept = LeeratelierPage(
        title="Nieuw atelier", slug="nieuw-atelier", intro="x", start_jaar=2024, live=False
    )
    tree["noord"].add_child(instance=concept)  # a draft without children: hides nothing yet
    assert openbare_titels() == ["Noordelijk product"]
    add_product(concept, "Product in een concept")  # its parent is still a draft
    assert openbare_titels() == ["Noordelijk product"]
    concept.save_revision().publish()
    assert openbare_titels() == ["Noordelijk product", "Product in een concept"]


def test_unpublishing_and_restricting_a_parent_hide_its_products_at_once(tree):
    add_product(tree["zuyd"], "Zuidelijk product")
    assert openbare_titels() == ["Noordelijk product", "Zuidelijk product"]
    tree["noord"].unpublish()
    assert openbare_titels() == ["Zuidelijk product"]
    PageViewRestriction.objects.create(
        page=tree["zuyd"], restriction_type=PageViewRestriction.LOGIN
    )
    assert openbare_titels() == []
    tree["noord"].save_revision().publish()
    assert openbare_titels() == ["Noordelijk product"]
    PageViewRestriction.objects.filter(page=tree["zuyd"]).delete()
    assert openbare_titels() == ["Noordelijk product", "Zuidelijk product"]


def test_a_parent_that_expires_hides_its_products_from_that_moment(tree):
    moment = timezone.now() + UUR
    tree["noord"].expire_at = moment
    tree["noord"].save_revision().publish()
    lijst = ProductPage.objects.all()
    assert list(openbaar(lijst, moment - UUR).values_list("title", flat=True)) == [
        "Noordelijk product"
    ]
    assert not openbaar(lijst, moment).exists()
    assert verborgen_paden(moment) == [tree["noord"].path]
    assert verborgen_paden(moment - UUR) == []


def test_nested_hidden_pages_give_only_the_highest_path(tree):
    atelier = publish(
        tree["noord"], LeeratelierPage(title="A", slug="a", intro="x", start_jaar=2024)
    )
    add_product(atelier, "Product van het atelier")
    atelier.unpublish()
    tree["noord"].unpublish()
    assert verborgen_paden(timezone.now()) == [tree["noord"].path]


def test_a_listing_asks_the_database_once_while_nothing_changes(tree):
    openbare_titels()
    with CaptureQueriesContext(connection) as queries:
        assert openbare_titels() == ["Noordelijk product"]
    assert len(queries) == 1
    assert "pageviewrestriction" not in queries[0]["sql"]


class Terugdraaien(Exception):
    pass


@pytest.mark.django_db(transaction=True)
def test_what_a_transaction_read_is_not_used_after_it_rolled_back():
    tree = build_tree()
    add_product(tree["noord"], "Noordelijk product")
    assert openbare_titels() == ["Noordelijk product"]
    with pytest.raises(Terugdraaien), transaction.atomic():
        Page.objects.get(pk=tree["noord"].pk).specific.unpublish()
        assert openbare_titels() == []
        raise Terugdraaien
    assert openbare_titels() == ["Noordelijk product"]


def test_every_page_type_checks_its_view_restrictions_from_memory():
    modellen = [model for model in get_page_models() if model is not Page]
    assert modellen
    assert [m.__name__ for m in modellen if not issubclass(m, BewaardeBeperkingen)] == []


def test_view_restrictions_need_no_query_while_nothing_changes(tree, django_assert_num_queries):
    product = Page.objects.get(pk=tree["product"].pk).specific
    assert list(product.get_view_restrictions()) == []  # reads what hides pages, once
    with django_assert_num_queries(0):
        assert list(product.get_view_restrictions()) == []
    beperking = PageViewRestriction.objects.create(
        page=tree["noord"], restriction_type=PageViewRestriction.LOGIN
    )
    assert list(product.get_view_restrictions()) == [beperking]


def test_a_restriction_added_after_a_visit_counts_at_once(tree, client):
    url = tree["product"].url
    client.get(url)
    assert client.get(url).status_code == 200
    PageViewRestriction.objects.create(
        page=tree["noord"], restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailcore_login"))
    PageViewRestriction.objects.filter(page=tree["noord"]).delete()
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("eerst", ["alias", "beperking"])
def test_an_alias_has_the_restrictions_of_its_original(tree, client, eerst):
    """Wagtail copies the original's restriction to an alias made after it; a restriction
    made after the alias is found through the alias's original."""
    origineel = Page.objects.get(pk=tree["product"].pk).specific

    def maak_alias():
        return origineel.create_alias(parent=tree["zuyd"], update_slug="alias-van-product")

    alias = maak_alias() if eerst == "alias" else None
    beperking = PageViewRestriction.objects.create(
        page=origineel, restriction_type=PageViewRestriction.LOGIN
    )
    alias = alias or maak_alias()
    assert beperking in alias.get_view_restrictions()
    assert client.get(alias.url).status_code == 302


def test_what_is_kept_follows_the_version_of_the_products(tree):
    """Another process's change reaches this one only as a new version in the shared cache (its
    receivers ran there): here the rows change without them, and the products' tags are bumped
    as a product's publish there bumps them."""
    assert openbare_titels() == ["Noordelijk product"]
    Page.objects.filter(pk=tree["noord"].pk).update(live=False)
    verhoog_afhankelijkheden(product_afhankelijkheden(tree["product"]))
    assert openbare_titels() == []
