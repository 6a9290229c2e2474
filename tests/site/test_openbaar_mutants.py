"""What the public may see (portal/basis/openbaar.py), state by state, where a visitor meets
it: the page itself (404 or not), the kennisbank's list, the sitemap and a page preview."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from portal.basis.openbaar import (
    openbaar,
    openbaar_q,
    openbaar_zoekbaar,
    verborgen_door_voorouder_of_verlopen,
)
from portal.site.models import HomePage
from portal.themas.models import LandelijkThemaPage
from tests.support.tree import add_product, build_tree, publish, roots
from werkplaatsen.models import WerkplaatsPage

pytestmark = pytest.mark.django_db

UUR = datetime.timedelta(hours=1)


def werkplaats(tree, slug):
    return publish(
        tree["index"], WerkplaatsPage(title=slug.title(), slug=slug, korte_naam=slug, intro="x")
    )


def verloop(page, moment):
    """The page expires at ``moment``, set as an editor sets it: in a published revision (the
    page stays live after that moment until `publish_scheduled` runs)."""
    pagina = Page.objects.get(pk=page.pk).specific
    pagina.expire_at = moment
    pagina.save_revision().publish()


def maak_concept(tree, page):
    page.unpublish()


def maak_verlopen(tree, page):
    verloop(page, timezone.now() - UUR)


def maak_beperkt(tree, page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def maak_home_concept(tree, page):
    tree["home"].unpublish()


# Each state hides a Werkplaats with exactly one product, and so the product.
VOOROUDER_VERBORGEN = {
    "concept": maak_concept,
    "verlopen": maak_verlopen,
    "beperkt": maak_beperkt,
    "home_concept": maak_home_concept,
}


@pytest.fixture
def tree():
    tree = build_tree()
    tree["solo"] = werkplaats(tree, "solo")
    tree["product"] = add_product(tree["solo"], "Het enige product")
    tree["ander"] = add_product(tree["noord"], "Een ander product", day=2)
    return tree


def is_openbaar(page, moment=None):
    return Page.objects.filter(openbaar_q(moment=moment), pk=page.pk).exists()


def in_kennisbank(client, tree):
    response = client.get(tree["kennisbank"].url)
    if response.status_code == 404:
        return None
    return [p.title for p in response.context["producten"]]


def in_sitemap(client):
    return client.get("/sitemap.xml").content.decode()


def test_public_pages_are_served_listed_and_in_the_sitemap(tree, client):
    verloop(tree["ander"], timezone.now() + UUR)  # expires later: public until then
    assert client.get(tree["product"].url).status_code == 200
    assert client.get(tree["ander"].url).status_code == 200
    assert in_kennisbank(client, tree) == ["Een ander product", "Het enige product"]
    sitemap = in_sitemap(client)
    for page in (tree["product"], tree["ander"], tree["solo"], tree["home"]):
        assert page.full_url in sitemap


@pytest.mark.parametrize("toestand", VOOROUDER_VERBORGEN)
def test_a_hidden_ancestor_hides_its_only_child_everywhere(tree, client, toestand):
    VOOROUDER_VERBORGEN[toestand](tree, tree["solo"])
    product = Page.objects.get(pk=tree["product"].pk)
    assert product.live
    if toestand != "beperkt":  # a restriction asks for a login instead
        assert client.get(tree["product"].url).status_code == 404
        assert verborgen_door_voorouder_of_verlopen(product)
    assert tree["product"].full_url not in in_sitemap(client)
    assert "Het enige product" not in (in_kennisbank(client, tree) or [])
    assert is_openbaar(product) is False


@pytest.mark.parametrize("toestand", ["concept", "verlopen", "beperkt"])
def test_a_hidden_page_itself(tree, client, toestand):
    {"concept": maak_concept, "verlopen": maak_verlopen, "beperkt": maak_beperkt}[toestand](
        tree, tree["product"]
    )
    assert client.get(tree["product"].url).status_code in (302, 404)
    assert in_kennisbank(client, tree) == ["Een ander product"]
    assert tree["product"].full_url not in in_sitemap(client)


def test_a_page_expires_at_its_moment(tree):
    moment = timezone.now()
    verloop(tree["ander"], moment)  # its own expiry, below no hidden page
    ander = Page.objects.get(pk=tree["ander"].pk)
    assert verborgen_door_voorouder_of_verlopen(ander, moment)
    assert not verborgen_door_voorouder_of_verlopen(ander, moment - UUR)
    verloop(tree["solo"], moment)
    product = Page.objects.get(pk=tree["product"].pk)
    assert verborgen_door_voorouder_of_verlopen(product, moment)
    assert not verborgen_door_voorouder_of_verlopen(product, moment - UUR)
    assert is_openbaar(product, moment) is False
    assert is_openbaar(product, moment - UUR) is True
    verloop(tree["product"], moment)
    solo = Page.objects.get(pk=tree["solo"].pk)
    assert verborgen_door_voorouder_of_verlopen(Page.objects.get(pk=tree["product"].pk), moment)
    assert not verborgen_door_voorouder_of_verlopen(solo, moment - UUR)


def test_the_site_root_itself_is_no_hidden_ancestor(tree):
    Page.objects.filter(depth=1).update(live=False)
    product = Page.objects.get(pk=tree["product"].pk)
    assert not verborgen_door_voorouder_of_verlopen(product)
    assert is_openbaar(product) is True


def test_the_ancestors_need_no_query_while_nothing_changes(tree, django_assert_num_queries):
    product = Page.objects.get(pk=tree["product"].pk)
    assert not verborgen_door_voorouder_of_verlopen(product)  # reads what hides pages, once
    with django_assert_num_queries(0):
        assert not verborgen_door_voorouder_of_verlopen(product)
    tree["solo"].unpublish()
    assert verborgen_door_voorouder_of_verlopen(product)
    with django_assert_num_queries(0):
        assert verborgen_door_voorouder_of_verlopen(product)


def test_a_preview_shows_only_the_public_themes(tree):
    themas = tree["armoede"].get_parent()
    verborgen = publish(
        themas,
        LandelijkThemaPage(
            title="Geheim thema", slug="geheim", korte_beschrijving="x", beschrijving="x"
        ),
    )
    verborgen.unpublish()
    product = tree["product"].specific
    product.themas.set([tree["armoede"], verborgen])  # unsaved, as in the editor's preview
    html = product.make_preview_request().content.decode()
    assert "Armoede" in html
    assert "Geheim thema" not in html
    assert Client().get(tree["product"].url).status_code == 200


def test_a_hidden_page_elsewhere_hides_nothing_here(tree, client):
    """An unpublished and an expired Werkplaats with products: the other Werkplaats's
    product stays public (the ancestor check looks at this page's own ancestors only)."""
    add_product(tree["zuyd"], "In Zuyd")
    tree["zuyd"].unpublish()
    verloop(tree["solo"], timezone.now() - UUR)
    ander = Page.objects.get(pk=tree["ander"].pk)
    assert is_openbaar(ander) is True
    assert in_kennisbank(client, tree) == ["Een ander product"]


def test_a_listing_for_another_moment_uses_that_moment(tree):
    verloop(tree["ander"], timezone.now() + UUR)
    later = timezone.now() + 2 * UUR
    for selectie in (openbaar, openbaar_zoekbaar):
        assert tree["ander"].pk in selectie(Page.objects.all()).values_list("pk", flat=True)
        assert tree["ander"].pk not in selectie(Page.objects.all(), later).values_list(
            "pk", flat=True
        )


def test_a_section_page_below_an_unpublished_home_is_hidden(tree):
    """A page just below the home page, loaded without its ancestors: the home page is
    looked up."""
    tree["home"].unpublish()
    kennisbank = Page.objects.get(pk=tree["kennisbank"].pk)
    assert kennisbank.depth == 3 and kennisbank.live
    assert verborgen_door_voorouder_of_verlopen(kennisbank)


def test_the_root_itself_is_never_hidden(tree):
    Page.objects.filter(depth=1).update(live=False)
    assert not verborgen_door_voorouder_of_verlopen(Page.objects.get(depth=1))


def test_an_expired_page_just_below_the_root_is_hidden(tree):
    los = publish(roots(), HomePage(title="Los", slug="los", lead="x"))
    verloop(los, timezone.now() - UUR)
    assert verborgen_door_voorouder_of_verlopen(Page.objects.get(pk=los.pk))
