"""The accessibility statement by the national model: every field on the page, in accessible
markup; its rules (one per site, below the home page, status C needs a planned audit); and
who may edit it. The demo content's statement: test_toegankelijkheidsverklaring_demo.py."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import formats
from wagtail.models import Page

from portal.site.models import ToegankelijkheidsverklaringPage
from portal.site.toegankelijkheid import (
    STATUSUITLEG,
    SUCCESCRITERIA,
    EvaluatieSoort,
    Nalevingsstatus,
)
from tests.support.role_tree import bouw_rollenboom
from tests.support.tree import build_tree, publish

pytestmark = pytest.mark.django_db

DATUM = datetime.date(2026, 12, 1)
GEPLAND = datetime.date(2027, 5, 1)


def evaluatie(soort, nummer):
    return {
        "type": "onderzoek",
        "value": {
            "soort": soort,
            "onderdeel": f"Onderdeel {soort} {nummer}",
            "hulpmiddel": f"Hulpmiddel {soort} {nummer}",
            "uitgevoerd_door": f"Team {soort} {nummer}",
            "datum": f"2026-11-{10 + nummer}",
            "resultaat": f"Resultaat {soort} {nummer}",
        },
    }


def afwijking(criterium, nummer, gepland):
    return {
        "type": "afwijking",
        "value": {
            "succescriterium": criterium,
            "onderdeel": f"Onderdeel {nummer}",
            "oorzaak": f"Oorzaak {nummer}",
            "gevolg": f"Gevolg {nummer}",
            "maatregel": f"Maatregel {nummer}",
            "geplande_datum": gepland,
        },
    }


@pytest.fixture
def verklaring():
    tree = build_tree()
    return publish(
        tree["home"],
        ToegankelijkheidsverklaringPage(
            title="Toegankelijkheid",
            slug="toegankelijkheid",
            intro="Iedereen moet de site kunnen gebruiken.",
            status=Nalevingsstatus.C,
            datum_verklaring=DATUM,
            reikwijdte="Alle pagina's van https://kennis.example.nl",
            onderzoeksmethode="WCAG-EM, WCAG 2.1 AA",
            onderzoek_gepland=GEPLAND,
            evaluaties=[evaluatie(soort, n) for soort in EvaluatieSoort.values for n in (1, 2)],
            afwijkingen=[afwijking("2.5.3", 1, "2027-01-31"), afwijking("1.3.1", 2, None)],
            contact_email="toegankelijkheid@example.org",
            reactietermijn=7,
            klachtenroute="<p>Mail het bestuur.</p>",
        ),
    )


def datum_tekst(datum):
    return formats.date_format(datum, "j F Y")


def test_the_page_shows_every_field(verklaring, client):
    response = client.get(verklaring.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    tekst = " ".join(soup.find("main").get_text(" ").split())

    eigen_velden = [
        veld
        for veld in ToegankelijkheidsverklaringPage._meta.get_fields(include_parents=False)
        if veld.concrete and not veld.auto_created
    ]
    assert {veld.name for veld in eigen_velden} >= {"status", "evaluaties", "afwijkingen"}
    for veld in eigen_velden:
        waarde = getattr(verklaring, veld.name)
        if veld.name == "status":
            verwacht = [verklaring.get_status_display(), STATUSUITLEG[waarde]]
        elif isinstance(waarde, datetime.date):
            verwacht = [datum_tekst(waarde)]
        elif veld.name == "klachtenroute":
            verwacht = ["Mail het bestuur."]
        elif veld.name in ("evaluaties", "afwijkingen"):
            verwacht = [
                datum_tekst(w) if isinstance(w, datetime.date) else str(w)
                for blok in waarde
                for sleutel, w in blok.value.items()
                if w and sleutel not in ("soort", "succescriterium")
            ]
        else:
            verwacht = [str(waarde)]
        for stuk in verwacht:
            assert " ".join(str(stuk).split()) in tekst, (veld.name, stuk)

    # Deviations by their criterion's number and Dutch name, each under its own heading.
    criteria = dict(SUCCESCRITERIA)
    koppen = [h3.get_text(strip=True) for h3 in soup.select(".verklaring__afwijking h3")]
    assert koppen == [f"Onderdeel 1: {criteria['2.5.3']}", f"Onderdeel 2: {criteria['1.3.1']}"]
    assert "nog geen datum" in tekst
    # The complaint route ends with the Nationale ombudsman.
    assert soup.find("a", href="mailto:toegankelijkheid@example.org")
    ombudsman = soup.find("a", string="Nationale ombudsman")
    assert ombudsman["href"].startswith("https://www.nationaleombudsman.nl/")


def test_the_research_is_in_tables_with_captions_and_headers(verklaring, client):
    soup = BeautifulSoup(client.get(verklaring.url).content.decode(), "html.parser")
    tabellen = soup.select("main table")

    captions = [t.caption.get_text(strip=True) for t in tabellen]
    assert captions == ["Automatische tests", "Handmatige controles"]
    for tabel, soort in zip(tabellen, EvaluatieSoort.values, strict=True):
        assert all(th["scope"] == "col" for th in tabel.thead.find_all("th"))
        rijen = [th.get_text(strip=True) for th in tabel.tbody.find_all("th", scope="row")]
        assert rijen == [f"Onderdeel {soort} 1", f"Onderdeel {soort} 2"]
        regio = tabel.find_parent(attrs={"role": "region"})
        assert soup.find(id=regio["aria-labelledby"]).get_text(strip=True) == tabel.caption.text


def test_without_manual_checks_the_page_says_so(verklaring, client):
    verklaring.evaluaties = [evaluatie(EvaluatieSoort.AUTOMATISCH, 1)]
    verklaring.save_revision().publish()
    soup = BeautifulSoup(client.get(verklaring.url).content.decode(), "html.parser")

    assert len(soup.select("main table")) == 1
    assert "nog geen handmatige controle" in soup.find("main").get_text()


def test_status_c_needs_a_planned_audit(verklaring):
    verklaring.onderzoek_gepland = None
    with pytest.raises(ValidationError) as fout:
        verklaring.full_clean()
    assert "onderzoek_gepland" in fout.value.message_dict


def test_one_statement_per_site_below_the_home_page(verklaring):
    home = verklaring.get_parent().specific
    assert not ToegankelijkheidsverklaringPage.can_create_at(home)
    verklaring.delete()
    assert ToegankelijkheidsverklaringPage.can_create_at(Page.objects.get(pk=home.pk).specific)
    assert ToegankelijkheidsverklaringPage.allowed_parent_page_models() == [type(home)]


@pytest.mark.slow
def test_the_associatie_edits_it_and_a_region_cannot():
    tree = bouw_rollenboom()
    url = reverse("wagtailadmin_pages:edit", args=[tree["toegankelijkheid"].pk])
    for rol, mag in [("associatie_redacteur", True), ("noord_redacteur", False)]:
        client = _ingelogd(tree[rol])
        response = client.get(url)
        assert (response.status_code == 200) is mag, (rol, response.status_code)
    toevoegen = reverse(
        "wagtailadmin_pages:add",
        args=["portal", "toegankelijkheidsverklaringpage", tree["home"].pk],
    )
    assert _ingelogd(tree["noord_redacteur"]).get(toevoegen).status_code != 200


def _ingelogd(gebruiker):
    client = Client()
    client.force_login(gebruiker)
    return client
