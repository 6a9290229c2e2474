"""The JSON API at /api/v2/: Wagtail's endpoints, the OpenAPI document and the base path.

The conventions every view follows (version header, CORS, problem+json, paging links) are in
portal/basis/api.py; the document is built in portal/site/openapi.py.
"""

from django.urls import path, re_path, reverse
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from kennisbank.api import ProductenAPIViewSet
from portal.basis.api import API_VERSIE, APIRegels, LinkPaginering, probleem_response
from portal.basis.openbaar import openbaar_zoekbaar
from portal.basis.site_url import volledige_url
from portal.site import openapi


class PaginasAPIViewSet(APIRegels, PagesAPIViewSet):
    pagination_class = LinkPaginering

    def get_base_queryset(self):
        """Public pages only, whoever asks: the open-data API shows what the site shows."""
        return openbaar_zoekbaar(super().get_base_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PaginasAPIViewSet)
api_router.register_endpoint("producten", ProductenAPIViewSet)


class OpenAPIDocument(APIRegels, APIView):
    """/core/publish-openapi: the document at ``openapi.json`` in the base path."""

    def get(self, request):
        return Response(openapi.document(api_router))


class Beginpunt(APIRegels, APIView):
    """The base path: the version and where the document and the endpoints are."""

    def get(self, request):
        return Response(
            {
                "versie": API_VERSIE,
                "openapi": volledige_url(reverse("wagtailapi:openapi")),
                "endpoints": {
                    naam: volledige_url(reverse(f"wagtailapi:{naam}:listing"))
                    for naam in api_router._endpoints
                },
            }
        )


def niet_gevonden(request):
    """Any other address below the base path: a 404 as problem+json, not the site's page."""
    return probleem_response(request, 404, "Dit adres bestaat niet in de API.")


api_urls = (
    [
        path("", Beginpunt.as_view(), name="beginpunt"),
        path("openapi.json", OpenAPIDocument.as_view(), name="openapi"),
        *api_router.get_urlpatterns(),
        # Only addresses ending in "/": one without gets APPEND_SLASH's redirect first.
        re_path(r"^.*/$", niet_gevonden),
    ],
    api_router.url_namespace,
)
