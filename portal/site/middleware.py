from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


class BeveiligingsheadersMiddleware:
    """Security headers that Django does not set itself, and a looser CSP for the admin.

    The public site runs under the strict SECURE_CSP; the Wagtail admin uses inline styles
    and scripts of its own, so it gets ADMIN_CSP (still same-origin only) and may be framed
    by itself, which its live preview needs. Listed after Django's CSP middleware so that
    this runs first on the way out.
    """

    ADMIN_PREFIXES = ("/admin/", "/django-admin/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.ADMIN_PREFIXES):
            response._csp_config = settings.ADMIN_CSP
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        if response.headers.get("Content-Encoding") == "None":
            # Wagtail's document serving writes a missing encoding as the text "None".
            del response.headers["Content-Encoding"]
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class NulTekenMiddleware:
    """A NUL character in a URL is never meaningful and PostgreSQL cannot store or compare
    it: answer 400 before any view turns it into a database error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in sleutel or "\x00" in waarde
            for sleutel, waarden in request.GET.lists()
            for waarde in waarden
        ):
            return HttpResponseBadRequest(
                _("Het adres bevat een ongeldig teken."), content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
