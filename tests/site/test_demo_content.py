"""``manage.py load_demo_content``: the facts from the sources, full filters, and idempotency.

The command runs once per module inside a transaction that is rolled back afterwards; each
test runs in a savepoint within it.
"""

import datetime
import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from agenda.models import AgendaIndexPage, EvenementPage
from kennisbank.models import (
    DOELGROEPEN,
    VIER_OS,
    ProductAuteur,
    ProductPage,
    ProductTag,
    ProductType,
)
from portal.demo.werkplaatsen import WERKPLAATS_NAMEN
from portal.site.models import HomePage, SiteInstellingen
from portal.themas.models import LandelijkThemaPage
from werkplaatsen.models import (
    AssociatiePage,
    KennisagendaPage,
    LeeratelierPage,
    Persoon,
    Speerpunt,
    ThemagroepPage,
    WerkplaatsLector,
    WerkplaatsPage,
)

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# From the table in the position paper of March 2024 (seed 004).
LEIDING = {
    "Amsterdam en Omgeving": ["Lex Veldboer"],
    "Arnhem en Nijmegen": ["Lisbeth Verharen"],
    "Den Haag - Leiden": ["Suzan van der Pas"],
    "Flevoland": ["Kitty Jurrius"],
    "Friesland": ["Jolanda Tuinstra"],
    "Gelderse Vallei": ["Wim Dekker"],
    "Kennisplatform Utrecht Sociaal (kUS)": ["Lia van Doorn"],
    "Noord": ["Susan Ketner"],
    "Noord-Brabant Avans": ["Henk Spies"],
    "Noord-Brabant Fontys": ["Maja Rocak", "Mariël van Pelt"],
    "Noord-Holland": ["Lilian Linders"],
    "Regio Zwolle": ["Marja Jager-Vreugdenhil"],
    "Twente": ["Margriet Braun"],
    "Zeeland": ["Ruben de Cuyper"],
    "Zuid-Holland Zuid": ["Erna Hooghiemstra", "Richard de Brabander"],
    "Zuyd": ["Sabrina Keinemans"],
}
ZHZ = "Zuid-Holland Zuid"


@pytest.fixture(scope="module")
def demo_media(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        yield media
        transaction.set_rollback(True)
    cache.clear()


def product(titel):
    return ProductPage.objects.get(title=titel)


def werkplaats(naam):
    return WerkplaatsPage.objects.get(title=naam)


# The Werkplaatsen and their people ----------------------------------------------------------


def test_sixteen_live_werkplaatsen_with_the_seed_names(demo_media):
    werkplaatsen = WerkplaatsPage.objects.live()
    assert sorted(werkplaatsen.values_list("title", flat=True)) == sorted(LEIDING)
    assert sorted(WERKPLAATS_NAMEN) == sorted(LEIDING)


def test_only_zeeland_is_in_oprichting(demo_media):
    statussen = dict(WerkplaatsPage.objects.values_list("title", "status"))
    assert statussen.pop("Zeeland") == "in-oprichting"
    assert set(statussen.values()) == {"actief"}


def test_every_werkplaats_has_its_leaders(demo_media):
    for naam, leiders in LEIDING.items():
        rijen = WerkplaatsLector.objects.filter(page=werkplaats(naam), rol__contains="leiding")
        assert sorted(rij.persoon.naam for rij in rijen) == sorted(leiders), naam


def test_ouderenprogramma_trekkers(demo_media):
    def trekkers(naam):
        rijen = werkplaats(naam).lectoren.filter(rol__contains="ouderenprogramma")
        return sorted(rij.persoon.naam for rij in rijen)

    assert trekkers("Arnhem en Nijmegen") == ["Wendy Kemper"]
    assert trekkers("Noord-Brabant Fontys") == ["Maja Rocak", "Mariël van Pelt"]
    assert trekkers("Twente") == ["Margriet Braun"]


def test_lector_facts_only_where_the_sources_state_them(demo_media):
    witte = Persoon.objects.get(naam="Toby Witte")
    assert (witte.lectoraat, witte.hogeschool) == ("Maatschappelijke Zorg", "Hogeschool Rotterdam")
    walraven = Persoon.objects.get(naam="Guido Walraven")
    assert walraven.hogeschool == "Hogeschool Inholland"
    assert Persoon.objects.get(naam="Lex Veldboer").hogeschool == ""
    assert not Persoon.objects.exclude(link="").exists()


def test_zuid_holland_zuid_contact_and_partners(demo_media):
    zhz = werkplaats(ZHZ)
    assert zhz.telefoon == "010 794 5676"
    assert zhz.contact_email == "info@werkplaatssociaaldomeinzhz.nl"
    assert "3015 CX Rotterdam" in zhz.adres
    assert "Brede Raad 010" in zhz.partners.values_list("naam", flat=True)
    assert zhz.website == ""


def test_associatie_officers(demo_media):
    associatie = AssociatiePage.objects.get()
    rollen = {(rij.persoon.naam, rij.rol) for rij in associatie.functionarissen.all()}
    assert {
        ("Krijn van Beek", "voorzitter"),
        ("Annelies Kooiman", "secretaris"),
        ("Tim Sandys", "ondersteuning"),
    } <= rollen
    assert any(naam == "Hans Alderliesten" and "ouderen" in rol for naam, rol in rollen)


# Themes, themagroepen and kennisagenda's ----------------------------------------------------


def test_seven_themagroepen_with_their_start_years(demo_media):
    jaren = dict(ThemagroepPage.objects.live().values_list("title", "start_jaar"))
    assert jaren == {
        "Lerende praktijken": 2021,
        "Armoede": 2021,
        "Sociale basis": 2021,
        "Ervaringsdeskundigheid": 2021,
        "Polarisatie en vertrouwen": 2023,
        "Sociale verbondenheid": 2023,
        "Impact": 2023,
    }
    assert not ThemagroepPage.objects.filter(eind_jaar__isnull=False).exists()
    assert not ThemagroepPage.objects.filter(themas=None).exists()


def test_noord_holland_kennisagenda(demo_media):
    agenda = KennisagendaPage.objects.child_of(werkplaats("Noord-Holland")).get()
    assert (agenda.periode_start, agenda.periode_eind) == (2023, 2026)
    vraagstukken = agenda.speerpunten.filter(soort="professionaliseringsvraagstuk")
    assert vraagstukken.count() == 3
    for vraagstuk in vraagstukken:
        assert vraagstuk.themas.exists(), vraagstuk.titel
    contextueel = vraagstukken.get(titel__startswith="Contextueel werken")
    assert set(contextueel.themas.values_list("title", flat=True)) == {
        "Sociale cohesie",
        "Sociale inclusie",
        "Collectief werken",
    }
    impact = agenda.speerpunten.get(soort="dwarsverband")
    assert impact.themas.filter(title="Impact van het sociaal werk").exists()


def test_landelijk_werkprogramma_under_the_associatie(demo_media):
    programma = KennisagendaPage.objects.child_of(AssociatiePage.objects.get()).get()
    assert programma.speerpunten.count() >= 6
    assert not programma.speerpunten.filter(themas=None).exists()


def test_leerateliers_of_zuid_holland_zuid(demo_media):
    ateliers = LeeratelierPage.objects.child_of(werkplaats(ZHZ))
    assert {a.title: a.start_jaar for a in ateliers} == {
        "Doorontwikkeling wijkteams": 2016,
        "Samenwerking formeel en informeel": 2016,
    }
    nh_atelier = LeeratelierPage.objects.child_of(werkplaats("Noord-Holland")).get()
    assert nh_atelier.speerpunten.exists()


# Products named in the sources --------------------------------------------------------------


@pytest.mark.parametrize(
    ("titel", "datum", "auteur"),
    [
        (
            "Professionaliteit van het ‘ongepaste’: Leren, doen en durven",
            datetime.date(2017, 9, 1),
            "Toby Witte",
        ),
        ("Wat is goede ondersteuning en zorg?", datetime.date(2017, 7, 2), "Guido Walraven"),
        ("Meer dan alleen nabijheid", datetime.date(2017, 5, 2), "Toby Witte"),
    ],
)
def test_zuid_holland_zuid_columns(demo_media, titel, datum, auteur):
    column = product(titel)
    assert column.product_type == "column"
    assert column.publicatiedatum == datum
    assert [a.persoon.naam for a in column.auteurs.all()] == [auteur]
    assert column.werkplaats.title == ZHZ
    assert column.body


def test_column_without_date_says_the_date_is_approximate(demo_media):
    column = product("Professionaliteit van het ‘ongepaste’: Leren, doen en durven")
    assert column.datum_bij_benadering
    assert "benadering" in column.herkomst_notitie
    assert "benadering" not in str(column.body) + column.samenvatting


def test_op_weg_naar_samenspel(demo_media):
    samenspel = product("Op weg naar samenspel")
    assert samenspel.werkplaats.title == ZHZ
    assert samenspel.leeratelier.title == "Samenwerking formeel en informeel"
    assert samenspel.externe_link.startswith("https://www.werkplaatssociaaldomeinzhz.nl/")


def test_hoopvol_en_kwetsbaar(demo_media):
    hoopvol = ProductPage.objects.get(title__startswith="Hoopvol en kwetsbaar")
    assert hoopvol.werkplaats is None
    assert [a.naam for a in hoopvol.auteurs.all()] == [
        "Movisie",
        "Werkplaatsen Sociaal Domein",
        "Hogeschool van Arnhem Nijmegen",
        "NHL Stenden Hogeschool",
    ]
    assert hoopvol.publicatiedatum == datetime.date(2021, 1, 12)
    assert hoopvol.externe_link.startswith("https://www.movisie.nl/")
    assert "12 januari 2021" in hoopvol.herkomst_notitie


def test_position_paper_broedplaatsen(demo_media):
    paper = product("Broedplaatsen voor nieuwe antwoorden in het sociaal domein")
    assert paper.product_type == "position-paper"
    assert (paper.publicatiedatum.year, paper.publicatiedatum.month) == (2024, 3)
    assert paper.werkplaats is None


def test_paper_of_2019(demo_media):
    paper = product("Aansluiten bij het gewone leven: een complexe opgave")
    assert paper.product_type == "artikel"
    assert paper.publicatiedatum == datetime.date(2019, 9, 30)
    assert paper.externe_link == "https://doi.org/10.18352/jsi.620"
    assert "Journal of Social Intervention" in str(paper.body)


# Events --------------------------------------------------------------------------------------


def test_symposium_2019(demo_media):
    symposium = EvenementPage.objects.get(title__contains="De waarde van werken")
    assert timezone.localtime(symposium.start).date() == datetime.date(2019, 11, 25)
    assert symposium.soort == "symposium"
    assert isinstance(symposium.get_parent().specific, AgendaIndexPage)
    assert symposium.themas.filter(slug="samenwerken").exists()


def test_symposium_2022_says_how_the_year_was_inferred(demo_media):
    symposium = EvenementPage.objects.get(title__contains="coronacrisis")
    assert timezone.localtime(symposium.start).date() == datetime.date(2022, 3, 18)
    assert "afgeleid" in symposium.herkomst_notitie
    assert "Wmo" in symposium.herkomst_notitie
    assert "afgeleid" not in symposium.beschrijving
    assert symposium.locatie or symposium.online


def test_upcoming_and_past_demo_events(demo_media):
    komend = EvenementPage.objects.komend()
    assert komend.count() >= 5
    assert EvenementPage.objects.geweest().count() >= 5
    assert komend.filter(leeratelier__isnull=False).exists()
    assert {e.soort for e in komend} >= {"kenniscafe", "webinar", "leerkring", "bijeenkomst"}
    symposium = komend.get(soort="symposium")
    sprekers = [spreker for blok in symposium.programma for spreker in blok.value["sprekers"]]
    assert len(symposium.programma) >= 4
    assert sprekers and all(isinstance(s, Persoon) for s in sprekers)


# The whole kennisbank ------------------------------------------------------------------------


def test_products_belong_to_the_werkplaats_of_their_subtree(demo_media):
    for pagina in ProductPage.objects.all():
        eigenaar = WerkplaatsPage.objects.ancestor_of(pagina).first()
        assert pagina.werkplaats_id == (eigenaar.pk if eigenaar else None), pagina.title
    associatie = AssociatiePage.objects.get()
    assert not ProductPage.objects.child_of(associatie).exclude(werkplaats=None).exists()


def test_every_werkplaats_has_at_least_three_products(demo_media):
    for naam in LEIDING:
        assert ProductPage.objects.live().filter(werkplaats__title=naam).count() >= 3, naam
    assert ProductPage.objects.count() >= 48 + 7


def test_every_filter_value_has_a_product(demo_media):
    live = ProductPage.objects.live()
    for thema in LandelijkThemaPage.objects.all():
        assert live.filter(themas=thema).exists(), thema.title
    for groep in ThemagroepPage.objects.all():
        assert live.filter(themagroepen=groep).exists(), groep.title
    for waarde, _label in ProductType.choices:
        assert live.filter(product_type=waarde).exists(), waarde
    for _slug, veld, _label in VIER_OS + DOELGROEPEN:
        assert live.filter(**{veld: True}).exists(), veld
    jaren = set(live.values_list("publicatiedatum__year", flat=True))
    assert set(range(2019, 2027)) <= jaren
    assert Tag.objects.count() >= 12


def test_demo_products_are_marked_as_demo(demo_media):
    demo = ProductPage.objects.filter(slug__startswith="demo-")
    assert demo.count() >= 48
    assert all(p.is_voorbeeld and p.herkomst_notitie for p in demo)
    assert not ProductPage.objects.exclude(slug__startswith="demo-").filter(is_voorbeeld=True)
    assert not ProductAuteur.objects.filter(page__in=demo).exists()


def test_product_titles_are_unique(demo_media):
    titels = list(ProductPage.objects.values_list("title", flat=True))
    assert len(titels) == len(set(titels))


def test_search_forms_singular_and_plural(demo_media):
    titels = list(ProductPage.objects.values_list("title", flat=True))
    assert any(re.search(r"\bwijkteam\b", t) for t in titels)
    assert any(re.search(r"\bwijkteams\b", t) for t in titels)


def test_every_page_is_valid(demo_media):
    for pagina in Page.objects.filter(depth__gt=1).specific():
        pagina.full_clean()


def test_documents_are_pdfs_and_images_have_a_description(demo_media, settings):
    settings.MEDIA_ROOT = demo_media
    documenten = get_document_model().objects.all()
    assert documenten.count() >= 3
    for document in documenten:
        with document.file.open("rb") as bestand:
            inhoud = bestand.read()
        assert inhoud.startswith(b"%PDF-1.4") and inhoud.rstrip().endswith(b"%%EOF")
        startxref = int(inhoud.rsplit(b"startxref", 1)[1].split()[0])
        assert inhoud[startxref:].startswith(b"xref")
    afbeeldingen = get_image_model().objects.all()
    assert afbeeldingen.count() >= 3
    assert all(len(a.description) > 20 for a in afbeeldingen)
    assert ProductPage.objects.exclude(afbeelding=None).count() == afbeeldingen.count()


# Home, site and menu -------------------------------------------------------------------------


def test_home_site_and_menu(demo_media):
    home = HomePage.objects.get()
    site = Site.objects.get(is_default_site=True)
    assert (site.root_page_id, site.hostname, site.port) == (home.pk, "localhost", 80)
    assert site.site_name == "Werkplaatsen Sociaal Domein"
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail").exists()
    menu = home.get_children().live().in_menu()
    assert [p.slug for p in menu] == [
        "werkplaatsen",
        "kennisbank",
        "themas",
        "themagroepen",
        "agenda",
        "associatie",
    ]
    info = home.get_children().filter(show_in_menus=False).values_list("slug", flat=True)
    assert set(info) == {"contact", "privacy", "toegankelijkheid", "nieuwsbrief"}
    assert 3 <= home.uitgelichte_producten.count() <= 4
    instellingen = SiteInstellingen.for_site(site)
    assert instellingen.contact_email == "info@werkplaatsensociaaldomein.nl"
    assert instellingen.telefoon == ""


# Idempotency and rendering -------------------------------------------------------------------


def momentopname():
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk", "title", "live", "last_published_at", "latest_revision_id"
            )
        ),
        "revisions": Revision.objects.count(),
        "lectoren": list(Persoon.objects.order_by("pk").values()),
        "documents": list(get_document_model().objects.values_list("pk", "file")),
        "images": list(get_image_model().objects.values_list("pk", "file")),
        "tags": list(Tag.objects.values_list("pk", "name")),
        "tagged": ProductTag.objects.count(),
        "rijen": [
            list(model.objects.order_by("pk").values_list("pk", flat=True))
            for model in (WerkplaatsLector, Speerpunt, ProductAuteur)
        ],
        "sites": list(Site.objects.values()),
    }


def test_second_run_changes_nothing(demo_media):
    voor = momentopname()
    uitvoer = io.StringIO()
    call_command("load_demo_content", stdout=uitvoer)
    assert momentopname() == voor
    assert "0 gemaakt, 0 gewijzigd" in uitvoer.getvalue()


def test_every_live_page_answers_200(demo_media, client, settings):
    settings.MEDIA_ROOT = demo_media
    for pagina in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(pagina.url)
        assert response.status_code == 200, (pagina.url, response.status_code)


def test_every_document_and_image_on_a_live_page_is_public(demo_media, client, settings):
    """portal/site/bijlagen.py serves a file only when a visible page uses it: the demo's files are
    all used by live, public pages."""
    settings.MEDIA_ROOT = demo_media
    cache.clear()  # renditions cached by an earlier test, whose rows were rolled back
    bestand = re.compile(r"/(?:documenten|media)/[^\"'\s?#]+")
    urls = set()
    for pagina in Page.objects.live().filter(depth__gt=1).specific():
        urls |= set(bestand.findall(client.get(pagina.url).content.decode()))
    assert any(url.startswith("/documenten/") for url in urls)
    assert any(url.startswith("/media/images/") for url in urls)

    for url in sorted(urls):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "public" in response["Cache-Control"], url
