"""The open-data API's conventions, after the NL API Design Rules (Logius, 'pas toe of leg uit').

Every view of the API (Wagtail's endpoints, the OpenAPI document, the base path) answers:

- with the full version in an ``API-Version`` header (/core/version-header); the major version
  is the ``v2`` in the path (/core/uri-version);
- read-only CORS: ``Access-Control-Allow-Origin: *`` without credentials, a preflight for GET,
  HEAD and OPTIONS only (transport-security module, /core/publish-openapi);
- errors as ``application/problem+json`` (RFC 9457), keeping Wagtail's ``message`` as an
  extension member so that older clients still find it;
- 405 with an ``Allow`` header for any other method (/core/http-methods);
- on listings, ``Link`` headers (RFC 8288) to the first, previous, next and last page.
"""

import logging
import re
from http import HTTPStatus

from django.conf import settings
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.response import Response
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

logger = logging.getLogger(__name__)

# Semantic version of the API; its major number is the one in the path (/api/v<major>/).
API_VERSIE = "2.1.0"
API_PAD = f"/api/v{API_VERSIE.split('.')[0]}/"

PROBLEEM_MEDIA_TYPE = "application/problem+json"
METHODES = ("GET", "HEAD", "OPTIONS")
# Headers a browser script may send (besides the CORS-safelisted ones) and may read.
TOEGESTANE_HEADERS = ("Accept", "Accept-Language", "If-None-Match", "If-Modified-Since")
LEESBARE_HEADERS = ("API-Version", "Link", "ETag")
PREFLIGHT_GELDIG = 86400

# Titles of the problems the API returns: the HTTP reason phrases, in Dutch (RFC 9457 4.2.1).
TITELS = {
    400: "Ongeldig verzoek",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    500: "Interne serverfout",
}


def zet_api_headers(response):
    """The version and CORS headers of every API response, errors included."""
    response["API-Version"] = API_VERSIE
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = ", ".join(LEESBARE_HEADERS)
    return response


class APIHeadersMiddleware:
    """The version and CORS headers on every response below the API's base path.

    Listed before Django's ConditionalGetMiddleware: its 304 Not Modified keeps only a few
    headers of the response it replaces, and a revalidated answer is an API call too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(API_PAD):
            zet_api_headers(response)
        return response


def zet_preflight_headers(response):
    response["Access-Control-Allow-Methods"] = ", ".join(METHODES)
    response["Access-Control-Allow-Headers"] = ", ".join(TOEGESTANE_HEADERS)
    response["Access-Control-Max-Age"] = str(PREFLIGHT_GELDIG)
    return response


def probleem(request, status_code, detail):
    """RFC 9457 problem details; ``message`` is the member Wagtail's API used before 2.1."""
    return {
        "type": "about:blank",
        "title": TITELS.get(status_code) or HTTPStatus(status_code).phrase,
        "status": status_code,
        "detail": detail,
        "instance": request.get_full_path(),
        "message": detail,
    }


def probleem_response(request, status_code, detail):
    """A problem as a plain Django response, for views outside Django REST framework."""
    return JsonResponse(
        probleem(request, status_code, detail),
        status=status_code,
        content_type=PROBLEEM_MEDIA_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


class AltijdJSON(BaseContentNegotiation):
    """The API speaks JSON only: an odd Accept header gets JSON, not a 406."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class LinkPaginering(WagtailPagination):
    """Wagtail's limit/offset paging, with the pages as ``Link`` headers (RFC 8288)."""

    def paginate_queryset(self, queryset, request, view=None):
        pagina = super().paginate_queryset(queryset, request, view)  # validates both
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
        self.request = request
        self.offset = int(request.GET.get("offset", 0))
        self.limit = int(request.GET.get("limit", min(20, limit_max) if limit_max else 20))
        return pagina

    def adres(self, offset):
        query = self.request.GET.copy()
        query["offset"] = offset
        query["limit"] = self.limit
        return f"{settings.WAGTAILAPI_BASE_URL}{self.request.path}?{query.urlencode()}"

    def links(self):
        if not self.limit:
            return {}
        laatste = max(self.total_count - 1, 0) // self.limit * self.limit
        links = {"first": 0, "last": laatste}
        if self.offset > 0:
            links["prev"] = max(self.offset - self.limit, 0)
        if self.offset + self.limit < self.total_count:
            links["next"] = self.offset + self.limit
        return {rel: self.adres(offset) for rel, offset in links.items()}

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        links = self.links()
        if links:
            response["Link"] = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items())
        return response


class APIRegels:
    """Mixin for the API's views (Django REST framework): methods, preflight and problems.

    The version and CORS headers come from APIHeadersMiddleware."""

    content_negotiation_class = AltijdJSON
    http_method_names = ["get", "head", "options"]

    def options(self, request, *args, **kwargs):
        """CORS preflight (and a plain OPTIONS): no body, the allowed methods in the headers."""
        return zet_preflight_headers(Response(status=status.HTTP_204_NO_CONTENT))

    def find_object(self, queryset, request):
        if not re.fullmatch(r"[0-9]{1,18}", request.GET.get("id", "0")):
            raise BadRequestError("id moet een positief geheel getal zijn")
        return super().find_object(queryset, request)

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            status_code, detail = 404, str(exc) or "niet gevonden"
        elif isinstance(exc, BadRequestError):
            status_code, detail = 400, str(exc)
        elif isinstance(exc, exceptions.APIException):
            status_code, detail = exc.status_code, str(exc.detail)
        else:
            logger.error("Fout in de API bij %s", self.request.path, exc_info=exc)
            status_code, detail = 500, "Er ging iets mis aan onze kant."
        response = Response(
            probleem(self.request, status_code, detail),
            status=status_code,
            content_type=PROBLEEM_MEDIA_TYPE,
        )
        if isinstance(exc, exceptions.MethodNotAllowed):
            response["Allow"] = ", ".join(METHODES)
        return response
