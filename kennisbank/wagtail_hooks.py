"""The page chooser for products (e.g. the home page's featured products): it shows only the
products and the pages that have products below them, so an editor goes from the home page
straight to the Werkplaatsen, leerateliers and the Associatie that hold the kennisbank's
content, rather than through the themes, the agenda and the information pages."""

from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith
from wagtail import hooks
from wagtail.admin.views.chooser import page_models_from_string

from kennisbank.models import ProductPage


def alleen_producten_gevraagd(request):
    try:
        modellen = page_models_from_string(request.GET.get("page_type") or "wagtailcore.page")
    except (ValueError, LookupError):
        return False
    return all(issubclass(model, ProductPage) for model in modellen)


@hooks.register("construct_page_chooser_queryset")
def kies_uit_de_kennisbank(pages, request):
    # A search already lists products only (page_type), and the search backend cannot apply
    # the Exists filter below.
    if not alleen_producten_gevraagd(request) or request.GET.get("q"):
        return pages
    product_eronder = ProductPage.objects.filter(StartsWith(F("path"), OuterRef("path")))
    return pages.filter(Exists(product_eronder))
