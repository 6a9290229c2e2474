"""Read-only JSON API for products (Wagtail API v2), filterable by werkplaats and thema."""

from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from kennisbank.models import DOELGROEPEN, VIER_OS, ProductPage
from portal.basis.api import APIRegels, LinkPaginering
from portal.basis.openbaar import openbaar, openbaar_zoekbaar
from portal.themas.models import LandelijkThemaPage
from werkplaatsen.models import ASSOCIATIE, WerkplaatsPage

SLUGS = {"type": "array", "items": {"type": "string"}}


def keuzelijst(keuzes, beschrijving):
    return {
        "type": "array",
        "items": {"type": "string", "enum": [slug for slug, _veld, _label in keuzes]},
        "description": beschrijving,
    }


class WerkplaatsThemaFilter(BaseFilterBackend):
    """`?werkplaats=<slug>` (or `associatie`) and `?thema=<slug>`; unknown slugs are a 400."""

    # Documented in the OpenAPI document (portal/site/openapi.py).
    parameters = {
        "werkplaats": (
            "Alleen de producten van deze Werkplaats (slug), of `associatie` voor de "
            "landelijke producten. Een onbekende slug geeft 400."
        ),
        "thema": (
            "Alleen de producten bij dit landelijk thema (slug). Een onbekende slug geeft 400."
        ),
    }

    def filter_queryset(self, request, queryset, view):
        werkplaats = request.GET.get("werkplaats")
        if werkplaats == ASSOCIATIE:
            queryset = queryset.filter(werkplaats__isnull=True)
        elif werkplaats is not None:
            gevonden = openbaar(WerkplaatsPage.objects.filter(slug=werkplaats)).first()
            if gevonden is None:
                raise BadRequestError(f"onbekende werkplaats: {werkplaats[:100]!r}")
            queryset = queryset.filter(werkplaats=gevonden)
        thema = request.GET.get("thema")
        if thema is not None:
            gevonden = openbaar(LandelijkThemaPage.objects.filter(slug=thema)).first()
            if gevonden is None:
                raise BadRequestError(f"onbekend thema: {thema[:100]!r}")
            queryset = queryset.filter(themas=gevonden)
        return queryset


class ProductenAPIViewSet(APIRegels, PagesAPIViewSet):
    name = "producten"
    pagination_class = LinkPaginering
    model = ProductPage
    filter_backends = [WerkplaatsThemaFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["werkplaats", "thema"])
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "product_type",
        "publicatiedatum",
        "werkplaats_slug",
        "thema_slugs",
    ]
    # JSON Schemas of the api_fields that are properties: their type is not in the database.
    veldschemas = {
        "werkplaats_slug": {
            "type": ["string", "null"],
            "description": "Slug van de Werkplaats; null bij een landelijk product.",
        },
        "herkomst": {"type": "string", "description": "Naam van de Werkplaats of de Associatie."},
        "auteursnamen": {**SLUGS, "description": "Namen van de auteurs, in hun volgorde."},
        "thema_slugs": {**SLUGS, "description": "Slugs van de landelijke thema's."},
        "themagroep_slugs": {**SLUGS, "description": "Slugs van de themagroepen."},
        "vier_o_slugs": keuzelijst(VIER_OS, "De 4 O's waaraan het product bijdraagt."),
        "doelgroep_slugs": keuzelijst(DOELGROEPEN, "Voor wie het product vooral bedoeld is."),
        "document_url": {
            "type": ["string", "null"],
            "format": "uri",
            "description": "Absoluut adres van het bestand; null zonder bestand.",
        },
    }

    def get_queryset(self):
        # Search backends accept only filters on indexed fields: hence the id subquery.
        return (
            openbaar_zoekbaar(ProductPage.objects.all())
            .select_related("werkplaats", "document")
            .met_openbare_koppelingen()
            .prefetch_related("tagged_items__tag")
            .order_by("-publicatiedatum", "-pk")
        )
