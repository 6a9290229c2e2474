"""The pages just below the site root (the menu, the section links) are kept per process and
content version (portal/basis/secties.py), and never shown older than the content."""

import datetime
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from portal.basis import secties
from portal.site.models import InformatiePagina
from tests.support.tree import build_tree, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def boom():
    tree = build_tree()
    for naam in ("kennisbank", "agenda"):
        pagina = tree[naam]
        pagina.show_in_menus = True
        pagina.save_revision().publish()
    return tree


def menu(client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".site-nav__link")]


def titels():
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    return [p.title for p in secties.hoofdpaginas(request)]


def test_kept_per_version_and_read_without_a_query(boom, django_assert_num_queries):
    eerst = titels()
    assert eerst == ["Werkplaatsen", "Associatie", "Kennisbank", "Thema's", "Agenda"]
    with django_assert_num_queries(1):  # the site of the request; the pages are kept
        assert titels() == eerst


def test_a_published_change_shows_on_the_next_request(boom, client):
    assert menu(client) == ["Kennisbank", "Agenda"]
    kennisbank = boom["kennisbank"]
    kennisbank.title = "Bibliotheek"
    kennisbank.save_revision().publish()
    assert menu(client) == ["Bibliotheek", "Agenda"]
    nieuw = publish(boom["home"], InformatiePagina(title="Over ons", slug="over-ons"))
    nieuw.show_in_menus = True
    nieuw.save_revision().publish()
    assert menu(client) == ["Bibliotheek", "Agenda", "Over ons"]
    PageViewRestriction.objects.create(page=nieuw, restriction_type="login")
    assert menu(client) == ["Bibliotheek", "Agenda"]
    boom["agenda"].specific.unpublish()
    assert menu(client) == ["Bibliotheek"]


def test_an_expired_section_leaves_without_a_publish(boom, client):
    verloopt = timezone.now() + datetime.timedelta(hours=1)
    agenda = boom["agenda"]
    agenda.expire_at = verloopt
    agenda.save_revision().publish()
    assert menu(client) == ["Kennisbank", "Agenda"]
    with mock.patch("django.utils.timezone.now", return_value=verloopt):
        assert menu(client) == ["Kennisbank"]


def test_without_the_shared_cache_nothing_is_kept(boom):
    assert "Kennisbank" in titels()  # kept for this version
    Page.objects.filter(pk=boom["kennisbank"].pk).update(title="Zonder signaal")
    with mock.patch.object(secties, "inhoudsversie", return_value=None):
        assert "Zonder signaal" in titels()
    assert "Kennisbank" in titels()  # an update without a signal is no new version
