"""Source notes stay with the editors: no live page of the demo content shows where its facts
come from, demo pages carry a visible "Voorbeeld" label, approximate dates show as a year, and
real publications link to where they can be read."""

import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Page

from agenda.models import EvenementPage
from kennisbank.models import ProductPage
from portal.site.models import HomePage
from tests.support.tree import demo_inhoud
from werkplaatsen.models import LeeratelierPage, Persoon

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# What the internal notes said on public pages before (issue 16): the words for a source,
# the demo environment and approximations.
HERKOMSTTAAL = re.compile(
    r"\bbron(nen|tekst|teksten)?\b|demo-omgeving|bij benadering|niet vermeld|volgens het position",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_inhoud(django_db_blocker, tmp_path_factory.mktemp("media")):
        yield
    cache.clear()


def live_paginas():
    home = HomePage.objects.get()
    return Page.objects.live().descendant_of(home, inclusive=True).specific()


def zichtbaar(response):
    """The page as a visitor reads it: text without tags, entities decoded."""
    tekst = re.sub(r"<script.*?</script>|<[^>]+>", " ", response.content.decode(), flags=re.S)
    return html.unescape(tekst)


def test_no_live_page_shows_source_notes(demo, client):
    personen = set(
        Persoon.objects.exclude(herkomst_notitie="").values_list("herkomst_notitie", flat=True)
    )
    assert personen
    gescand = 0
    for pagina in live_paginas():
        response = client.get(pagina.url)
        assert response.status_code == 200, pagina.url
        tekst = zichtbaar(response)
        gevonden = [m.group(0) for m in HERKOMSTTAAL.finditer(tekst)]
        assert not gevonden, (pagina.url, gevonden)
        notitie = getattr(pagina, "herkomst_notitie", "")
        assert not notitie or notitie not in tekst, pagina.url
        assert not any(notitie in tekst for notitie in personen), pagina.url
        gescand += 1
    assert gescand == live_paginas().count() > 100


def test_notes_are_not_searchable_nor_in_the_api(demo, client):
    symposium = EvenementPage.objects.get(title__contains="coronacrisis")
    assert "afgeleid" in symposium.herkomst_notitie
    assert not client.get("/zoeken/", {"q": "afgeleid"}).context["resultaten"]
    product = ProductPage.objects.exclude(herkomst_notitie="").first()
    detail = client.get(f"/api/v2/producten/{product.pk}/").json()
    assert "herkomst_notitie" not in detail
    assert product.herkomst_notitie not in str(detail)


def test_editors_see_the_note_in_the_admin(demo, client):
    client.force_login(get_user_model().objects.create_superuser("r", "r@example.org", "x"))
    product = ProductPage.objects.get(title="Op weg naar samenspel")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[product.pk]))
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Bron (alleen voor redactie)" in inhoud
    assert html.escape(product.herkomst_notitie) in inhoud
    persoon = Persoon.objects.exclude(herkomst_notitie="").first()
    response = client.get(reverse("wagtailsnippets_werkplaatsen_persoon:edit", args=[persoon.pk]))
    assert "Bron (alleen voor redactie)" in response.content.decode()


def kop(client, pagina):
    """The page's header: from <main> to its lead paragraph (related cards come later)."""
    inhoud = client.get(pagina.url).content.decode()
    return inhoud[inhoud.index("<main") : inhoud.index('class="lead"')]


def test_demo_pages_carry_a_voorbeeld_label(demo, client):
    label = '<span class="badge badge--attention">Voorbeeld</span>'
    for model in (ProductPage, EvenementPage, LeeratelierPage):
        voorbeelden = model.objects.live().filter(is_voorbeeld=True)
        assert voorbeelden.exists(), model
        for pagina in voorbeelden[:3]:
            assert label in kop(client, pagina), pagina.url
        for pagina in model.objects.live().filter(is_voorbeeld=False)[:3]:
            assert label not in kop(client, pagina), pagina.url


def test_approximate_dates_show_only_the_year(demo, client):
    benaderd = ProductPage.objects.live().filter(datum_bij_benadering=True)
    assert benaderd.count() >= 2
    for product in benaderd:
        response = client.get(product.url)
        jaar = str(product.publicatiedatum.year)
        inhoud = response.content.decode()
        assert f'Verschenen in <time datetime="{jaar}">{jaar}</time>' in inhoud
        assert f"({jaar})." in response.context["apa"]
        assert f'"datePublished": "{jaar}"' in inhoud
        kennisbank = client.get("/kennisbank/", {"q": product.title.split(":")[0]})
        kaart = kennisbank.content.decode()
        assert f'<time datetime="{jaar}">{jaar}</time>' in kaart, product.title


def test_real_publications_link_to_where_they_can_be_read(demo, client):
    for titel, host in (
        ("Op weg naar samenspel", "werkplaatssociaaldomeinzhz.nl"),
        ("Hoopvol en kwetsbaar", "movisie.nl"),
        ("Aansluiten bij het gewone leven", "doi.org"),
    ):
        product = ProductPage.objects.get(title__startswith=titel)
        inhoud = client.get(product.url).content.decode()
        link = re.search(
            r'<a [^>]*href="(https://[^"]+)"[^>]*rel="external"[^>]*>(.*?)</a>', inhoud, re.S
        )
        assert link and host in link.group(1), titel
        assert f"externe website: {host}" in link.group(2), titel
