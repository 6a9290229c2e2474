"""The structure of the site: home, menu, people, Werkplaatsen, themes and kennisagenda's."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.text import slugify
from wagtail.models import Page, Site

from agenda.models import AgendaIndexPage
from kennisbank.models import KennisbankPage
from portal.basis.site_url import site_url, site_velden
from portal.demo import paginas, themas, toegankelijkheid, werkplaatsen
from portal.demo.bouwstenen import (
    GEMAAKT,
    GEWIJZIGD,
    PaginaSpec,
    stroom,
    zorg_voor_object,
    zorg_voor_pagina,
)
from portal.demo.leerateliers import LEERATELIERS
from portal.site.models import (
    HomePage,
    InformatiePagina,
    SiteInstellingen,
    ToegankelijkheidsverklaringPage,
)
from portal.themas.models import LandelijkThemaPage, ThemaIndexPage
from portal.volgen.models import NieuwsbriefIndexPage, NieuwsbriefPage
from werkplaatsen.models import (
    AssociatiePage,
    Gemeente,
    KennisagendaPage,
    LeeratelierPage,
    Persoon,
    Speerpunt,
    ThemagroepIndexPage,
    ThemagroepPage,
    WerkplaatsIndexPage,
    WerkplaatsPage,
    WerkplaatsStatus,
)
from werkplaatsen.plaatsen import laad_gemeenten, lees_gemeenten

WELKOMSTTITEL = "Welcome to your new Wagtail site!"
MENUMODELLEN = {
    "werkplaatsen": WerkplaatsIndexPage,
    "kennisbank": KennisbankPage,
    "themas": ThemaIndexPage,
    "themagroepen": ThemagroepIndexPage,
    "agenda": AgendaIndexPage,
}


@dataclass
class Boom:
    """The pages and people built so far, for the steps that link to them."""

    home: Page = None
    menu: dict = field(default_factory=dict)
    associatie: Page = None
    lectoren: dict = field(default_factory=dict)
    themas: dict = field(default_factory=dict)
    themagroepen: dict = field(default_factory=dict)
    werkplaatsen: dict = field(default_factory=dict)
    speerpunten: dict = field(default_factory=dict)
    leerateliers: dict = field(default_factory=dict)

    def ouder(self, plek):
        """The parent page for ("werkplaats", naam), ("leeratelier", naam, slug), etc."""
        soort, *rest = plek
        if soort == "werkplaats":
            return self.werkplaatsen[rest[0]]
        if soort == "leeratelier":
            return self.leerateliers[tuple(rest)]
        return self.associatie if soort == "associatie" else self.menu[soort]


def bouw(verslag):
    boom = Boom()
    boom.lectoren = bouw_lectoren(verslag)
    boom.home = bouw_home(verslag)
    zet_site(boom.home, verslag)
    boom.menu = bouw_hoofdmenu(boom.home, verslag)
    boom.associatie = bouw_associatie(boom, verslag)
    informatiepaginas = bouw_informatiepaginas(boom.home, verslag)
    verklaring = bouw_toegankelijkheidsverklaring(boom.home, verslag)
    koppel_voettekst(informatiepaginas, verklaring, verslag)
    bouw_nieuwsbrief(boom.home, verslag)
    boom.themas = bouw_themas(boom.menu["themas"], verslag)
    boom.themagroepen = bouw_themagroepen(boom, verslag)
    zorg_voor_gemeenten(verslag)
    boom.werkplaatsen = bouw_werkplaatsen(boom, verslag)
    beheer_lectoren(boom, verslag)
    bouw_kennisagendas(boom, verslag)
    boom.leerateliers = bouw_leerateliers(boom, verslag)
    return boom


# People ------------------------------------------------------------------------------------


def lector_velden():
    """naam -> Persoon fields: a bio from the table, or the facts stated for that person."""
    velden = {}
    for naam in werkplaatsen.WERKPLAATS_NAMEN:
        for persoon, rol in werkplaatsen.personen(naam):
            bio = werkplaatsen.bio_uit_tabel(naam, rol)
            velden.setdefault(persoon, {"bio": bio, "herkomst_notitie": werkplaatsen.BRON_TABEL})
    for persoon, _rol, bio in werkplaatsen.FUNCTIONARISSEN:
        if bio:
            velden.setdefault(persoon, {"bio": bio, "herkomst_notitie": werkplaatsen.BRON_TABEL})
    velden.update(werkplaatsen.LECTOR_GEGEVENS)
    return velden


def bouw_lectoren(verslag):
    return {
        naam: zorg_voor_object(Persoon, {"naam": naam}, velden, verslag)
        for naam, velden in lector_velden().items()
    }


def beheer_lectoren(boom, verslag):
    """Each Werkplaats keeps the profiles of its own people; the Associatie the others."""
    for naam, pagina in boom.werkplaatsen.items():
        for persoon, _rol in werkplaatsen.personen(naam):
            velden = {"beheerd_door": pagina}
            zorg_voor_object(Persoon, {"naam": persoon}, velden, verslag)


# Home, site and menu ------------------------------------------------------------------------


def bouw_home(verslag):
    root = Page.get_first_root_node()
    verwijder_welkomstpagina(root)
    velden = {
        "title": paginas.HOME["titel"],
        "lead": paginas.HOME["lead"],
        "intro": paginas.HOME["intro"],
        "show_in_menus": False,
    }
    return zorg_voor_pagina(root, PaginaSpec(HomePage, paginas.HOME["slug"], velden), verslag)


def verwijder_welkomstpagina(root):
    """Remove Wagtail's initial page; sites pointing at it point at the root meanwhile."""
    kandidaten = Page.objects.child_of(root).filter(
        title=WELKOMSTTITEL, content_type__app_label="wagtailcore", content_type__model="page"
    )
    for welkom in kandidaten:
        Site.objects.filter(root_page=welkom).update(root_page=root)
        welkom.delete()


def zet_site(home, verslag):
    velden = {
        **site_velden(settings.SITE_URL),
        "site_name": paginas.SITE_NAAM,
        "root_page": home,
    }
    site = zorg_voor_object(Site, {"is_default_site": True}, velden, verslag)
    Site.objects.exclude(pk=site.pk).filter(root_page=Page.get_first_root_node()).update(
        root_page=home
    )
    instellingen = {"contact_email": paginas.CONTACT_EMAIL}
    zorg_voor_object(SiteInstellingen, {"site": site}, instellingen, verslag)


def bouw_hoofdmenu(home, verslag):
    menu = {}
    for sleutel, slug, titel, intro in paginas.HOOFDMENU:
        velden = {"title": titel, "intro": intro, "show_in_menus": True}
        spec = PaginaSpec(MENUMODELLEN[sleutel], slug, velden)
        menu[sleutel] = zorg_voor_pagina(home, spec, verslag)
    return menu


def bouw_associatie(boom, verslag):
    data = paginas.ASSOCIATIE
    velden = {
        "title": data["titel"],
        "intro": data["intro"],
        "body": stroom(data["body"]),
        "contact_email": werkplaatsen.ASSOCIATIE_EMAIL,
        "show_in_menus": True,
    }
    rijen = {
        "functionarissen": [
            {"persoon": boom.lectoren[naam], "rol": rol}
            for naam, rol, _bio in werkplaatsen.FUNCTIONARISSEN
        ]
    }
    spec = PaginaSpec(AssociatiePage, data["slug"], velden, rijen)
    return zorg_voor_pagina(boom.home, spec, verslag)


def bouw_informatiepaginas(home, verslag):
    resultaat = {}
    for slug, titel, intro, body in paginas.INFORMATIEPAGINAS:
        velden = {"title": titel, "intro": intro, "body": stroom(body), "show_in_menus": False}
        resultaat[slug] = zorg_voor_pagina(
            home, PaginaSpec(InformatiePagina, slug, velden), verslag
        )
    return resultaat


def bouw_nieuwsbrief(home, verslag):
    """The newsletter's archive, with one example newsletter: published, never sent."""
    data = paginas.NIEUWSBRIEF
    velden = {"title": data["titel"], "intro": data["intro"], "show_in_menus": False}
    index = zorg_voor_pagina(home, PaginaSpec(NieuwsbriefIndexPage, data["slug"], velden), verslag)
    voorbeeld = data["voorbeeld"]
    velden = {"title": voorbeeld["titel"], "intro": voorbeeld["intro"], "body": voorbeeld["body"]}
    zorg_voor_pagina(index, PaginaSpec(NieuwsbriefPage, voorbeeld["slug"], velden), verslag)


def bouw_toegankelijkheidsverklaring(home, verslag):
    """The accessibility statement at /toegankelijkheid/; it replaces the plain information
    page that earlier demo content had at that slug."""
    oud = Page.objects.child_of(home).filter(slug=toegankelijkheid.SLUG).first()
    if oud is not None and isinstance(oud.specific, InformatiePagina):
        oud.delete()
        verslag.tel("InformatiePagina", GEWIJZIGD)
    velden = {**toegankelijkheid.VERKLARING, "reikwijdte": toegankelijkheid.reikwijdte(site_url())}
    spec = PaginaSpec(ToegankelijkheidsverklaringPage, toegankelijkheid.SLUG, velden)
    return zorg_voor_pagina(home, spec, verslag)


def koppel_voettekst(informatiepaginas, verklaring, verslag):
    """The footer links the contact, privacy and accessibility pages chosen in the settings."""
    velden = {
        "contactpagina": informatiepaginas["contact"],
        "privacypagina": informatiepaginas["privacy"],
        "toegankelijkheidspagina": verklaring,
    }
    site = Site.objects.get(is_default_site=True)
    zorg_voor_object(SiteInstellingen, {"site": site}, velden, verslag)


# Themes and themagroepen ---------------------------------------------------------------------


def bouw_themas(index, verslag):
    resultaat = {}
    for slug, titel, kort, beschrijving in themas.THEMAS:
        velden = {"title": titel, "korte_beschrijving": kort, "beschrijving": beschrijving}
        resultaat[slug] = zorg_voor_pagina(
            index, PaginaSpec(LandelijkThemaPage, slug, velden), verslag
        )
    return resultaat


def bouw_themagroepen(boom, verslag):
    resultaat = {}
    for slug, titel, start, thema_slugs, kort, beschrijving in themas.THEMAGROEPEN:
        velden = {
            "title": titel,
            "korte_beschrijving": kort,
            "beschrijving": beschrijving,
            "start_jaar": start,
            "eind_jaar": None,
            "themas": [boom.themas[s] for s in thema_slugs],
        }
        spec = PaginaSpec(ThemagroepPage, slug, velden)
        resultaat[slug] = zorg_voor_pagina(boom.menu["themagroepen"], spec, verslag)
    return resultaat


# Werkplaatsen, kennisagenda's and leerateliers ---------------------------------------------


def zorg_voor_gemeenten(verslag):
    """The CBS list of gemeenten, as the data migration loads it (a flushed test database
    has none)."""
    gemaakt, gewijzigd, _vervallen = laad_gemeenten(Gemeente, lees_gemeenten())
    for _ in range(gemaakt):
        verslag.tel(Gemeente.__name__, GEMAAKT)
    for _ in range(gewijzigd):
        verslag.tel(Gemeente.__name__, GEWIJZIGD)


def werkgebied(naam):
    """The Gemeente objects a demo Werkplaats works in (portal/demo/werkplaatsen.py)."""
    provincie = werkplaatsen.WERKGEBIED_PROVINCIE.get(naam)
    if provincie:
        return list(Gemeente.objects.filter(provincie=provincie))
    codes = werkplaatsen.WERKGEBIED_GEMEENTEN.get(naam, [])
    gemeenten = list(Gemeente.objects.filter(cbs_code__in=codes))
    if len(gemeenten) != len(codes):
        ontbreekt = set(codes) - {g.cbs_code for g in gemeenten}
        raise CommandError(f"Onbekende CBS-codes voor {naam}: {', '.join(sorted(ontbreekt))}")
    return gemeenten


def werkplaats_spec(naam, lectoren):
    in_oprichting = naam in werkplaatsen.IN_OPRICHTING
    velden = {
        "title": naam,
        "korte_naam": werkplaatsen.LEIDING[naam][0],
        "status": WerkplaatsStatus.IN_OPRICHTING if in_oprichting else WerkplaatsStatus.ACTIEF,
        "intro": werkplaatsen.INTRO[naam],
        "kaart_breedtegraad": Decimal(werkplaatsen.KAART[naam][0]),
        "kaart_lengtegraad": Decimal(werkplaatsen.KAART[naam][1]),
        "gemeenten": werkgebied(naam),
        **werkplaatsen.EXTRA_VELDEN.get(naam, {}),
    }
    rijen = {
        "lectoren": [
            {"persoon": lectoren[persoon], "rol": rol}
            for persoon, rol in werkplaatsen.personen(naam)
        ],
        "partners": [
            {"naam": partner, "soort": soort, "website": ""}
            for partner, soort in werkplaatsen.PARTNERS.get(naam, [])
        ],
    }
    return PaginaSpec(WerkplaatsPage, slugify(naam), velden, rijen)


def bouw_werkplaatsen(boom, verslag):
    index = boom.menu["werkplaatsen"]
    return {
        naam: zorg_voor_pagina(index, werkplaats_spec(naam, boom.lectoren), verslag)
        for naam in werkplaatsen.WERKPLAATS_NAMEN
    }


def kennisagenda_spec(data, boom):
    start, eind = data["periode"]
    velden = {
        "title": data["titel"],
        "periode_start": start,
        "periode_eind": eind,
        "intro": data["intro"],
        "body": stroom(data["body"]),
    }
    speerpunten = [
        {
            "titel": titel,
            "soort": soort,
            "beschrijving": beschrijving,
            "themas": [boom.themas[s] for s in thema_slugs],
        }
        for titel, soort, thema_slugs, beschrijving in data["speerpunten"]
    ]
    return PaginaSpec(KennisagendaPage, data["slug"], velden, {"speerpunten": speerpunten})


def bouw_kennisagendas(boom, verslag):
    noord_holland = boom.werkplaatsen[werkplaatsen.NOORD_HOLLAND]
    spec = kennisagenda_spec(themas.KENNISAGENDA_NH, boom)
    agenda = zorg_voor_pagina(noord_holland, spec, verslag)
    boom.speerpunten = {sp.titel: sp for sp in Speerpunt.objects.filter(agenda_id=agenda.pk)}
    zorg_voor_pagina(boom.associatie, kennisagenda_spec(themas.WERKPROGRAMMA, boom), verslag)


def leeratelier_spec(data, boom):
    velden = {
        "title": data["titel"],
        "intro": data["intro"],
        "start_jaar": data["start_jaar"],
        "eind_jaar": None,
        "themas": [boom.themas[s] for s in data["themas"]],
        "speerpunten": [boom.speerpunten[t] for t in data.get("speerpunten", [])],
        "body": stroom(data.get("body", [])),
        "is_voorbeeld": data.get("voorbeeld", False),
        "herkomst_notitie": data.get("notitie", ""),
    }
    return PaginaSpec(LeeratelierPage, data["slug"], velden)


def bouw_leerateliers(boom, verslag):
    resultaat = {}
    for data in LEERATELIERS:
        ouder = boom.werkplaatsen[data["werkplaats"]]
        pagina = zorg_voor_pagina(ouder, leeratelier_spec(data, boom), verslag)
        resultaat[(data["werkplaats"], data["slug"])] = pagina
    return resultaat
