"""National themes, themagroepen and the two kennisagenda's, in the portal's own words.

Sources: the landelijk werkprogramma 2023-2026 as cited in the Noord-Holland kennisagenda,
the interview with Erna Hooghiemstra (the earlier national themes) and the position paper of
March 2024 (themagroepen, Programma ondersteuning ouderen).
"""

# (slug, titel, korte beschrijving, beschrijving): the page order under /themas/.
THEMAS = [
    (
        "sociale-basis",
        "Sociale kwaliteit in de sociale basis",
        "De rode draad van het landelijk werkprogramma 2023-2026: mensen de ruimte geven om "
        "mee te doen in relaties die hun welzijn en mogelijkheden vergroten.",
        "<p>Sociale kwaliteit gaat over de vraag in hoeverre mensen kunnen deelnemen aan "
        "sociale relaties op een manier die hun welzijn en hun mogelijkheden versterkt. De "
        "Werkplaatsen kijken daarbij vooral naar de sociale basis: de nabije, vrij "
        "toegankelijke voorzieningen, relaties en plekken, en het informele netwerk van "
        "mantelzorgers en vrijwilligers rond mensen.</p>",
    ),
    (
        "sociale-cohesie",
        "Sociale cohesie",
        "Hoe buurten en gemeenschappen samenhang vinden, en wat sociaal werk daaraan bijdraagt.",
        "<p>Sociale cohesie is een van de onderwerpen van het landelijk werkprogramma "
        "2023-2026. Het speelt bijvoorbeeld wanneer mensen na het sluiten van een instelling "
        "zelfstandig in een wijk gaan wonen en buren, bewoners en organisaties een plek "
        "moeten vinden in die nieuwe situatie.</p>",
    ),
    (
        "sociale-inclusie",
        "Sociale inclusie",
        "Meedoen voor iedereen, ook voor mensen in kwetsbare posities of perioden van hun leven.",
        "<p>Bij sociale inclusie gaat het om de kansen die mensen krijgen om naar vermogen "
        "mee te doen in de samenleving. Het landelijk werkprogramma 2023-2026 noemt het als "
        "professionaliseringsthema voor de Werkplaatsen.</p>",
    ),
    (
        "collectief-werken",
        "Collectief werken",
        "Oplossingen zoeken met groepen en gemeenschappen in plaats van alleen per persoon.",
        "<p>Collectief werken gaat over aanpakken waarin sociaal werkers samen met bewoners "
        "en groepen werken aan gedeelde vragen, naast de ondersteuning van individuen. Het is "
        "een van de thema's van het landelijk werkprogramma 2023-2026.</p>",
    ),
    (
        "samenwerken",
        "Samenwerken",
        "Domeinverbindend samenwerken en samenwerking tussen formele en informele partijen.",
        "<p>Veel vragen in het sociaal domein zijn niet vanuit één discipline op te lossen. "
        "Het landelijk werkprogramma 2023-2026 noemt daarom samenwerken als thema: over de "
        "grenzen van domeinen heen, tussen beleid en praktijk, en tussen professionals en "
        "informele netwerken.</p>",
    ),
    (
        "ervaringskennis",
        "Ervaringskennis en ervaringsdeskundigheid",
        "Hoe ervaringskennis en professionele kennis elkaar aanvullen.",
        "<p>Ervaringsdeskundigen werken niet meer alleen in de ggz, maar ook in bijvoorbeeld "
        "jeugdhulp en armoedeprojecten. De vraag is hoe ervaringskennis en professionele "
        "kennis samen bijdragen aan de kwaliteit van leven van bewoners en cliënten. Het thema "
        "was een van de eerdere landelijke thema's en staat ook in het werkprogramma "
        "2023-2026.</p>",
    ),
    (
        "impact",
        "Impact van het sociaal werk",
        "Zichtbaar maken wat sociaal werk oplevert voor de kwaliteit van (samen)leven.",
        "<p>De positieve effecten van werk in het sociaal domein zijn vaak goed te "
        "beredeneren maar lastig te meten of te bewijzen. Het thema impact zoekt naar manieren "
        "om die effecten in beeld te brengen, met verhalen en met cijfers.</p>",
    ),
    (
        "armoede",
        "Armoede",
        "Armoede en schulden, en wat professionals en beleid samen kunnen doen.",
        "<p>Armoede was een van de landelijke thema's waar de Werkplaatsen in de jaren "
        "2021-2022 aan werkten, met een eigen themagroep. Het onderwerp staat ook op veel "
        "regionale agenda's.</p>",
    ),
    (
        "lerende-praktijk",
        "Lerende praktijk",
        "Leren door te doen en doen door te leren, met praktijk, onderwijs en onderzoek samen.",
        "<p>In een lerende praktijk onderzoeken professionals, beleidsmakers, studenten, "
        "docenten en bewoners samen een vraag uit de praktijk, en passen ze wat ze leren "
        "direct toe. Het was een van de eerdere landelijke thema's van de Werkplaatsen.</p>",
    ),
    (
        "ouderen",
        "Ondersteuning van ouderen",
        "Het Programma ondersteuning ouderen 2023-2025: sociale kwaliteit voor ouderen versterken.",
        "<p>Bij ouderen wordt vaak direct aan zorg gedacht. Het Programma ondersteuning "
        "ouderen (2023-2025) wil het sociaal domein meer positie geven in de ondersteuning van "
        "ouderen. Elke Werkplaats heeft een eigen trekker voor dit programma.</p>",
    ),
    (
        "polarisatie-en-vertrouwen",
        "Polarisatie en vertrouwen",
        "Vertrouwen tussen burgers en instanties, en de plek van sociaal werk daartussen.",
        "<p>Vertrouwen in instanties staat onder druk en scheidslijnen worden scherper. Sociaal "
        "werk staat tussen overheid en burger in: het behartigt belangen van bewoners en werkt "
        "tegelijk vaak in opdracht van de gemeente. Sinds 2023 is er een themagroep over dit "
        "onderwerp.</p>",
    ),
]

# (slug, titel, start_jaar, themas, korte beschrijving, beschrijving)
THEMAGROEPEN = [
    (
        "lerende-praktijken",
        "Lerende praktijken",
        2021,
        ["lerende-praktijk"],
        "Themagroep uit 2021-2022 over leren in en met de praktijk; komt nog steeds bijeen.",
        "<p>In de jaren 2021 en 2022 werkten de Werkplaatsen in deze themagroep aan lerende "
        "praktijken. De groep blijft bij elkaar komen.</p>",
    ),
    (
        "armoede",
        "Armoede",
        2021,
        ["armoede"],
        "Themagroep uit 2021-2022 over armoede; komt nog steeds bijeen.",
        "<p>Een van de vier themagroepen die in 2021 en 2022 werkten aan een gezamenlijk "
        "thema, en die nog steeds bijeenkomt.</p>",
    ),
    (
        "sociale-basis",
        "Sociale basis",
        2021,
        ["sociale-basis"],
        "Themagroep uit 2021-2022 over het versterken van de sociale basis.",
        "<p>Deze themagroep richt zich op de sociale basis: het netwerk van informele "
        "krachten zoals mantelzorgers en vrijwilligers rond mensen. De groep startte in 2021 en "
        "komt nog steeds bijeen.</p>",
    ),
    (
        "ervaringsdeskundigheid",
        "Ervaringsdeskundigheid",
        2021,
        ["ervaringskennis"],
        "Themagroep uit 2021-2022 over de inzet van ervaringsdeskundigheid.",
        "<p>Sinds 2021 werken de Werkplaatsen in deze groep aan de inzet van "
        "ervaringsdeskundigheid. Ook deze themagroep blijft bijeenkomen.</p>",
    ),
    (
        "polarisatie-en-vertrouwen",
        "Polarisatie en vertrouwen",
        2023,
        ["polarisatie-en-vertrouwen"],
        "Sinds de zomer van 2023: vertrouwen in instanties en de dubbele rol van sociaal werk.",
        "<p>Vertrouwen in instanties staat in alle regio's onder druk. Deze themagroep "
        "verkent hoe het sociaal domein omgaat met zijn dubbele positie: belangenbehartiger "
        "van mensen in afhankelijke posities en tegelijk vertegenwoordiger van de "
        "overheid.</p>",
    ),
    (
        "sociale-verbondenheid",
        "Sociale verbondenheid",
        2023,
        ["sociale-cohesie", "sociale-inclusie"],
        "Sinds de zomer van 2023: glazen plafonds doorbreken en scheidslijnen overbruggen.",
        "<p>Ongelijkheid lijkt een vast patroon in de samenleving te zijn geworden. De "
        "themagroep zoekt naar mogelijkheden om sociale mobiliteit meer kans te geven en "
        "maatschappelijke scheidslijnen te overbruggen.</p>",
    ),
    (
        "impact",
        "Impact",
        2023,
        ["impact"],
        "Sinds de zomer van 2023: de resultaten van werk in het sociaal domein meetbaar en "
        "bespreekbaar maken.",
        "<p>De effecten van interventies in het sociaal domein zijn vaak groter dan te bewijzen "
        "is. Deze themagroep wil meer greep krijgen op die resultaten, zodat overheden niet "
        "alleen sturen op wat makkelijk te tellen is.</p>",
    ),
]

KENNISAGENDA_NH = {
    "slug": "kennisagenda-2023-2026",
    "titel": "Regionale kennisagenda 2023-2026",
    "periode": (2023, 2026),
    "intro": (
        "Op basis van gesprekken met partners in de regio bepaalde de Werkplaats Sociaal "
        "Domein Noord-Holland haar inhoudelijke focus voor 2023-2026: drie "
        "professionaliseringsvraagstukken en, in alle projecten, de impact van het sociaal werk."
    ),
    "body": [
        ("kop", "Visie: bijdragen aan empowerment"),
        (
            "tekst",
            "<p>De projecten van de Werkplaats gaan uit van empowerment, het overkoepelende "
            "thema van het lectoraat: wat dragen ze bij aan de kracht van individuen, groepen "
            "en gemeenschappen? Daarbij is er ook oog voor polariserende tendensen waarin "
            "mensen van elkaar afdrijven. Sociale kwaliteit versterken hoort volgens de "
            "Werkplaats onlosmakelijk bij empowerment; zo sluit de regionale agenda aan op de "
            "rode draad van het landelijk werkprogramma.</p>",
        ),
        (
            "tekst",
            "<p>De speerpunten zijn een startpunt. Als de maatschappelijke of regionale "
            "context daarom vraagt, kunnen ze tijdens de looptijd veranderen.</p>",
        ),
    ],
    # (titel, soort, themas, beschrijving)
    "speerpunten": [
        (
            "Contextueel werken in het sociaal domein",
            "professionaliseringsvraagstuk",
            ["sociale-cohesie", "sociale-inclusie", "collectief-werken"],
            "<p>Steeds meer mensen wonen met ambulante ondersteuning in een gewone wijk in "
            "plaats van in een instelling. Welke steun hebben zij nodig om zelfstandig te "
            "wonen en mee te doen, en hoe betrekt een sociaal werker buren, omwonenden en "
            "andere organisaties bij die nieuwe situatie?</p>",
        ),
        (
            "Interprofessioneel samenwerken",
            "professionaliseringsvraagstuk",
            ["samenwerken", "ervaringskennis"],
            "<p>Opgaven in de wijk vragen samenwerking met professionals uit andere "
            "disciplines, binnen en buiten het sociaal domein, en met ervaringsdeskundigen. "
            "Welke kennis en kunde hebben sociaal werkers daarvoor nodig, wat levert het "
            "bewoners op, en hoe vullen ervaringskennis en professionele kennis elkaar "
            "aan?</p>",
        ),
        (
            "Omgaan met verticale polarisatie",
            "professionaliseringsvraagstuk",
            ["polarisatie-en-vertrouwen"],
            "<p>De afstand tussen overheid en burger lijkt te groeien, versterkt door de "
            "coronaperiode. Sociaal werk staat daar middenin. Vragen die de Werkplaats "
            "onderzoekt:</p><ul><li>Waar en bij welke groepen speelt deze polarisatie?</li>"
            "<li>Hoe buig je negatieve beeldvorming, bijvoorbeeld over jongeren, om naar een "
            "positieve blik?</li><li>Hoe werkt sociaal werk als kritische partner van de "
            "gemeente?</li><li>Hoe behoud of herwin je het vertrouwen van bewoners?</li></ul>",
        ),
        (
            "Impact van het sociaal werk op de kwaliteit van (samen)leven",
            "dwarsverband",
            ["impact"],
            "<p>In alle projecten gaat de Werkplaats na of en hoe contextueel werken, "
            "interprofessioneel samenwerken en omgaan met polarisatie bijdragen aan de "
            "kwaliteit van (samen)leven, in verhalen en in cijfers.</p>",
        ),
    ],
}

WERKPROGRAMMA = {
    "slug": "werkprogramma-2023-2026",
    "titel": "Landelijk werkprogramma 2023-2026",
    "periode": (2023, 2026),
    "intro": (
        "Naast hun regionale agenda's werken de Werkplaatsen samen aan landelijke thema's. "
        "De rode draad van het werkprogramma 2023-2026 is sociale kwaliteit in de sociale "
        "basis."
    ),
    "body": [
        (
            "tekst",
            "<p>Sociale kwaliteit is de mate waarin mensen kunnen deelnemen aan sociale "
            "relaties op een manier die hun welzijn, hun capaciteiten en hun mogelijkheden "
            "vergroot. Het werkprogramma vertaalt die rode draad in een aantal "
            "professionaliseringsthema's.</p>",
        ),
    ],
    "speerpunten": [
        (
            "Sociale kwaliteit in de sociale basis",
            "dwarsverband",
            ["sociale-basis"],
            "<p>De rode draad die alle thema's van het werkprogramma verbindt.</p>",
        ),
        (
            "Sociale cohesie",
            "speerpunt",
            ["sociale-cohesie"],
            "<p>Samenhang in buurten en gemeenschappen.</p>",
        ),
        (
            "Sociale inclusie",
            "speerpunt",
            ["sociale-inclusie"],
            "<p>Meedoen naar vermogen, ook in kwetsbare situaties.</p>",
        ),
        (
            "Collectief werken",
            "speerpunt",
            ["collectief-werken"],
            "<p>Werken met groepen en gemeenschappen aan gedeelde vragen.</p>",
        ),
        (
            "Samenwerken",
            "speerpunt",
            ["samenwerken"],
            "<p>Domeinverbindend samenwerken en samenwerking tussen formele en informele "
            "partijen.</p>",
        ),
        (
            "Ervaringskennis en ervaringsdeskundigheid",
            "speerpunt",
            ["ervaringskennis"],
            "<p>Ervaringskennis naast professionele kennis inzetten.</p>",
        ),
        (
            "Impact van het sociaal werk",
            "speerpunt",
            ["impact"],
            "<p>Inzicht geven in wat sociaal werk oplevert.</p>",
        ),
        (
            "Programma ondersteuning ouderen (2023-2025)",
            "speerpunt",
            ["ouderen"],
            "<p>Een apart programma naast het werkprogramma, met een trekker per Werkplaats, "
            "om de sociale kwaliteit voor ouderen te versterken.</p>",
        ),
    ],
}
