"""RSS and Atom feeds of new products: all, per Werkplaats and per landelijk thema.

The feed of the kennisbank takes the kennisbank's own query string (facets and `q`), so the
feed offered on a filtered kennisbank holds exactly that selection, newest first."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from kennisbank.facetten import Kennisbankfilter
from kennisbank.models import KennisbankPage, ProductPage
from portal.basis.openbaar import openbaar
from portal.basis.site_url import volledige_url
from portal.themas.models import LandelijkThemaPage
from werkplaatsen.models import WerkplaatsPage

ITEMS_IN_FEED = 30


@dataclass
class Selectie:
    pagina: KennisbankPage | None
    filter: Kennisbankfilter | None  # None without a query string: no option look-ups


class ProductenFeed(Feed):
    """Links are absolute from SITE_URL (pages through Wagtail's Site, see
    portal/basis/site_url.py), whatever host the request came in on."""

    title = _("Nieuwe producten van de Werkplaatsen Sociaal Domein")
    description = _(
        "Publicaties, handreikingen, columns en andere kennisproducten uit alle regio's."
    )

    def get_object(self, request):
        # The feed of the kennisbank links to the kennisbank page, wherever it is.
        pagina = openbaar(KennisbankPage.objects.all()).only("url_path").first()
        return Selectie(pagina, Kennisbankfilter(request.GET) if request.GET else None)

    def link(self, obj):
        if obj.pagina is None:
            return volledige_url(reverse("wagtail_serve", args=[""]))
        selectie = f"?{obj.filter.querystring}" if obj.filter and obj.filter.actief else ""
        return obj.pagina.get_full_url() + selectie

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["feed_url"] = volledige_url(request.get_full_path())
        return feed

    def producten(self, obj):
        return obj.filter.gefilterd() if obj.filter else ProductPage.objects.overzicht()

    def items(self, obj):
        return self.producten(obj)[:ITEMS_IN_FEED]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Readers render an RSS description as HTML, and Atom's summary is written with
        # type="html"; the summary is plain text, so escape it.
        return escape(item.samenvatting)

    def item_link(self, item):
        return item.get_full_url()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return str(item.herkomst_naam)

    def item_categories(self, item):
        return [item.get_product_type_display()]


class WerkplaatsProductenFeed(ProductenFeed):
    def get_object(self, request, slug):
        return get_object_or_404(openbaar(WerkplaatsPage.objects.all()), slug=slug)

    def title(self, obj):
        return _("Nieuwe producten van %(werkplaats)s") % {"werkplaats": obj.title}

    def description(self, obj):
        return _("Kennisproducten van Werkplaats %(werkplaats)s.") % {"werkplaats": obj.title}

    def link(self, obj):
        return obj.get_full_url()

    def producten(self, obj):
        return ProductPage.objects.overzicht().filter(werkplaats=obj)


class ThemaProductenFeed(ProductenFeed):
    def get_object(self, request, slug):
        return get_object_or_404(openbaar(LandelijkThemaPage.objects.all()), slug=slug)

    def title(self, obj):
        return _("Nieuwe producten over %(thema)s") % {"thema": obj.title}

    def description(self, obj):
        return obj.korte_beschrijving

    def link(self, obj):
        return obj.get_full_url()

    def producten(self, obj):
        return ProductPage.objects.overzicht().filter(themas=obj)


class AtomMixin:
    feed_type = Atom1Feed

    def subtitle(self, obj=None):
        return self.description(obj) if callable(self.description) else self.description


class ProductenAtomFeed(AtomMixin, ProductenFeed):
    pass


class WerkplaatsProductenAtomFeed(AtomMixin, WerkplaatsProductenFeed):
    pass


class ThemaProductenAtomFeed(AtomMixin, ThemaProductenFeed):
    pass
