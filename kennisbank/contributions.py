"""What the kennisbank adds to pages: its own facets and results, and the products of a
Werkplaats, the Associatie, a leeratelier, a thema and a themagroep on their pages (see
portal/basis/contributions.py)."""

from functools import cached_property
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Site

from kennisbank.facetindex import facetindex, per_werkplaats, verwant
from kennisbank.facetten import SORTERINGEN, Kennisbankfilter
from kennisbank.matrix import Themamatrix
from kennisbank.models import KennisbankPage, ProductPage
from portal.basis.afhankelijkheden import (
    THEMAS_SCOPE,
    beperk_tot,
    leeratelier_scope,
    werkplaats_scope,
)
from portal.basis.contributions import contributes_to
from portal.basis.secties import sectie_url
from portal.themas.models import LandelijkThemaPage, ThemaIndexPage
from werkplaatsen.models import AssociatiePage, LeeratelierPage, ThemagroepPage, WerkplaatsPage

PRODUCTEN_PER_PAGINA = 20
PRODUCTEN_OP_WERKPLAATS = 6


@contributes_to(KennisbankPage)
def kennisbank(page, request):
    kennisbankfilter = Kennisbankfilter(request.GET)
    facetten = kennisbankfilter.facetten()
    paginator = Paginator(kennisbankfilter.resultatenlijst(), PRODUCTEN_PER_PAGINA)
    try:
        producten = paginator.page(request.GET.get("page") or 1)
    except PageNotAnInteger:
        producten = paginator.page(1)
    except EmptyPage as exc:
        raise Http404(_("Deze pagina van de kennisbank bestaat niet.")) from exc
    return {
        "producten": producten,
        "filter": kennisbankfilter,
        "facetten": facetten,
        "chips": kennisbankfilter.chips(facetten),
        "sorteringen": [
            (waarde, label)
            for waarde, label in SORTERINGEN.items()
            if waarde != "relevantie" or kennisbankfilter.q
        ],
    }


@contributes_to(ProductPage)
def verwante_producten(page, request):
    """'Ook in andere regio's' from the facet index; a preview computes them itself (its draft
    may have other themes and tags than the published product in the index)."""
    if getattr(request, "is_preview", False):
        return {}
    pks = verwant(facetindex(), page.pk)
    if pks is None:
        return {}
    producten = ProductPage.objects.overzicht().in_bulk(pks)
    return {"verwante_producten": [producten[pk] for pk in pks if pk in producten]}


@contributes_to(WerkplaatsPage)
def producten_van_werkplaats(page, request):
    beperk_tot(werkplaats_scope(page.pk))
    producten = ProductPage.objects.overzicht().filter(werkplaats=page)
    return {"producten": producten[:PRODUCTEN_OP_WERKPLAATS]}


@contributes_to(AssociatiePage)
def landelijke_producten(page, request):
    beperk_tot(werkplaats_scope(None))
    producten = ProductPage.objects.overzicht().filter(werkplaats__isnull=True)
    return {"producten": producten[:PRODUCTEN_OP_WERKPLAATS]}


@contributes_to(LeeratelierPage)
def producten_van_leeratelier(page, request):
    beperk_tot(leeratelier_scope(page.pk))
    return {"producten": ProductPage.objects.overzicht().filter(leeratelier=page)}


@contributes_to(LandelijkThemaPage)
def producten_over_thema(page, request):
    beperk_tot(THEMAS_SCOPE)
    kennisbank_url = sectie_url(request, KennisbankPage)
    return {"producten_per_werkplaats": ProductenPerWerkplaats("thema", page, kennisbank_url)}


@contributes_to(ThemagroepPage)
def producten_van_themagroep(page, request):
    beperk_tot(THEMAS_SCOPE)
    kennisbank_url = sectie_url(request, KennisbankPage)
    return {"producten_per_werkplaats": ProductenPerWerkplaats("themagroep", page, kennisbank_url)}


class ProductenPerWerkplaats:
    """The products of a theme or themagroep (``facet``: "thema" or "themagroep") grouped by
    Werkplaats: the groups (``per_werkplaats_getoond``) are read when first iterated; as HTML
    (components/producten_per_werkplaats.html) the block is rendered once per facet index,
    which is rebuilt at every change of a product or of other content."""

    def __init__(self, facet, page, kennisbank_url):
        self.facet = facet
        self.page = page
        self.kennisbank_url = kennisbank_url
        self.index = facetindex()

    def __bool__(self):
        return bool(self.index.opties[self.facet].get(self.page.pk, 0))

    def __iter__(self):
        return iter(self.groepen)

    def __repr__(self):
        return repr(self.groepen)

    @cached_property
    def groepen(self):
        return per_werkplaats_getoond(self.index, self.facet, self.page, self.kennisbank_url)

    def als_html(self, request):
        site = Site.find_for_request(request)
        # The index is rebuilt whenever a product, the page or a Werkplaats changes.
        sleutel = ("producten_per_werkplaats", self.page.pk, site and site.pk, get_language())
        return self.index.fragment(sleutel, lambda: self._render(request))

    def _render(self, request):
        context = {"groepen": self.groepen, "onderwerp": self.page.title, "request": request}
        return render_to_string("components/producten_per_werkplaats.html", context)


def per_werkplaats_getoond(index, facet, page, kennisbank_url):
    """The products of a theme or themagroep grouped by Werkplaats: the number, the newest
    three and the kennisbank link for all (None without a public kennisbank)."""
    groepen = per_werkplaats(index, index.opties[facet].get(page.pk, 0))
    pks = [pk for _aantal, nieuwste in groepen.values() for pk in nieuwste]
    producten = ProductPage.objects.overzicht().in_bulk(pks)
    resultaat = []
    for slug, (aantal, nieuwste) in groepen.items():
        getoond = [producten[pk] for pk in nieuwste if pk in producten]
        if not getoond:
            continue  # unpublished since the index was built
        werkplaats = getoond[0].werkplaats
        filter_ = urlencode({facet: page.slug, "werkplaats": slug})
        resultaat.append(
            {
                "werkplaats": werkplaats,
                "naam": werkplaats.title if werkplaats else _("Associatie (landelijk)"),
                "aantal": aantal,
                "producten": getoond,
                "url": f"{kennisbank_url}?{filter_}" if kennisbank_url else None,
            }
        )
    return sorted(resultaat, key=lambda groep: str(groep["naam"]))


@contributes_to(ThemaIndexPage)
def themamatrix(page, request):
    # Every number links to the kennisbank: without a public one, no matrix.
    kennisbank_url = sectie_url(request, KennisbankPage)
    return {"matrix": Themamatrix(kennisbank_url) if kennisbank_url else None}
