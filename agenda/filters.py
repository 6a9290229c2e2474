"""The agenda's filters: by Werkplaats (or the Associatie), province, type and thema.

The agenda page and its iCalendar feed take the same query string, so the feed offered on a
filtered agenda holds exactly the events that the page lists. Each filter takes one value; an
unknown value is reported and ignored.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from portal.basis.openbaar import openbaar
from portal.themas.models import LandelijkThemaPage
from werkplaatsen.models import ASSOCIATIE, WerkplaatsPage
from werkplaatsen.plaatsen import Provincie

MAX_LENGTE = 100


@dataclass
class Keuzelijst:
    naam: str
    label: str
    alle: str
    opties: list  # [(value, label)]
    gekozen: str = ""

    @property
    def gekozen_label(self):
        return dict(self.opties).get(self.gekozen, "")


@dataclass
class Agendafilter:
    params: object
    soorten: list  # the event types, [(value, label)]
    lijsten: list = field(init=False)
    meldingen: list = field(init=False, default_factory=list)

    def __post_init__(self):
        werkplaatsen = list(
            openbaar(WerkplaatsPage.objects.all()).order_by("title").values_list("slug", "title")
        )
        themas = list(
            openbaar(LandelijkThemaPage.objects.all()).order_by("path").values_list("slug", "title")
        )
        self.lijsten = [
            Keuzelijst(
                "werkplaats",
                _("Werkplaats"),
                _("Alle Werkplaatsen en landelijk"),
                [*werkplaatsen, (ASSOCIATIE, _("Associatie (landelijk)"))],
            ),
            Keuzelijst("provincie", _("Provincie"), _("Alle provincies"), Provincie.choices),
            Keuzelijst("soort", _("Soort"), _("Alle soorten"), list(self.soorten)),
            Keuzelijst("thema", _("Landelijk thema"), _("Alle thema's"), themas),
        ]
        for lijst in self.lijsten:
            waarde = self.params.get(lijst.naam, "").strip()[:MAX_LENGTE]
            if waarde in dict(lijst.opties):
                lijst.gekozen = waarde
            elif waarde:
                self.meldingen.append(
                    _("Onbekende keuze voor %(filter)s: ‘%(waarde)s’. Die keuze is genegeerd.")
                    % {"filter": lijst.label.lower(), "waarde": waarde}
                )

    @property
    def keuze(self):
        return {lijst.naam: lijst.gekozen for lijst in self.lijsten if lijst.gekozen}

    @property
    def samenvatting(self):
        return "; ".join(
            f"{lijst.label}: {lijst.gekozen_label}" for lijst in self.lijsten if lijst.gekozen
        )

    @property
    def actief(self):
        return bool(self.keuze)

    def parameters(self):
        return list(self.keuze.items())

    @property
    def querystring(self):
        return urlencode(self.parameters())

    def toepassen(self, evenementen):
        keuze = self.keuze
        if "werkplaats" in keuze:
            if keuze["werkplaats"] == ASSOCIATIE:
                evenementen = evenementen.filter(werkplaats__isnull=True)
            else:
                evenementen = evenementen.filter(werkplaats__slug=keuze["werkplaats"])
        if "provincie" in keuze:
            # Events of the Werkplaatsen that work in the province (by their gemeenten).
            in_provincie = WerkplaatsPage.objects.filter(gemeenten__provincie=keuze["provincie"])
            evenementen = evenementen.filter(werkplaats__in=in_provincie.values("pk"))
        if "soort" in keuze:
            evenementen = evenementen.filter(soort=keuze["soort"])
        if "thema" in keuze:
            evenementen = evenementen.filter(themas__slug=keuze["thema"])
        return evenementen
