"""JSON-LD in the head and the breadcrumbs' data (portal/basis/structured_data.py)."""

import copy

from django import template
from django.utils.html import format_html_join
from wagtail.models import Site

from portal.basis.afhankelijkheden import inhoudsversie
from portal.basis.bewaren import PerVersie
from portal.basis.secties import sectie_url
from portal.basis.site_url import volledige_url
from portal.basis.structured_data import (
    Omgeving,
    breadcrumb_list,
    kruimelpad,
    met_context,
    organisatie,
    script,
)
from portal.site.models import SiteInstellingen
from werkplaatsen.models import AssociatiePage

register = template.Library()
_bewaard = PerVersie()


def associatie(request):
    """The Associatie as an Organization: its name from the site settings, its page's URL.
    Kept per site and content version (a change of either is a new version); each request
    gets its own copy to put in its data."""
    site = Site.find_for_request(request)
    bewaard = _bewaard.geef(
        site.pk if site else None, inhoudsversie(), lambda: (_associatie(request), None)
    )
    return copy.deepcopy(bewaard)


def _associatie(request):
    instellingen = SiteInstellingen.for_request(request)
    url = sectie_url(request, AssociatiePage)
    return organisatie(instellingen.organisatie, volledige_url(url) if url else None)


@register.simple_tag(takes_context=True)
def structured_data(context):
    """<script type="application/ld+json"> blocks: the page's own data, then its breadcrumbs."""
    page, request = context.get("page"), context.get("request")
    if page is None or request is None or not hasattr(page, "get_full_url"):
        return ""
    blokken = []
    eigen = getattr(page, "structured_data", None)
    if eigen is not None:
        data = eigen(Omgeving(request, context, associatie(request)))
        blokken += [met_context(d) for d in (data if isinstance(data, list) else [data]) if d]
    if kruimels := kruimelpad(page):
        blokken.append(breadcrumb_list(kruimels, request))
    return format_html_join("\n  ", "{}", ((script(blok),) for blok in blokken))


@register.simple_tag(name="kruimelpad")
def kruimelpad_tag(page):
    return kruimelpad(page)
