"""Documents and image files follow the privacy of the pages that use them (portal/site/bijlagen).

One tree, built once for the module: for every kind of privacy a page can have and every way a
page can use a file, one product page that is the only user of its own document or image.
Each visitor then asks for each file: the document's URL, the image's original, and every
rendition the page's own template makes (collected from the page as an editor sees its draft).
"""

import datetime
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, PageViewRestriction
from wagtail.rich_text import RichText

from kennisbank.models import ProductPage
from portal.site.models import InformatiePagina
from portal.site.rollen import richt_rollen_in
from tests.support.role_tree import gebruiker, maak_afbeelding, maak_document
from tests.support.tree import build_tree, publish
from werkplaatsen.models import Persoon
from werkplaatsen.rechten import groep_van

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

Document = get_document_model()
Image = get_image_model()
WACHTWOORD_PAGINA = "geheim-woord"
MEDIA_PAD = re.compile(re.escape(settings.MEDIA_URL) + r"(?:images|original_images)/[^\"'\s]+")


# How a page uses its file: the file kind and the fields of the ProductPage that use it.
def in_documentveld(document):
    return {"document": document}


def in_tekstlink(document):
    link = f'<p>Lees <a linktype="document" id="{document.pk}">het rapport</a>.</p>'
    return {"body": [("tekst", RichText(link))]}


def in_documentblok(document):
    return {"body": [("document", {"document": document, "titel": ""})]}


def in_afbeeldingveld(afbeelding):
    return {"afbeelding": afbeelding}


def in_afbeeldingblok(afbeelding):
    return {"body": [("afbeelding", afbeelding)]}


GEBRUIK = {
    "documentveld": ("document", in_documentveld),
    "tekstlink": ("document", in_tekstlink),
    "documentblok": ("document", in_documentblok),
    "afbeeldingveld": ("afbeelding", in_afbeeldingveld),
    "afbeeldingblok": ("afbeelding", in_afbeeldingblok),
}

# Kinds of privacy, and which visitors (besides the editor, who always may) see the page.
IEDEREEN = {"anoniem", "ingelogd", "groepslid", "wachtwoord"}
PRIVACY = {
    "openbaar": IEDEREEN,
    "login": {"ingelogd", "groepslid"},
    "login_op_de_pagina": {"ingelogd", "groepslid"},
    "wachtwoord": {"wachtwoord"},
    "groep": {"groepslid"},
    "concept": set(),
    "ouder_ingetrokken": set(),
    "verlopen": set(),
    "alleen_in_nieuw_concept": set(),
}
BEZOEKERS = sorted(IEDEREEN | {"redacteur"})


def sectie(home, naam, beperking=None, **velden):
    pagina = publish(home, InformatiePagina(title=f"Sectie {naam}", slug=f"sectie-{naam}"))
    if beperking:
        restrictie = PageViewRestriction.objects.create(
            page=pagina, restriction_type=beperking, **velden
        )
        return pagina, restrictie
    return pagina, None


def product(naam, **velden):
    return ProductPage(
        title=f"Product {naam}",
        slug=f"product-{naam}",
        product_type="rapport",
        publicatiedatum=datetime.date(2025, 1, 1),
        samenvatting="Samenvatting.",
        externe_link="https://example.org/",
        **velden,
    )


def plaats(privacy, secties, naam, velden):
    """A ProductPage that uses a file through ``velden``, with the given kind of privacy."""
    if privacy == "concept":
        pagina = product(naam, live=False, **velden)
        secties["openbaar"].add_child(instance=pagina)
        pagina.save_revision()
    elif privacy == "alleen_in_nieuw_concept":
        pagina = publish(secties["openbaar"], product(naam))
        for veld, waarde in velden.items():
            setattr(pagina, veld, waarde)
        pagina.save_revision()
    elif privacy == "verlopen":
        pagina = publish(secties["openbaar"], product(naam, **velden))
        type(pagina).objects.filter(pk=pagina.pk).update(
            expire_at=timezone.now() - datetime.timedelta(hours=1)
        )
    elif privacy == "login_op_de_pagina":
        pagina = publish(secties["openbaar"], product(naam, **velden))
        PageViewRestriction.objects.create(page=pagina, restriction_type="login")
    else:
        pagina = publish(secties[privacy], product(naam, **velden))
    return pagina


def media_urls(beheerder, pagina, bestand):
    """Every URL under MEDIA_URL the page's template shows, as an editor sees the draft."""
    html = beheerder.get(reverse("wagtailadmin_pages:view_draft", args=[pagina.pk]))
    assert html.status_code == 200
    urls = {re.sub(r"^https?://[^/]+", "", u) for u in MEDIA_PAD.findall(html.content.decode())}
    urls = {u for u in urls if not u.startswith(bestand.file.url)} | {bestand.file.url}
    assert len(urls) > 1, "the template shows no rendition of the image"
    return sorted(urls)


@pytest.fixture(scope="module")
def boom(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("bijlagen-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        yield {**bouw(Client()), "media": media}
        transaction.set_rollback(True)
    cache.clear()  # Wagtail's renditions of the rolled-back images


@pytest.fixture(autouse=True)
def _media_root(boom, settings):
    """The files of the module's tree (instead of a folder per test, tests/conftest.py)."""
    settings.MEDIA_ROOT = boom["media"]


def bouw(beheerder):
    tree = build_tree()
    richt_rollen_in()
    home = tree["home"]
    leden = Group.objects.create(name="Leden")
    secties, beperkingen = {}, {}
    for naam, soort, velden in [
        ("openbaar", None, {}),
        ("login", "login", {}),
        ("wachtwoord", "password", {"password": WACHTWOORD_PAGINA}),
        ("groep", "groups", {}),
        ("ouder_ingetrokken", None, {}),
    ]:
        secties[naam], beperkingen[naam] = sectie(home, naam, soort, **velden)
    beperkingen["groep"].groups.set([leden])

    root = Collection.get_first_root_node()
    superuser = gebruiker("beheer", is_superuser=True, is_staff=True)
    beheerder.force_login(superuser)
    bestanden = {}
    for privacy in PRIVACY:
        for gebruik, (soort, velden) in GEBRUIK.items():
            naam = f"{privacy}-{gebruik}".replace("_", "-")
            maak = maak_document if soort == "document" else maak_afbeelding
            bestand = maak(naam, root, superuser)
            pagina = plaats(privacy, secties, naam, velden(bestand))
            urls = [bestand.url] if soort == "document" else media_urls(beheerder, pagina, bestand)
            bestanden[privacy, gebruik] = (bestand, urls)
    secties["ouder_ingetrokken"].unpublish()
    return {
        "bestanden": bestanden,
        "secties": secties,
        "beperkingen": beperkingen,
        "leden": leden,
        "superuser": superuser,
        "home": home,
        "redacteursgroep": groep_van(tree["noord"]),
    }


@pytest.fixture
def bezoekers(boom):
    anoniem = Client()
    ingelogd = Client()
    ingelogd.force_login(gebruiker("lezer"))
    groepslid = Client()
    groepslid.force_login(gebruiker("lid", boom["leden"].name))
    redacteur = Client()
    redacteur.force_login(gebruiker("redacteur", boom["redacteursgroep"].name))
    wachtwoord = Client()
    restrictie = boom["beperkingen"]["wachtwoord"]
    response = wachtwoord.post(
        reverse(
            "wagtailcore_authenticate_with_password",
            args=[restrictie.pk, boom["secties"]["wachtwoord"].pk],
        ),
        {"password": WACHTWOORD_PAGINA, "return_url": "/"},
    )
    assert response.status_code == 302
    return {
        "anoniem": anoniem,
        "ingelogd": ingelogd,
        "groepslid": groepslid,
        "wachtwoord": wachtwoord,
        "redacteur": redacteur,
    }


def cache_control(response):
    return {deel.strip() for deel in response["Cache-Control"].split(",")}


def assert_geweigerd(response, url):
    assert response.status_code == 404, url
    assert {"private", "no-store"} <= cache_control(response), url
    assert not response.has_header("Content-Disposition"), url


@pytest.mark.parametrize("bezoeker", BEZOEKERS)
@pytest.mark.parametrize("gebruik", GEBRUIK)
@pytest.mark.parametrize("privacy", PRIVACY)
def test_a_file_is_served_to_whoever_may_see_a_page_that_uses_it(
    boom, bezoekers, privacy, gebruik, bezoeker
):
    bestand, urls = boom["bestanden"][privacy, gebruik]
    mag = bezoeker in PRIVACY[privacy] or bezoeker == "redacteur"

    for url in urls:
        response = bezoekers[bezoeker].get(url)

        if not mag:
            assert_geweigerd(response, url)
            continue
        assert response.status_code == 200, url
        inhoud = b"".join(response.streaming_content)
        if PRIVACY[privacy] == IEDEREEN:
            assert cache_control(response) == {"public", f"max-age={10 * 60}"}, url
        else:
            assert {"private", "no-store"} <= cache_control(response), url
            assert "public" not in cache_control(response), url
        if isinstance(bestand, Document):
            assert inhoud == bestand.file.open("rb").read()
            assert response["Content-Disposition"].startswith("attachment"), url
            assert response["Content-Security-Policy"] == "default-src 'none'", url
        else:
            assert response["Content-Type"].startswith("image/"), url
            assert inhoud[:4] in (b"\x89PNG", b"RIFF", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xdb")
        assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("soort", ["document", "afbeelding"])
def test_a_file_used_by_a_private_and_a_public_page_is_public(boom, soort):
    gebruik = next(g for g, (s, _v) in GEBRUIK.items() if s == soort)
    bestand, urls = boom["bestanden"]["login", gebruik]
    for url in urls:
        assert Client().get(url).status_code == 404, url

    publish(
        boom["secties"]["openbaar"],
        product(f"ook-openbaar-{soort}", **GEBRUIK[gebruik][1](bestand)),
    )

    for url in urls:
        response = Client().get(url)
        assert response.status_code == 200, url
        assert "public" in cache_control(response), url


def test_a_new_upload_used_nowhere_is_for_editors_only(boom, bezoekers):
    root = Collection.get_first_root_node()
    document = maak_document("Los", root, boom["superuser"])
    afbeelding = maak_afbeelding("Los", root, boom["superuser"])
    for url in (document.url, afbeelding.file.url, afbeelding.get_rendition("width-100").url):
        for naam in IEDEREEN:
            assert_geweigerd(bezoekers[naam].get(url), url)
        assert bezoekers["redacteur"].get(url).status_code == 200, url


@pytest.mark.parametrize("gebruik", GEBRUIK)
def test_access_to_the_admin_without_the_choose_permission_is_not_enough(boom, gebruik):
    bestand, urls = boom["bestanden"]["concept", gebruik]
    redacteur = gebruiker("zonder-kiesrecht")
    redacteur.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(redacteur)
    for url in urls:
        assert_geweigerd(client.get(url), url)


def test_a_lector_photo_is_public(boom):
    bestand, urls = boom["bestanden"]["concept", "afbeeldingblok"]
    assert Client().get(urls[0]).status_code == 404
    Persoon.objects.create(naam="Persoon", foto=bestand)

    assert all(Client().get(url).status_code == 200 for url in urls)


@pytest.mark.parametrize(
    "pad",
    [
        "../portal/settings/base.py",
        "%2e%2e/portal/settings/base.py",
        "images/../../portal/settings/base.py",
        "images/..%2f..%2fportal/settings/base.py",
        "/etc/passwd",
        "//etc/hostname",
        "images//{afbeelding}",
        "./original_images/{afbeelding}",
        "original_images/./{afbeelding}",
        "images/../original_images/{afbeelding}",
        "original_images\\{afbeelding}",
        "original_images/{afbeelding}/",
        "documents/{document}",
        "images/bestaat-niet.png",
        "original_images/bestaat-niet.png",
    ],
)
def test_only_image_files_from_the_database_are_served_from_media(boom, pad):
    bestand, _urls = boom["bestanden"]["openbaar", "afbeeldingveld"]
    document, _urls = boom["bestanden"]["openbaar", "documentveld"]
    assert Client().get(bestand.file.url).status_code == 200
    url = settings.MEDIA_URL + pad.format(
        afbeelding=bestand.file.name.split("/")[-1], document=document.file.name.split("/")[-1]
    )

    assert_geweigerd(Client().get(url), url)


def test_a_post_is_not_allowed(boom):
    bestand, _urls = boom["bestanden"]["openbaar", "afbeeldingveld"]
    assert Client().post(bestand.file.url).status_code == 405


def test_a_revisit_is_answered_with_304(boom):
    bestand, urls = boom["bestanden"]["openbaar", "afbeeldingveld"]
    response = Client().get(urls[0])
    response2 = Client().get(urls[0], headers={"if-modified-since": response["Last-Modified"]})
    assert response2.status_code == 304


@pytest.mark.parametrize("privacy", ["openbaar", "login", "groep"])
@pytest.mark.parametrize("soort", ["document", "afbeelding"])
def test_the_number_of_queries_does_not_grow_with_the_pages_that_use_a_file(
    boom, bezoekers, soort, privacy
):
    gebruik = next(g for g, (s, _v) in GEBRUIK.items() if s == soort)
    bestand, urls = boom["bestanden"][privacy, gebruik]
    bezoeker = bezoekers["groepslid"]
    aantallen = []
    for keer in range(2):
        for n in range(1 + 4 * keer):
            pagina = product(f"extra-{soort}-{keer}-{n}", **GEBRUIK[gebruik][1](bestand))
            publish(boom["secties"][privacy], pagina)
        bezoeker.get(urls[-1])  # what each process keeps per content version, read once
        with CaptureQueriesContext(connection) as queries:
            assert bezoeker.get(urls[-1]).status_code == 200
        aantallen.append(len(queries))
    assert aantallen[0] == aantallen[1]
