"""The demo content's accessibility statement: at /toegankelijkheid/, honest (status B or C,
with research and deviations), linked in the footer, and replacing the plain information page
that earlier demo content had at that slug."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Page

from portal.site.models import InformatiePagina, SiteInstellingen, ToegankelijkheidsverklaringPage
from portal.site.toegankelijkheid import Nalevingsstatus
from tests.support.tree import demo_inhoud, publish

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_inhoud(django_db_blocker, tmp_path_factory.mktemp("media")):
        yield


def test_the_demo_statement_at_toegankelijkheid_is_linked_in_the_footer(demo, client):
    pagina = Page.objects.get(url_path__endswith="/toegankelijkheid/", depth=3).specific
    assert isinstance(pagina, ToegankelijkheidsverklaringPage)
    assert pagina.status in (Nalevingsstatus.B, Nalevingsstatus.C)
    assert pagina.evaluaties and pagina.afwijkingen and pagina.onderzoek_gepland

    response = client.get("/toegankelijkheid/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.h1.get_text(strip=True) == pagina.title
    assert SiteInstellingen.objects.get().toegankelijkheidspagina_id == pagina.pk
    home = BeautifulSoup(client.get("/").content.decode(), "html.parser")
    assert home.find("footer").find("a", href="/toegankelijkheid/")


def test_the_demo_replaces_an_old_information_page_at_the_slug(demo, client):
    oud = Page.objects.get(url_path__endswith="/toegankelijkheid/", depth=3)
    home = oud.get_parent()
    oud.delete()
    publish(home, InformatiePagina(title="Toegankelijkheid", slug="toegankelijkheid"))

    call_command("load_demo_content", stdout=io.StringIO())

    nieuw = Page.objects.get(url_path__endswith="/toegankelijkheid/", depth=3)
    assert nieuw.specific_class is ToegankelijkheidsverklaringPage
    assert SiteInstellingen.objects.get().toegankelijkheidspagina_id == nieuw.pk
