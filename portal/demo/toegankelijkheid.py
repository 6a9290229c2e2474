"""The accessibility statement of the demo site, filled in for the site as it is.

Honest by the national model: status C. The only research so far is the project's own
automated browser tests (tests/browser: axe-core on every page type and special state at 375
and 1280 px, keyboard, reflow and content checks); no independent manual WCAG-EM audit has
been done, so the status cannot be A or B. The deviation known is the PDFs that nobody has
checked; what the newest axe-core and the Nu checker found on the map is fixed and said so in
the research; the Wagtail admin is outside the research.
"""

import datetime

from portal.demo.paginas import CONTACT_EMAIL

SLUG = "toegankelijkheid"
DATUM = datetime.date(2026, 12, 6)
ONDERZOEK_GEPLAND = datetime.date(2027, 5, 31)


def reikwijdte(site_url):
    return (
        f"Deze verklaring gaat over de publieke website {site_url}: de homepage, de "
        "Werkplaatsen en hun kaart, de Associatie, de kennisbank met de productpagina's, de "
        "landelijke thema's, de themagroepen, de agenda, het zoeken en de "
        "informatiepagina's.\n"
        "Niet onderzocht en daarom buiten deze verklaring: de beheeromgeving (/admin/), die "
        "alleen redacteuren gebruiken, de documenten (pdf's) bij producten, en websites van "
        "andere partijen waarnaar de site linkt."
    )


ONDERZOEKSMETHODE = (
    "Toetsing aan WCAG 2.1 op niveau A en AA (de 50 eisen van EN 301 549), volgens de stappen "
    "van WCAG-EM: reikwijdte bepalen, een steekproef kiezen die elk paginatype en de "
    "bijzondere toestanden bevat, en die steekproef toetsen.\n"
    "Tot nu toe hebben we alleen zelf en automatisch getoetst: bij elke wijziging van de site "
    "draaien geautomatiseerde browsertests op de voorbeeldinhoud. Automatische tests vinden "
    "maar een deel van de toegankelijkheidsproblemen. Een volledig, onafhankelijk en handmatig "
    "onderzoek volgens WCAG-EM is gepland."
)

EVALUATIES = [
    {
        "type": "onderzoek",
        "value": {
            "soort": "automatisch",
            "onderdeel": (
                "Eén pagina van elk paginatype, de kennisbank met filters, zonder resultaten "
                "en op pagina 2, het zoeken (leeg, met en zonder resultaten), de "
                "informatiepagina's en de foutpagina's 404 en 500"
            ),
            "hulpmiddel": (
                "axe-core 4.14 in Chromium, 375 en 1280 pixels breed, met de regels voor "
                "WCAG 2.0, 2.1 en 2.2 A en AA en de best practices"
            ),
            "uitgevoerd_door": "Ontwikkelteam (eigen test)",
            "datum": DATUM.isoformat(),
            "resultaat": (
                "Geen overtredingen. Eerder vond deze versie op de kaart van de Werkplaatsen "
                "drie markeringen waarvan de voorgelezen naam niet met de zichtbare naam "
                "begon (2.5.3); dat is hersteld."
            ),
        },
    },
    {
        "type": "onderzoek",
        "value": {
            "soort": "automatisch",
            "onderdeel": "Dezelfde steekproef van pagina's",
            "hulpmiddel": "W3C Nu HTML Checker (vnu), de HTML van elke pagina",
            "uitgevoerd_door": "Ontwikkelteam (eigen test)",
            "datum": DATUM.isoformat(),
            "resultaat": (
                "Geen fouten. Eerder stond op de kaart een ARIA-rol die de HTML-standaard daar "
                "niet toestaat (4.1.2); dat is hersteld."
            ),
        },
    },
    {
        "type": "onderzoek",
        "value": {
            "soort": "automatisch",
            "onderdeel": "Overslaglink, hoofdmenu, filters van de kennisbank en paginering",
            "hulpmiddel": (
                "Toetsenbordtest in Chromium: alleen Tab, Enter en spatie, met en zonder "
                "JavaScript, op een telefoon- en een laptopbreedte"
            ),
            "uitgevoerd_door": "Ontwikkelteam (eigen test)",
            "datum": DATUM.isoformat(),
            "resultaat": (
                "Alles bereikbaar en te bedienen met het toetsenbord, met een zichtbare focus."
            ),
        },
    },
    {
        "type": "onderzoek",
        "value": {
            "soort": "automatisch",
            "onderdeel": "Dezelfde steekproef van pagina's",
            "hulpmiddel": (
                "Browsertests op herschikken bij 320 pixels (1.4.10), koppenstructuur, "
                "linkteksten en verzoeken aan andere partijen"
            ),
            "uitgevoerd_door": "Ontwikkelteam (eigen test)",
            "datum": DATUM.isoformat(),
            "resultaat": (
                "Geen horizontaal scrollen, één h1 per pagina zonder overgeslagen kopniveaus, "
                "geen verzoeken aan andere partijen."
            ),
        },
    },
]

AFWIJKINGEN = [
    {
        "type": "afwijking",
        "value": {
            "succescriterium": "1.3.1",
            "onderdeel": "Documenten (pdf's) bij producten",
            "oorzaak": (
                "Redacties van de Werkplaatsen plaatsen documenten die vaak door hogescholen "
                "en partners zijn gemaakt. Niemand heeft deze documenten op toegankelijkheid "
                "gecontroleerd."
            ),
            "gevolg": (
                "Een document zonder structuur (koppen, leesvolgorde, alternatieve teksten) is "
                "met een schermlezer slecht of niet te lezen."
            ),
            "maatregel": (
                "Nieuwe documenten controleren met een pdf-toegankelijkheidscontrole voordat ze "
                "worden gepubliceerd, en bij bestaande documenten de makers om een "
                "toegankelijke versie vragen."
            ),
            "geplande_datum": None,
        },
    },
]

VERKLARING = {
    "title": "Toegankelijkheidsverklaring",
    "intro": (
        "De Associatie Werkplaatsen Sociaal Domein wil dat iedereen deze site kan gebruiken, "
        "ook mensen met een beperking. Hier staat hoe toegankelijk de site nu is, wat we "
        "hebben onderzocht en wat nog niet goed gaat."
    ),
    "status": "C",
    "datum_verklaring": DATUM,
    "onderzoeksmethode": ONDERZOEKSMETHODE,
    "onderzoek_gepland": ONDERZOEK_GEPLAND,
    "evaluaties": EVALUATIES,
    "afwijkingen": AFWIJKINGEN,
    "contact_email": CONTACT_EMAIL,
    "reactietermijn": 5,
    "klachtenroute": (
        "<p>Bent u niet tevreden over de oplossing of de reactie? Mail dan het bestuur van de "
        f"Associatie via {CONTACT_EMAIL}, met in de onderwerpregel 'klacht toegankelijkheid'.</p>"
    ),
    "show_in_menus": False,
}
