from wagtail.models import Site

from portal.basis.secties import hoofdpaginas, secties


def navigation(request):
    """Top-level menu: the public children of the site's root page marked 'show in menus';
    `secties`: the section pages by page type, for links that survive a renamed slug."""
    site = Site.find_for_request(request)
    if site is None:
        return {"hoofdmenu": [], "secties": {}}
    menu = [pagina for pagina in hoofdpaginas(request) if pagina.show_in_menus]
    return {"hoofdmenu": menu, "site_root": site.root_page, "secties": secties(request)}
