"""Products: those named in the sources, and deterministic demo products per Werkplaats.

A product's ``ouder`` says where it lives: ("werkplaats", naam), ("leeratelier", naam, slug)
or ("associatie",). Where the sources leave something open (a date, a link), ``notitie`` says
so: it becomes the product's source note (``herkomst_notitie``), which only editors see. A date
the sources do not give exactly has ``datum_bij_benadering``: the site shows only its year.
Made-up products have ``voorbeeld``: the site labels them "Voorbeeld". ``link`` is where a real
publication can be read.
"""

import datetime

from portal.demo.werkplaatsen import WERKPLAATS_NAMEN

DEMO_NOTITIE = (
    "Voorbeeldproduct, verzonnen om de kennisbank te laten zien; geen echte publicatie van deze "
    "Werkplaats."
)
ZHZ = ("werkplaats", "Zuid-Holland Zuid")
ASSOCIATIE = ("associatie",)

TITEL_ONGEPASTE = "Professionaliteit van het ‘ongepaste’: Leren, doen en durven"
TITEL_GOEDE_ZORG = "Wat is goede ondersteuning en zorg?"
TITEL_NABIJHEID = "Meer dan alleen nabijheid"
TITEL_SAMENSPEL = "Op weg naar samenspel"
TITEL_HOOPVOL = (
    "Hoopvol en kwetsbaar – Impact van de coronapandemie op sociale kwaliteit van het "
    "dagelijks leven"
)
TITEL_BROEDPLAATSEN = "Broedplaatsen voor nieuwe antwoorden in het sociaal domein"
TITEL_PAPER_2019 = "Aansluiten bij het gewone leven: een complexe opgave"

COLUMNS = [
    {
        "ouder": ZHZ,
        "slug": "professionaliteit-van-het-ongepaste",
        "titel": TITEL_ONGEPASTE,
        "product_type": "column",
        "datum": datetime.date(2017, 9, 1),
        "auteurs": [{"persoon": "Toby Witte"}],
        "samenvatting": (
            "Toby Witte betoogt dat de omslag naar een participatiesamenleving vraagt om "
            "professionals en ambtenaren die schakelen tussen beleid en uitvoering. Zulke "
            "'tussenwerkers' durven vaste patronen los te laten om taaie vraagstukken samen aan "
            "te pakken."
        ),
        "datum_bij_benadering": True,
        "notitie": (
            "Publicatiedatum: de bron (de site van de Werkplaats Zuid-Holland Zuid) vermeldt geen "
            "datum. De column noemt de gemeenteraadsverkiezingen van maart 2018 als iets dat nog "
            "komt en kijkt terug op werkgroepen die in september 2016 begonnen; september 2017 is "
            "daarom een benadering. De site toont alleen het jaar."
        ),
        "body": [
            (
                "tekst",
                "<p>Begrippen als meedoen, zelfredzaamheid en eigen kracht klinken "
                "aantrekkelijk, maar de praktijk is weerbarstiger. Witte ziet geen "
                "terugtrekkende overheid maar een lokale overheid die actief stuurt, en hij "
                "stelt dat veel sociale problemen eerder hanteerbaar moeten worden gemaakt dan "
                "definitief opgelost.</p>",
            ),
            (
                "tekst",
                "<p>Professionaliteit versterken lukt volgens hem alleen met een brug tussen "
                "gemeentelijk sociaal beleid, de uitvoeringspraktijk en het onderwijs. In de "
                "Werkplaats Zuid-Holland Zuid werkten daarom vanaf september 2016 werkgroepen "
                "over wijkteams en over formele en informele samenwerking. Als voorbeelden "
                "noemt hij studentenprojecten over schulden bij jongeren in Schiedam, over de "
                "aansluiting van wijkteams op het medische domein in Vlaardingen en over "
                "jongeren met een psychische beperking, de publicatie <i>Op weg naar "
                "samenspel</i> en een hand-out die met Brede Raad 010 is gemaakt over het "
                "verzamelen van verhalen van bewoners.</p>",
            ),
            (
                "tekst",
                "<p>De kern van de column is wat Witte de professionaliteit van het "
                "'ongepaste' noemt: niet-hiërarchisch, experimenterend en verbindend werken, "
                "tussen de bovenstroom van beleid en de onderstroom van de praktijk.</p>",
            ),
        ],
        "themas": ["samenwerken", "lerende-praktijk"],
        "themagroepen": ["lerende-praktijken"],
        "tags": ["wijkteams", "participatie"],
        "os": ["ontwikkeling"],
        "voor": ["professionals", "beleidsmakers"],
    },
    {
        "ouder": ZHZ,
        "slug": "wat-is-goede-ondersteuning-en-zorg",
        "titel": TITEL_GOEDE_ZORG,
        "product_type": "column",
        "datum": datetime.date(2017, 7, 2),
        "auteurs": [{"persoon": "Guido Walraven"}],
        "samenvatting": (
            "Naar aanleiding van het RVS-advies dat 'evidence based practice' een illusie "
            "noemt, pleit Guido Walraven voor bewijs in meervoud: wetenschappelijke kennis, "
            "vakkennis van professionals en ervaringskennis van burgers, en voor ruimte voor "
            "het gesprek over normen en waarden."
        ),
        "body": [
            (
                "tekst",
                "<p>Eind juni 2017 stelde de Raad voor Volksgezondheid en Samenleving dat "
                "zoeken naar eenduidig bewijs een te simpele opvatting van goede zorg is. "
                "Walraven trekt die lijn door naar welzijn: ook daar moet naast bewezen "
                "methoden ruimte zijn voor 'practice based evidence' en voor de context van "
                "burgers.</p>",
            ),
            (
                "tekst",
                "<p>Hij wijst op de dialoog over normen en waarden zoals Andries Baart die "
                "in verpleeghuizen vormgaf, en op het werk van Anja Knoope in de Werkplaats: "
                "haar aanpak werd gebruikt in leerkringen voor sociale wijkteams in Rotterdam "
                "en in een handreiking voor de Werkplaats.</p>",
            ),
            (
                "tekst",
                "<p>Ruimte voor dat gesprek vergroot volgens Walraven het werkplezier: het "
                "raakt aan autonomie, verbondenheid en competentie, en aan de reden waarom "
                "professionals voor hun vak kozen.</p>",
            ),
        ],
        "themas": ["ervaringskennis", "lerende-praktijk"],
        "themagroepen": ["lerende-praktijken", "ervaringsdeskundigheid"],
        "tags": ["wijkteams", "leerkring"],
        "os": ["ontwikkeling", "onderwijs"],
        "voor": ["professionals", "onderwijs"],
    },
    {
        "ouder": ZHZ,
        "slug": "meer-dan-alleen-nabijheid",
        "titel": TITEL_NABIJHEID,
        "product_type": "column",
        "datum": datetime.date(2017, 5, 2),
        "auteurs": [{"persoon": "Toby Witte"}],
        "samenvatting": (
            "Nabijheid is een sleutelbegrip in de transformatie van het sociaal domein, maar "
            "volgens Toby Witte niet genoeg. Hij voegt toegankelijkheid en responsiviteit toe "
            "als toetsstenen voor wijkteams en gemeenten."
        ),
        "body": [
            (
                "tekst",
                "<p>Zorg en welzijn dicht bij bewoners organiseren is één stap. Even "
                "belangrijk is dat ondersteuning laagdrempelig is, zonder onnodige formele "
                "drempels, en dat professionals actief reageren en samenwerking zoeken in het "
                "netwerk van de wijk.</p>",
            ),
            (
                "tekst",
                "<p>In de praktijk verschilt dat sterk: bij de ene gemeente loop je "
                "gewoon binnen bij het wijkteam, bij de andere moet je eerst telefonisch een "
                "afspraak maken. Witte onderscheidt werken <i>in</i> de wijk van werken "
                "<i>aan en met</i> de wijk, en ziet dat wijkteams nog weinig toekomen aan "
                "collectieve oplossingen met bewoners en vrijwilligers.</p>",
            ),
        ],
        "themas": ["samenwerken", "sociale-basis"],
        "themagroepen": ["sociale-basis"],
        "tags": ["wijkteams", "vrijwilligers"],
        "os": ["ontwikkeling"],
        "voor": ["professionals", "beleidsmakers"],
    },
]

BRONPRODUCTEN = COLUMNS + [
    {
        "ouder": ("leeratelier", "Zuid-Holland Zuid", "samenwerking-formeel-en-informeel"),
        "slug": "op-weg-naar-samenspel",
        "titel": TITEL_SAMENSPEL,
        "product_type": "rapport",
        "datum": datetime.date(2017, 1, 1),
        "auteurs": [{"naam": "Werkplaats Sociaal Domein Zuid-Holland Zuid"}],
        "samenvatting": (
            "Bundel over samenwerking tussen formele en informele partijen in de wijk, met "
            "werkhypotheses, conclusies en aanbevelingen voor beleid en praktijk."
        ),
        "datum_bij_benadering": True,
        "link": "https://www.werkplaatssociaaldomeinzhz.nl/actueel/nieuwsberichten/publicatie-/",
        "notitie": (
            "Publicatiedatum: de bronnen vermelden geen verschijningsdatum. De werkgroep begon in "
            "september 2016 en de publicatie wordt genoemd in een column uit 2017; het jaartal "
            "2017 is daarom een benadering. Link: het bericht over de bundel op de site van de "
            "Werkplaats Zuid-Holland Zuid."
        ),
        "body": [
            (
                "tekst",
                "<p>De rapportage komt voort uit de werkgroep 'samenwerking formeel en "
                "informeel' van de Werkplaats Zuid-Holland Zuid. Toby Witte noemt haar in een "
                "column een interessante en leerzame publicatie.</p>",
            ),
        ],
        "themas": ["samenwerken", "sociale-basis"],
        "themagroepen": ["sociale-basis"],
        "tags": ["vrijwilligers", "wijkteams"],
        "os": ["onderzoek", "ontwikkeling"],
        "voor": ["beleidsmakers", "professionals"],
    },
    {
        "ouder": ASSOCIATIE,
        "slug": "hoopvol-en-kwetsbaar",
        "titel": TITEL_HOOPVOL,
        "product_type": "publicatie",
        "datum": datetime.date(2021, 1, 12),
        "auteurs": [
            {"naam": "Movisie"},
            {"naam": "Werkplaatsen Sociaal Domein"},
            {"naam": "Hogeschool van Arnhem Nijmegen"},
            {"naam": "NHL Stenden Hogeschool"},
        ],
        "samenvatting": (
            "Publicatie van Movisie, de Werkplaatsen Sociaal Domein en twee hogescholen over wat "
            "de coronapandemie betekende voor de sociale kwaliteit van het dagelijks leven."
        ),
        "link": "https://www.movisie.nl/publicatie/hoopvol-kwetsbaar",
        "notitie": (
            "De brontekst (interview met Erna Hooghiemstra) noemt de publicatie zonder datum. "
            "Movisie bracht het rapport uit op 12 januari 2021 (persbericht van die dag). Link: "
            "de publicatiepagina bij Movisie; controleer haar als Movisie zijn site verbouwt."
        ),
        "body": [
            (
                "tekst",
                "<p>Erna Hooghiemstra raadde deze publicatie aan in een interview waarin zij "
                "het symposium over de geleerde lessen van de coronacrisis aankondigde.</p>",
            ),
        ],
        "themas": ["sociale-basis", "impact"],
        "themagroepen": ["sociale-basis"],
        "tags": ["corona"],
        "os": ["onderzoek"],
        "voor": ["professionals", "beleidsmakers"],
    },
    {
        "ouder": ASSOCIATIE,
        "slug": "broedplaatsen-voor-nieuwe-antwoorden",
        "titel": TITEL_BROEDPLAATSEN,
        "product_type": "position-paper",
        "datum": datetime.date(2024, 3, 1),
        "datum_bij_benadering": True,
        "notitie": "Publicatiedatum: de brontekst noemt maart 2024, zonder dag.",
        "auteurs": [{"naam": "Associatie Werkplaatsen Sociaal Domein"}],
        "samenvatting": (
            "Waarom het sociaal domein nieuwe antwoorden nodig heeft, en hoe de Werkplaatsen "
            "als regionale broedplaatsen daaraan werken: met de 4 O's, themagroepen, het "
            "Programma ondersteuning ouderen en de kennislemniscaat."
        ),
        "body": [
            ("kop", "Mensen in de knel"),
            (
                "tekst",
                "<p>Nederland is rijk, maar veel mensen hebben te maken met armoede, "
                "schulden, eenzaamheid of het gevoel er niet bij te horen. Jeugdhulp, "
                "schuldhulp en psychosociale hulp worden zwaar overvraagd, er zijn "
                "personeelstekorten en de vergrijzing maakt het de komende jaren nijpender.</p>",
            ),
            ("kop", "Slimmer in plaats van meer van hetzelfde"),
            (
                "tekst",
                "<p>Meer van het bestaande lost dit niet op, omdat de vragen zelf veranderen. "
                "Het paper pleit ervoor slimmer te worden in de inzet van mensen en "
                "maatschappelijke middelen, en in het vinden en verspreiden van werkwijzen die "
                "werken. De Werkplaatsen zijn daarvoor de regionale broedplaatsen.</p>",
            ),
            ("kop", "Werkwijze"),
            (
                "tekst",
                "<p>De Werkplaatsen werken met de 4 O's: onderzoek, ontwikkeling, onderwijs en "
                "ondersteuning. Hun kracht ligt in het samenspel van vorm, inhoud en "
                "relaties. De kennislemniscaat laat zien hoe regionale en landelijke kennis "
                "elkaar voeden: ontwikkelen, verspreiden, verrijken en opschalen.</p>",
            ),
            (
                "tekst",
                "<p>Het paper beschrijft ook de themagroepen en het Programma ondersteuning "
                "ouderen 2023-2025, en de bekostiging: een derde rijksoverheid, een derde "
                "hogeschool en een derde praktijkpartners en gemeente.</p>",
            ),
        ],
        "themas": ["sociale-basis", "ouderen", "polarisatie-en-vertrouwen", "lerende-praktijk"],
        "themagroepen": [
            "lerende-praktijken",
            "armoede",
            "sociale-basis",
            "ervaringsdeskundigheid",
            "polarisatie-en-vertrouwen",
            "sociale-verbondenheid",
            "impact",
        ],
        "tags": ["ouderen", "polarisatie", "armoede"],
        "os": ["onderzoek", "ontwikkeling", "onderwijs", "ondersteuning"],
        "voor": ["beleidsmakers", "professionals"],
    },
    {
        "ouder": ASSOCIATIE,
        "slug": "paper-journal-of-social-intervention-2019",
        "titel": TITEL_PAPER_2019,
        "product_type": "artikel",
        "datum": datetime.date(2019, 9, 30),
        "auteurs": [{"persoon": "Erna Hooghiemstra"}],
        "link": "https://doi.org/10.18352/jsi.620",
        "notitie": (
            "Het nieuwsbericht van 10 oktober 2019 (brontekst) kondigt het paper aan. Titel, "
            "datum (30 september 2019) en DOI 10.18352/jsi.620 volgen de pagina van het artikel "
            "bij het Journal of Social Intervention: Theory and Practice, jaargang 28, nummer 5."
        ),
        "samenvatting": (
            "Erna Hooghiemstra, toen voorzitter van de Werkplaatsen Sociaal Domein, beschrijft "
            "hoe de Werkplaatsen de complexiteit van het gewone leven als vertrekpunt nemen, "
            "met lerende onderzoekspraktijken waarin burgers en cliënten een serieuze rol "
            "hebben."
        ),
        "body": [
            (
                "tekst",
                "<p>Het paper verscheen in het <i>Journal of Social Intervention: Theory and "
                "Practice</i> (jaargang 28, nummer 5). Een voorbeeld: een gemeente bereikte "
                "met haar projecten maar een deel van de eenzame ouderen. Studenten gingen in "
                "het dorp gewoon met mensen praten en probeerden, gesteund door het lectoraat, "
                "ideeën uit die uit die gesprekken voortkwamen.</p>",
            ),
            (
                "tekst",
                "<p>Samenwerking tussen professionals, beleid en informele netwerken staat bij "
                "veel Werkplaatsen hoog op de agenda. Leren gebeurt door te doen, met "
                "actieonderzoek dat nieuwe kennis oplevert voor de lokale praktijk.</p>",
            ),
        ],
        "themas": ["lerende-praktijk", "samenwerken", "ouderen"],
        "themagroepen": ["lerende-praktijken"],
        "tags": ["eenzaamheid", "ouderen"],
        "os": ["onderzoek", "onderwijs"],
        "voor": ["professionals", "onderwijs"],
    },
]

# Demo topics. Each is used by two Werkplaatsen; {plaats} names the region (DEMO_PLAATS).
# (product_type, titel, themas, themagroep, tags, os, voor, tekst)
DEMO_ONDERWERPEN = [
    (
        "rapport",
        "Eenzaamheid onder ouderen in {plaats}: wat bewoners zelf zeggen",
        ["ouderen", "sociale-cohesie"],
        "sociale-verbondenheid",
        ["eenzaamheid", "ouderen"],
        ["onderzoek"],
        ["professionals", "beleidsmakers"],
        "Gesprekken met ouderen over wat hen helpt om contact te houden met de buurt.",
    ),
    (
        "handreiking",
        "Handreiking voor wijkteams in {plaats}: samenwerken met ervaringsdeskundigen",
        ["ervaringskennis", "samenwerken"],
        "ervaringsdeskundigheid",
        ["ervaringsdeskundigheid", "wijkteams"],
        ["ontwikkeling", "ondersteuning"],
        ["professionals"],
        "Praktische afspraken over rollen, taal en verwachtingen in een gemengd team.",
    ),
    (
        "factsheet",
        "Factsheet armoede en schulden bij jonge gezinnen in {plaats}",
        ["armoede"],
        "armoede",
        ["armoede", "schulden", "jongeren"],
        ["onderzoek"],
        ["beleidsmakers"],
        "Cijfers en signalen uit de praktijk over geldzorgen bij jonge ouders.",
    ),
    (
        "column",
        "Column: wat wijkteams in {plaats} leren van bewoners",
        ["samenwerken", "lerende-praktijk"],
        "lerende-praktijken",
        ["wijkteams", "participatie"],
        ["ontwikkeling"],
        ["professionals", "bewoners"],
        "Een sociaal werker over de lessen uit een jaar keukentafelgesprekken.",
    ),
    (
        "artikel",
        "Vertrouwen herstellen tussen bewoners en gemeente in {plaats}",
        ["polarisatie-en-vertrouwen"],
        "polarisatie-en-vertrouwen",
        ["vertrouwen", "polarisatie"],
        ["onderzoek"],
        ["beleidsmakers", "professionals"],
        "Wat sociaal werkers doen om als kritische partner van de gemeente te werken.",
    ),
    (
        "video",
        "Video: mantelzorgers aan het woord in {plaats}",
        ["sociale-basis", "ouderen"],
        "sociale-basis",
        ["mantelzorg", "ouderen"],
        ["ondersteuning"],
        ["bewoners", "professionals"],
        "Mantelzorgers vertellen wat hen ontlast en wat ze missen.",
    ),
    (
        "podcast",
        "Podcast: jongerenwerk en toekomstperspectief in {plaats}",
        ["sociale-inclusie"],
        "sociale-verbondenheid",
        ["jongeren", "participatie"],
        ["onderwijs"],
        ["onderwijs", "professionals"],
        "Jongerenwerkers en studenten over perspectief bieden zonder negatieve labels.",
    ),
    (
        "methodiek",
        "Methodiek voor een collectieve aanpak van eenzaamheid in {plaats}",
        ["collectief-werken", "sociale-cohesie"],
        "sociale-basis",
        ["eenzaamheid", "vrijwilligers"],
        ["ontwikkeling"],
        ["professionals"],
        "Stappen om met bewoners en vrijwilligers een buurtnetwerk op te zetten.",
    ),
    (
        "training",
        "Leerkring interprofessioneel samenwerken in {plaats}",
        ["samenwerken"],
        "lerende-praktijken",
        ["leerkring", "interprofessioneel samenwerken"],
        ["onderwijs", "ondersteuning"],
        ["professionals", "onderwijs"],
        "Zes bijeenkomsten voor professionals uit zorg, welzijn en jeugdhulp.",
    ),
    (
        "presentatie",
        "Presentatie: de impact van buurtwerk in {plaats} zichtbaar maken",
        ["impact"],
        "impact",
        ["impact", "participatie"],
        ["onderzoek"],
        ["beleidsmakers"],
        "Hoe verhalen en cijfers samen laten zien wat buurtwerk oplevert.",
    ),
    (
        "publicatie",
        "Verhalen van vrijwilligers in de sociale basis van {plaats}",
        ["sociale-basis"],
        "sociale-basis",
        ["vrijwilligers"],
        ["onderzoek"],
        ["bewoners"],
        "Portretten van vrijwilligers die buren helpen.",
    ),
    (
        "position-paper",
        "Position paper: ervaringskennis als volwaardige kennisbron in {plaats}",
        ["ervaringskennis"],
        "ervaringsdeskundigheid",
        ["ervaringsdeskundigheid"],
        ["ontwikkeling"],
        ["beleidsmakers"],
        "Een pleidooi om ervaringskennis mee te wegen in beleid en inkoop.",
    ),
    (
        "rapport",
        "Evaluatie van een wijkteam in {plaats}",
        ["samenwerken", "impact"],
        "impact",
        ["wijkteams", "impact"],
        ["onderzoek"],
        ["beleidsmakers", "professionals"],
        "Wat werkt in de samenwerking binnen één wijkteam, en wat kan beter.",
    ),
    (
        "handreiking",
        "Handreiking voor gesprekken over geldzorgen in {plaats}",
        ["armoede"],
        "armoede",
        ["armoede", "schulden"],
        ["ondersteuning"],
        ["professionals", "bewoners"],
        "Gespreksvragen en tips om geldzorgen vroeg bespreekbaar te maken.",
    ),
    (
        "factsheet",
        "Factsheet: ouderen en digitale inclusie in {plaats}",
        ["ouderen", "sociale-inclusie"],
        "sociale-verbondenheid",
        ["ouderen"],
        ["onderzoek"],
        ["beleidsmakers"],
        "Hoeveel ouderen moeite hebben met digitale loketten, en wat helpt.",
    ),
    (
        "column",
        "Column: leren van de coronajaren in {plaats}",
        ["lerende-praktijk", "sociale-basis"],
        "lerende-praktijken",
        ["corona"],
        ["ontwikkeling"],
        ["professionals"],
        "Welke nieuwe werkwijzen uit de crisistijd bleven, en welke niet.",
    ),
    (
        "artikel",
        "Jongeren met een beperking en meedoen in {plaats}",
        ["sociale-inclusie"],
        "sociale-verbondenheid",
        ["jongeren", "participatie"],
        ["onderzoek"],
        ["onderwijs", "professionals"],
        "Onderzoek naar de zelfredzaamheid van jongeren met een beperking.",
    ),
    (
        "video",
        "Video: een dag mee met een ervaringsdeskundige in {plaats}",
        ["ervaringskennis"],
        "ervaringsdeskundigheid",
        ["ervaringsdeskundigheid"],
        ["onderwijs"],
        ["onderwijs", "bewoners"],
        "Lesmateriaal over het werk van een ervaringsdeskundige in de wijk.",
    ),
    (
        "podcast",
        "Podcast: tussen gemeente en bewoner, sociaal werk in {plaats}",
        ["polarisatie-en-vertrouwen", "samenwerken"],
        "polarisatie-en-vertrouwen",
        ["polarisatie", "vertrouwen"],
        ["ondersteuning"],
        ["professionals", "beleidsmakers"],
        "Sociaal werkers over hun positie tussen overheid en burger.",
    ),
    (
        "methodiek",
        "Werkwijze voor ontmoetingsplekken voor ouderen in {plaats}",
        ["ouderen", "collectief-werken"],
        "sociale-basis",
        ["ouderen", "eenzaamheid"],
        ["ontwikkeling", "ondersteuning"],
        ["professionals", "bewoners"],
        "Hoe bewoners en professionals samen een ontmoetingsplek opzetten en volhouden.",
    ),
    (
        "training",
        "Lesmodule uit {plaats}: jeugdhulp met het gezin centraal",
        ["samenwerken"],
        "lerende-praktijken",
        ["jeugdhulp"],
        ["onderwijs"],
        ["onderwijs"],
        "Een module voor studenten over regie voeren samen met ouders en kind.",
    ),
    (
        "presentatie",
        "Presentatie: impact meten met verhalen en cijfers in {plaats}",
        ["impact"],
        "impact",
        ["impact"],
        ["onderzoek", "onderwijs"],
        ["beleidsmakers", "onderwijs"],
        "Een overzicht van methoden om effecten van sociaal werk te beschrijven.",
    ),
    (
        "publicatie",
        "Mantelzorg en werk combineren in {plaats}",
        ["sociale-basis", "ouderen"],
        "sociale-basis",
        ["mantelzorg"],
        ["onderzoek"],
        ["bewoners", "beleidsmakers"],
        "Wat werkende mantelzorgers nodig hebben van werkgevers en gemeente.",
    ),
    (
        "position-paper",
        "Position paper: armoede in {plaats} vraagt samenwerking over domeinen heen",
        ["armoede", "samenwerken"],
        "armoede",
        ["armoede", "schulden"],
        ["ontwikkeling"],
        ["beleidsmakers"],
        "Waarom schuldhulp, zorg en werk samen moeten optrekken.",
    ),
]
# How demo titles name the region of a Werkplaats ("... in {plaats}").
DEMO_PLAATS = {
    "Amsterdam en Omgeving": "Amsterdam en omgeving",
    "Arnhem en Nijmegen": "Arnhem en Nijmegen",
    "Den Haag - Leiden": "Den Haag en Leiden",
    "Flevoland": "Flevoland",
    "Friesland": "Friesland",
    "Gelderse Vallei": "de Gelderse Vallei",
    "Kennisplatform Utrecht Sociaal (kUS)": "de regio Utrecht",
    "Noord": "de regio Noord",
    "Noord-Brabant Avans": "Noord-Brabant",
    "Noord-Brabant Fontys": "Noord-Brabant",
    "Noord-Holland": "Noord-Holland",
    "Regio Zwolle": "de regio Zwolle",
    "Twente": "Twente",
    "Zeeland": "Zeeland",
    "Zuid-Holland Zuid": "Zuid-Holland Zuid",
    "Zuyd": "de regio Zuyd",
}
DEMO_MET_DOCUMENT = {0, 1, 2, 13}
DEMO_MET_AFBEELDING = {5, 10, 19}

# One demo product in each demo leeratelier: (werkplaats, atelier slug, onderwerp index).
DEMO_ATELIERPRODUCTEN = [
    ("Noord-Holland", "leeratelier-contextueel-werken", 7),
    ("Twente", "leeratelier-ervaringskennis", 17),
    ("Friesland", "leeratelier-ouderen-sociale-basis", 22),
    ("Zuyd", "leeratelier-armoede", 13),
]

UITGELICHT = [
    TITEL_BROEDPLAATSEN,
    TITEL_HOOPVOL,
    TITEL_SAMENSPEL,
    TITEL_GOEDE_ZORG,
]


def demo_datum(volgnummer, ronde):
    jaar = 2019 + (volgnummer + 3 * ronde) % 8
    maand = 1 + (volgnummer * 5 + ronde * 4) % 10
    dag = 1 + (volgnummer * 3 + ronde * 7) % 28
    return datetime.date(jaar, maand, dag)


def demo_product(onderwerp, plaats, datum, ouder):
    product_type, titel, themas, groep, tags, os, voor, tekst = DEMO_ONDERWERPEN[onderwerp]
    titel = titel.format(plaats=plaats)
    return {
        "ouder": ouder,
        "slug": f"demo-{onderwerp + 1:02d}-{product_type}",
        "titel": titel,
        "product_type": product_type,
        "datum": datum,
        "auteurs": [],
        "samenvatting": tekst,
        "body": [("tekst", f"<p>{tekst}</p>")],
        "voorbeeld": True,
        "notitie": DEMO_NOTITIE,
        "themas": themas,
        "themagroepen": [groep],
        "tags": tags,
        "os": os,
        "voor": voor,
        "document": onderwerp in DEMO_MET_DOCUMENT,
        "afbeelding": onderwerp in DEMO_MET_AFBEELDING,
    }


def demo_producten():
    """Three demo products per Werkplaats and one per demo leeratelier, always the same."""
    producten = []
    for volgnummer, naam in enumerate(WERKPLAATS_NAMEN):
        plaats = DEMO_PLAATS[naam]
        for ronde in range(3):
            onderwerp = (volgnummer + 8 * ronde) % len(DEMO_ONDERWERPEN)
            datum = demo_datum(volgnummer, ronde)
            producten.append(demo_product(onderwerp, plaats, datum, ("werkplaats", naam)))
    for volgnummer, (naam, atelier, onderwerp) in enumerate(DEMO_ATELIERPRODUCTEN):
        ouder = ("leeratelier", naam, atelier)
        datum = demo_datum(volgnummer, 3)
        producten.append(demo_product(onderwerp, DEMO_PLAATS[naam], datum, ouder))
    return producten
