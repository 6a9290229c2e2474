"""The site footer, rendered once per site, language and content version."""

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language
from wagtail.models import Site

from portal.basis.afhankelijkheden import inhoudsversie
from portal.basis.bewaren import PerVersie
from portal.site.models import SiteInstellingen

register = template.Library()
_bewaard = PerVersie()


@register.simple_tag(takes_context=True)
def voettekst(context):
    """components/footer.html for the request's site. It shows the site's settings and the
    pages they choose; any change of either is a new content version
    (portal/site/paginacache/signalen.py), so the kept footer is never older than they are."""
    request = context.get("request")
    site = Site.find_for_request(request)
    sleutel = (site.pk if site else None, get_language())
    return _bewaard.geef(sleutel, inhoudsversie(), lambda: (_render(site), None))


def _render(site):
    instellingen = SiteInstellingen.for_site(site) if site else None
    return render_to_string("components/footer.html", {"instellingen": instellingen})
