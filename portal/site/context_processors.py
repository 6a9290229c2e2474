from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from portal.basis.secties import hoofdpaginas, secties


def navigation(request):
    """Top-level menu: the public children of the site's root page marked 'show in menus';
    `secties`: the section pages by page type, for links that survive a renamed slug.

    Lazy: the query runs when a template uses them, so the admin, whose templates never do,
    does not pay for the public site's menu on every request."""

    def site_root():
        site = Site.find_for_request(request)
        return site.root_page if site is not None else None

    return {
        "hoofdmenu": SimpleLazyObject(
            lambda: [pagina for pagina in hoofdpaginas(request) if pagina.show_in_menus]
        ),
        "site_root": SimpleLazyObject(site_root),
        "secties": SimpleLazyObject(lambda: secties(request)),
    }
