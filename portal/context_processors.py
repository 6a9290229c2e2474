from wagtail.models import Site

from portal.openbaar import openbaar


def navigation(request):
    """Top-level menu: the public children of the site's root page marked 'show in menus'."""
    site = Site.find_for_request(request)
    if site is None:
        return {"hoofdmenu": []}
    root = site.root_page
    items = openbaar(root.get_children()).in_menu().only("title", "url_path", "path", "depth")
    return {"hoofdmenu": list(items), "site_root": root}
