"""Links by name: the pages just below the site root (kennisbank, agenda, Werkplaatsen, ...),
found by their page type rather than their slug, so that an editor may rename them.

One query per request, shared by the views, the page models and the menu's context processor.
"""

from django.db.models import F
from wagtail.models import Site

from portal.basis.openbaar import openbaar


def hoofdpaginas(request):
    """The public children of the request's site root, in tree order; each has `soort`, the
    model name of its page type (e.g. "kennisbankpage")."""
    if not hasattr(request, "_hoofdpaginas"):
        site = Site.find_for_request(request)
        kinderen = []
        if site is not None:
            kinderen = (
                openbaar(site.root_page.get_children())
                .only("title", "url_path", "path", "depth", "show_in_menus")
                .annotate(soort=F("content_type__model"))
            )
        request._hoofdpaginas = list(kinderen)
    return request._hoofdpaginas


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
