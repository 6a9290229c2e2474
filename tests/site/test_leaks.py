"""Leak scanner: nothing that is not public shows up anywhere the public can look.

For every page type of the project, pages are made in each state that is not public (login,
password or group restriction, draft, scheduled, live under an unpublished parent, expired).
Each carries its own marker in its title, slug, text fields, tags, body, and the title and file
name of an attached document and image, and is linked from public pages through every page
relation the models have (m2m fields and inline rows pointing at pages, both ways). Then every
URL the site has is requested, anonymously and as a logged-in user without any group: the
URLconf (parameters filled from the public tree), every page, every kennisbank filter value,
a search for each marker, the API listings and details, documents and images. No response
body or header may contain a marker, and asking for a hidden value (a search term, a filter
value) must answer exactly like asking for one that does not exist.

Page types, URL patterns, facets, relations and API filters are read from the code, so new
ones are scanned without editing this file.
"""

import datetime
import itertools
import json
import re
import secrets
import urllib.parse

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import models
from django.http import QueryDict
from django.test import Client
from django.urls import get_resolver
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

from kennisbank.api import ProductenAPIViewSet
from kennisbank.facetten import Kennisbankfilter
from portal.site.api import PaginasAPIViewSet
from tests.support.apps import project_app_labels
from tests.support.role_tree import bouw_rollenboom, png

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PROJECT_APPS = project_app_labels()
OVERGESLAGEN_PREFIXEN = ("/admin/", "/django-admin/")
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


# --- Requesting every public URL -------------------------------------------------------------


def url_sjablonen(resolver=None, prefix=""):
    """(format, params, converters) of every URL pattern, includes and namespaces too."""
    resolver = resolver or get_resolver()
    for _sleutel, ingangen in resolver.reverse_dict.lists():
        for mogelijkheden, _patroon, _standaard, converters in ingangen:
            for formaat, params in mogelijkheden:
                yield prefix + formaat, tuple(params), converters
    for _ns, (ns_prefix, sub) in resolver.namespace_dict.items():
        yield from url_sjablonen(sub, prefix + ns_prefix)


def urls_uit_urlconf(openbare, bestanden):
    """Every URL pattern, its parameters filled with one public page of each type and the
    public documents and images."""
    voorbeelden = {}
    for page in openbare:
        voorbeelden.setdefault(type(page), page)
    slugs = sorted({p.slug for p in voorbeelden.values()})
    ints = sorted({p.pk for p in voorbeelden.values()} | {b.pk for b in bestanden})
    namen = sorted({b.file.name.rsplit("/", 1)[-1] for b in bestanden})
    urls = set()
    gezien = set()
    for formaat, params, converters in url_sjablonen():
        if formaat in gezien:
            continue
        gezien.add(formaat)
        pad = "/" + re.sub(r"\\(.)", r"\1", formaat)  # namespace prefixes are regexes
        if pad.startswith(OVERGESLAGEN_PREFIXEN):
            continue
        pools = []
        for param in params:
            regex = getattr(converters.get(param), "regex", "")
            if regex == "[0-9]+":
                pools.append(ints)
            elif "str" in type(converters.get(param)).__name__.lower():
                pools.append(slugs + namen)
            else:
                pools.append(slugs + [str(i) for i in ints])
        lengte = max((len(p) for p in pools), default=1)
        for i in range(lengte):
            waarden = {
                param: pool[i % len(pool)] for param, pool in zip(params, pools, strict=True)
            }
            urls.add(pad % waarden if params else pad)
    return urls


class Scanner:
    def __init__(self, markers):
        self.markers = markers
        self.lekken = []
        self.controles = {}
        self.aantal = 0

    def vondsten(self, tekst):
        for marker, veld in MARKER.findall(tekst.lower()):
            if marker in self.markers:
                yield marker, veld

    def get(self, client, url, gebruiker, gevraagd=()):
        """Request ``url``; any marker in the answer is a leak, except ``gevraagd`` (asked for
        in the URL itself, and compared with an unknown value by `zonder_verschil`)."""
        self.aantal += 1
        response = client.get(url)
        inhoud = b"".join(response) if response.streaming else response.content
        body = inhoud.decode(errors="replace")
        tekst = body + str(dict(response.headers))
        # The URL asked for may come back (a login redirect's ?next=, a form's action).
        for echo in {url, urllib.parse.quote(url), urllib.parse.quote(url, safe="")}:
            tekst = tekst.replace(echo, "")
        for marker, veld in set(self.vondsten(tekst)):
            model, toestand = self.markers[marker]
            if any(marker in w for w in gevraagd):
                continue
            if gebruiker == "ingelogd" and toestand == "login" and marker in url:
                continue  # its own page and files: a login restriction admits every user
            self.lekken.append(f"{gebruiker} {url}: {model} ({toestand}), veld {veld or '?'}")
        return body

    def zonder_verschil(self, client, gebruiker, bouw_url, waarden):
        """Asking for hidden values must read exactly like asking for unknown ones."""

        def genormaliseerd(tekst, gevraagd):
            for i, waarde in enumerate(gevraagd):
                tekst = tekst.replace(waarde, f"@{i}@")
            return tekst

        sleutel = (gebruiker, bouw_url(["@" * 13 + w[13:] for w in waarden]))
        if sleutel not in self.controles:
            controle = [nieuwe_marker() + w[13:] for w in waarden]
            antwoord = self.get(client, bouw_url(controle), gebruiker)
            self.controles[sleutel] = genormaliseerd(antwoord, controle)
        antwoord = self.get(client, bouw_url(waarden), gebruiker, gevraagd=waarden)
        proef = genormaliseerd(antwoord, waarden)
        if proef != self.controles[sleutel]:
            self.lekken.append(
                f"{gebruiker} {bouw_url(waarden)}: antwoordt anders dan voor onbekende waarden"
            )


def api_urls(client, endpoint):
    """Listing URLs (all pages of results) and every detail URL the listing names."""
    urls, details = [], set()
    offset = 0
    while True:
        url = f"{endpoint}?fields=*&limit=20&offset={offset}"
        data = client.get(url).json()
        urls.append(url)
        details |= {item["meta"]["detail_url"] for item in data["items"]}
        offset += 20
        if offset >= data["meta"]["total_count"]:
            return urls, details


def test_geen_verborgen_inhoud_in_enige_openbare_url():
    bouw_rollenboom()
    openbare = [p.specific for p in Page.objects.filter(depth__gt=1).order_by("path")]
    OPENBARE_PKS.clear()
    OPENBARE_PKS.update(p.pk for p in openbare)
    bouwer = Bouwer()

    overgeslagen = maak_verborgen_paginas(bouwer, openbare)
    # Only types that cannot get another instance (max_count reached) are skipped; for a live
    # page under an unpublished parent, types none of whose parent types can get another one.
    for model, toestanden in overgeslagen.items():
        if toestanden != ["onder_concept"]:
            assert is_vol(model), f"{model.__name__}: geen plek in de boom om het te maken"
        assert all(
            is_vol(ouder) or ouder not in project_paginamodellen()
            for ouder in model.allowed_parent_page_models()
        ), model
    verborgen = [page for page, _t in bouwer.paginas]
    koppel(verborgen, openbare)

    scanner = Scanner(bouwer.markers)
    bezoeker = get_user_model().objects.create_user("bezoeker", password="x" * 20)
    ingelogd = Client()
    ingelogd.force_login(bezoeker)
    documenten = list(get_document_model().objects.all())
    afbeeldingen = list(get_image_model().objects.all())
    for afbeelding in afbeeldingen:
        afbeelding.get_rendition("fill-300x200")
    openbare_bestanden = [
        b for b in documenten + afbeeldingen if not MARKER.search(b.title.lower())
    ]

    for gebruiker, client in [("anoniem", Client()), ("ingelogd", ingelogd)]:
        urls = urls_uit_urlconf(openbare, openbare_bestanden)
        urls |= {p.url for p in Page.objects.filter(depth__gt=1).specific()} - {None}
        for endpoint in ["/api/v2/pages/", "/api/v2/producten/"]:
            lijsten, details = api_urls(client, endpoint)
            urls |= set(lijsten) | details
            urls |= {f"{endpoint}{p.pk}/" for p in verborgen}
        for model in project_paginamodellen():
            urls.add(f"/api/v2/pages/?type={model._meta.label}&fields=*&limit=20")
        urls |= {d.url for d in documenten}
        urls |= {a.file.url for a in afbeeldingen}
        urls |= {r.url for a in afbeeldingen for r in a.renditions.all()}
        urls |= kennisbank_urls()
        for url in sorted(urls):
            scanner.get(client, url, gebruiker)

        # Hidden values asked for by name: search terms, filters, API filters. Only a login
        # restriction depends on who asks, so the logged-in user repeats those only.
        gevraagd = [p for p in verborgen if gebruiker == "anoniem" or p.toestand == "login"]
        for page in gevraagd:
            for pad in ["/zoeken/?q={}", "/kennisbank/?q={}"]:
                scanner.zonder_verschil(
                    client, gebruiker, lambda w, pad=pad: pad.format(w[0]), [page.marker]
                )
        markers = [p.marker for p in gevraagd]
        for i in range(0, len(markers), 20):
            scanner.zonder_verschil(
                client,
                gebruiker,
                lambda w: f"/api/v2/pages/?search_operator=or&search={'+'.join(w)}",
                markers[i : i + 20],
            )
        waarden = [f"{p.marker}-slug" for p in gevraagd] + [
            f"{p.marker}-tag" for p in gevraagd if hasattr(p, "tags")
        ]
        # Twenty values (the most a facet takes) for every facet at once.
        for i in range(0, len(waarden), 20):
            scanner.zonder_verschil(
                client,
                gebruiker,
                lambda w: (
                    "/kennisbank/?"
                    + urllib.parse.urlencode(
                        [(facet, x) for facet in Kennisbankfilter.FACETTEN for x in w]
                    )
                ),
                waarden[i : i + 20],
            )
        extra = (
            ProductenAPIViewSet.known_query_parameters - PaginasAPIViewSet.known_query_parameters
        )
        for param, waarde in itertools.product(sorted(extra), waarden):
            scanner.zonder_verschil(
                client,
                gebruiker,
                lambda w, param=param: f"/api/v2/producten/?{param}={w[0]}",
                [waarde],
            )

    assert not scanner.lekken, f"{len(scanner.lekken)} lekken in {scanner.aantal} verzoeken:\n" + (
        "\n".join(sorted(set(scanner.lekken)))
    )


def kennisbank_urls():
    """Every option of every facet alone, and every facet's first option together."""
    facetten = Kennisbankfilter(QueryDict()).facetten()
    urls, eerste = set(), []
    for facet in facetten:
        for optie in facet.opties:
            urls.add("/kennisbank/?" + urllib.parse.urlencode({facet.naam: optie.waarde}))
        if facet.opties:
            eerste.append((facet.naam, facet.opties[0].waarde))
    urls.add("/kennisbank/?" + urllib.parse.urlencode(eerste))
    return urls
