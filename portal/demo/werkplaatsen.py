"""The 16 Werkplaatsen, their people and the Associatie, as stated in the source texts.

Source of the table: the position paper "Broedplaatsen voor nieuwe antwoorden in het sociaal
domein" (March 2024). Fields the sources do not state (a hogeschool, a website, a phone
number) are left out, so that the pages show nothing rather than a made-up fact.
"""

ROL_LEIDING = "werkplaatsleiding"
ROL_OUDEREN = "trekker ouderenprogramma"
BRON_TABEL = "Bron: de tabel in het position paper van maart 2024."

# The names exactly as in the table of the position paper; page titles use them as they are.
WERKPLAATS_NAMEN = (
    "Amsterdam en Omgeving",
    "Arnhem en Nijmegen",
    "Den Haag - Leiden",
    "Flevoland",
    "Friesland",
    "Gelderse Vallei",
    "Kennisplatform Utrecht Sociaal (kUS)",
    "Noord",
    "Noord-Brabant Avans",
    "Noord-Brabant Fontys",
    "Noord-Holland",
    "Regio Zwolle",
    "Twente",
    "Zeeland",
    "Zuid-Holland Zuid",
    "Zuyd",
)
IN_OPRICHTING = ("Zeeland",)
NOORD_HOLLAND = "Noord-Holland"
ZUID_HOLLAND_ZUID = "Zuid-Holland Zuid"

# naam: (korte naam, werkplaatsleiding, trekkers ouderenprogramma; None means "Idem").
LEIDING = {
    "Amsterdam en Omgeving": ("Amsterdam", ["Lex Veldboer"], None),
    "Arnhem en Nijmegen": ("Arnhem-Nijmegen", ["Lisbeth Verharen"], ["Wendy Kemper"]),
    "Den Haag - Leiden": ("Den Haag - Leiden", ["Suzan van der Pas"], None),
    "Flevoland": ("Flevoland", ["Kitty Jurrius"], ["Rixt Zijlstra"]),
    "Friesland": ("Friesland", ["Jolanda Tuinstra"], ["Geke Dijkstra"]),
    "Gelderse Vallei": ("Gelderse Vallei", ["Wim Dekker"], None),
    "Kennisplatform Utrecht Sociaal (kUS)": ("kUS", ["Lia van Doorn"], None),
    "Noord": ("Noord", ["Susan Ketner"], ["Karliën Landman"]),
    "Noord-Brabant Avans": ("Avans", ["Henk Spies"], ["Sharissa Corporaal"]),
    "Noord-Brabant Fontys": ("Fontys", ["Maja Rocak", "Mariël van Pelt"], None),
    "Noord-Holland": ("Noord-Holland", ["Lilian Linders"], None),
    "Regio Zwolle": ("Regio Zwolle", ["Marja Jager-Vreugdenhil"], None),
    "Twente": ("Twente", ["Margriet Braun"], None),
    "Zeeland": ("Zeeland", ["Ruben de Cuyper"], None),
    "Zuid-Holland Zuid": ("ZHZ", ["Erna Hooghiemstra", "Richard de Brabander"], None),
    "Zuyd": ("Zuyd", ["Sabrina Keinemans"], ["Jerome van Dongen"]),
}

# One or two sentences per Werkplaats, written for the portal from what the sources say.
INTRO = {
    "Amsterdam en Omgeving": (
        "Een van de regionale Werkplaatsen Sociaal Domein: hogeschool, gemeenten en "
        "organisaties in zorg en welzijn werken hier samen aan een eigen kennis- en "
        "ontwikkelagenda. Lex Veldboer heeft de werkplaatsleiding en trekt ook het "
        "ouderenprogramma."
    ),
    "Arnhem en Nijmegen": (
        "Regionale Werkplaats waarin onderwijs, onderzoek en praktijk samen optrekken; in de "
        "regio Nijmegen deden studenten onderzoek naar eenzaamheid en armoede. De "
        "werkplaatsleiding ligt bij Lisbeth Verharen, het ouderenprogramma bij Wendy Kemper."
    ),
    "Den Haag - Leiden": (
        "Regionaal samenwerkingsverband van hogeschool, gemeenten en zorg- en "
        "welzijnsorganisaties rond een gezamenlijke agenda voor het sociaal domein. Suzan van "
        "der Pas heeft de werkplaatsleiding en trekt het ouderenprogramma."
    ),
    "Flevoland": (
        "De Werkplaats Sociaal Domein in Flevoland verbindt onderwijs, onderzoek, beleid en "
        "praktijk rond vragen uit de regio. Kitty Jurrius heeft de werkplaatsleiding; Rixt "
        "Zijlstra trekt het ouderenprogramma."
    ),
    "Friesland": (
        "In de Friese Werkplaats werken partners uit praktijk, beleid en hogeschool samen aan "
        "een regionale kennisagenda. De werkplaatsleiding ligt bij Jolanda Tuinstra; Geke "
        "Dijkstra trekt het ouderenprogramma."
    ),
    "Gelderse Vallei": (
        "Regionale Werkplaats waarin hogeschool, gemeenten en organisaties in zorg en welzijn "
        "samen leren en ontwikkelen. Wim Dekker heeft de werkplaatsleiding en trekt het "
        "ouderenprogramma."
    ),
    "Kennisplatform Utrecht Sociaal (kUS)": (
        "Het Kennisplatform Utrecht Sociaal is de Werkplaats Sociaal Domein van de regio "
        "Utrecht: een samenwerking rond een regionale kennis- en ontwikkelagenda. Lia van Doorn "
        "heeft de werkplaatsleiding en trekt het ouderenprogramma."
    ),
    "Noord": (
        "Werkplaats Sociaal Domein Noord is een van de regionale leer- en "
        "onderzoeksgemeenschappen van het netwerk. De werkplaatsleiding ligt bij Susan Ketner; "
        "Karliën Landman trekt het ouderenprogramma."
    ),
    "Noord-Brabant Avans": (
        "Een van de twee Werkplaatsen in Noord-Brabant, waarin hogeschool, gemeenten en "
        "praktijkpartners samenwerken aan vragen uit de regio. Henk Spies heeft de "
        "werkplaatsleiding; Sharissa Corporaal trekt het ouderenprogramma."
    ),
    "Noord-Brabant Fontys": (
        "De tweede Noord-Brabantse Werkplaats, met een eigen regionale agenda voor het sociaal "
        "domein. Maja Rocak en Mariël van Pelt hebben samen de werkplaatsleiding en trekken "
        "het ouderenprogramma."
    ),
    "Noord-Holland": (
        "Het lectoraat Empowerment & Professionalisering van Hogeschool Inholland voert deze "
        "Werkplaats sinds 2012 uit, met een kennisagenda die draait om empowerment van "
        "individuen, groepen en gemeenschappen. Lilian Linders heeft de werkplaatsleiding."
    ),
    "Regio Zwolle": (
        "Regionale Werkplaats waarin onderwijs en praktijk samen werken aan concrete vragen, "
        "zoals mensen in Zwolle via sport helpen actiever te worden. Marja "
        "Jager-Vreugdenhil heeft de werkplaatsleiding en trekt het ouderenprogramma."
    ),
    "Twente": (
        "De Twentse Werkplaats brengt hogeschool, gemeenten en organisaties in zorg en welzijn "
        "samen rond een regionale kennisagenda. Margriet Braun heeft de werkplaatsleiding en "
        "trekt het ouderenprogramma."
    ),
    "Zeeland": (
        "De zestiende Werkplaats is in oprichting: in maart 2024 werd zij als 'in de maak' "
        "genoemd. Ruben de Cuyper heeft de werkplaatsleiding en trekt het ouderenprogramma."
    ),
    "Zuid-Holland Zuid": (
        "Werkplaats waarin beleidsmakers, sociale professionals en docenten sinds september "
        "2016 samen werken aan integraal werken in de wijk. De werkplaatsleiding ligt bij "
        "Erna Hooghiemstra en Richard de Brabander."
    ),
    "Zuyd": (
        "Regionale Werkplaats die praktijk, beleid, onderwijs en onderzoek verbindt rond "
        "vragen uit de eigen regio. Sabrina Keinemans heeft de werkplaatsleiding; Jerome van "
        "Dongen trekt het ouderenprogramma."
    ),
}

# Facts stated in the sources for a single Werkplaats (WerkplaatsPage fields).
EXTRA_VELDEN = {
    "Noord-Holland": {
        "regio": "Noord-Holland",
        "hogescholen": "Hogeschool Inholland",
        "lectoraat": "Empowerment & Professionalisering",
    },
    "Zuid-Holland Zuid": {
        "contact_email": "info@werkplaatssociaaldomeinzhz.nl",
        "telefoon": "010 794 5676",
        "adres": "Museumpark 40\n3015 CX Rotterdam\nKamer MP.L03.105",
    },
}

# (naam, soort) of partners named in the sources.
PARTNERS = {
    "Noord-Holland": [("Hogeschool Inholland", "hogeschool")],
    "Zuid-Holland Zuid": [
        ("Hogeschool Rotterdam", "hogeschool"),
        ("Hogeschool Inholland", "hogeschool"),
        ("Brede Raad 010", "overig"),
    ],
}

# Further people of a Werkplaats in the sources: (naam, rol).
EXTRA_PERSONEN = {
    "Zuid-Holland Zuid": [("Toby Witte", "trekker (2017)"), ("Guido Walraven", "trekker (2017)")],
}

# Persoon fields stated in the sources; everyone else gets only a name and a bio from the table.
# ``herkomst_notitie`` is the source note that only editors see.
LECTOR_GEGEVENS = {
    "Toby Witte": {
        "lectoraat": "Maatschappelijke Zorg",
        "hogeschool": "Hogeschool Rotterdam",
        "bio": (
            "Lector Maatschappelijke Zorg bij het Kenniscentrum Talentontwikkeling van "
            "Hogeschool Rotterdam. Schreef in 2017 als mede-trekker van de Werkplaats Sociaal "
            "Domein Zuid-Holland Zuid columns over professionaliteit en nabijheid."
        ),
        "herkomst_notitie": "Bron: de columns op de site van de Werkplaats Zuid-Holland Zuid.",
    },
    "Guido Walraven": {
        "lectoraat": "Dynamiek van de Stad",
        "hogeschool": "Hogeschool Inholland",
        "bio": (
            "Lector Dynamiek van de Stad bij Hogeschool Inholland. Was in 2017 samen met Toby "
            "Witte trekker van de Werkplaats Sociaal Domein Zuid-Holland Zuid."
        ),
        "herkomst_notitie": "Bron: de columns op de site van de Werkplaats Zuid-Holland Zuid.",
    },
    "Erna Hooghiemstra": {
        "bio": (
            "Heeft samen met Richard de Brabander de werkplaatsleiding van Zuid-Holland Zuid en "
            "was eerder voorzitter van de Werkplaatsen Sociaal Domein."
        ),
        "herkomst_notitie": (
            f"{BRON_TABEL} Voorzitterschap: het nieuwsbericht van oktober 2019 en het interview "
            "uit 2022 noemen haar voorzitter; begin en einde staan er niet in."
        ),
    },
}

# Officers of the Associatie: (naam, rol, bio).
FUNCTIONARISSEN = [
    ("Krijn van Beek", "voorzitter", "Voorzitter van de Associatie Werkplaatsen Sociaal Domein."),
    ("Annelies Kooiman", "secretaris", "Secretaris van de Associatie Werkplaatsen Sociaal Domein."),
    (
        "Hans Alderliesten",
        "secretaris Programma ondersteuning ouderen",
        "Secretaris van het Programma ondersteuning ouderen van de Associatie.",
    ),
    ("Tim Sandys", "ondersteuning", "Ondersteunt de Associatie Werkplaatsen Sociaal Domein."),
    ("Erna Hooghiemstra", "voorzitter (2019-2021)", None),
]
ASSOCIATIE_EMAIL = "info@werkplaatsensociaaldomein.nl"


def personen(naam):
    """[(persoon, rol)] of one Werkplaats: leaders and trekkers, one row per person."""
    _korte, leiding, ouderen = LEIDING[naam]
    rollen = {persoon: [ROL_LEIDING] for persoon in leiding}
    for persoon in leiding if ouderen is None else ouderen:
        rollen.setdefault(persoon, []).append(ROL_OUDEREN)
    rijen = [(persoon, " en ".join(r)) for persoon, r in rollen.items()]
    return rijen + EXTRA_PERSONEN.get(naam, [])


def bio_uit_tabel(werkplaats, rol):
    return f"{rol[0].upper()}{rol[1:]} bij de Werkplaats {werkplaats}."


# Where each region lies, for the map on /werkplaatsen/: the approximate centre of the area
# it serves (geography, not a claim about the organisation), as (latitude, longitude).
KAART = {
    "Amsterdam en Omgeving": ("52.3700", "4.9000"),
    "Arnhem en Nijmegen": ("51.9200", "5.8700"),
    "Den Haag - Leiden": ("52.1100", "4.3900"),
    "Flevoland": ("52.5200", "5.5000"),
    "Friesland": ("53.1100", "5.8000"),
    "Gelderse Vallei": ("52.0300", "5.6600"),
    "Kennisplatform Utrecht Sociaal (kUS)": ("52.0900", "5.1200"),
    "Noord": ("53.1000", "6.6500"),
    "Noord-Brabant Avans": ("51.6300", "4.9500"),
    "Noord-Brabant Fontys": ("51.4700", "5.4500"),
    "Noord-Holland": ("52.6600", "4.8000"),
    "Regio Zwolle": ("52.5100", "6.0900"),
    "Twente": ("52.2600", "6.8000"),
    "Zeeland": ("51.5000", "3.8200"),
    "Zuid-Holland Zuid": ("51.8400", "4.5600"),
    "Zuyd": ("50.9500", "5.8600"),
}


# Where each Werkplaats works: CBS codes of gemeenten (werkplaatsen/data/gemeenten.csv). The
# sources name few places, so most of this is inferred; the comment says from what. A
# Werkplaats named after a province gets all its gemeenten (WERKGEBIED_PROVINCIE below).
WERKGEBIED_GEMEENTEN = {
    # The name.
    "Amsterdam en Omgeving": ["GM0363"],  # Amsterdam; "en Omgeving" is not specified
    # The name; 003 (City Deal interview): students' research in the Nijmegen region.
    "Arnhem en Nijmegen": ["GM0202", "GM0268"],  # Arnhem, Nijmegen
    # The name.
    "Den Haag - Leiden": ["GM0518", "GM0546"],  # 's-Gravenhage, Leiden
    # Inferred from the name: Ede, Barneveld and Wageningen lie in the Gelderse Vallei
    # (geography); the sources do not say which gemeenten take part.
    "Gelderse Vallei": ["GM0228", "GM0203", "GM0289"],  # Ede, Barneveld, Wageningen
    # The name, and its intro: "de Werkplaats Sociaal Domein van de regio Utrecht".
    "Kennisplatform Utrecht Sociaal (kUS)": ["GM0344"],  # Utrecht
    # Inferred: "Noord" is the northern Werkplaats besides Friesland, carried by the
    # Hanzehogeschool in Groningen (public knowledge, not in the seeds).
    "Noord": ["GM0014"],  # Groningen
    # Inferred: Avans Hogeschool's main locations (public knowledge, not in the seeds).
    "Noord-Brabant Avans": ["GM0758", "GM0796"],  # Breda, 's-Hertogenbosch
    # Inferred: Fontys Hogescholen's main locations (public knowledge, not in the seeds).
    "Noord-Brabant Fontys": ["GM0772", "GM0855"],  # Eindhoven, Tilburg
    # Inferred: Hogeschool Inholland (002, 004) has its Noord-Holland locations outside
    # Amsterdam in Haarlem and Alkmaar (public knowledge, not in the seeds).
    "Noord-Holland": ["GM0392", "GM0361"],  # Haarlem, Alkmaar
    # The name; 003: "mensen helpen actiever te worden middels sport in Zwolle".
    "Regio Zwolle": ["GM0193"],  # Zwolle
    # Inferred from the name: the fourteen gemeenten of the region Twente (geography).
    "Twente": [
        "GM0141",  # Almelo
        "GM0147",  # Borne
        "GM1774",  # Dinkelland
        "GM0153",  # Enschede
        "GM0158",  # Haaksbergen
        "GM0163",  # Hellendoorn
        "GM0164",  # Hengelo (O.)
        "GM1735",  # Hof van Twente
        "GM0168",  # Losser
        "GM0173",  # Oldenzaal
        "GM1742",  # Rijssen-Holten
        "GM0183",  # Tubbergen
        "GM1700",  # Twenterand
        "GM0189",  # Wierden
    ],
    # 001: its office (Museumpark 40, Rotterdam) and the leerkringen for Rotterdam's
    # sociale wijkteams. Dordrecht inferred from the name: Zuid-Holland Zuid is the region
    # around Dordrecht (geography).
    "Zuid-Holland Zuid": ["GM0599", "GM0505"],  # Rotterdam, Dordrecht
    # Inferred: Zuyd Hogeschool's campuses (public knowledge, not in the seeds).
    "Zuyd": ["GM0935", "GM0917", "GM1883"],  # Maastricht, Heerlen, Sittard-Geleen
}

# Werkplaatsen named after a province: every gemeente of that province (the name).
WERKGEBIED_PROVINCIE = {
    "Flevoland": "flevoland",
    "Friesland": "fryslan",
    "Zeeland": "zeeland",
}
