"""Faceted filtering of the kennisbank.

A request's query string becomes a `Kennisbankfilter`: validated selections per facet,
the filtered products, and per facet the number of products each option would give with
the other facets applied. Counts, selections and the order of the results come from the
facet index in memory (`facetindex.py`); the database is asked for the search hits and for
the page of results shown. `gefilterd()` gives the same selection as a queryset, for the
feeds and the alerts, which filter further.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Case, IntegerField, Q, When
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from kennisbank.facetindex import Vast, facetindex
from kennisbank.models import (
    DOELGROEPEN,
    VIER_OS,
    ProductPage,
    ProductTag,
    ProductType,
)
from portal.basis.openbaar import openbaar_zoekbaar
from werkplaatsen.models import ASSOCIATIE, WerkplaatsPage
from werkplaatsen.plaatsen import Provincie

MAX_WAARDEN = 20
MAX_LENGTE = 100
MAX_ZOEKTERM = 200
MAX_ZOEKRESULTATEN = 1000
TAGS_IN_FACET = 30

SORTERINGEN = {
    "nieuwste": gettext_lazy("Nieuwste eerst"),
    "oudste": gettext_lazy("Oudste eerst"),
    "titel": gettext_lazy("Titel (A-Z)"),
    "relevantie": gettext_lazy("Relevantie"),
}


@dataclass
class Optie:
    waarde: str
    label: str
    aantal: int = 0
    gekozen: bool = False

    @property
    def eenheid(self):
        """What the count counts, for screen readers ("product" or "producten")."""
        return ngettext("product", "producten", self.aantal)


@dataclass
class Facet:
    naam: str
    label: str
    opties: list[Optie] = field(default_factory=list)

    @property
    def gekozen(self):
        return [optie for optie in self.opties if optie.gekozen]

    @property
    def zichtbare_opties(self):
        return [optie for optie in self.opties if optie.aantal or optie.gekozen]


def zoekterm(ruw):
    """Words only: punctuation and operators have no meaning to visitors and break some
    full-text engines (SQLite's FTS5 rejects a stray quote or percent sign)."""
    woorden = re.sub(r"[^\w\s]", " ", ruw[: MAX_ZOEKTERM * 2]).lower().split()
    return " ".join(woorden)[:MAX_ZOEKTERM].strip()


def _waarden(params, naam):
    waarden = []
    for waarde in params.getlist(naam)[:MAX_WAARDEN]:
        waarde = waarde.strip()[:MAX_LENGTE]
        if waarde and waarde not in waarden:
            waarden.append(waarde)
    return waarden


class Kennisbankfilter:
    FACETTEN = [
        "werkplaats",
        "provincie",
        "thema",
        "themagroep",
        "type",
        "jaar",
        "o",
        "doelgroep",
        "tag",
    ]

    def __init__(self, params):
        self.meldingen = []
        self.q = zoekterm(params.get("q", ""))
        self.index = facetindex()
        self._opties_laden()
        self.keuze = {naam: self._valideer(naam, _waarden(params, naam)) for naam in self.FACETTEN}
        self.sortering = self._sortering(params.get("sort"))
        self.basis = ProductPage.objects.overzicht()
        self.zoektreffers = self._zoek() if self.q else None

    # -- options and validation ---------------------------------------------------------

    def _opties_laden(self):
        self.werkplaatsen = [*self.index.werkplaatsen, (ASSOCIATIE, _("Associatie (landelijk)"))]
        self.themas = self.index.themas
        self.themagroepen = self.index.themagroepen

    def _bekende_waarden(self, naam):
        if naam == "werkplaats":
            return {slug for slug, _title in self.werkplaatsen}
        if naam == "thema":
            return {slug for _pk, slug, _title in self.themas}
        if naam == "themagroep":
            return {slug for _pk, slug, _title in self.themagroepen}
        if naam == "provincie":
            return set(Provincie.values)
        if naam == "type":
            return set(ProductType.values)
        if naam == "o":
            return {slug for slug, _f, _l in VIER_OS}
        if naam == "doelgroep":
            return {slug for slug, _f, _l in DOELGROEPEN}
        return None

    def _valideer(self, naam, waarden):
        if naam == "jaar":
            geldig = [w for w in waarden if w.isdigit() and 1900 <= int(w) <= 2100]
        elif naam == "tag":
            # Only tags of public products: a tag of a hidden one reads as unknown.
            geldig = [w for w in waarden if w in self.index.tagnamen]
        else:
            bekend = self._bekende_waarden(naam)
            geldig = [w for w in waarden if w in bekend]
        onbekend = [w for w in waarden if w not in geldig]
        if onbekend:
            self.meldingen.append(
                _("Onbekende waarde voor filter '%(filter)s' genegeerd: %(waarden)s.")
                % {"filter": naam, "waarden": ", ".join(onbekend)}
            )
        return geldig if naam != "jaar" else [int(w) for w in geldig]

    def _sortering(self, sort):
        if sort == "relevantie" and not self.q:
            return "nieuwste"
        if sort in SORTERINGEN:
            return sort
        return "relevantie" if self.q else "nieuwste"

    # -- filtering ----------------------------------------------------------------------

    def _zoek(self):
        treffers = openbaar_zoekbaar(ProductPage.objects.all()).search(self.q, operator="and")
        # Only the ids, best first: loading the up to 1,000 pages themselves took most of a
        # search's time (about 150 ms at 5,000 products).
        treffers = treffers[:MAX_ZOEKRESULTATEN].get_queryset()
        return list(treffers.values_list("pk", flat=True))

    def _filter(self, qs, naam, waarden):
        through_thema = ProductPage.themas.through
        through_groep = ProductPage.themagroepen.through
        if naam == "werkplaats":
            slugs = [w for w in waarden if w != ASSOCIATIE]
            q = Q(werkplaats__slug__in=slugs)
            if ASSOCIATIE in waarden:
                q |= Q(werkplaats__isnull=True)
            return qs.filter(q)
        if naam == "provincie":
            # Products of the Werkplaatsen that work in one of these provinces (by their
            # gemeenten); national products belong to no province.
            werkplaatsen = WerkplaatsPage.objects.filter(gemeenten__provincie__in=waarden)
            return qs.filter(werkplaats__in=werkplaatsen.values("pk"))
        if naam == "thema":
            ids = through_thema.objects.filter(landelijkthemapage__slug__in=waarden)
            return qs.filter(pk__in=ids.values("productpage_id"))
        if naam == "themagroep":
            ids = through_groep.objects.filter(themagroeppage__slug__in=waarden)
            return qs.filter(pk__in=ids.values("productpage_id"))
        if naam == "type":
            return qs.filter(product_type__in=waarden)
        if naam == "jaar":
            return qs.filter(publicatiedatum__year__in=waarden)
        if naam == "tag":
            ids = ProductTag.objects.filter(tag__slug__in=waarden)
            return qs.filter(pk__in=ids.values("content_object_id"))
        velden = {slug: veld for slug, veld, _l in (VIER_OS if naam == "o" else DOELGROEPEN)}
        q = Q()
        for waarde in waarden:
            q |= Q(**{velden[waarde]: True})
        return qs.filter(q)

    def gefilterd(self, behalve=None):
        qs = self.basis
        if self.zoektreffers is not None:
            qs = qs.filter(pk__in=self.zoektreffers)
        for naam in self.FACETTEN:
            if naam != behalve and self.keuze[naam]:
                qs = self._filter(qs, naam, self.keuze[naam])
        return qs

    def selectie(self, behalve=None):
        """`gefilterd` as a bitmap of the facet index."""
        bits = self.index.alle
        if self.zoektreffers is not None:
            bits &= self.index.positie_bitmap(self.zoektreffers)
        for naam in self.FACETTEN:
            if naam != behalve and self.keuze[naam]:
                bits &= self.index.of(naam, self._indexwaarden(naam))
        return bits

    def _indexwaarden(self, naam):
        """The chosen values as the index knows them (themes and themagroepen by id)."""
        bron = {"thema": self.themas, "themagroep": self.themagroepen}.get(naam)
        if bron is None:
            return self.keuze[naam]
        return [pk for pk, slug, _title in bron if slug in self.keuze[naam]]

    def resultaten(self):
        """`gefilterd` in the chosen order, as a queryset."""
        qs = self.gefilterd()
        if self.sortering == "oudste":
            return qs.order_by("publicatiedatum", "pk")
        if self.sortering == "titel":
            return qs.order_by("title", "pk")
        if self.sortering == "relevantie" and self.zoektreffers:
            rang = Case(
                *[When(pk=pk, then=i) for i, pk in enumerate(self.zoektreffers)],
                output_field=IntegerField(),
            )
            return qs.order_by(rang)
        return qs

    def resultatenlijst(self):
        """The same products in the same order from the index, loaded a page at a time (for
        the kennisbank's own pages: no count or sort over all products in the database)."""
        selectie = self.selectie()
        if self.sortering == "relevantie" and self.zoektreffers:
            volgorde = Vast(self.index.met(selectie, self.zoektreffers))
        else:
            volgorde = self.index.in_volgorde(selectie, self.sortering)
        return Resultaten(volgorde, self.basis)

    @property
    def actief(self):
        return bool(self.q) or any(self.keuze.values())

    def parameters(self):
        """The normalised selection as (name, value) pairs, in a stable order."""
        paren = [("q", self.q)] if self.q else []
        for naam in self.FACETTEN:
            paren += [(naam, str(waarde)) for waarde in self.keuze[naam]]
        return paren

    @property
    def querystring(self):
        """The selection as a query string (for the feed of exactly this selection)."""
        return urlencode(self.parameters())

    def chips(self, facetten):
        """Active filters, each with the query string that removes it."""
        labels = {
            (facet.naam, optie.waarde): optie.label for facet in facetten for optie in facet.opties
        }
        chips = []
        if self.q:
            chips.append((_("Zoekterm: %(q)s") % {"q": self.q}, self._zonder("q", self.q)))
        for naam, waarde in self.parameters():
            if naam != "q":
                chips.append((labels.get((naam, waarde), waarde), self._zonder(naam, waarde)))
        return chips

    def _zonder(self, naam, waarde):
        paren = [p for p in self.parameters() if p != (naam, waarde)]
        if self.sortering not in ("nieuwste", "relevantie"):
            paren.append(("sort", self.sortering))
        return "?" + urlencode(paren) if paren else "?"

    # -- facet counts -------------------------------------------------------------------

    def facetten(self):
        return [
            self._facet_werkplaats(),
            self._facet_provincie(),
            self._facet_m2m("thema", _("Landelijk thema"), self.themas),
            self._facet_m2m("themagroep", _("Themagroep"), self.themagroepen),
            self._facet_type(),
            self._facet_jaar(),
            self._facet_vlaggen("o", _("De 4 O's"), VIER_OS),
            self._facet_vlaggen("doelgroep", _("Doelgroep"), DOELGROEPEN),
            self._facet_tag(),
        ]

    def _aantallen(self, naam, waarden):
        selectie = self.selectie(behalve=naam)
        return {waarde: self.index.aantal(naam, waarde, selectie) for waarde in waarden}

    def _facet_werkplaats(self):
        gekozen = self.keuze["werkplaats"]
        aantallen = self._aantallen("werkplaats", [slug for slug, _t in self.werkplaatsen])
        opties = [
            Optie(slug, title, aantallen[slug], slug in gekozen)
            for slug, title in self.werkplaatsen
        ]
        return Facet("werkplaats", _("Werkplaats"), opties)

    def _facet_provincie(self):
        """Products per province of their Werkplaats; a product of a Werkplaats that works
        in two provinces counts in both, once each."""
        aantallen = self._aantallen("provincie", Provincie.values)
        gekozen = self.keuze["provincie"]
        opties = [
            Optie(waarde, label, aantallen[waarde], waarde in gekozen)
            for waarde, label in Provincie.choices
        ]
        return Facet("provincie", _("Provincie"), opties)

    def _facet_m2m(self, naam, label, opties_bron):
        aantallen = self._aantallen(naam, [pk for pk, _s, _t in opties_bron])
        gekozen = self.keuze[naam]
        opties = [
            Optie(slug, title, aantallen[pk], slug in gekozen) for pk, slug, title in opties_bron
        ]
        return Facet(naam, label, opties)

    def _facet_type(self):
        aantallen = self._aantallen("type", ProductType.values)
        gekozen = self.keuze["type"]
        opties = [
            Optie(waarde, label, aantallen[waarde], waarde in gekozen)
            for waarde, label in ProductType.choices
        ]
        return Facet("type", _("Soort product"), opties)

    def _facet_jaar(self):
        aantallen = self._aantallen("jaar", list(self.index.opties["jaar"]))
        gekozen = self.keuze["jaar"]
        jaren = sorted({j for j, n in aantallen.items() if n} | set(gekozen), reverse=True)
        opties = [Optie(str(j), str(j), aantallen.get(j, 0), j in gekozen) for j in jaren]
        return Facet("jaar", _("Jaar"), opties)

    def _facet_vlaggen(self, naam, label, vlaggen):
        aantallen = self._aantallen(naam, [slug for slug, _v, _l in vlaggen])
        gekozen = self.keuze[naam]
        opties = [
            Optie(slug, str(optie_label), aantallen[slug], slug in gekozen)
            for slug, _veld, optie_label in vlaggen
        ]
        return Facet(naam, label, opties)

    def _facet_tag(self):
        aantallen = self._aantallen("tag", list(self.index.tagnamen))
        namen = self.index.tagnamen
        meeste = sorted(
            (slug for slug, n in aantallen.items() if n), key=lambda s: (-aantallen[s], namen[s])
        )[:TAGS_IN_FACET]
        gekozen = self.keuze["tag"]
        opties = [Optie(slug, namen[slug], aantallen[slug], slug in gekozen) for slug in meeste]
        getoond = {optie.waarde for optie in opties}
        opties += [Optie(slug, slug, 0, True) for slug in gekozen if slug not in getoond]
        return Facet("tag", _("Trefwoord"), opties)


class Resultaten(Sequence):
    """The selected products in order (``facetindex.Vast`` or ``Op_datum``); a slice loads
    just those products (with what the listing shows), in one query."""

    def __init__(self, volgorde, basis):
        self.volgorde = volgorde
        self.basis = basis

    def __len__(self):
        return len(self.volgorde)

    def __getitem__(self, sleutel):
        if not isinstance(sleutel, slice):
            positie = range(len(self))[sleutel]  # from the end when negative; IndexError
            return self[positie : positie + 1][0]
        begin, einde, stap = sleutel.indices(len(self))
        pks = self.volgorde.stuk(begin, einde)[::stap]
        producten = {product.pk: product for product in self.basis.filter(pk__in=pks)}
        return [producten[pk] for pk in pks if pk in producten]
