"""Leerateliers: the two Zuid-Holland Zuid working groups from the sources, and a few demos
(``voorbeeld``: the site labels them "Voorbeeld"); ``notitie`` is the source note for editors."""

DEMO_NOTITIE = "Voorbeeldleeratelier, verzonnen om de site te laten zien."
EIND_ONBEKEND = (
    "Bron: de site van de Werkplaats Zuid-Holland Zuid. De werkgroep startte in september 2016; "
    "tot wanneer zij actief was, vermelden de bronnen niet."
)

LEERATELIERS = [
    {
        "werkplaats": "Zuid-Holland Zuid",
        "slug": "doorontwikkeling-wijkteams",
        "titel": "Doorontwikkeling wijkteams",
        "start_jaar": 2016,
        "themas": ["samenwerken", "lerende-praktijk"],
        "intro": (
            "Werkgroep van de Werkplaats Zuid-Holland Zuid over de verdere ontwikkeling van "
            "wijkteams, met integraal werken in de wijk als centrale opgave. De werkgroep "
            "startte in september 2016."
        ),
        "notitie": EIND_ONBEKEND,
        "body": [
            (
                "tekst",
                "<p>Beleidsmakers, sociale professionals en docenten sociaal werk bespraken "
                "hier dilemma's, visies en kennisvragen uit de dagelijkse praktijk van de "
                "deelnemende gemeenten. Dat gebeurde in werkgroepbijeenkomsten en "
                "focusgroepen, maar ook met onderlinge bezoeken, kenniscafés, nieuwsbrieven, "
                "blogs en workshops.</p>",
            ),
        ],
    },
    {
        "werkplaats": "Zuid-Holland Zuid",
        "slug": "samenwerking-formeel-en-informeel",
        "titel": "Samenwerking formeel en informeel",
        "start_jaar": 2016,
        "themas": ["samenwerken", "sociale-basis"],
        "intro": (
            "Werkgroep van de Werkplaats Zuid-Holland Zuid over de samenwerking tussen "
            "professionals en informele partijen in de wijk. De werkgroep startte in september "
            "2016."
        ),
        "notitie": EIND_ONBEKEND,
        "body": [
            (
                "tekst",
                "<p>Uit deze werkgroep kwam de rapportage <i>Op weg naar samenspel</i>, met "
                "werkhypotheses, conclusies en aanbevelingen voor beleid en praktijk.</p>",
            ),
        ],
    },
    {
        "werkplaats": "Noord-Holland",
        "slug": "leeratelier-contextueel-werken",
        "titel": "Leeratelier contextueel werken in de wijk",
        "start_jaar": 2024,
        "themas": ["sociale-cohesie", "polarisatie-en-vertrouwen"],
        "speerpunten": [
            "Contextueel werken in het sociaal domein",
            "Omgaan met verticale polarisatie",
        ],
        "intro": (
            "Sociaal werkers, bewoners en studenten onderzoeken samen hoe je buren en "
            "organisaties betrekt wanneer iemand na een verblijf in een instelling in de wijk "
            "komt wonen."
        ),
        "voorbeeld": True,
        "notitie": DEMO_NOTITIE,
    },
    {
        "werkplaats": "Twente",
        "slug": "leeratelier-ervaringskennis",
        "titel": "Leeratelier ervaringskennis in het sociaal werk",
        "start_jaar": 2023,
        "themas": ["ervaringskennis", "samenwerken"],
        "intro": (
            "Ervaringsdeskundigen en sociaal werkers zoeken samen naar goede vormen van "
            "samenwerking in de wijk."
        ),
        "voorbeeld": True,
        "notitie": DEMO_NOTITIE,
    },
    {
        "werkplaats": "Friesland",
        "slug": "leeratelier-ouderen-sociale-basis",
        "titel": "Leeratelier ouderen en de sociale basis",
        "start_jaar": 2024,
        "themas": ["ouderen", "sociale-basis"],
        "intro": (
            "Hoe versterk je de sociale basis rond ouderen in dorpen en kleine kernen? "
            "Professionals, vrijwilligers en studenten leren het hier samen."
        ),
        "voorbeeld": True,
        "notitie": DEMO_NOTITIE,
    },
    {
        "werkplaats": "Zuyd",
        "slug": "leeratelier-armoede",
        "titel": "Leeratelier armoede en bestaanszekerheid",
        "start_jaar": 2023,
        "themas": ["armoede"],
        "intro": (
            "Schuldhulpverleners, sociaal werkers en docenten werken aan een gezamenlijke "
            "aanpak van geldzorgen in gezinnen."
        ),
        "voorbeeld": True,
        "notitie": DEMO_NOTITIE,
    },
]
