from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from kennisbank.facetten import MAX_ZOEKTERM, zoekterm
from kennisbank.models import KennisbankPage
from portal.basis.openbaar import openbaar_zoekbaar
from portal.basis.secties import sectie_url
from werkplaatsen.models import ASSOCIATIE, RegionaalOnderdeel, WerkplaatsIndexPage, WerkplaatsPage
from werkplaatsen.plaatsen import plaats_in_zoekterm

RESULTATEN_PER_PAGINA = 20
# The ranked hits a search keeps: 50 pages of results. One more is fetched to tell that there
# are more, so that the list says "meer dan".
MAX_RESULTATEN = 1000


def _resultaat(page, werkplaatsen, kennisbank_url):
    """A search hit with what the result list shows: its kind and its Werkplaats."""
    werkplaats = None
    if isinstance(page, RegionaalOnderdeel):
        werkplaats = werkplaatsen.get(page.werkplaats_id)
    elif isinstance(page, WerkplaatsPage):
        werkplaats = page
    resultaat = {
        "page": page,
        "soort": page.specific_class._meta.verbose_name,
        "werkplaats": werkplaats,
    }
    if hasattr(page, "product_type") and kennisbank_url:
        slug = werkplaats.slug if werkplaats else ASSOCIATIE
        resultaat["kennisbank_werkplaats"] = f"{kennisbank_url}?{urlencode({'werkplaats': slug})}"
        resultaat["kennisbank_type"] = f"{kennisbank_url}?{urlencode({'type': page.product_type})}"
        resultaat["type_label"] = page.get_product_type_display()
    return resultaat


def _treffers(q):
    """The ids of the public pages that match every word of ``q``, best first.

    One query: the database finds and ranks the matches once, and the number of results is the
    length of this list (a separate count would search a second time).
    """
    zoekopdracht = openbaar_zoekbaar(Page.objects.all()).search(q, operator="and")
    treffers = zoekopdracht[: MAX_RESULTATEN + 1].get_queryset()
    return list(treffers.values_list("pk", flat=True))


def _paginas(ids):
    """The pages of ``ids`` as their own types, in the order of ``ids``."""
    paginas = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [paginas[pk] for pk in ids if pk in paginas]


def _resultaten(pagina, kennisbank_url):
    pagina = _paginas(pagina.object_list)
    ids = {p.werkplaats_id for p in pagina if isinstance(p, RegionaalOnderdeel) and p.werkplaats_id}
    werkplaatsen = WerkplaatsPage.objects.only("title", "slug").in_bulk(ids) if ids else {}
    return [_resultaat(page, werkplaatsen, kennisbank_url) for page in pagina]


def _werkplaats_in_regio(request, q):
    """When the search term is a gemeente, place or province: which Werkplaats works there
    (werkplaatsen/plaatsen.py), shown above the results, with the overview's place box."""
    antwoord = plaats_in_zoekterm(q)
    if antwoord is None:
        return {}
    return {
        "plaatsantwoord": antwoord,
        "plaatszoeker_url": sectie_url(request, WerkplaatsIndexPage),
    }


def zoeken(request):
    """Site-wide search over every published page type."""
    ruw = request.GET.get("q", "")
    q = zoekterm(ruw)
    context = {"q": q, "pagina": None, "resultaten": [], "te_lang": len(ruw) > MAX_ZOEKTERM}
    if q:
        context.update(_werkplaats_in_regio(request, q))
        treffers = _treffers(q)
        paginator = Paginator(treffers[:MAX_RESULTATEN], RESULTATEN_PER_PAGINA)
        try:
            pagina = paginator.page(request.GET.get("page") or 1)
        except PageNotAnInteger:
            pagina = paginator.page(1)
        except EmptyPage as exc:
            raise Http404(_("Deze pagina met zoekresultaten bestaat niet.")) from exc
        kennisbank_url = sectie_url(request, KennisbankPage)
        context.update(
            pagina=pagina,
            meer_dan=len(treffers) > MAX_RESULTATEN,
            resultaten=_resultaten(pagina, kennisbank_url),
            kennisbank_url=f"{kennisbank_url}?{urlencode({'q': q})}" if kennisbank_url else None,
        )
    return TemplateResponse(request, "kennisbank/zoeken.html", context)
