from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from kennisbank.api import AltijdJSON, ProductenAPIViewSet
from portal.basis.openbaar import openbaar_zoekbaar


class PaginasAPIViewSet(PagesAPIViewSet):
    content_negotiation_class = AltijdJSON

    def get_base_queryset(self):
        """Public pages only, whoever asks: the open-data API shows what the site shows."""
        return openbaar_zoekbaar(super().get_base_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PaginasAPIViewSet)
api_router.register_endpoint("producten", ProductenAPIViewSet)
