import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
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
