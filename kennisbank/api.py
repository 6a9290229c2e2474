"""Read-only JSON API for products (Wagtail API v2), filterable by werkplaats and thema."""

from rest_framework.filters import BaseFilterBackend
from rest_framework.negotiation import BaseContentNegotiation
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from kennisbank.models import ProductPage
from portal.basis.openbaar import openbaar, openbaar_zoekbaar
from portal.themas.models import LandelijkThemaPage
from werkplaatsen.models import ASSOCIATIE, WerkplaatsPage


class AltijdJSON(BaseContentNegotiation):
    """The API speaks JSON only: an odd Accept header gets JSON, not a 406."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class WerkplaatsThemaFilter(BaseFilterBackend):
    """`?werkplaats=<slug>` (or `associatie`) and `?thema=<slug>`; unknown slugs are a 400."""

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


class ProductenAPIViewSet(PagesAPIViewSet):
    content_negotiation_class = AltijdJSON
    name = "producten"
    model = ProductPage
    filter_backends = [WerkplaatsThemaFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["werkplaats", "thema"])
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "product_type",
        "publicatiedatum",
        "werkplaats_slug",
        "thema_slugs",
    ]

    def get_queryset(self):
        # Search backends accept only filters on indexed fields: hence the id subquery.
        return (
            openbaar_zoekbaar(ProductPage.objects.all())
            .select_related("werkplaats", "document")
            .met_openbare_koppelingen()
            .prefetch_related("tagged_items__tag")
            .order_by("-publicatiedatum", "-pk")
        )
