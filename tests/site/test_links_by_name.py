"""Links by name: no template or module types a path that Django or Wagtail can resolve.

The static checks derive what is "site-internal" from the code: the URLconf's first path
segments and the slugs of the pages just below the home page in the demo content. The
behaviour test renames the kennisbank and swaps the footer's pages, and the links follow.
"""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import get_resolver
from wagtail.models import Site

from portal.demo import paginas
from portal.site.models import InformatiePagina, SiteInstellingen
from tests.support.tree import add_product, build_tree, publish

BASE = Path(settings.BASE_DIR)

# Paths matched against a request, not links; fake data whose paths a benchmark visits.
TOEGESTAAN = {
    ("middleware.py", "/admin/"),
    ("middleware.py", "/django-admin/"),
    ("middleware.py", "/documenten/"),
    ("middleware.py", "/media/"),
    ("tweestaps.py", "/admin/"),
    ("tweestaps.py", "/django-admin/"),
}
NIET_GECONTROLEERD = {"urls.py", "bulkinhoud.py"}

TAG = re.compile(r"{%.*?%}", re.S)
ATTRIBUUT = re.compile(r"""\b(href|src|action)\s*=\s*(["'])(.*?)\2""", re.S)


def interne_paden_in_template(tekst):
    """Attribute values that start with one slash, outside {% %} tags."""
    return [
        waarde
        for _naam, _quote, waarde in ATTRIBUUT.findall(TAG.sub("", tekst))
        if waarde.startswith("/") and not waarde.startswith("//")
    ]


def test_the_template_check_can_fail():
    assert interne_paden_in_template('<a href="/kennisbank/?thema={{ s }}">') == [
        "/kennisbank/?thema={{ s }}"
    ]
    assert interne_paden_in_template("<form action='/zoeken/'>") == ["/zoeken/"]
    assert not interne_paden_in_template('<a href="{% url "zoeken" %}">')
    assert not interne_paden_in_template('<a href="{% pageurl p %}?thema=x">')
    assert not interne_paden_in_template('<a href="//example.org/">')


def eigen_apps():
    """The project's apps (those in the checkout, not in the environment)."""
    for config in apps.get_app_configs():
        map_ = Path(config.path)
        if map_.is_relative_to(BASE) and ".venv" not in map_.relative_to(BASE).parts:
            yield map_


def template_mappen():
    mappen = [Path(map_) for instelling in settings.TEMPLATES for map_ in instelling["DIRS"]]
    return mappen + [map_ / "templates" for map_ in eigen_apps()]


def test_templates_link_by_name():
    mappen = template_mappen()
    assert BASE / "templates" in mappen and BASE / "portal" / "site" / "templates" in mappen
    gevonden = {
        f"{pad.relative_to(BASE)}: {waarde}"
        for map_ in mappen
        for pad in map_.rglob("*.html")
        for waarde in interne_paden_in_template(pad.read_text())
    }
    assert not gevonden


def url_voorvoegsels():
    """First path segments of the URLconf and of the pages below the home page."""
    voorvoegsels = set()
    for patroon in get_resolver().url_patterns:
        segment = str(patroon.pattern).lstrip("^").split("/")[0]
        voorvoegsels.add(re.split(r"[<(\\$]", segment)[0])
    voorvoegsels |= {slug for _sleutel, slug, _titel, _intro in paginas.HOOFDMENU}
    voorvoegsels |= {slug for slug, *_rest in paginas.INFORMATIEPAGINAS}
    voorvoegsels.add(paginas.ASSOCIATIE["slug"])
    voorvoegsels.discard("")
    return voorvoegsels


def interne_paden_in_python(bron, voorvoegsels):
    paden = []
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
            waarde = knoop.value
            segment = re.split(r"[/?#]", waarde[1:], maxsplit=1)[0]
            if waarde.startswith("/") and segment in voorvoegsels:
                paden.append(waarde)
    return paden


def test_the_python_check_can_fail():
    voorvoegsels = url_voorvoegsels()
    assert {"zoeken", "feeds", "agenda.ics", "kennisbank", "contact"} <= voorvoegsels
    bron = 'A = "/kennisbank/"\nB = f"/feeds/thema/{x}/"\nC = "/agenda.ics"\nD = "/"\n'
    gevonden = set(interne_paden_in_python(bron, voorvoegsels))
    assert gevonden == {"/kennisbank/", "/feeds/thema/", "/agenda.ics"}


def python_modules():
    for map_ in eigen_apps():
        for pad in map_.rglob("*.py"):
            delen = pad.relative_to(map_).parts
            if {"migrations", "settings", "tests"} & set(delen) or pad.name in NIET_GECONTROLEERD:
                continue
            yield pad


def test_python_builds_no_internal_paths():
    voorvoegsels = url_voorvoegsels()
    gevonden = {
        f"{pad.relative_to(BASE)}: {waarde}"
        for pad in python_modules()
        for waarde in interne_paden_in_python(pad.read_text(), voorvoegsels)
        if (pad.name, waarde) not in TOEGESTAAN
    }
    assert not gevonden


# Behaviour -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_links_follow_a_renamed_kennisbank_and_the_chosen_footer_pages(client):
    tree = build_tree()
    product = add_product(tree["noord"], "Product")
    product.themas.add(tree["armoede"])
    product.save_revision().publish()
    contact = publish(tree["home"], InformatiePagina(title="Neem contact op", slug="bel-ons"))
    instellingen = SiteInstellingen.for_site(Site.objects.get(is_default_site=True))
    instellingen.contactpagina = contact
    instellingen.save()

    kennisbank = tree["kennisbank"]
    kennisbank.slug = "bibliotheek"
    kennisbank.save_revision().publish()

    home = client.get("/").content.decode()
    assert 'href="/bibliotheek/"' in home
    assert 'href="/bel-ons/"' in home
    assert 'href="/contact/"' not in home and 'href="/privacy/"' not in home

    werkplaats = client.get("/werkplaatsen/noord/").content.decode()
    assert 'href="/bibliotheek/?werkplaats=noord"' in werkplaats
    assert 'href="/bel-ons/"' in werkplaats

    themas = client.get("/themas/").content.decode()
    assert "/bibliotheek/?werkplaats=noord&amp;thema=armoede" in themas
    assert "/kennisbank/" not in themas

    niet_gevonden = client.get("/bestaat-niet/")
    assert niet_gevonden.status_code == 404
    assert 'href="/bibliotheek/"' in niet_gevonden.content.decode()
    assert 'href="/bel-ons/"' in niet_gevonden.content.decode()

    contact.unpublish()
    assert 'href="/bel-ons/"' not in client.get("/").content.decode()
