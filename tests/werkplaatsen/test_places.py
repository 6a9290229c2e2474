"""Places: the CBS list of gemeenten, finding a Werkplaats by gemeente, place or province (the
box on /werkplaatsen/ and the site search), and what Werkplaats pages show of their area.

The cases come from the data: the shipped CSV, PLAATSEN, and the demo's werkgebieden.
"""

import re
import unicodedata
from collections import Counter
from decimal import Decimal
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from portal.demo import werkplaatsen as demo
from tests.support.role_tree import bouw_rollenboom, formulierdata
from tests.support.tree import build_tree, demo_inhoud
from werkplaatsen import plaatsen
from werkplaatsen.models import Gemeente, WerkplaatsIndexPage, WerkplaatsPage
from werkplaatsen.plaatsen import (
    PLAATSEN,
    PROVINCIE_ALIASSEN,
    Provincie,
    lees_gemeenten,
    normaliseer,
    zoek_werkplaats,
)


@pytest.fixture(autouse=True)
def _eigen_index():
    """Every test builds the look-up index itself, as a fresh process does (it is kept per list
    of gemeenten, so another test's index could otherwise stand in for it)."""
    plaatsen._index_cache.clear()


# CBS, Gemeentelijke indeling op 1 januari 2025: gemeenten per province.
CBS_2025 = {
    "groningen": 10,
    "fryslan": 18,
    "drenthe": 12,
    "overijssel": 25,
    "flevoland": 6,
    "gelderland": 51,
    "utrecht": 26,
    "noord-holland": 44,
    "zuid-holland": 50,
    "zeeland": 13,
    "noord-brabant": 56,
    "limburg": 31,
}


def zonder_accenten(tekst):
    return "".join(c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c))


def antwoordblok(html, kop):
    """The text of the section whose heading has id ``kop``."""
    begin = html.index(f'id="{kop}"')
    return html[begin : html.index("</section>", begin)]


# -- the list ---------------------------------------------------------------------------------


def test_the_csv_holds_342_gemeenten_in_12_provinces():
    rijen = lees_gemeenten()
    assert len(rijen) == 342 == sum(CBS_2025.values())
    assert len({code for code, _n, _p in rijen}) == 342
    assert Counter(provincie for _c, _n, provincie in rijen) == CBS_2025
    assert set(CBS_2025) == set(Provincie.values)


def test_a_bad_row_is_refused_with_its_line(tmp_path):
    bestand = tmp_path / "gemeenten.csv"
    bestand.write_text(
        "GemeentecodeGM;Gemeentenaam;Provincienaam\nGM0935;Maastricht;Limburg\n"
        "GM09;Nergens;Atlantis\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="regel 3"):
        lees_gemeenten(bestand)


@pytest.mark.django_db
def test_the_migration_loaded_the_list():
    rijen = lees_gemeenten()
    assert Gemeente.objects.count() == len(rijen)
    assert set(Gemeente.objects.values_list("cbs_code", "naam", "provincie")) == set(rijen)


@pytest.mark.django_db
def test_laad_gemeenten_command_changes_nothing_the_second_time(capsys):
    from django.core.management import call_command

    call_command("laad_gemeenten")
    assert "0 nieuw, 0 gewijzigd" in capsys.readouterr().out


# -- matching ---------------------------------------------------------------------------------


def gevonden_in_elke_schrijfwijze(rijen):
    gemeenten = list(Gemeente.objects.all())
    for code, naam, _provincie in rijen:
        varianten = {naam, naam.upper(), zonder_accenten(naam).lower(), f"gemeente {naam}"}
        for variant in varianten:
            antwoord = zoek_werkplaats(variant, gemeenten=gemeenten)
            codes = [t.gemeente.cbs_code for t in antwoord.gemeenten]
            assert code in codes, (variant, codes)
        antwoord = zoek_werkplaats(code.lower(), gemeenten=gemeenten)
        assert code in [t.gemeente.cbs_code for t in antwoord.gemeenten]


@pytest.mark.django_db
def test_names_with_accents_apostrophes_or_suffixes_are_found_in_any_spelling():
    lastig = [r for r in lees_gemeenten() if not re.fullmatch(r"[A-Za-z -]+", r[1])]
    assert len(lastig) > 10
    gevonden_in_elke_schrijfwijze(lastig)


@pytest.mark.slow
@pytest.mark.django_db
def test_every_gemeente_is_found_whatever_the_case_and_accents():
    gevonden_in_elke_schrijfwijze(lees_gemeenten())


@pytest.mark.django_db
def test_every_province_name_and_alias_is_found():
    for waarde, label in Provincie.choices:
        for naam in [label, label.upper(), zonder_accenten(label).lower(), f"provincie {label}"]:
            assert zoek_werkplaats(naam).provincie == waarde, naam
        for alias in PROVINCIE_ALIASSEN.get(waarde, []):
            assert zoek_werkplaats(alias.lower()).provincie == waarde, alias


@pytest.mark.django_db
def test_every_well_known_place_leads_to_its_gemeente():
    for plaats, code in PLAATSEN.items():
        antwoord = zoek_werkplaats(plaats.upper())
        assert code in [t.gemeente.cbs_code for t in antwoord.gemeenten], plaats


@pytest.mark.django_db
def test_a_name_two_gemeenten_share_gives_both():
    namen = {t.gemeente.naam for t in zoek_werkplaats("bergen").gemeenten}
    assert namen == {"Bergen (L.)", "Bergen (NH.)"}


@pytest.mark.django_db
def test_unknown_or_empty_input_gets_a_helpful_message():
    assert "Vul de naam" in zoek_werkplaats("   ").melding
    antwoord = zoek_werkplaats("Maastrict")
    assert not antwoord.gevonden
    assert "Maastricht" in antwoord.suggesties
    assert "geen gemeente" in zoek_werkplaats("qwxz").melding
    assert normaliseer("'s-Hertogenbosch") == "s hertogenbosch"


# -- the admin ----------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.django_db
def test_a_regional_editor_picks_the_gemeenten_of_their_werkplaats(client):
    tree = bouw_rollenboom()
    noord, redacteur = tree["noord"], tree["noord_redacteur"]
    client.force_login(redacteur)
    url = reverse("wagtailadmin_pages:edit", args=[noord.pk])
    html = client.get(url).content.decode()
    assert 'name="gemeenten"' in html
    assert "gemeenten-kiezer.js" in html
    # Grouped per province, every province once.
    for _waarde, label in Provincie.choices:
        assert f"<summary>{label}" in html, label

    kies = list(Gemeente.objects.filter(naam__in=["Groningen", "Assen"]))
    data = formulierdata(noord, redacteur)
    data.setlist("gemeenten", [str(g.pk) for g in kies])
    # dict(lists()): the test client posts only the last value of a QueryDict key.
    response = client.post(url, dict(data.lists()))
    assert response.status_code == 302, response.content.decode()[:2000]
    concept = Page.objects.get(pk=noord.pk).specific.get_latest_revision_as_object()
    assert {g.naam for g in concept.gemeenten.all()} == {"Groningen", "Assen"}
    # The chosen ones come back ticked, their provinces open.
    html = client.get(url).content.decode()
    assert re.search(r"<details[^>]*open>\s*<summary>Drenthe \(1 gekozen\)", html)


# -- pages, with a small tree -----------------------------------------------------------------


@pytest.fixture
def tree():
    tree = build_tree()
    tree["zuyd"].gemeenten.set(Gemeente.objects.filter(naam__in=["Maastricht", "Heerlen"]))
    tree["zuyd"].save_revision().publish()
    return tree


@pytest.mark.django_db
def test_werkplaats_page_shows_province_and_gemeenten(tree, client):
    html = client.get(tree["zuyd"].url).content.decode()
    assert re.search(r"<dt>Provincie</dt><dd>Limburg</dd>", html)
    assert "Heerlen, Maastricht" in html


@pytest.mark.django_db
def test_the_map_names_the_province_of_each_werkplaats(tree, client):
    posities = {"zuyd": ("50.85", "5.69"), "noord": ("53.2", "6.56")}
    for sleutel, (breedte, lengte) in posities.items():
        tree[sleutel].kaart_breedtegraad = Decimal(breedte)
        tree[sleutel].kaart_lengtegraad = Decimal(lengte)
        tree[sleutel].save_revision().publish()
    html = client.get(tree["index"].url).content.decode()
    assert 'aria-label="Werkplaats Zuyd, Limburg"' in html
    assert "<title>Werkplaats Zuyd (Limburg)</title>" in html
    assert 'aria-label="Werkplaats Noord"' in html  # no gemeenten, no province


@pytest.mark.django_db
def test_a_map_marker_is_named_first_by_its_visible_short_name(tree, client):
    """WCAG 2.5.3 (label in name): a short name other than the title leads the accessible name."""
    zuyd = tree["zuyd"]
    zuyd.korte_naam = "Limburg-Zuid"
    zuyd.kaart_breedtegraad, zuyd.kaart_lengtegraad = Decimal("50.85"), Decimal("5.69")
    zuyd.save_revision().publish()
    html = client.get(tree["index"].url).content.decode()
    assert 'aria-label="Limburg-Zuid: Werkplaats Zuyd, Limburg"' in html
    assert re.search(r'<text class="kaart__label"[^>]*>Limburg-Zuid</text>', html)


@pytest.mark.django_db
def test_place_box_works_without_javascript_and_has_a_label(tree, client):
    html = client.get(tree["index"].url).content.decode()
    assert re.search(r'<form[^>]*method="get"', html)
    assert '<label class="zoekformulier__label zoekformulier__label--visible" for="plaats">' in html
    assert 'id="plaats" name="plaats"' in html
    assert "Welke Werkplaats werkt in mijn gemeente?" in html


@pytest.mark.django_db
def test_bad_input_never_breaks_the_place_box_or_search(tree, client):
    for waarde in ["", " ", "x" * 5000, "<script>", "\u0000", "%", "'; DROP TABLE", "🙂", "GM"]:
        for url in [tree["index"].url, reverse("zoeken")]:
            sleutel = "plaats" if url == tree["index"].url else "q"
            response = client.get(url, {sleutel: waarde})
            assert response.status_code in (200, 400), (url, waarde, response.status_code)
            assert "<script>" not in response.content.decode().split("</header>", 1)[-1]


@pytest.mark.django_db
def test_card_list_has_a_constant_query_count(tree, client):
    url = tree["index"].url
    # The first request makes the site settings, a new content version: the pages below the
    # site root (portal/basis/secties.py) are read again on the next one.
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as weinig:
        client.get(url)
    for werkplaats in WerkplaatsPage.objects.all():
        werkplaats.gemeenten.set(Gemeente.objects.filter(provincie="gelderland"))
        werkplaats.save_revision().publish()
    for i in range(5):
        extra = WerkplaatsPage(title=f"Extra {i}", slug=f"extra-{i}", korte_naam="x", intro="x")
        WerkplaatsIndexPage.objects.get().add_child(instance=extra)
        extra.gemeenten.set(Gemeente.objects.filter(provincie="limburg"))
        extra.save_revision().publish()
    client.get(url)  # the new content version read once
    with CaptureQueriesContext(connection) as veel:
        response = client.get(url, {"plaats": "Gelderland"})
    assert response.content.decode().count("card--werkplaats") > 7
    with CaptureQueriesContext(connection) as veel_zonder:
        client.get(url)
    assert len(veel_zonder) == len(weinig)
    # The answer adds a fixed number: the gemeenten, the Werkplaatsen and their gemeenten.
    assert len(veel) == len(weinig) + 3


# -- the demo content: every Werkplaats by its gemeenten and province ---------------------------


@pytest.fixture(scope="module")
def demo_media(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with demo_inhoud(django_db_blocker, media):
        yield media


def werkgebieden():
    """Werkplaats name -> (CBS codes of its gemeenten, its provinces), from the demo data."""
    resultaat = {}
    for naam in demo.WERKPLAATS_NAMEN:
        provincie = demo.WERKGEBIED_PROVINCIE.get(naam)
        if provincie:
            codes = [c for c, _n, p in lees_gemeenten() if p == provincie]
        else:
            codes = demo.WERKGEBIED_GEMEENTEN[naam]
        provincies = {p for c, _n, p in lees_gemeenten() if c in codes}
        resultaat[naam] = (codes, provincies)
    return resultaat


def test_every_demo_werkplaats_has_a_werkgebied():
    gebieden = werkgebieden()
    assert len(gebieden) == 16
    assert all(codes and provincies for codes, provincies in gebieden.values())


@pytest.mark.slow
@pytest.mark.django_db
@pytest.mark.parametrize("naam", demo.WERKPLAATS_NAMEN)
def test_demo_werkplaats_is_found_from_a_gemeente_and_its_province(demo_media, client, naam):
    codes, provincies = werkgebieden()[naam]
    werkplaats = WerkplaatsPage.objects.get(title=naam)
    index = WerkplaatsIndexPage.objects.get().url
    gemeente = Gemeente.objects.get(cbs_code=codes[0])
    plaatsen = [gemeente.naam, zonder_accenten(gemeente.naam).upper()]
    plaatsen += [Provincie(p).label for p in provincies]
    for plaats in plaatsen:
        html = client.get(index, {"plaats": plaats}).content.decode()
        assert f'href="{werkplaats.url}"' in antwoordblok(html, "kop-plaatszoeker"), plaats
        url = f"{reverse('zoeken')}?{urlencode({'q': plaats})}"
        html = client.get(url).content.decode()
        assert "Werkplaats in uw regio" in html, plaats
        assert f'href="{werkplaats.url}"' in antwoordblok(html, "kop-plaats"), plaats
    html = client.get(werkplaats.url).content.decode()
    for provincie in provincies:
        assert Provincie(provincie).label in html


@pytest.mark.slow
@pytest.mark.django_db
def test_an_uncovered_gemeente_gets_a_clear_answer(demo_media, client):
    gedekt = {c for codes, _p in werkgebieden().values() for c in codes}
    gemeente = Gemeente.objects.exclude(cbs_code__in=gedekt).order_by("naam").first()
    index = WerkplaatsIndexPage.objects.get().url
    html = client.get(index, {"plaats": gemeente.naam.upper()}).content.decode()
    blok = antwoordblok(html, "kop-plaatszoeker")
    assert "Er is nog geen Werkplaats die in de gemeente" in blok
    assert gemeente.naam.replace("'", "&#x27;") in blok
    html = client.get(reverse("zoeken"), {"q": gemeente.naam}).content.decode()
    assert "Er is nog geen Werkplaats die in de gemeente" in antwoordblok(html, "kop-plaats")


@pytest.mark.slow
@pytest.mark.django_db
def test_the_groningen_question_of_issue_16(demo_media, client):
    """Someone in Groningen looks for what Maastricht did: both are found, with Limburg."""
    zuyd = WerkplaatsPage.objects.get(title="Zuyd")
    noord = WerkplaatsPage.objects.get(title="Noord")
    for plaats, werkplaats in [("Maastricht", zuyd), ("limburg", zuyd), ("Groningen", noord)]:
        html = client.get(reverse("zoeken"), {"q": plaats}).content.decode()
        assert f'href="{werkplaats.url}"' in antwoordblok(html, "kop-plaats"), plaats


@pytest.mark.django_db
def test_a_place_that_is_also_the_name_of_its_gemeente_gives_it_once():
    """Should CBS name a gemeente after its main place ("Joure"), it is found once."""
    gemeente = Gemeente(pk=990001, cbs_code=PLAATSEN["Joure"], naam="Joure", provincie="fryslan")
    antwoord = zoek_werkplaats("Joure", gemeenten=[gemeente])
    assert [(t.gemeente.naam, t.via) for t in antwoord.gemeenten] == [("Joure", "")]


@pytest.mark.django_db
def test_a_lost_gemeente_is_created_again_by_the_command(capsys):
    from django.core.management import call_command

    Gemeente.objects.filter(cbs_code="GM0935").delete()
    call_command("laad_gemeenten")
    assert "1 nieuw, 0 gewijzigd" in capsys.readouterr().out
    maastricht = Gemeente.objects.get(cbs_code="GM0935")
    assert (maastricht.naam, maastricht.provincie) == ("Maastricht", "limburg")


def test_a_province_is_known_by_its_name_slug_and_alias():
    for provincie in Provincie:
        for naam in [provincie.value, provincie.label, *PROVINCIE_ALIASSEN.get(provincie, [])]:
            assert plaatsen.provincie_bij_naam(naam.upper()) == provincie.value, naam
    assert plaatsen.provincie_bij_naam("Friesland") == "fryslan"
    assert plaatsen.provincie_bij_naam("Atlantis") is None


@pytest.mark.django_db
def test_suggestions_name_provinces_and_never_cbs_codes():
    assert zoek_werkplaats("Gelderlnd").suggesties == ["Gelderland"]
    assert zoek_werkplaats("GM093").suggesties == []  # close to GM0930-GM0939, not a name


@pytest.mark.django_db
def test_at_most_three_suggestions_each_name_once():
    """ "Zandvoort (Z.)" is found under two keys; the best five keys give three names."""
    gemeenten = [
        Gemeente(pk=990000 + n, cbs_code=f"GM99{n:02d}", naam=naam, provincie="zeeland")
        for n, naam in enumerate(["Zandvoort (Z.)", "Zandvoorst", "Zandvoordt", "Zandvoorde"])
    ]
    antwoord = zoek_werkplaats("Zandvoortz", gemeenten=gemeenten)
    assert antwoord.suggesties == ["Zandvoort (Z.)", "Zandvoorst", "Zandvoordt"]
