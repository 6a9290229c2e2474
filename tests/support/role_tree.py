"""A page tree with two regions, national content, people, files and one user per role.

Also small helpers for driving the real Wagtail admin in tests: the data of a page's edit
form, and a way to set "now".
"""

import atexit
import contextlib
import datetime
import io
import shutil
import tempfile
from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from agenda.models import EvenementPage
from portal.site.models import InformatiePagina, ToegankelijkheidsverklaringPage
from portal.site.rollen import BEHEER_GROEP, richt_rollen_in
from portal.volgen.models import NieuwsbriefIndexPage, NieuwsbriefPage
from tests.support.tree import add_product, build_tree, publish
from werkplaatsen.models import (
    KennisagendaPage,
    LeeratelierPage,
    Persoon,
    Speerpunt,
    ThemagroepIndexPage,
    ThemagroepPage,
    WerkplaatsPage,
)
from werkplaatsen.rechten import ASSOCIATIE_GROEP, collectie_van, groep_van

WACHTWOORD = "een-lang-testwachtwoord"

# Files made in setUpTestData must still be there in each test, whose MEDIA_ROOT the
# conftest fixture otherwise points to a fresh folder.
MEDIA_ROOT = tempfile.mkdtemp(prefix="wsd-rollen-media-")
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)


class VasteMediaMap:
    """Mixin for TestCases with uploaded files in setUpTestData."""

    @classmethod
    def setUpClass(cls):
        cls._media = override_settings(MEDIA_ROOT=MEDIA_ROOT)
        cls._media.enable()
        cls.addClassCleanup(cls._media.disable)
        super().setUpClass()

    def setUp(self):
        super().setUp()
        media = override_settings(MEDIA_ROOT=MEDIA_ROOT)
        media.enable()
        self.addCleanup(media.disable)


def tekst(html):
    return [("tekst", html)]


def add_event(parent, title, start, **fields):
    fields.setdefault("soort", "kenniscafe")
    fields.setdefault("samenvatting", f"Over {title}.")
    fields.setdefault("locatie", "Utrecht")
    return publish(parent, EvenementPage(title=title, start=start, **fields))


def add_kennisagenda(parent, title, slug):
    agenda = KennisagendaPage(
        title=title, slug=slug, periode_start=2024, periode_eind=2027, intro="Waarom."
    )
    agenda.speerpunten = [Speerpunt(titel="Ouder worden in de wijk", beschrijving="<p>x</p>")]
    return publish(parent, agenda)


def regio(tree, sleutel, werkplaats):
    """Kennisagenda, leeratelier, product, event and a product of the leeratelier."""
    naam = werkplaats.slug
    tree[f"{sleutel}_agenda"] = add_kennisagenda(werkplaats, f"Kennisagenda {naam}", f"ka-{naam}")
    tree[f"{sleutel}_atelier"] = publish(
        werkplaats,
        LeeratelierPage(
            title=f"Leeratelier {naam}", slug=f"atelier-{naam}", intro="x", start_jaar=2024
        ),
    )
    tree[f"{sleutel}_product"] = add_product(
        werkplaats, f"Product {naam}", slug=f"product-{naam}", body=tekst("<p>Inhoud.</p>")
    )
    tree[f"{sleutel}_atelierproduct"] = add_product(
        tree[f"{sleutel}_atelier"], f"Atelierproduct {naam}", slug=f"atelierproduct-{naam}"
    )
    tree[f"{sleutel}_evenement"] = add_event(
        werkplaats,
        f"Kenniscafé {naam}",
        timezone.now() + datetime.timedelta(days=20),
        slug=f"cafe-{naam}",
    )


def gebruiker(username, *groepen, **velden):
    velden.setdefault("email", f"{username}@example.org")
    user = get_user_model().objects.create_user(username=username, password=WACHTWOORD, **velden)
    user.groups.set(Group.objects.filter(name__in=groepen))
    return user


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), (40, 110, 70)).save(buffer, "PNG")
    return buffer.getvalue()


def maak_afbeelding(titel, collectie, door):
    return get_image_model().objects.create(
        title=titel,
        collection=collectie,
        uploaded_by_user=door,
        file=ImageFile(io.BytesIO(png()), name=f"{titel.lower()}.png"),
    )


def maak_document(titel, collectie, door):
    return get_document_model().objects.create(
        title=titel,
        collection=collectie,
        uploaded_by_user=door,
        file=ContentFile(b"%PDF-1.4\n%test\n", name=f"{titel.lower()}.pdf"),
    )


def bouw_rollenboom():
    """The tree of tests.support.tree plus everything the role tests need; runs setup_roles."""
    tree = build_tree()
    home = tree["home"]
    tree["themas"] = tree["armoede"].get_parent().specific
    tree["zeeland"] = publish(
        tree["index"],
        WerkplaatsPage(title="Zeeland", slug="zeeland", korte_naam="Zeeland", intro="x"),
    )
    groepen = tree["themagroepen"] = publish(
        home, ThemagroepIndexPage(title="Themagroepen", slug="themagroepen")
    )
    tree["themagroep"] = publish(
        groepen,
        ThemagroepPage(
            title="Wijkgerichte zorg",
            slug="wijkgerichte-zorg",
            korte_beschrijving="x",
            beschrijving="<p>x</p>",
            start_jaar=2023,
        ),
    )
    regio(tree, "noord", tree["noord"])
    regio(tree, "zuyd", tree["zuyd"])
    tree["landelijk_product"] = add_product(
        tree["associatie"], "Landelijk product", slug="landelijk-product"
    )
    tree["werkprogramma"] = add_kennisagenda(tree["associatie"], "Werkprogramma", "werkprogramma")
    tree["symposium"] = add_event(
        tree["agenda"],
        "Symposium Sociaal Domein",
        timezone.now() + datetime.timedelta(days=60),
        slug="symposium",
        soort="symposium",
        registratie_url="https://example.org/aanmelden",
    )
    tree["over_ons"] = publish(home, InformatiePagina(title="Over ons", slug="over-ons", intro="x"))
    tree["toegankelijkheid"] = publish(
        home,
        ToegankelijkheidsverklaringPage(
            title="Toegankelijkheid",
            slug="toegankelijkheid",
            intro="x",
            status="C",
            datum_verklaring=datetime.date(2026, 12, 1),
            reikwijdte="x",
            onderzoeksmethode="x",
            onderzoek_gepland=datetime.date(2027, 5, 1),
            contact_email="toegankelijkheid@example.org",
        ),
    )
    tree["nieuwsbrieven"] = publish(home, NieuwsbriefIndexPage(title="Nieuwsbrief", slug="nb"))
    tree["nieuwsbrief"] = publish(
        tree["nieuwsbrieven"], NieuwsbriefPage(title="Nieuwsbrief mei", slug="mei", body="<p>x</p>")
    )
    tree["contact"] = publish(
        tree["associatie"], InformatiePagina(title="Contact", slug="contact", intro="x")
    )

    richt_rollen_in()

    tree["lector_noord"] = Persoon.objects.create(naam="Lector Noord", beheerd_door=tree["noord"])
    tree["lector_zuyd"] = Persoon.objects.create(naam="Lector Zuyd", beheerd_door=tree["zuyd"])
    tree["lector_associatie"] = Persoon.objects.create(naam="Lector Associatie")

    tree["groep_noord"] = groep_van(tree["noord"])
    tree["groep_zuyd"] = groep_van(tree["zuyd"])
    tree["groep_associatie"] = Group.objects.get(name=ASSOCIATIE_GROEP)
    tree["noord_redacteur"] = gebruiker(
        "noord", tree["groep_noord"].name, first_name="Nina", last_name="Noord"
    )
    tree["zuyd_redacteur"] = gebruiker("zuyd", tree["groep_zuyd"].name)
    tree["zeeland_redacteur"] = gebruiker("zeeland", groep_van(tree["zeeland"]).name)
    tree["associatie_redacteur"] = gebruiker("associatie", ASSOCIATIE_GROEP)
    tree["beheerder"] = gebruiker("beheer", BEHEER_GROEP)
    tree["superuser"] = get_user_model().objects.create_superuser(
        "admin", "admin@example.org", WACHTWOORD
    )

    for sleutel, groep, door in [
        ("noord", tree["groep_noord"], tree["noord_redacteur"]),
        ("zuyd", tree["groep_zuyd"], tree["zuyd_redacteur"]),
        ("associatie", tree["groep_associatie"], tree["associatie_redacteur"]),
    ]:
        collectie = collectie_van(groep)
        tree[f"collectie_{sleutel}"] = collectie
        tree[f"afbeelding_{sleutel}"] = maak_afbeelding(f"Beeld {sleutel}", collectie, door)
        tree[f"document_{sleutel}"] = maak_document(f"Verslag {sleutel}", collectie, door)
    return tree


# --- Driving the admin -------------------------------------------------------------------------


def blok_postdata(block, value, prefix, data):
    """The form fields a browser would post for a StreamField value (which is built by JS)."""
    if isinstance(block, blocks.StreamBlock):
        kinderen = list(value or [])
        data[f"{prefix}-count"] = str(len(kinderen))
        for i, kind in enumerate(kinderen):
            data[f"{prefix}-{i}-type"] = kind.block_type
            data[f"{prefix}-{i}-deleted"] = ""
            data[f"{prefix}-{i}-order"] = str(i)
            data[f"{prefix}-{i}-id"] = kind.id or ""
            blok_postdata(kind.block, kind.value, f"{prefix}-{i}-value", data)
    elif isinstance(block, blocks.ListBlock):
        items = list(value.bound_blocks) if value is not None else []
        data[f"{prefix}-count"] = str(len(items))
        for i, item in enumerate(items):
            data[f"{prefix}-{i}-deleted"] = ""
            data[f"{prefix}-{i}-order"] = str(i)
            data[f"{prefix}-{i}-id"] = item.id or ""
            blok_postdata(block.child_block, item.value, f"{prefix}-{i}-value", data)
    elif isinstance(block, blocks.StructBlock):
        for naam, kind in block.child_blocks.items():
            blok_postdata(kind, value.get(naam), f"{prefix}-{naam}", data)
    elif isinstance(block, blocks.ChooserBlock):
        data[prefix] = str(value.pk) if value is not None else ""
    elif isinstance(block, blocks.BooleanBlock):
        if value:
            data[prefix] = "on"
    else:
        data[prefix] = block.get_form_state(value) or ""


def formulierdata(pagina, door):
    """What the page's edit form would post unchanged, read from the real edit view."""
    client = Client()
    client.force_login(door)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[pagina.pk]))
    assert response.status_code == 200, response
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    specifiek = Page.objects.get(pk=pagina.pk).get_latest_revision_as_object()
    for veld in specifiek._meta.get_fields():
        if isinstance(veld, StreamField) and f"{veld.name}-count" not in data:
            blok_postdata(veld.stream_block, getattr(specifiek, veld.name), veld.name, data)
    return data


@contextlib.contextmanager
def tijd_op(moment):
    """Let ``django.utils.timezone.now()`` answer ``moment`` (code calling timezone.now())."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


# Each page type with the role that edits it.
PAGINATYPEN = {
    "home": "associatie_redacteur",
    "index": "superuser",
    "noord": "noord_redacteur",
    "noord_agenda": "noord_redacteur",
    "noord_atelier": "noord_redacteur",
    "noord_product": "noord_redacteur",
    "noord_evenement": "noord_redacteur",
    "associatie": "associatie_redacteur",
    "kennisbank": "associatie_redacteur",
    "themas": "associatie_redacteur",
    "armoede": "associatie_redacteur",
    "themagroepen": "associatie_redacteur",
    "themagroep": "associatie_redacteur",
    "agenda": "associatie_redacteur",
    "symposium": "associatie_redacteur",
    "over_ons": "associatie_redacteur",
    "toegankelijkheid": "associatie_redacteur",
    "nieuwsbrieven": "associatie_redacteur",
    "nieuwsbrief": "associatie_redacteur",
}
