"""Hidden content for leak tests: every project page type in every state that is not public.

Pages are made in each hidden state (login, password or group restriction, draft, scheduled,
live under an unpublished parent, expired). Each carries its own marker in its title, slug, text
fields, tags, body, and the title and file name of an attached document and image, and is
linked from public pages through every page relation the models have (m2m fields and inline
rows pointing at pages, both ways). `bouw_verborgen_inhoud` can also make a public
counterpart of each type, marked the same way, so a test can check that the public one shows
up where the hidden ones must not.

Used by tests/site/test_leaks.py (the leak scanner) and the feed and search tests; the
`verborgen_inhoud` fixture (registered in tests/conftest.py) builds it on the role tree.
"""

import datetime
import itertools
import json
import re
import secrets
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.managers import TaggableManager
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.models import Collection, Page, PageViewRestriction, get_page_models

from tests.support.apps import project_app_labels
from tests.support.role_tree import bouw_rollenboom, png

PROJECT_APPS = project_app_labels()
MARKER = re.compile(r"(lek[0-9a-f]{10})(?:-([a-z_]+))?")
WACHTWOORD = "lek-wachtwoord"


def nieuwe_marker():
    return f"lek{secrets.token_hex(5)}"


# --- Building the hidden pages -------------------------------------------------------------


def project_paginamodellen():
    return [m for m in get_page_models() if m._meta.app_label in PROJECT_APPS]


def is_paginamodel(model):
    return isinstance(model, type) and issubclass(model, Page)


class Bouwer:
    """Makes marker pages, documents and images, and records which marker is what."""

    def __init__(self):
        self.markers = {}  # marker -> (model label, state)
        self.paginas = []  # (page, state)
        self.collectie = Collection.get_first_root_node()
        self.groep = Group.objects.create(name="Lekgroep")

    def document(self, marker):
        return get_document_model().objects.create(
            title=f"{marker}-document",
            collection=self.collectie,
            file=ContentFile(f"%PDF-1.4\n{marker}-inhoud\n".encode(), name=f"{marker}-doc.pdf"),
        )

    def afbeelding(self, marker):
        return get_image_model().objects.create(
            title=f"{marker}-afbeelding",
            collection=self.collectie,
            file=ImageFile(ContentFile(png()), name=f"{marker}-beeld.png"),
        )

    def pagina(self, model, toestand):
        marker = nieuwe_marker()
        self.markers[marker] = (model._meta.label, toestand)
        document, afbeelding = self.document(marker), self.afbeelding(marker)
        page = model(
            title=f"Titel {marker}-titel",
            slug=f"{marker}-slug",
            seo_title=f"{marker}-seo_title",
            search_description=f"{marker}-search_description",
        )
        for veld in model._meta.get_fields():
            if veld.concrete and veld.model is not Page and getattr(veld, "editable", False):
                waarde = veldwaarde(veld, marker, document, afbeelding)
                if waarde is not None:
                    setattr(page, veld.attname, waarde)
        for veld in model._meta.private_fields + list(model._meta.many_to_many):
            if isinstance(veld, TaggableManager):
                getattr(page, veld.name).add(f"{marker}-tag")
        page.marker, page.toestand = marker, toestand
        return page


def veldwaarde(veld, marker, document, afbeelding):
    """A valid value for a page or inline field, carrying the marker where it is text."""
    if isinstance(veld, StreamField):
        return json.dumps(streamwaarde(veld.stream_block, marker, document, afbeelding))
    if isinstance(veld, models.ForeignKey):
        if veld.related_model is get_document_model():
            return document.pk
        if veld.related_model is get_image_model():
            return afbeelding.pk
        return None
    if veld.is_relation or isinstance(veld, models.AutoField):
        return None
    if veld.choices:
        return veld.choices[0][0]
    tekst = f"{marker}-{veld.name}"
    if isinstance(veld, models.EmailField):
        return f"{tekst}@example.org"
    if isinstance(veld, models.URLField):
        return "https://example.org/"
    if isinstance(veld, RichTextField):
        return f"<p>{tekst}</p>"
    if isinstance(veld, models.CharField | models.TextField):
        return tekst[: veld.max_length]
    if isinstance(veld, models.DateTimeField):
        return timezone.now() + datetime.timedelta(days=30)
    if isinstance(veld, models.DateField):
        return timezone.localdate() - datetime.timedelta(days=1)
    if isinstance(veld, models.BooleanField):
        return True
    if isinstance(veld, models.IntegerField):
        return 2024
    return None


def blokwaarde(blok, naam, marker, document, afbeelding):
    if isinstance(blok, ImageBlock):
        return {"image": afbeelding.pk, "alt_text": f"{marker}-alt", "decorative": False}
    if isinstance(blok, ImageChooserBlock):
        return afbeelding.pk
    if isinstance(blok, DocumentChooserBlock):
        return document.pk
    if isinstance(blok, blocks.StructBlock):
        waarde = {}
        for kind_naam, kind in blok.child_blocks.items():
            kind_waarde = blokwaarde(kind, kind_naam, marker, document, afbeelding)
            if kind_waarde is None and kind.required:
                return None
            if kind_waarde is not None:
                waarde[kind_naam] = kind_waarde
        return waarde
    if isinstance(blok, blocks.RichTextBlock):
        return f"<p>{marker}-{naam}</p>"
    if isinstance(blok, blocks.URLBlock):
        return "https://example.org/"
    if isinstance(blok, blocks.ChoiceBlock):
        return blok.field.choices[-1][0]
    if isinstance(blok, blocks.CharBlock | blocks.TextBlock):
        return f"{marker}-{naam}"
    return None


def streamwaarde(stream_block, marker, document, afbeelding):
    items = []
    for naam, blok in stream_block.child_blocks.items():
        waarde = blokwaarde(blok, naam, marker, document, afbeelding)
        if waarde is not None:
            items.append({"type": naam, "value": waarde})
    return items


def publiceer(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def concept(parent, page):
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return page


def beperk(soort):
    def maak(bouwer, parent, page):
        publiceer(parent, page)
        beperking = PageViewRestriction.objects.create(
            page=page, restriction_type=soort, password=WACHTWOORD
        )
        if soort == PageViewRestriction.GROUPS:
            beperking.groups.set([bouwer.groep])
        return page

    return maak


def gepland(bouwer, parent, page):
    concept(parent, page)
    page.go_live_at = timezone.now() + datetime.timedelta(days=7)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    return page


def verlopen(bouwer, parent, page):
    publiceer(parent, page)
    page.expire_at = timezone.now() - datetime.timedelta(hours=1)
    Page.objects.filter(pk=page.pk).update(expire_at=page.expire_at)
    return page


TOESTANDEN = {
    "login": beperk(PageViewRestriction.LOGIN),
    "wachtwoord": beperk(PageViewRestriction.PASSWORD),
    "groep": beperk(PageViewRestriction.GROUPS),
    "concept": lambda bouwer, parent, page: concept(parent, page),
    "gepland": gepland,
    "verlopen": verlopen,
}


def is_vol(model):
    return bool(model.max_count) and model.objects.count() >= model.max_count


def ouder_voor(model, openbare):
    return next((p for p in openbare if model.can_create_at(p)), None)


def maak_verborgen_paginas(bouwer, openbare):
    """Every project page type in every hidden state; returns the types that were skipped."""
    overgeslagen = {}
    for model in project_paginamodellen():
        parent = ouder_voor(model, openbare)
        if parent is None:
            overgeslagen.setdefault(model, []).extend([*TOESTANDEN, "onder_concept"])
        else:
            for toestand, maak in TOESTANDEN.items():
                page = maak(bouwer, parent, bouwer.pagina(model, toestand))
                bouwer.paginas.append((page, toestand))
        # Live under an unpublished parent of any allowed type that can get another instance.
        ouder_types = [
            m
            for m in model.allowed_parent_page_models()
            if m in project_paginamodellen() and ouder_voor(m, openbare)
        ]
        if not ouder_types:
            overgeslagen.setdefault(model, []).append("onder_concept")
            continue
        ouder_model = ouder_types[0]
        ouder = concept(ouder_voor(ouder_model, openbare), bouwer.pagina(ouder_model, "concept"))
        bouwer.paginas.append((ouder, "concept"))
        page = publiceer(ouder, bouwer.pagina(model, "onder_concept"))
        bouwer.paginas.append((page, "onder_concept"))
    return overgeslagen


# --- Linking hidden pages from public ones -------------------------------------------------


def inline_modellen(model):
    """Models edited inline in a page of ``model`` (ParentalKey to it), with their key."""
    for relatie in model._meta.related_objects:
        if (
            isinstance(relatie.field, ParentalKey)
            and not is_paginamodel(relatie.related_model)
            and issubclass(model, relatie.field.related_model)
        ):
            yield relatie.related_model, relatie.field


def inline_rij(inline_model, sleutel, page, doel_veld=None, doel=None):
    """Create one inline row for ``page``; page FKs point at ``doel`` or at a public page."""
    waarden = {sleutel.name: page}
    marker = getattr(page, "marker", None) or nieuwe_marker()
    for veld in inline_model._meta.get_fields():
        if not veld.concrete or veld is sleutel or isinstance(veld, models.AutoField):
            continue
        if veld.name == "sort_order" or isinstance(veld, ParentalManyToManyField):
            continue
        if veld is doel_veld:
            waarden[veld.name] = doel
        elif isinstance(veld, models.ForeignKey):
            if is_paginamodel(veld.related_model):
                waarden[veld.name] = openbaar_van(veld.related_model)
            elif not veld.null:
                waarden[veld.name] = veld.related_model.objects.first()
        else:
            waarde = veldwaarde(veld, marker, None, None)
            if waarde is not None:
                waarden[veld.name] = waarde
    return inline_model.objects.create(**waarden)


OPENBARE_PKS = set()


def openbaar_van(model):
    return model.objects.filter(pk__in=OPENBARE_PKS).first()


def koppel(verborgen, openbare):
    """Point public pages at hidden ones and hidden pages at public ones, for every relation."""
    per_model = {}
    for page in verborgen:
        per_model.setdefault(type(page), []).append(page)

    def verborgen_van(doel):
        return [p for m, ps in per_model.items() if issubclass(m, doel) for p in ps]

    for model in project_paginamodellen():
        for inline_model, sleutel in inline_modellen(model):
            for page in per_model.get(model, []):
                inline_rij(inline_model, sleutel, page)
    verborgen_pks = {p.pk for p in verborgen}
    for model in project_paginamodellen():
        eigen_openbaar = [p for p in openbare if type(p) is model]
        for veld in model._meta.get_fields():
            if not isinstance(veld, ParentalManyToManyField) or veld.model is not model:
                continue
            doel = veld.related_model
            if is_paginamodel(doel):
                doel_verborgen = verborgen_van(doel)
                doel_openbaar = list(doel.objects.filter(pk__in=OPENBARE_PKS))
            else:
                velden = doel._meta.get_fields()
                sleutel = next((f for f in velden if isinstance(f, ParentalKey)), None)
                if sleutel is None:
                    continue  # reference data of no page (Gemeente): nothing in it is hidden
                doel_verborgen = list(doel.objects.filter(**{f"{sleutel.name}__in": verborgen_pks}))
                doel_openbaar = list(doel.objects.filter(**{f"{sleutel.name}__in": OPENBARE_PKS}))
            for page, doelen in [
                *((p, doel_verborgen) for p in eigen_openbaar),
                *((p, doel_openbaar) for p in per_model.get(model, [])),
            ]:
                getattr(page, veld.name).add(*doelen)
                page.save(clean=False)
        for inline_model, sleutel in inline_modellen(model):
            for veld in inline_model._meta.get_fields():
                if veld is sleutel or not isinstance(veld, models.ForeignKey):
                    continue
                if is_paginamodel(veld.related_model):
                    doelen = verborgen_van(veld.related_model)
                    for page, doel in itertools.product(eigen_openbaar, doelen):
                        inline_rij(inline_model, sleutel, page, veld, doel)


# --- The whole set, and the fixture ----------------------------------------------------------


@dataclass
class VerborgenInhoud:
    bouwer: Bouwer
    openbare: list  # the public pages of the role tree
    verborgen: list  # every hidden page
    overgeslagen: dict  # page type -> hidden states it could not be made in
    vol: set  # page types that could not get another instance before the counterparts
    tegenhangers: dict = field(default_factory=dict)  # marker -> public page of that type

    @property
    def markers(self):
        """marker -> (model label, state) of every hidden page."""
        return self.bouwer.markers


def maak_tegenhangers(bouwer, openbare):
    """One published, unrestricted page of every project type that can get one, marked like
    the hidden ones but not recorded as hidden."""
    tegenhangers = {}
    for model in project_paginamodellen():
        parent = ouder_voor(model, openbare)
        if parent is None or is_vol(model):
            continue
        page = bouwer.pagina(model, "openbaar")
        del bouwer.markers[page.marker]
        publiceer(parent, page)
        for veld in model._meta.get_fields():
            if isinstance(veld, ParentalManyToManyField) and is_paginamodel(veld.related_model):
                doelen = veld.related_model.objects.filter(pk__in=OPENBARE_PKS).order_by("pk")
                getattr(page, veld.name).add(*doelen)
        page.save(clean=False)
        tegenhangers[page.marker] = page
    return tegenhangers


def bouw_verborgen_inhoud():
    bouw_rollenboom()
    openbare = [p.specific for p in Page.objects.filter(depth__gt=1).order_by("path")]
    OPENBARE_PKS.clear()
    OPENBARE_PKS.update(p.pk for p in openbare)
    bouwer = Bouwer()
    overgeslagen = maak_verborgen_paginas(bouwer, openbare)
    verborgen = [page for page, _t in bouwer.paginas]
    koppel(verborgen, openbare)
    vol = {m for m in project_paginamodellen() if is_vol(m)}
    tegenhangers = maak_tegenhangers(bouwer, openbare)
    return VerborgenInhoud(bouwer, openbare, verborgen, overgeslagen, vol, tegenhangers)


@pytest.fixture
def verborgen_inhoud(db):
    """The role tree with every project page type in every hidden state, linked from public
    pages, and a public counterpart of each type (see `VerborgenInhoud`)."""
    return bouw_verborgen_inhoud()
