"""Texts of the home page, the overview pages, the Associatie and the information pages."""

from django.conf import settings

SITE_NAAM = "Werkplaatsen Sociaal Domein"
CONTACT_EMAIL = "info@werkplaatsensociaaldomein.nl"

HOME = {
    "titel": SITE_NAAM,
    "slug": "home",
    "lead": (
        "De Associatie Werkplaatsen Sociaal Domein verbindt de regionale Werkplaatsen: "
        "samenwerkingen van hogescholen, gemeenten en organisaties in zorg en welzijn die "
        "samen werken aan vragen uit het sociaal domein. Hier vindt u wat zij onderzoeken, "
        "ontwikkelen en delen."
    ),
    "intro": (
        "<p>De Werkplaatsen werken met de 4 O's: <b>onderzoek</b>, <b>ontwikkeling</b>, "
        "<b>onderwijs</b> en <b>ondersteuning</b>. Elke Werkplaats heeft een eigen regionale "
        "agenda; samen werken ze aan landelijke thema's.</p>"
    ),
}

# (model naam, slug, titel, intro): the menu, in this order.
HOOFDMENU = [
    (
        "werkplaatsen",
        "werkplaatsen",
        "Werkplaatsen",
        "<p>Vijftien regionale Werkplaatsen en een zestiende in oprichting. Elke Werkplaats "
        "is een samenwerking van hogescholen, zorg- en welzijnsorganisaties, gemeenten en vaak "
        "ook cliëntenorganisaties en kennisinstellingen, met een eigen kennis- en "
        "ontwikkelagenda.</p>",
    ),
    (
        "kennisbank",
        "kennisbank",
        "Kennisbank",
        "<p>Publicaties, handreikingen, columns en andere producten van alle Werkplaatsen en "
        "van de Associatie.</p>",
    ),
    (
        "themas",
        "themas",
        "Thema's",
        "<p>De landelijke thema's waar de Werkplaatsen samen aan werken. De rode draad van het "
        "werkprogramma 2023-2026 is sociale kwaliteit in de sociale basis.</p>",
    ),
    (
        "themagroepen",
        "themagroepen",
        "Themagroepen",
        "<p>In themagroepen verdiepen de Werkplaatsen zich samen in onderwerpen die hen "
        "allemaal raken, en maken ze kennis uit de eigen regio beschikbaar voor anderen.</p>",
    ),
    (
        "agenda",
        "agenda",
        "Agenda",
        "<p>Symposia, kenniscafés, webinars en leerkringen van de Werkplaatsen en de "
        "Associatie.</p>",
    ),
]

ASSOCIATIE = {
    "titel": "Over de Associatie",
    "slug": "associatie",
    "intro": (
        "In de Associatie Werkplaatsen Sociaal Domein bundelen de regionale Werkplaatsen hun "
        "krachten en wisselen ze kennis en kunde uit. De Associatie is gehuisvest bij Movisie."
    ),
    "body": [
        ("kop", "Hoe de Werkplaatsen ontstonden"),
        (
            "tekst",
            "<p>De eerste Werkplaatsen begonnen als Wmo-werkplaatsen en kregen na de "
            "decentralisaties hun huidige naam. Ze zijn tot stand gekomen met steun van het "
            "ministerie van VWS, in samenspraak met de VNG. De bekostiging is steeds een derde "
            "rijksoverheid, een derde hogeschool en een derde praktijkpartners en gemeente.</p>",
        ),
        ("kop", "Vorm, inhoud en relaties"),
        (
            "tekst",
            "<p>Een Werkplaats is een leer-, werk- en onderzoeksgemeenschap in de regio. "
            "Inhoudelijk staat sociale kwaliteit centraal, en de kracht zit in duurzame, "
            "gelijkwaardige relaties tussen praktijk, onderwijs, beleid en onderzoek.</p>",
        ),
        ("kop", "Samen met landelijke partners"),
        (
            "tekst",
            "<p>Als collectief werken de Werkplaatsen samen met landelijke kennisinstituten "
            "zoals Movisie, Vilans, het NJi en Pharos. Samen organiseren ze elk jaar een "
            "landelijk congres en werken ze in themagroepen.</p>",
        ),
    ],
}

# (slug, titel, intro, body)
INFORMATIEPAGINAS = [
    (
        "contact",
        "Contact en colofon",
        "Vragen, reacties en suggesties zijn welkom.",
        [
            (
                "tekst",
                f'<p>Mail naar <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>. Voor een '
                "regionale vraag kunt u ook terecht bij de Werkplaats in uw regio.</p>",
            ),
            ("kop", "Colofon"),
            (
                "tekst",
                "<p>De Werkplaatsen Sociaal Domein worden financieel ondersteund door het "
                "ministerie van VWS, in nauwe samenspraak met de VNG. De Associatie is "
                "gehuisvest bij Movisie.</p>",
            ),
            (
                "tekst",
                "<p>Deze site bevat ook voorbeeldinhoud: producten, leerateliers en "
                "evenementen met het label 'Voorbeeld' zijn verzonnen.</p>",
            ),
        ],
    ),
    (
        "privacy",
        "Privacy",
        "Deze site verzamelt zo weinig mogelijk gegevens over bezoekers.",
        [
            (
                "tekst",
                "<p>De site plaatst geen tracking- of advertentiecookies en gebruikt geen "
                "externe diensten, zoals statistiekdiensten, lettertypen of video's van andere "
                "partijen. Alleen wie inlogt om de site te beheren, krijgt een cookie die nodig "
                "is om ingelogd te blijven.</p>",
            ),
            (
                "tekst",
                "<p>Meldt u zich via deze site aan voor een evenement, dan bewaren we uw naam, "
                "e-mailadres, organisatie en opmerkingen alleen om het evenement te organiseren. "
                "Het aanmeldformulier zet een cookie tegen misbruik van het formulier. Met de link "
                "in de bevestigingsmail meldt u zich af; dan verwijderen we uw gegevens meteen. "
                f"Anders verwijderen we ze {settings.AANMELDINGEN_BEWAARDAGEN} dagen na het "
                "evenement.</p>",
            ),
            (
                "tekst",
                "<p>Wie zich aanmeldt voor een attendering ('Volg deze selectie') of de "
                "nieuwsbrief, laat een e-mailadres achter. We bewaren dat adres, wat u volgt en "
                "hoe vaak u mail wilt, tot u zich afmeldt met de link in elke e-mail. Een "
                "aanmelding die niet binnen "
                f"{settings.VOLGEN_ONBEVESTIGD_BEWAREN.days} dagen is bevestigd, "
                "verwijderen we.</p>",
            ),
            (
                "tekst",
                f"<p>Vragen over privacy? Mail naar {CONTACT_EMAIL}.</p>",
            ),
        ],
    ),
]


NIEUWSBRIEF = {
    "slug": "nieuwsbrief",
    "titel": "Nieuwsbrief",
    "intro": "<p>De nieuwsbrief van de Associatie Werkplaatsen Sociaal Domein: nieuws uit de "
    "Werkplaatsen, nieuwe producten in de kennisbank en de agenda. Hieronder staan de "
    "nieuwsbrieven die al zijn verstuurd.</p>",
    "voorbeeld": {
        "slug": "voorbeeldnieuwsbrief",
        "titel": "Voorbeeldnieuwsbrief (niet verstuurd)",
        "intro": "Een verzonnen nieuwsbrief om het versturen mee te oefenen.",
        "body": "<p>Deze nieuwsbrief is verzonnen. Kijk in de kennisbank voor het werk van de "
        "Werkplaatsen.</p>",
    },
}
