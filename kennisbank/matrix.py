"""The national overview: products per Werkplaats and landelijk thema, with totals.

Every number links to the kennisbank filtered so that it shows exactly that many products.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from kennisbank.facetindex import facetindex
from werkplaatsen.models import ASSOCIATIE


@dataclass
class Cel:
    aantal: int
    url: str
    label: str  # what the number counts, for screen readers


@dataclass
class Rij:
    slug: str
    naam: str
    cellen: list
    totaal: Cel


class Themamatrix:
    def __init__(self, kennisbank_url):
        """``kennisbank_url``: the URL of the KennisbankPage, to which every number links.

        The numbers come from the kennisbank's facet index: a cell is the products of that
        Werkplaats with that theme, a row's total those of the Werkplaats with any public
        theme, a column's total those with the theme, the total those with any."""
        self.kennisbank_url = kennisbank_url
        index = facetindex()
        self.index = index
        self.themas = index.themas
        self.werkplaatsen = index.werkplaatsen
        self._thema = {pk: index.opties["thema"].get(pk, 0) for pk, _s, _t in self.themas}
        self._met_thema = index.of("thema", list(self._thema))
        self.totaal_aantal = self._met_thema.bit_count()

    def als_html(self, id):
        """The matrix as a table (components/themamatrix.html), rendered once per index: it
        shows only the index's numbers, Werkplaatsen and themes."""
        sleutel = ("themamatrix", self.kennisbank_url, id, get_language())
        return self.index.fragment(
            sleutel,
            lambda: render_to_string("components/themamatrix.html", {"matrix": self, "id": id}),
        )

    def _url(self, werkplaatsen=(), themas=()):
        paren = [("werkplaats", w) for w in werkplaatsen] + [("thema", t) for t in themas]
        return f"{self.kennisbank_url}?{urlencode(paren)}"

    @property
    def thema_slugs(self):
        return [slug for _pk, slug, _title in self.themas]

    def rijen(self):
        regels = [*self.werkplaatsen, (ASSOCIATIE, _("Associatie (landelijk)"))]
        return [self._rij(slug, naam) for slug, naam in regels]

    def _rij(self, slug, naam):
        producten = self.index.opties["werkplaats"].get(slug, 0)
        cellen = []
        for thema_pk, thema_slug, titel in self.themas:
            aantal = (producten & self._thema[thema_pk]).bit_count()
            label = ngettext(
                "product van %(naam)s over %(thema)s",
                "producten van %(naam)s over %(thema)s",
                aantal,
            ) % {"naam": naam, "thema": titel}
            cellen.append(Cel(aantal, self._url([slug], [thema_slug]), label))
        aantal = (producten & self._met_thema).bit_count()
        label = ngettext(
            "product van %(naam)s over deze thema's",
            "producten van %(naam)s over deze thema's",
            aantal,
        ) % {"naam": naam}
        return Rij(slug, naam, cellen, Cel(aantal, self._url([slug], self.thema_slugs), label))

    def kolomtotalen(self):
        totalen = []
        for pk, slug, titel in self.themas:
            aantal = self._thema[pk].bit_count()
            label = ngettext("product over %(thema)s", "producten over %(thema)s", aantal) % {
                "thema": titel
            }
            totalen.append(Cel(aantal, self._url([], [slug]), label))
        return totalen

    def totaal(self):
        label = ngettext(
            "product over een of meer van deze thema's",
            "producten over een of meer van deze thema's",
            self.totaal_aantal,
        )
        return Cel(self.totaal_aantal, self._url([], self.thema_slugs), label)
