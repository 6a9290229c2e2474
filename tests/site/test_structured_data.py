"""schema.org JSON-LD on every page type of the demo content, read as data.

Each page's <script type="application/ld+json"> blocks are parsed with json and checked per
type: products, events, Werkplaatsen, the Associatie, the home page, and a BreadcrumbList
equal to the visible breadcrumbs on every page that shows them. The page types come from
Wagtail's registry, so a new page type without a live demo page or without breadcrumbs data
fails here.
"""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.urls import resolve, reverse
from django.utils import timezone
from wagtail.models import Page, get_page_models

from agenda.models import EvenementPage
from kennisbank.models import ProductAuteur, ProductPage
from portal.basis.openbaar import openbaar
from portal.basis.site_url import site_url
from portal.site import bijlagen
from portal.site.models import SiteInstellingen
from portal.themas.models import LandelijkThemaPage
from tests.support.tree import add_product, demo_inhoud
from werkplaatsen.models import AssociatiePage, WerkplaatsPage

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PAGINATYPEN = sorted(
    model.__name__
    for model in get_page_models()
    if not model._meta.abstract and model is not Page and model.is_creatable
)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_inhoud(django_db_blocker, tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture
def lees(demo, client):
    def lees(url):
        response = client.get(url)
        assert response.status_code == 200, url
        soup = BeautifulSoup(response.content.decode(), "html.parser")
        blokken = [
            json.loads(blok.string)
            for blok in soup.head.find_all("script", type="application/ld+json")
        ]
        assert all(blok["@context"] == "https://schema.org" for blok in blokken)
        return soup, {blok["@type"]: blok for blok in blokken}

    return lees


def eerste(model, **filters):
    return openbaar(model.objects.filter(**filters)).order_by("path").first()


def absoluut(pagina):
    return f"{site_url()}{pagina.url}"


def associatie_data():
    associatie = AssociatiePage.objects.get()
    return {
        "@type": "Organization",
        "name": SiteInstellingen.objects.get().organisatie,
        "url": absoluut(associatie),
    }


@pytest.mark.parametrize("paginatype", PAGINATYPEN)
def test_every_page_type_has_breadcrumbs_as_shown(lees, paginatype):
    [model] = [m for m in get_page_models() if m.__name__ == paginatype]
    pagina = eerste(model, depth__gt=1)
    assert pagina is not None, f"no public {paginatype} in the demo content"
    soup, data = lees(pagina.url)

    zichtbaar = [
        (a.get_text(strip=True), f"{site_url()}{a['href']}")
        for a in soup.select("nav.breadcrumbs a")
    ]
    if pagina.depth == 2:
        assert not zichtbaar and "BreadcrumbList" not in data
        return
    items = data["BreadcrumbList"]["itemListElement"]
    assert [(item["name"], item["item"]) for item in items] == zichtbaar
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert items[-1]["item"] == absoluut(pagina)
    assert len(items) == pagina.depth - 1


def test_home_page_is_a_website_with_its_search(lees, client):
    home = eerste(Page, depth=2)
    _soup, data = lees(home.url)

    website = data["WebSite"]
    assert website["url"] == absoluut(home)
    assert website["inLanguage"] == "nl"
    assert website["publisher"] == associatie_data()
    actie = website["potentialAction"]
    assert actie["@type"] == "SearchAction"
    assert actie["query-input"] == "required name=search_term_string"
    sjabloon = actie["target"]["urlTemplate"]
    assert sjabloon == f"{site_url()}{reverse('zoeken')}?q={{search_term_string}}"
    # The template is the site's real search: filled in, it finds a product.
    product = eerste(ProductPage)
    zoek = client.get(sjabloon.removeprefix(site_url()).format(search_term_string=product.title))
    assert product.title in zoek.content.decode()


def werk_van(lees, product):
    _soup, data = lees(product.url)
    [soort] = [s for s in ("ScholarlyArticle", "Report", "CreativeWork") if s in data]
    return data[soort]


def test_products_with_authors_and_themes(lees):
    product = eerste(ProductPage, auteurs__isnull=False, themas__isnull=False)
    assert product is not None, "the demo content needs a product with authors and themes"
    werk = werk_van(lees, product)

    assert werk["name"] == product.title
    assert werk["url"] == absoluut(product)
    assert werk["inLanguage"] == "nl"
    assert werk["datePublished"] == product.publicatiedatum_iso
    namen = [a.naam or a.persoon.naam for a in product.auteurs.order_by("sort_order")]
    assert [a["name"] for a in werk["author"]] == namen
    assert all(a["@type"] in ("Person", "Organization") for a in werk["author"])
    assert werk["publisher"]["name"] == str(product.herkomst_naam)
    themas = openbaar(product.themas.all()).order_by("path")
    assert sorted((t["name"], t["url"]) for t in werk["about"]) == sorted(
        (t.title, absoluut(t)) for t in themas
    )
    assert all(t["@type"] == "DefinedTerm" for t in werk["about"])


def test_a_products_file_by_absolute_url_type_and_size(lees):
    product = eerste(ProductPage, document__isnull=False)
    assert product is not None, "the demo content needs a product with a file"
    bestand = werk_van(lees, product)["encoding"]

    document = product.document
    assert bestand["contentUrl"] == f"{site_url()}{document.url}"
    assert bestand["encodingFormat"] == document.content_type
    assert document.file_size > 0
    assert bestand["contentSize"] == f"{document.file_size} B"
    # The site serves it there (the file itself lives in the demo's own media folder).
    assert resolve(bestand["contentUrl"].removeprefix(site_url())).func is bijlagen.document


@pytest.mark.parametrize(
    ("product_type", "soort"),
    [("rapport", "Report"), ("artikel", "ScholarlyArticle"), ("video", "CreativeWork")],
)
def test_a_product_without_authors_is_by_its_werkplaats(lees, product_type, soort):
    werkplaats = eerste(WerkplaatsPage)
    product = add_product(werkplaats, "Zonder auteurs", product_type=product_type, samenvatting="x")
    assert not ProductAuteur.objects.filter(page=product).exists()
    _soup, data = lees(product.url)

    organisatie = {"@type": "Organization", "name": werkplaats.title, "url": absoluut(werkplaats)}
    assert data[soort]["author"] == [organisatie]
    assert data[soort]["publisher"] == organisatie


def test_a_national_product_without_authors_is_by_the_associatie(lees):
    product = add_product(
        AssociatiePage.objects.get(), "Landelijk", product_type="video", samenvatting="x"
    )
    _soup, data = lees(product.url)
    assert data["CreativeWork"]["author"] == [associatie_data()]


def evenement(**filters):
    gevonden = eerste(EvenementPage, **filters)
    assert gevonden is not None, f"the demo content needs an event with {filters}"
    return gevonden


def test_a_timed_event_at_a_place(lees):
    event = evenement(hele_dag=False, online=False, eind__isnull=False)
    _soup, data = lees(event.url)
    gegevens = data["Event"]

    start = datetime.datetime.fromisoformat(gegevens["startDate"])
    eind = datetime.datetime.fromisoformat(gegevens["endDate"])
    assert start.tzinfo is not None and eind.tzinfo is not None
    assert (start, eind) == (event.start, event.eind)
    assert gegevens["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert gegevens["eventStatus"] == "https://schema.org/EventScheduled"
    plaats = gegevens["location"]
    assert plaats["@type"] == "Place"
    assert plaats["address"]["@type"] == "PostalAddress"
    assert plaats["name"] in event.locatie
    if event.werkplaats_id:
        assert gegevens["organizer"]["name"] == event.werkplaats.title
    else:
        assert gegevens["organizer"] == associatie_data()


def test_a_whole_day_event_by_its_dates(lees):
    event = evenement(hele_dag=True)
    _soup, data = lees(event.url)
    gegevens = data["Event"]

    assert gegevens["startDate"] == timezone.localdate(event.start).isoformat()
    assert gegevens["endDate"] == timezone.localdate(event.eind or event.start).isoformat()


def test_an_online_event_is_virtual(lees):
    event = evenement(online=True, locatie="")
    _soup, data = lees(event.url)
    gegevens = data["Event"]

    assert gegevens["location"] == {"@type": "VirtualLocation", "url": absoluut(event)}
    assert gegevens["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_an_event_at_a_place_and_online_is_mixed(lees):
    event = evenement(hele_dag=False, online=False)
    event.online = True
    event.locatie = "Hogeschool Utrecht, Heidelberglaan 7, Utrecht"
    event.save_revision().publish()
    _soup, data = lees(event.url)
    gegevens = data["Event"]

    assert gegevens["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    plaats, online = gegevens["location"]
    assert plaats == {
        "@type": "Place",
        "name": "Hogeschool Utrecht",
        "address": {
            "@type": "PostalAddress",
            "addressCountry": "NL",
            "addressLocality": "Utrecht",
            "streetAddress": "Heidelberglaan 7",
        },
    }
    assert online["@type"] == "VirtualLocation"


def test_a_werkplaats_is_an_organization_of_the_associatie(lees):
    werkplaats = (
        openbaar(WerkplaatsPage.objects.filter(gemeenten__isnull=False, partners__isnull=False))
        .distinct()
        .order_by("path")
        .first()
    )
    assert werkplaats is not None
    _soup, data = lees(werkplaats.url)
    organisatie = data["Organization"]

    assert organisatie["name"] == werkplaats.title
    assert organisatie["url"] == absoluut(werkplaats)
    assert organisatie["parentOrganization"] == associatie_data()
    personen = {m["name"] for m in organisatie["member"] if m["@type"] == "Person"}
    partners = {m["name"] for m in organisatie["member"] if m["@type"] == "Organization"}
    assert personen == {rol.persoon.naam for rol in werkplaats.lectoren.all()}
    assert partners == {partner.naam for partner in werkplaats.partners.all()}
    gebieden = organisatie["areaServed"]
    assert [g["identifier"] for g in gebieden] == list(
        werkplaats.gemeenten.order_by("naam").values_list("cbs_code", flat=True)
    )
    assert {g["containedInPlace"]["name"] for g in gebieden} == set(werkplaats.provincies)


def test_the_associatie_is_an_organization_with_its_officers(lees):
    associatie = AssociatiePage.objects.get()
    _soup, data = lees(associatie.url)
    organisatie = data["Organization"]

    assert {k: organisatie[k] for k in ("@type", "name", "url")} == associatie_data()
    assert [m["name"] for m in organisatie["member"]] == [
        rol.persoon.naam for rol in associatie.functionarissen.all()
    ]


def test_a_thema_in_about_links_to_a_live_thema_page(lees, client):
    product = eerste(ProductPage, themas__isnull=False)
    _soup, data = lees(product.url)
    [soort] = [s for s in data if s != "BreadcrumbList"]
    for thema in data[soort]["about"]:
        pad = thema["url"].removeprefix(site_url())
        assert client.get(pad).status_code == 200
        assert LandelijkThemaPage.objects.filter(title=thema["name"]).exists()


def test_the_associatie_named_in_the_data_follows_the_site_settings(lees):
    product = add_product(
        AssociatiePage.objects.get(), "Landelijk", product_type="video", samenvatting="x"
    )
    assert lees(product.url)[1]["CreativeWork"]["publisher"] == associatie_data()
    instellingen = SiteInstellingen.objects.get()
    instellingen.organisatie = "Associatie met een nieuwe naam"
    instellingen.save()  # as the settings' edit view saves it
    publisher = lees(product.url)[1]["CreativeWork"]["publisher"]
    assert publisher == associatie_data()
    assert publisher["name"] == "Associatie met een nieuwe naam"
