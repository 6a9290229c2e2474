"""Events: the two symposia from the sources, and demo events with fixed dates.

Demo events lie in 2025-2026 (past) and 2027 (upcoming), so that the command gives the same
result whenever it runs; they have ``voorbeeld`` (the site labels them "Voorbeeld"). Times of
the real symposia are not in the sources: they are whole-day events (``hele_dag``), shown and
exported as a date without a time. What the sources leave open is in ``notitie``, the source
note only editors see.
"""

import datetime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
AGENDA = ("agenda",)
DEMO_NOTITIE = "Voorbeeldevenement, verzonnen om de agenda te laten zien."
DEMO_LOCATIE = "Voorbeeldlocatie (fictief)"
# An event needs a location or "online"; for visitors, without the why (that is in the note).
LOCATIE_ONBEKEND = "Niet bekend"
ONBEKEND = "De brontekst vermeldt geen locatie en geen begin- en eindtijd."


def moment(jaar, maand, dag, uur=0, minuut=0):
    return datetime.datetime(jaar, maand, dag, uur, minuut, tzinfo=AMSTERDAM)


SYMPOSIUM_2019 = {
    "ouder": AGENDA,
    "slug": "symposium-2019-de-waarde-van-werken-in-het-sociaal-domein",
    "titel": "Symposium: De waarde van werken in het sociaal domein",
    "soort": "symposium",
    "start": moment(2019, 11, 25),
    "hele_dag": True,
    "samenvatting": (
        "Het jaarlijkse symposium van de Werkplaatsen Sociaal Domein in 2019, over de waarde "
        "van samenwerken in het sociaal domein: tussen professionals, tussen beleid en praktijk "
        "en met informele netwerken."
    ),
    "beschrijving": (
        "<p>Bij veel Werkplaatsen stond samenwerken hoog op de agenda voor de jaren na 2019, "
        "omdat het in de praktijk nog schuurde. Daarom stond dit thema centraal op het "
        "symposium van 25 november 2019.</p>"
    ),
    "locatie": LOCATIE_ONBEKEND,
    "notitie": f"Bron: het nieuwsbericht van 10 oktober 2019. {ONBEKEND}",
    "themas": ["samenwerken"],
}

SYMPOSIUM_2022 = {
    "ouder": AGENDA,
    "slug": "symposium-2022-lessen-van-de-coronacrisis",
    "titel": "Symposium: de geleerde lessen van de coronacrisis",
    "soort": "symposium",
    "start": moment(2022, 3, 18),
    "hele_dag": True,
    "samenvatting": (
        "Het jaarlijkse symposium van de Werkplaatsen Sociaal Domein over wat de coronacrisis "
        "heeft opgeleverd: welke sociale innovaties ontstonden, welk nieuw handelingsrepertoire, "
        "en wat daarvan ook buiten crisistijd bruikbaar is."
    ),
    "beschrijving": (
        "<p>Iedereen was welkom om mee te doen en te leren van de Werkplaatsen. Als "
        "achtergrond werd de publicatie <i>Hoopvol en kwetsbaar</i> aangeraden.</p>"
    ),
    "locatie": LOCATIE_ONBEKEND,
    "notitie": (
        "Jaartal: de aankondiging noemt alleen 18 maart. Het jaartal is afgeleid uit het "
        "interview waarin het symposium werd aangekondigd: daarin staat dat de eerste "
        "Werkplaatsen twaalf jaar eerder werden opgericht en dat de Wet maatschappelijke "
        "ondersteuning (Wmo) vijftien jaar eerder werd ingevoerd. De Wmo ging in op 1 januari "
        f"2007; vijftien jaar later is 2022. {ONBEKEND}"
    ),
    "themas": ["lerende-praktijk", "sociale-basis"],
}


def onderdeel(tijd, eind, titel, sprekers=(), overige="", toelichting=""):
    return {
        "begintijd": tijd,
        "eindtijd": eind,
        "titel": titel,
        "sprekers": list(sprekers),
        "overige_sprekers": overige,
        "zaal": "",
        "toelichting": toelichting,
    }


SYMPOSIUM_2027 = {
    "ouder": AGENDA,
    "slug": "demo-landelijk-symposium-2027",
    "titel": "Landelijk symposium 2027: sociale kwaliteit in de wijk (voorbeeld)",
    "soort": "symposium",
    "start": moment(2027, 6, 10, 9, 30),
    "eind": moment(2027, 6, 10, 16, 30),
    "samenvatting": (
        "Een voorbeeld van een landelijk symposium met een programma van meerdere onderdelen. "
        "Het programma is fictief; de genoemde personen hebben hiervoor niets toegezegd."
    ),
    "beschrijving": (
        "<p>Een verzonnen symposium, om te laten zien hoe een programma met sprekers wordt "
        "getoond.</p>"
    ),
    "voorbeeld": True,
    "notitie": DEMO_NOTITIE,
    "locatie": DEMO_LOCATIE,
    "themas": ["sociale-basis", "impact"],
    # Registration on the site (agenda/inschrijving.py): a full room puts people on a waiting list.
    "aanmelden": {"capaciteit": 150, "tot": moment(2027, 6, 3, 17, 0)},
    "programma": [
        onderdeel("09:30:00", "10:00:00", "Inloop en ontvangst"),
        onderdeel("10:00:00", "10:30:00", "Opening (voorbeeld)", ["Krijn van Beek"]),
        onderdeel(
            "10:30:00",
            "11:30:00",
            "Een regionale kennisagenda in de praktijk (voorbeeld)",
            ["Lilian Linders"],
            toelichting="Voorbeeld van een inhoudelijk onderdeel.",
        ),
        onderdeel(
            "11:45:00",
            "12:45:00",
            "Werksessies over ouderen en de sociale basis (voorbeeld)",
            ["Marja Jager-Vreugdenhil", "Lia van Doorn"],
            overige="Sprekers uit de praktijk (voorbeeld)",
        ),
        onderdeel(
            "13:30:00", "14:30:00", "Het ouderenprogramma (voorbeeld)", ["Hans Alderliesten"]
        ),
        onderdeel("15:30:00", "16:30:00", "Afsluiting en borrel"),
    ],
}


def demo_evenement(ouder, slug, titel, soort, start, eind, samenvatting, themas, online=False):
    return {
        "ouder": ouder,
        "slug": slug,
        "titel": titel,
        "soort": soort,
        "start": start,
        "eind": eind,
        "samenvatting": samenvatting,
        "beschrijving": "",
        "voorbeeld": True,
        "notitie": DEMO_NOTITIE,
        "locatie": "" if online else DEMO_LOCATIE,
        "online": online,
        "themas": themas,
    }


DEMO_EVENEMENTEN = [
    demo_evenement(
        ("werkplaats", "Friesland"),
        "demo-kenniscafe-eenzaamheid-in-het-dorp",
        "Kenniscafé: eenzaamheid in het dorp",
        "kenniscafe",
        moment(2027, 2, 11, 19, 30),
        moment(2027, 2, 11, 21, 30),
        "Een avond voor bewoners, vrijwilligers en professionals over eenzaamheid op het "
        "platteland.",
        ["ouderen", "sociale-cohesie"],
    ),
    demo_evenement(
        ("werkplaats", "Noord-Holland"),
        "demo-webinar-verticale-polarisatie",
        "Webinar: verticale polarisatie en de rol van sociaal werk",
        "webinar",
        moment(2027, 3, 9, 15, 0),
        moment(2027, 3, 9, 16, 30),
        "Online sessie over het vertrouwen tussen bewoners en overheid.",
        ["polarisatie-en-vertrouwen"],
        online=True,
    ),
    demo_evenement(
        ("leeratelier", "Twente", "leeratelier-ervaringskennis"),
        "demo-leerkring-ervaringskennis",
        "Leerkring ervaringskennis in het wijkteam",
        "leerkring",
        moment(2027, 3, 23, 13, 30),
        moment(2027, 3, 23, 16, 30),
        "Derde bijeenkomst van de leerkring van het leeratelier ervaringskennis.",
        ["ervaringskennis"],
    ),
    demo_evenement(
        ("werkplaats", "Zuyd"),
        "demo-regiobijeenkomst-armoede",
        "Regiobijeenkomst armoede en bestaanszekerheid",
        "bijeenkomst",
        moment(2027, 4, 15, 14, 0),
        moment(2027, 4, 15, 17, 0),
        "Gemeenten en organisaties wisselen ervaringen uit over de aanpak van geldzorgen.",
        ["armoede"],
    ),
    demo_evenement(
        ("werkplaats", "Regio Zwolle"),
        "demo-bijeenkomst-sport-en-meedoen",
        "Bijeenkomst: sport en meedoen in de wijk",
        "bijeenkomst",
        moment(2027, 5, 12, 15, 0),
        moment(2027, 5, 12, 17, 30),
        "Over sport als manier om mensen actiever te laten meedoen.",
        ["sociale-inclusie"],
    ),
    demo_evenement(
        ("werkplaats", "Flevoland"),
        "demo-bijeenkomst-samenwerken-in-de-wijk",
        "Bijeenkomst: samenwerken in de wijk",
        "bijeenkomst",
        moment(2027, 9, 16, 13, 0),
        moment(2027, 9, 16, 16, 0),
        "Professionals uit zorg, welzijn en jeugdhulp over samenwerken in de wijk.",
        ["samenwerken"],
    ),
    demo_evenement(
        ("werkplaats", "Amsterdam en Omgeving"),
        "demo-kenniscafe-mantelzorg",
        "Kenniscafé: mantelzorg en werk",
        "kenniscafe",
        moment(2025, 5, 15, 19, 30),
        moment(2025, 5, 15, 21, 30),
        "Werkende mantelzorgers en werkgevers in gesprek.",
        ["sociale-basis"],
    ),
    demo_evenement(
        AGENDA,
        "demo-webinar-impact-meten",
        "Webinar: impact meten met verhalen en cijfers",
        "webinar",
        moment(2025, 10, 2, 10, 0),
        moment(2025, 10, 2, 11, 30),
        "Landelijke online sessie over het zichtbaar maken van de impact van sociaal werk.",
        ["impact"],
        online=True,
    ),
    demo_evenement(
        ("werkplaats", "Arnhem en Nijmegen"),
        "demo-bijeenkomst-eenzaamheid-en-armoede",
        "Bijeenkomst: eenzaamheid en armoede",
        "bijeenkomst",
        moment(2026, 4, 14, 14, 0),
        moment(2026, 4, 14, 17, 0),
        "Studenten presenteren hun onderzoek aan gemeenten en organisaties.",
        ["armoede", "sociale-cohesie"],
    ),
    demo_evenement(
        ("werkplaats", "Noord"),
        "demo-leerkring-ouderen",
        "Leerkring: ouderen en de sociale basis",
        "leerkring",
        moment(2026, 9, 17, 13, 30),
        moment(2026, 9, 17, 16, 30),
        "Afsluitende bijeenkomst van een leerkring voor professionals in de ouderenondersteuning.",
        ["ouderen"],
    ),
]

EVENEMENTEN = [SYMPOSIUM_2019, SYMPOSIUM_2022, SYMPOSIUM_2027, *DEMO_EVENEMENTEN]
