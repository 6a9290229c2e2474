"""The content of the site: products (with files), events and the featured products."""

import re

from django.utils.text import slugify

from agenda.models import EvenementPage
from kennisbank.models import DOELGROEPEN, VIER_OS, ProductPage
from portal.demo.bestanden import zorg_voor_afbeelding, zorg_voor_document
from portal.demo.bouwstenen import PaginaSpec, stroom, zorg_voor_pagina
from portal.demo.evenementen import EVENEMENTEN
from portal.demo.paginas import HOME
from portal.demo.producten import BRONPRODUCTEN, UITGELICHT, demo_producten
from portal.site.models import HomePage


def bouw(boom, verslag):
    producten = bouw_producten(boom, verslag)
    bouw_evenementen(boom, verslag)
    bouw_uitgelicht(boom, producten, verslag)


# Products ------------------------------------------------------------------------------------


def bouw_producten(boom, verslag):
    producten = {}
    for volgnummer, data in enumerate(BRONPRODUCTEN + demo_producten()):
        spec = product_spec(data, boom, volgnummer, verslag)
        pagina = zorg_voor_pagina(boom.ouder(data["ouder"]), spec, verslag)
        producten.setdefault(data["titel"], pagina)
    return producten


def product_spec(data, boom, volgnummer, verslag):
    velden = {
        "title": data["titel"],
        "product_type": data["product_type"],
        "publicatiedatum": data["datum"],
        "datum_bij_benadering": data.get("datum_bij_benadering", False),
        "samenvatting": data["samenvatting"],
        "externe_link": data.get("link", ""),
        "is_voorbeeld": data.get("voorbeeld", False),
        "herkomst_notitie": data.get("notitie", ""),
        "body": stroom(data["body"]),
        "themas": [boom.themas[s] for s in data["themas"]],
        "themagroepen": [boom.themagroepen[s] for s in data["themagroepen"]],
        **{veld: slug in data["os"] for slug, veld, _label in VIER_OS},
        **{veld: slug in data["voor"] for slug, veld, _label in DOELGROEPEN},
        **product_bestanden(data, volgnummer, verslag),
    }
    rijen = {"auteurs": [auteur_rij(auteur, boom) for auteur in data["auteurs"]]}
    return PaginaSpec(ProductPage, data["slug"], velden, rijen, tags=data["tags"])


def auteur_rij(auteur, boom):
    if "persoon" in auteur:
        return {"persoon": boom.lectoren[auteur["persoon"]], "naam": ""}
    return {"persoon": None, "naam": auteur["naam"]}


def product_bestanden(data, volgnummer, verslag):
    bestanden = {}
    naam = bestandsnaam(data["titel"])
    if data.get("document"):
        regels = [data["samenvatting"], *(platte_tekst(html) for _s, html in data["body"])]
        bestanden["document"] = zorg_voor_document(data["titel"], f"{naam}.pdf", regels, verslag)
    if data.get("afbeelding"):
        titel = f"Illustratie bij {data['titel']}"
        bestanden["afbeelding"] = zorg_voor_afbeelding(titel, f"{naam}.png", volgnummer, verslag)
    return bestanden


def bestandsnaam(titel, lengte=60):
    """A slug of the title, cut at a word boundary."""
    slug = slugify(titel)
    return slug if len(slug) <= lengte else slug[:lengte].rsplit("-", 1)[0]


def platte_tekst(html):
    return re.sub(r"<[^>]+>", "", html)


# Events ----------------------------------------------------------------------------------------


def bouw_evenementen(boom, verslag):
    for data in EVENEMENTEN:
        zorg_voor_pagina(boom.ouder(data["ouder"]), evenement_spec(data, boom), verslag)


def evenement_spec(data, boom):
    velden = {
        "title": data["titel"],
        "soort": data["soort"],
        "start": data["start"],
        "eind": data.get("eind"),
        "hele_dag": data.get("hele_dag", False),
        "samenvatting": data["samenvatting"],
        "beschrijving": data["beschrijving"],
        "locatie": data.get("locatie", ""),
        "online": data.get("online", False),
        "themas": [boom.themas[s] for s in data["themas"]],
        "programma": programma(data.get("programma", []), boom),
        "is_voorbeeld": data.get("voorbeeld", False),
        "herkomst_notitie": data.get("notitie", ""),
        **aanmeldvelden(data.get("aanmelden")),
    }
    return PaginaSpec(EvenementPage, data["slug"], velden)


def aanmeldvelden(aanmelden):
    if not aanmelden:
        return {"aanmelden": False, "capaciteit": None, "aanmelden_tot": None}
    return {
        "aanmelden": True,
        "capaciteit": aanmelden["capaciteit"],
        "aanmelden_tot": aanmelden["tot"],
    }


def programma(onderdelen, boom):
    """Raw StreamField data; speakers by name become Persoon pks."""
    return [
        {
            "type": "onderdeel",
            "value": {**deel, "sprekers": [boom.lectoren[naam].pk for naam in deel["sprekers"]]},
        }
        for deel in onderdelen
    ]


# Home page -------------------------------------------------------------------------------------


def bouw_uitgelicht(boom, producten, verslag):
    rijen = {"uitgelichte_producten": [{"product": producten[titel]} for titel in UITGELICHT]}
    spec = PaginaSpec(HomePage, HOME["slug"], {}, rijen)
    zorg_voor_pagina(boom.home.get_parent(), spec, verslag)
