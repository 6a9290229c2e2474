"""Finding the site and the page of a request without walking the tree.

Wagtail finds the site of every request with a query, and a page by walking the tree from the
site root: two queries per level (the child by its slug, then its specific type), seven for a
product. Each process keeps instead, per content version (``inhoudsversie()``: any change of a
site or of a page other than a product is a new version):

- per host and port, the site that answers it;
- per site and path, the id and type of the page that was found there.

A page known by its path is then read in one query, and served only while it is still at that
path (a product renamed or moved since is not a new version); otherwise, and for every path not
seen yet, Wagtail's own routing answers and what it finds is kept. Nothing is kept while the
shared cache is unreachable.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import DisallowedHost
from django.http import Http404
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from portal.basis.afhankelijkheden import inhoudsversie
from portal.basis.bewaren import PerVersie

_bewaard = PerVersie()
SITEVELDEN = [veld.attname for veld in Site._meta.concrete_fields]


def _lees_site(hostnaam, poort):
    try:
        site = get_site_for_hostname(hostnaam, poort)
    except Site.DoesNotExist:
        return None, None
    return ([getattr(site, veld) for veld in SITEVELDEN], site.root_page.url_path), None


def bewaarde_site(request, versie):
    """(the request's Site, its root page's url_path), or None when no site answers."""
    try:
        hostnaam = split_domain_port(request.get_host())[0]
    except DisallowedHost:
        return None
    poort = request.get_port()
    bewaard = _bewaard.geef(("site", hostnaam, poort), versie, lambda: _lees_site(hostnaam, poort))
    if bewaard is None:
        return None
    waarden, hoofdpad = bewaard
    return Site.from_db("default", SITEVELDEN, waarden), hoofdpad


def _url_pad(hoofdpad, pad):
    delen = [deel for deel in pad.split("/") if deel]
    return hoofdpad + "".join(f"{deel}/" for deel in delen)


def _kaart(site, versie):
    return _bewaard.geef(("paden", site.pk), versie, lambda: ({}, None))


def _bekende_route(request, kaart, url_pad):
    bekend = kaart.get(url_pad)
    if bekend is None:
        return None
    pk, type_id = bekend
    model = ContentType.objects.get_for_id(type_id).model_class()
    pagina = model.objects.filter(pk=pk).first() if model else None
    if pagina is None or pagina.url_path != url_pad:
        return None
    try:
        return pagina.route(request, [])
    except Http404:
        return None


def _onthoud(kaart, route, url_pad):
    pagina = route[0] if route is not None else None
    if pagina is not None and pagina.url_path == url_pad:
        kaart[url_pad] = (pagina.pk, pagina.content_type_id)


class RouteMiddleware:
    """Gives Wagtail the request's site, and the route to a page it knows, before the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        versie = inhoudsversie()
        if versie is None:
            return None
        gevonden = bewaarde_site(request, versie)
        if gevonden is None:
            return None
        site, hoofdpad = gevonden
        request._wagtail_site = site
        if view_func is wagtail_views.serve and view_args:
            self._route(request, site, versie, _url_pad(hoofdpad, view_args[0]), view_args[0])
        return None

    def _route(self, request, site, versie, url_pad, pad):
        kaart = _kaart(site, versie)
        route = _bekende_route(request, kaart, url_pad)
        if route is not None:
            request._wagtail_route_for_request = route
        else:
            _onthoud(kaart, Page.route_for_request(request, pad), url_pad)
