"""Faceted filtering of the kennisbank.

A request's query string becomes a `Kennisbankfilter`: validated selections per facet,
the filtered products, and per facet the number of products each option would give with
the other facets applied. The number of queries is fixed: one per facet plus the results
(the province facet needs no options query: the provinces are fixed).
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Case, Count, IntegerField, Q, When
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kennisbank.models import (
    DOELGROEPEN,
    VIER_OS,
    ProductPage,
    ProductTag,
    ProductType,
)
from portal.basis.openbaar import openbaar, openbaar_q, openbaar_zoekbaar
from portal.themas.models import LandelijkThemaPage
from werkplaatsen.models import ASSOCIATIE, ThemagroepPage, WerkplaatsPage
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
        self._opties_laden()
        self.keuze = {naam: self._valideer(naam, _waarden(params, naam)) for naam in self.FACETTEN}
        self.sortering = self._sortering(params.get("sort", ""))
        self.basis = ProductPage.objects.overzicht()
        self.zoektreffers = self._zoek() if self.q else None

    # -- options and validation ---------------------------------------------------------

    def _opties_laden(self):
        self.werkplaatsen = list(
            openbaar(WerkplaatsPage.objects.all()).order_by("title").values_list("slug", "title")
        )
        self.werkplaatsen.append((ASSOCIATIE, _("Associatie (landelijk)")))
        self.themas = list(
            openbaar(LandelijkThemaPage.objects.all())
            .order_by("path")
            .values_list("pk", "slug", "title")
        )
        self.themagroepen = list(
            openbaar(ThemagroepPage.objects.all())
            .order_by("title")
            .values_list("pk", "slug", "title")
        )

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
            geldig = list(
                ProductTag.objects.filter(openbaar_q("content_object__"), tag__slug__in=waarden)
                .values_list("tag__slug", flat=True)
                .distinct()
            )
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
        treffers = treffers[:MAX_ZOEKRESULTATEN]
        return [page.pk for page in treffers]

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

    def resultaten(self):
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
            self._facet_m2m(
                "thema",
                _("Landelijk thema"),
                self.themas,
                ProductPage.themas.through,
                "landelijkthemapage_id",
            ),
            self._facet_m2m(
                "themagroep",
                _("Themagroep"),
                self.themagroepen,
                ProductPage.themagroepen.through,
                "themagroeppage_id",
            ),
            self._facet_type(),
            self._facet_jaar(),
            self._facet_vlaggen("o", _("De 4 O's"), VIER_OS),
            self._facet_vlaggen("doelgroep", _("Doelgroep"), DOELGROEPEN),
            self._facet_tag(),
        ]

    def _ids(self, naam):
        return self.gefilterd(behalve=naam).order_by().values("pk")

    def _facet_werkplaats(self):
        rijen = self.gefilterd(behalve="werkplaats").order_by().values("werkplaats__slug")
        aantallen = {
            (r["werkplaats__slug"] or ASSOCIATIE): r["n"] for r in rijen.annotate(n=Count("pk"))
        }
        gekozen = self.keuze["werkplaats"]
        opties = [
            Optie(slug, title, aantallen.get(slug, 0), slug in gekozen)
            for slug, title in self.werkplaatsen
        ]
        return Facet("werkplaats", _("Werkplaats"), opties)

    def _facet_provincie(self):
        """Products per province of their Werkplaats; a product of a Werkplaats that works
        in two provinces counts in both, once each."""
        rijen = (
            self.gefilterd(behalve="provincie")
            .order_by()
            .filter(werkplaats__gemeenten__isnull=False)
            .values("werkplaats__gemeenten__provincie")
            .annotate(n=Count("pk", distinct=True))
        )
        aantallen = {r["werkplaats__gemeenten__provincie"]: r["n"] for r in rijen}
        gekozen = self.keuze["provincie"]
        opties = [
            Optie(waarde, label, aantallen.get(waarde, 0), waarde in gekozen)
            for waarde, label in Provincie.choices
        ]
        return Facet("provincie", _("Provincie"), opties)

    def _facet_m2m(self, naam, label, opties_bron, through, kolom):
        rijen = (
            through.objects.filter(productpage_id__in=self._ids(naam))
            .values(kolom)
            .annotate(n=Count("productpage_id"))
        )
        aantallen = {r[kolom]: r["n"] for r in rijen}
        gekozen = self.keuze[naam]
        opties = [
            Optie(slug, title, aantallen.get(pk, 0), slug in gekozen)
            for pk, slug, title in opties_bron
        ]
        return Facet(naam, label, opties)

    def _facet_type(self):
        rijen = self.gefilterd(behalve="type").order_by().values("product_type")
        aantallen = {r["product_type"]: r["n"] for r in rijen.annotate(n=Count("pk"))}
        gekozen = self.keuze["type"]
        opties = [
            Optie(waarde, label, aantallen.get(waarde, 0), waarde in gekozen)
            for waarde, label in ProductType.choices
        ]
        return Facet("type", _("Soort product"), opties)

    def _facet_jaar(self):
        rijen = (
            self.gefilterd(behalve="jaar")
            .order_by()
            .annotate(jaar=ExtractYear("publicatiedatum"))
            .values("jaar")
            .annotate(n=Count("pk"))
        )
        aantallen = {r["jaar"]: r["n"] for r in rijen}
        gekozen = self.keuze["jaar"]
        jaren = sorted(set(aantallen) | set(gekozen), reverse=True)
        opties = [Optie(str(j), str(j), aantallen.get(j, 0), j in gekozen) for j in jaren]
        return Facet("jaar", _("Jaar"), opties)

    def _facet_vlaggen(self, naam, label, vlaggen):
        tellingen = {slug: Count("pk", filter=Q(**{veld: True})) for slug, veld, _l in vlaggen}
        aantallen = self.gefilterd(behalve=naam).order_by().aggregate(**tellingen)
        gekozen = self.keuze[naam]
        opties = [
            Optie(slug, str(optie_label), aantallen[slug] or 0, slug in gekozen)
            for slug, _veld, optie_label in vlaggen
        ]
        return Facet(naam, label, opties)

    def _facet_tag(self):
        rijen = (
            ProductTag.objects.filter(content_object_id__in=self._ids("tag"))
            .values("tag__slug", "tag__name")
            .annotate(n=Count("content_object_id"))
            .order_by("-n", "tag__name")[:TAGS_IN_FACET]
        )
        gekozen = self.keuze["tag"]
        opties = [
            Optie(r["tag__slug"], r["tag__name"], r["n"], r["tag__slug"] in gekozen) for r in rijen
        ]
        getoond = {optie.waarde for optie in opties}
        opties += [Optie(slug, slug, 0, True) for slug in gekozen if slug not in getoond]
        return Facet("tag", _("Trefwoord"), opties)
