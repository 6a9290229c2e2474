"""The footer is rendered once per site, language and content version
(portal/site/templatetags/voettekst.py) and never shown older than the settings and pages."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Site

from portal.basis.bewaren import PerVersie
from portal.site.models import InformatiePagina, SiteInstellingen
from tests.support.tree import build_tree, publish

pytestmark = pytest.mark.django_db


def voettekst(client, pad="/"):
    soup = BeautifulSoup(client.get(pad).content, "html.parser")
    return soup.select_one("footer.site-footer")


@pytest.fixture
def instellingen():
    build_tree()
    return SiteInstellingen.for_site(Site.objects.get(is_default_site=True))


def test_kept_and_served_without_rendering(instellingen, client, monkeypatch):
    eerst = str(voettekst(client))
    monkeypatch.setattr("portal.site.templatetags.voettekst.render_to_string", pytest.fail)
    assert str(voettekst(client, "/kennisbank/")) == eerst


def test_a_change_of_the_settings_or_a_chosen_page_shows_on_the_next_request(instellingen, client):
    voettekst(client)
    instellingen.organisatie = "Associatie WSD"
    instellingen.telefoon = "030 123 45 67"
    instellingen.save()
    footer = voettekst(client)
    assert footer.h2.get_text(strip=True) == "Associatie WSD"
    assert footer.select_one('a[href="tel:0301234567"]') is not None

    home = Site.objects.get(is_default_site=True).root_page
    contact = publish(home, InformatiePagina(title="Contact", slug="contact"))
    instellingen.contactpagina = contact
    instellingen.save()
    assert voettekst(client).select_one('a[href="/contact/"]') is not None
    contact.slug = "bel-ons"
    contact.save_revision().publish()
    assert voettekst(client).select_one('a[href="/bel-ons/"]') is not None
    contact.unpublish()
    assert voettekst(client).select_one('a[href="/bel-ons/"]') is None


def test_without_the_shared_cache_every_request_renders_its_own(instellingen, client, monkeypatch):
    monkeypatch.setattr("portal.site.templatetags.voettekst.inhoudsversie", lambda: None)
    voettekst(client)
    SiteInstellingen.objects.filter(pk=instellingen.pk).update(organisatie="Zonder signaal")
    assert voettekst(client).h2.get_text(strip=True) == "Zonder signaal"


def test_per_versie_keeps_a_value_for_its_version_and_until_its_moment():
    bewaard, gemaakt = PerVersie(), []

    def maak(waarde, geldig_tot=None):
        def _maak():
            gemaakt.append(waarde)
            return waarde, geldig_tot

        return _maak

    assert bewaard.geef("a", 1, maak("een")) == "een"
    assert bewaard.geef("a", 1, maak("niet")) == "een"
    assert bewaard.geef("b", 1, maak("bee")) == "bee"  # another key, its own value
    assert bewaard.geef("a", 2, maak("twee")) == "twee"  # a new version
    assert bewaard.geef("a", 2, maak("niet")) == "twee"
    assert bewaard.geef("c", None, maak("los")) == "los"  # no version: never kept
    assert bewaard.geef("c", None, maak("weer")) == "weer"
    voorbij = timezone.now() - datetime.timedelta(seconds=1)
    straks = timezone.now() + datetime.timedelta(hours=1)
    assert bewaard.geef("d", 1, maak("verlopen", voorbij)) == "verlopen"
    assert bewaard.geef("d", 1, maak("opnieuw", straks)) == "opnieuw"  # past its moment
    assert bewaard.geef("d", 1, maak("niet")) == "opnieuw"  # before its moment
    bewaard.leeg()
    assert bewaard.geef("a", 2, maak("na het legen")) == "na het legen"
    assert gemaakt == ["een", "bee", "twee", "los", "weer", "verlopen", "opnieuw", "na het legen"]
