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

import itertools
import re
import urllib.parse

import pytest
from django.contrib.auth import get_user_model
from django.http import QueryDict
from django.test import Client
from django.urls import get_resolver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from kennisbank.api import ProductenAPIViewSet
from kennisbank.facetten import Kennisbankfilter
from portal.site.api import PaginasAPIViewSet
from tests.support.verborgen import (
    MARKER,
    nieuwe_marker,
    project_paginamodellen,
)

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

OVERGESLAGEN_PREFIXEN = ("/admin/", "/django-admin/")


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


def test_geen_verborgen_inhoud_in_enige_openbare_url(verborgen_inhoud):
    openbare, bouwer = verborgen_inhoud.openbare, verborgen_inhoud.bouwer
    # Only types that cannot get another instance (max_count reached) are skipped; for a live
    # page under an unpublished parent, types none of whose parent types can get another one.
    for model, toestanden in verborgen_inhoud.overgeslagen.items():
        if toestanden != ["onder_concept"]:
            assert model in verborgen_inhoud.vol, (
                f"{model.__name__}: geen plek in de boom om het te maken"
            )
        assert all(
            ouder in verborgen_inhoud.vol or ouder not in project_paginamodellen()
            for ouder in model.allowed_parent_page_models()
        ), model
    verborgen = verborgen_inhoud.verborgen

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
