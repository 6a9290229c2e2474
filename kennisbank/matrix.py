"""The national overview: products per Werkplaats and landelijk thema, with totals.

Every number links to the kennisbank filtered so that it shows exactly that many products.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count
from django.utils.translation import gettext as _

from kennisbank.models import ProductPage
from portal.basis.openbaar import openbaar
from portal.themas.models import LandelijkThemaPage
from werkplaatsen.models import ASSOCIATIE, WerkplaatsPage


@dataclass
class Cel:
    aantal: int
    url: str


@dataclass
class Rij:
    slug: str
    naam: str
    cellen: list
    totaal: Cel


class Themamatrix:
    def __init__(self, kennisbank_url):
        """``kennisbank_url``: the URL of the KennisbankPage, to which every number links."""
        self.kennisbank_url = kennisbank_url
        self.themas = list(
            openbaar(LandelijkThemaPage.objects.all())
            .order_by("path")
            .values_list("pk", "slug", "title")
        )
        self.werkplaatsen = list(
            openbaar(WerkplaatsPage.objects.all())
            .order_by("title")
            .values_list("pk", "slug", "title")
        )
        producten = ProductPage.objects.overzicht().order_by().values("pk")
        koppelingen = ProductPage.themas.through.objects.filter(
            productpage_id__in=producten,
            landelijkthemapage_id__in=[pk for pk, _s, _t in self.themas],
        )
        self._cellen = {
            (r["productpage__werkplaats_id"], r["landelijkthemapage_id"]): r["n"]
            for r in koppelingen.values(
                "productpage__werkplaats_id", "landelijkthemapage_id"
            ).annotate(n=Count("productpage_id"))
        }
        self._rijtotalen = {
            r["productpage__werkplaats_id"]: r["n"]
            for r in koppelingen.values("productpage__werkplaats_id").annotate(
                n=Count("productpage_id", distinct=True)
            )
        }
        self._kolomtotalen = {
            r["landelijkthemapage_id"]: r["n"]
            for r in koppelingen.values("landelijkthemapage_id").annotate(n=Count("productpage_id"))
        }
        self.totaal_aantal = koppelingen.values("productpage_id").distinct().count()

    def _url(self, werkplaatsen=(), themas=()):
        paren = [("werkplaats", w) for w in werkplaatsen] + [("thema", t) for t in themas]
        return f"{self.kennisbank_url}?{urlencode(paren)}"

    @property
    def thema_slugs(self):
        return [slug for _pk, slug, _title in self.themas]

    def rijen(self):
        regels = [(pk, slug, title) for pk, slug, title in self.werkplaatsen]
        regels.append((None, ASSOCIATIE, _("Associatie (landelijk)")))
        return [self._rij(pk, slug, naam) for pk, slug, naam in regels]

    def _rij(self, pk, slug, naam):
        cellen = [
            Cel(self._cellen.get((pk, thema_pk), 0), self._url([slug], [thema_slug]))
            for thema_pk, thema_slug, _title in self.themas
        ]
        totaal = Cel(self._rijtotalen.get(pk, 0), self._url([slug], self.thema_slugs))
        return Rij(slug, naam, cellen, totaal)

    def kolomtotalen(self):
        return [
            Cel(self._kolomtotalen.get(pk, 0), self._url([], [slug]))
            for pk, slug, _title in self.themas
        ]

    def totaal(self):
        return Cel(self.totaal_aantal, self._url([], self.thema_slugs))
