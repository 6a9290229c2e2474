import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from portal.basis.site_url import volledige_url

logger = logging.getLogger(__name__)


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Disallow: {reverse('zoeken')}",
        f"Sitemap: {volledige_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def security_txt(request):
    """RFC 9116: where to report a vulnerability. Expires must be renewed before it passes
    (SECURITY_TXT_EXPIRES); tests/site/test_security_txt.py fails a month before."""
    lines = [
        f"Contact: {settings.SECURITY_TXT_CONTACT}",
        f"Expires: {settings.SECURITY_TXT_EXPIRES}",
        "Preferred-Languages: nl, en",
        f"Canonical: {volledige_url(reverse('security_txt'))}",
    ]
    if settings.SECURITY_TXT_POLICY:
        lines.append(f"Policy: {settings.SECURITY_TXT_POLICY}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def webmanifest(request):
    """The web app manifest: name, colours of the house style and the icons in static/icons/."""
    iconen = [
        {"src": static("favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
    ]
    manifest = {
        "name": "Werkplaatsen Sociaal Domein",
        "short_name": "Werkplaatsen",
        "description": "Kennisportaal van de Associatie Werkplaatsen Sociaal Domein",
        "lang": "nl",
        "start_url": "/",
        "display": "browser",
        "theme_color": "#0b5c8c",
        "background_color": "#ffffff",
        "icons": iconen,
    }
    response = JsonResponse(manifest, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


def server_error(request):
    """500, or 503 with Retry-After when the database cannot be reached.

    Rendered without a request context: no context processor may touch the database here.
    """
    fout = sys.exc_info()[1]
    if isinstance(fout, (OperationalError, InterfaceError)):
        logger.error("Database onbereikbaar: %s", fout)
        html = loader.render_to_string("503.html")
        response = HttpResponse(html, status=503)
        response["Retry-After"] = "60"
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))
