"""Read-only JSON API for products (Wagtail API v2), filterable by werkplaats and thema."""

from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from kennisbank.facetten import ASSOCIATIE
from kennisbank.models import LandelijkThemaPage, ProductPage
from werkplaatsen.models import WerkplaatsPage


class WerkplaatsThemaFilter(BaseFilterBackend):
    """`?werkplaats=<slug>` (or `associatie`) and `?thema=<slug>`; unknown slugs are a 400."""

    def filter_queryset(self, request, queryset, view):
        werkplaats = request.GET.get("werkplaats")
        if werkplaats == ASSOCIATIE:
            queryset = queryset.filter(werkplaats__isnull=True)
        elif werkplaats is not None:
            gevonden = WerkplaatsPage.objects.live().filter(slug=werkplaats).first()
            if gevonden is None:
                raise BadRequestError(f"onbekende werkplaats: {werkplaats[:100]!r}")
            queryset = queryset.filter(werkplaats=gevonden)
        thema = request.GET.get("thema")
        if thema is not None:
            gevonden = LandelijkThemaPage.objects.live().filter(slug=thema).first()
            if gevonden is None:
                raise BadRequestError(f"onbekend thema: {thema[:100]!r}")
            queryset = queryset.filter(themas=gevonden)
        return queryset


class ProductenAPIViewSet(PagesAPIViewSet):
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
        return (
            ProductPage.objects.live()
            .public()
            .select_related("werkplaats", "document")
            .prefetch_related("themas", "themagroepen", "tagged_items__tag")
            .order_by("-publicatiedatum", "-pk")
        )
