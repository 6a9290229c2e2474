"""Places: the gemeenten and provinces a Werkplaats works in, and finding it by a place name.

The gemeenten come from CBS (``data/gemeenten.csv``, see ``data/README.md``), loaded into the
``Gemeente`` model by a data migration and by ``manage.py laad_gemeenten``. A visitor types a
gemeente, a well-known place inside one (``PLAATSEN``), a province, or a CBS code; case,
accents, hyphens and apostrophes do not matter ("súdwest-fryslân", "SUDWEST FRYSLAN",
"'s-Gravenhage", "s gravenhage").

This module imports no models of its own app (``models.py`` imports it for ``Provincie``):
it looks them up through the app registry when it runs.
"""

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.db import models
from django.utils.translation import gettext as _

from portal.basis.openbaar import openbaar

GEMEENTEN_CSV = Path(__file__).resolve().parent / "data" / "gemeenten.csv"
MAX_PLAATS = 100
CBS_CODE = re.compile(r"^GM\d{4}$")


class Provincie(models.TextChoices):
    """The twelve provinces; the value is the slug used in URLs and filters."""

    GRONINGEN = "groningen", "Groningen"
    FRYSLAN = "fryslan", "Fryslân"
    DRENTHE = "drenthe", "Drenthe"
    OVERIJSSEL = "overijssel", "Overijssel"
    FLEVOLAND = "flevoland", "Flevoland"
    GELDERLAND = "gelderland", "Gelderland"
    UTRECHT = "utrecht", "Utrecht"
    NOORD_HOLLAND = "noord-holland", "Noord-Holland"
    ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"
    ZEELAND = "zeeland", "Zeeland"
    NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
    LIMBURG = "limburg", "Limburg"


# Other names in common use for a province (the official name and the slug always match).
PROVINCIE_ALIASSEN = {
    Provincie.FRYSLAN: ["Friesland"],
    Provincie.NOORD_BRABANT: ["Brabant"],
}

# Well-known places that are not the name of a gemeente, and common names of gemeenten, with
# the CBS code of the gemeente they lie in (division of 1 January 2025). Geography, not a
# claim about any Werkplaats; extend it when visitors miss a name.
PLAATSEN = {
    "Den Haag": "GM0518",
    "Scheveningen": "GM0518",
    "Den Bosch": "GM0796",
    "Hengelo": "GM0164",
    "Middelburg": "GM0687",
    "Rijswijk": "GM0603",
    "Sittard": "GM1883",
    "Geleen": "GM1883",
    "Valkenburg": "GM0994",
    "Nuenen": "GM0820",
    "Veghel": "GM1948",
    "Schijndel": "GM1948",
    "Uden": "GM1991",
    "Cuijk": "GM1982",
    "Boxmeer": "GM1982",
    "Weesp": "GM0363",
    "Zaandam": "GM0479",
    "Hoofddorp": "GM0394",
    "IJmuiden": "GM0453",
    "Heerhugowaard": "GM1980",
    "Langedijk": "GM1980",
    "Beemster": "GM0439",
    "Bussum": "GM1942",
    "Naarden": "GM1942",
    "Maarssen": "GM1904",
    "Vianen": "GM1961",
    "Leerdam": "GM1961",
    "Driebergen": "GM1581",
    "Spijkenisse": "GM1930",
    "Hellevoetsluis": "GM1992",
    "Brielle": "GM1992",
    "Oud-Beijerland": "GM1963",
    "Schoonhoven": "GM1931",
    "Zierikzee": "GM1676",
    "Emmeloord": "GM0171",
    "Hoogezand": "GM1952",
    "Delfzijl": "GM1979",
    "Appingedam": "GM1979",
    "Winschoten": "GM1895",
    "Sneek": "GM1900",
    "Bolsward": "GM1900",
    "Zuidwest-Friesland": "GM1900",
    "Drachten": "GM0090",
    "Joure": "GM1940",
    "De Friese Meren": "GM1940",
    "Dokkum": "GM1970",
    "Noordoost-Friesland": "GM1970",
    "Franeker": "GM1949",
    "Tietjerksteradeel": "GM0737",
    "Wolvega": "GM0098",
    "Gorredijk": "GM0086",
}

# Words around a place name that carry no meaning for the look-up ("gemeente Maastricht").
VULWOORDEN = {"gemeente", "provincie", "prov", "regio", "stad", "in"}


def normaliseer(tekst):
    """Lower case, no accents, apostrophes or punctuation: "'s-Gravenhage" -> "s gravenhage"."""
    tekst = unicodedata.normalize("NFKD", tekst[: MAX_PLAATS * 2])
    tekst = "".join(teken for teken in tekst if not unicodedata.combining(teken))
    tekst = re.sub(r"['’`]", "", tekst.lower())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", tekst).split())[:MAX_PLAATS]


def _zonder_vulwoorden(genormaliseerd):
    woorden = genormaliseerd.split()
    while len(woorden) > 1 and woorden[0] in VULWOORDEN:
        woorden = woorden[1:]
    return " ".join(woorden)


def _sleutels(naam):
    """Look-up keys of a CBS name: "Bergen (NH.)" gives "bergen nh" and "bergen"."""
    sleutels = {normaliseer(naam)}
    zonder_toevoeging = re.sub(r"\s*\(.*?\)\s*", " ", naam).strip()
    sleutels.add(normaliseer(zonder_toevoeging))
    return sleutels


def provincies_van(gemeenten):
    """Labels of the provinces of ``gemeenten``, each once, in the order of Provincie."""
    waarden = {gemeente.provincie for gemeente in gemeenten}
    return [label for waarde, label in Provincie.choices if waarde in waarden]


# -- the CBS list ----------------------------------------------------------------------------


def provincie_bij_naam(naam):
    """The Provincie value for a province's name, slug or alias; None when unknown."""
    sleutel = normaliseer(naam)
    for waarde, label in Provincie.choices:
        namen = [waarde, label, *PROVINCIE_ALIASSEN.get(waarde, [])]
        if sleutel in {normaliseer(n) for n in namen}:
            return waarde
    return None


def lees_gemeenten(pad=GEMEENTEN_CSV):
    """[(cbs_code, naam, provincie)] from a CSV with CBS's columns; ValueError on bad rows."""
    rijen, gezien = [], set()
    with open(pad, encoding="utf-8-sig", newline="") as bestand:
        kop = bestand.readline()
        bestand.seek(0)
        # CBS's own CSV export separates with semicolons; the shipped copy with commas.
        lezer = csv.DictReader(bestand, delimiter=";" if kop.count(";") > kop.count(",") else ",")
        for regel, rij in enumerate(lezer, start=2):
            code = (rij.get("GemeentecodeGM") or "").strip()
            naam = (rij.get("Gemeentenaam") or "").strip()
            provincie = provincie_bij_naam(rij.get("Provincienaam") or "")
            if not CBS_CODE.match(code) or not naam or provincie is None or code in gezien:
                raise ValueError(f"{pad}, regel {regel}: ongeldige of dubbele rij {dict(rij)}")
            gezien.add(code)
            rijen.append((code, naam, provincie))
    return rijen


def laad_gemeenten(model, rijen):
    """Create and update ``model`` (Gemeente, or its historical version in a migration) from
    ``rijen``; returns (created, updated, codes no longer in the list). Deletes nothing."""
    bestaand = {g.cbs_code: g for g in model.objects.all()}
    nieuw, gewijzigd = [], []
    for code, naam, provincie in rijen:
        gemeente = bestaand.get(code)
        if gemeente is None:
            nieuw.append(model(cbs_code=code, naam=naam, provincie=provincie))
        elif (gemeente.naam, gemeente.provincie) != (naam, provincie):
            gemeente.naam, gemeente.provincie = naam, provincie
            gewijzigd.append(gemeente)
    model.objects.bulk_create(nieuw)
    model.objects.bulk_update(gewijzigd, ["naam", "provincie"])
    vervallen = sorted(set(bestaand) - {code for code, _n, _p in rijen})
    return len(nieuw), len(gewijzigd), vervallen


# -- finding the Werkplaats of a place -------------------------------------------------------


@dataclass
class Gemeentetreffer:
    gemeente: object
    werkplaatsen: list
    # Werkplaatsen elsewhere in its province, offered when none works in the gemeente itself.
    in_provincie: list = field(default_factory=list)
    # The place name typed when it is not the gemeente's own name ("Sneek").
    via: str = ""


@dataclass
class Plaatsantwoord:
    invoer: str
    gemeenten: list = field(default_factory=list)
    provincie: str = ""
    provincie_label: str = ""
    provincie_werkplaatsen: list = field(default_factory=list)
    suggesties: list = field(default_factory=list)
    melding: str = ""

    @property
    def gevonden(self):
        return bool(self.gemeenten or self.provincie)

    @property
    def provincie_extra(self):
        """The province's Werkplaatsen that the gemeenten found do not already show."""
        getoond = {w.pk for treffer in self.gemeenten for w in treffer.werkplaatsen}
        return [w for w in self.provincie_werkplaatsen if w.pk not in getoond]

    @property
    def werkplaatsen(self):
        """Every Werkplaats of the answer, each once: gemeenten first, then the province."""
        gezien, resultaat = set(), []
        lijsten = [t.werkplaatsen for t in self.gemeenten] + [self.provincie_werkplaatsen]
        for lijst in lijsten:
            for werkplaats in lijst:
                if werkplaats.pk not in gezien:
                    gezien.add(werkplaats.pk)
                    resultaat.append(werkplaats)
        return resultaat


def _werkplaatsen_per_plek():
    """Public Werkplaatsen per gemeente pk and per province, in two queries."""
    werkplaats_model = apps.get_model("werkplaatsen", "WerkplaatsPage")
    gemeente_model = apps.get_model("werkplaatsen", "Gemeente")
    werkplaatsen = openbaar(werkplaats_model.objects.all()).order_by("title")
    werkplaatsen = werkplaatsen.prefetch_related(
        models.Prefetch("gemeenten", queryset=gemeente_model.objects.order_by("naam"))
    )
    per_gemeente, per_provincie = {}, {}
    for werkplaats in werkplaatsen:
        for gemeente in werkplaats.gemeenten.all():
            per_gemeente.setdefault(gemeente.pk, []).append(werkplaats)
            lijst = per_provincie.setdefault(gemeente.provincie, [])
            if werkplaats not in lijst:
                lijst.append(werkplaats)
    return per_gemeente, per_provincie


_index_cache = {}


def _index(gemeenten):
    """Look-up key -> [(gemeente, place name typed or "")]; kept while the list is the same."""
    sleutel = tuple((g.pk, g.cbs_code, g.naam, g.provincie) for g in gemeenten)
    if sleutel not in _index_cache:
        _index_cache.clear()
        _index_cache[sleutel] = _bouw_index(gemeenten)
    return _index_cache[sleutel]


def _bouw_index(gemeenten):
    index = {}
    per_code = {g.cbs_code: g for g in gemeenten}
    for gemeente in gemeenten:
        for sleutel in _sleutels(gemeente.naam) | {gemeente.cbs_code.lower()}:
            index.setdefault(sleutel, []).append((gemeente, ""))
    for plaats, code in PLAATSEN.items():
        gemeente = per_code.get(code)
        if gemeente is not None:
            lijst = index.setdefault(normaliseer(plaats), [])
            if all(g.pk != gemeente.pk for g, _via in lijst):
                lijst.append((gemeente, plaats))
    return index


def _provincie_sleutels():
    sleutels = {}
    for waarde, label in Provincie.choices:
        for naam in [waarde, label, *PROVINCIE_ALIASSEN.get(waarde, [])]:
            sleutels[normaliseer(naam)] = (waarde, label)
    return sleutels


def zoek_werkplaats(tekst, gemeenten=None):
    """Which Werkplaats works in the gemeente, place or province ``tekst``: a Plaatsantwoord.

    ``gemeenten``: the Gemeente objects to match against, when the caller has them already.
    """
    tekst = (tekst or "").strip()[:MAX_PLAATS]
    antwoord = Plaatsantwoord(invoer=tekst)
    sleutel = _zonder_vulwoorden(normaliseer(tekst))
    if not sleutel:
        antwoord.melding = _("Vul de naam van uw gemeente, woonplaats of provincie in.")
        return antwoord
    if re.fullmatch(r"\d{4}", sleutel):
        sleutel = f"gm{sleutel}"
    if gemeenten is None:
        gemeenten = list(apps.get_model("werkplaatsen", "Gemeente").objects.all())
    index = _index(gemeenten)
    provincies = _provincie_sleutels()
    treffers = sorted(index.get(sleutel, []), key=lambda paar: paar[0].naam)
    provincie = provincies.get(sleutel)
    if not treffers and provincie is None:
        antwoord.suggesties = _suggesties(sleutel, index, provincies)
        antwoord.melding = _("We kennen geen gemeente, plaats of provincie ‘%(plaats)s’.") % {
            "plaats": tekst
        }
        return antwoord
    per_gemeente, per_provincie = _werkplaatsen_per_plek()
    for gemeente, via in treffers:
        eigen = per_gemeente.get(gemeente.pk, [])
        elders = [] if eigen else per_provincie.get(gemeente.provincie, [])
        antwoord.gemeenten.append(Gemeentetreffer(gemeente, eigen, elders, via))
    if provincie is not None:
        antwoord.provincie, antwoord.provincie_label = provincie
        antwoord.provincie_werkplaatsen = per_provincie.get(provincie[0], [])
    return antwoord


def _suggesties(sleutel, index, provincies):
    """Up to three names close to a mistyped one ("Maastrict" -> "Maastricht")."""
    namen = {}
    for key, paren in index.items():
        if not key.startswith("gm"):
            gemeente, via = paren[0]
            namen[key] = via or gemeente.naam
    for key, (_waarde, label) in provincies.items():
        namen[key] = label
    gevonden = difflib.get_close_matches(sleutel, list(namen), n=5, cutoff=0.75)
    resultaat = []
    for key in gevonden:
        if namen[key] not in resultaat:
            resultaat.append(namen[key])
    return resultaat[:3]


def plaats_in_zoekterm(q):
    """The Plaatsantwoord when the whole search term names a place, else None."""
    if not q or len(q) > MAX_PLAATS:
        return None
    antwoord = zoek_werkplaats(q)
    return antwoord if antwoord.gevonden else None
