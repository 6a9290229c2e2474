"""Links by name: the pages just below the site root (kennisbank, agenda, Werkplaatsen, ...),
found by their page type rather than their slug, so that an editor may rename them.

They are on every page (the menu, the section links), so each process keeps them per site and
content version: a request reads them without a query. Any change of a page other than a product
is a new version (portal/site/paginacache/signalen.py); what was kept is also dropped at the
first expiry date of a page at their depth or above, and not kept at all while the shared cache
is unreachable.
"""

from django.db.models import F, Min
from django.utils import timezone
from wagtail.models import Page, Site

from portal.basis.afhankelijkheden import inhoudsversie
from portal.basis.bewaren import PerVersie
from portal.basis.openbaar import openbaar

_bewaard = PerVersie()


def hoofdpaginas(request):
    """The public children of the request's site root, in tree order; each has `soort`, the
    model name of its page type (e.g. "kennisbankpage"). Not to be changed: shared between
    requests."""
    if not hasattr(request, "_hoofdpaginas"):
        site = Site.find_for_request(request)
        request._hoofdpaginas = list(_van_site(site)) if site is not None else []
    return request._hoofdpaginas


def _van_site(site):
    return _bewaard.geef(site.pk, inhoudsversie(), lambda: _lees(site, timezone.now()))


def _lees(site, nu):
    paginas = tuple(
        openbaar(site.root_page.get_children(), nu)
        .only("title", "url_path", "path", "depth", "show_in_menus")
        .annotate(soort=F("content_type__model"))
    )
    geldig_tot = Page.objects.filter(
        depth__lte=site.root_page.depth + 1, expire_at__gt=nu
    ).aggregate(eerste=Min("expire_at"))["eerste"]
    return paginas, geldig_tot


def secties(request):
    """Model name -> the first public page of that type below the site root."""
    resultaat = {}
    for pagina in hoofdpaginas(request):
        resultaat.setdefault(pagina.soort, pagina)
    return resultaat


def sectie_url(request, model):
    """The URL of the public page of type ``model`` below the site root, or None."""
    pagina = secties(request).get(model._meta.model_name)
    return pagina.get_url(request) if pagina else None
