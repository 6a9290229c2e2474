from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from kennisbank.api import AltijdJSON, ProductenAPIViewSet


class PaginasAPIViewSet(PagesAPIViewSet):
    content_negotiation_class = AltijdJSON


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PaginasAPIViewSet)
api_router.register_endpoint("producten", ProductenAPIViewSet)
