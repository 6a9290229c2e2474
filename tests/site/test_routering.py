"""The site and the route of a page kept per content version (portal/site/routering.py): a page
seen before is served without walking the tree, and never after it moved, was renamed, hidden
or deleted."""

from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from portal.site import routering
from portal.site.models import HomePage
from tests.support.tree import add_product, build_tree, publish, roots

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    tree = build_tree()
    tree["product"] = add_product(tree["noord"], "Wijkteams in Noord")
    return tree


def bekeken(client, url, **extra):
    """The page at ``url`` after a first request made its route known."""
    client.get(url, **extra)
    return client.get(url, **extra)


def test_a_page_seen_before_is_served_without_the_site_query_and_the_walk(tree, client):
    url = tree["product"].url
    client.get("/")  # the first request of all makes the site's settings: a new version
    with CaptureQueriesContext(connection) as eerste:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as tweede:
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["page"].pk == tree["product"].pk
    assert not [q for q in tweede if "wagtailcore_site" in q["sql"]]
    # Wagtail's walk reads two rows per level below the site root; the kept route reads one.
    niveaus = tree["product"].depth - tree["home"].depth
    assert len(eerste) - len(tweede) >= 2 * niveaus - 1


def test_a_renamed_product_answers_at_its_new_address_only(tree, client):
    oud = tree["product"].url
    assert bekeken(client, oud).status_code == 200
    product = Page.objects.get(pk=tree["product"].pk).specific
    product.slug = "wijkteams-noord"
    product.save_revision().publish()
    assert client.get(oud).status_code == 404
    assert client.get(Page.objects.get(pk=product.pk).url).status_code == 200


def test_a_moved_product_answers_at_its_new_address_only(tree, client):
    oud = tree["product"].url
    assert bekeken(client, oud).status_code == 200
    Page.objects.get(pk=tree["product"].pk).move(tree["zuyd"], pos="last-child")
    nieuw = Page.objects.get(pk=tree["product"].pk).url
    assert nieuw != oud
    assert client.get(nieuw).status_code == 200
    doorverwezen = client.get(oud)  # Wagtail's own redirect from the old address
    assert (doorverwezen.status_code, doorverwezen["Location"]) == (301, nieuw)


@pytest.mark.parametrize("verberg", ["product", "werkplaats", "beperking", "verwijderd"])
def test_a_known_route_to_a_page_that_is_no_longer_public(tree, client, verberg):
    url = tree["product"].url
    assert bekeken(client, url).status_code == 200
    if verberg == "product":
        tree["product"].unpublish()
    elif verberg == "werkplaats":
        tree["noord"].unpublish()
    elif verberg == "beperking":
        PageViewRestriction.objects.create(
            page=tree["noord"], restriction_type=PageViewRestriction.LOGIN
        )
    else:
        Page.objects.get(pk=tree["product"].pk).delete()
    assert client.get(url).status_code == (302 if verberg == "beperking" else 404)


def test_a_new_page_at_the_address_of_a_deleted_one(tree, client):
    url = tree["product"].url
    assert bekeken(client, url).status_code == 200
    Page.objects.get(pk=tree["product"].pk).delete()
    nieuw = add_product(tree["noord"], "Wijkteams in Noord", day=5)
    assert nieuw.url == url
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["page"].pk == nieuw.pk


def test_each_host_gets_its_own_site_and_a_changed_site_at_once(tree, client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "andere.example"]
    andere_home = publish(roots(), HomePage(title="Andere", slug="andere", lead="Elders."))
    Site.objects.create(hostname="andere.example", port=80, root_page=andere_home)
    assert bekeken(client, "/").context["page"].pk == tree["home"].pk
    assert bekeken(client, "/", HTTP_HOST="andere.example").context["page"].pk == andere_home.pk
    Site.objects.filter(hostname="andere.example").update(hostname="derde.example")
    Site.objects.get(hostname="derde.example").save()  # an edit in the admin saves the site
    settings.ALLOWED_HOSTS += ["derde.example"]
    assert client.get("/", HTTP_HOST="andere.example").context["page"].pk == tree["home"].pk
    assert client.get("/", HTTP_HOST="derde.example").context["page"].pk == andere_home.pk


def test_a_host_that_is_not_allowed_is_refused(tree, client):
    assert client.get("/", HTTP_HOST="vreemd.example").status_code == 400


def test_without_the_shared_cache_wagtail_routes_every_request(tree, client):
    url = tree["product"].url
    with mock.patch.object(routering, "inhoudsversie", return_value=None):
        assert bekeken(client, url).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert [q for q in queries if "wagtailcore_site" in q["sql"]]
        tree["product"].unpublish()
        assert client.get(url).status_code == 404
