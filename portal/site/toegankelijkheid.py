"""The accessibility statement by the national model (digitoegankelijk.nl): its statuses,
the 50 WCAG 2.1 A and AA success criteria, and the blocks for the research done and the known
deviations."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class Nalevingsstatus(models.TextChoices):
    A = "A", _("A – voldoet volledig")
    B = "B", _("B – voldoet gedeeltelijk")
    C = "C", _("C – eerste maatregelen genomen")
    D = "D", _("D – eerste maatregelen nog niet genomen")
    E = "E", _("E – geen verklaring")


# What each status means, as digitoegankelijk.nl explains it.
STATUSUITLEG = {
    Nalevingsstatus.A: _(
        "Een volledig onderzoek volgens WCAG-EM, niet ouder dan drie jaar, laat zien dat de "
        "site aan alle 50 eisen voldoet."
    ),
    Nalevingsstatus.B: _(
        "Een volledig onderzoek volgens WCAG-EM, niet ouder dan drie jaar, laat zien dat de "
        "site nog niet aan alle eisen voldoet; voor elke afwijking zijn oorzaak, gevolg, "
        "maatregel en planning beschreven."
    ),
    Nalevingsstatus.C: _(
        "Er zijn eerste maatregelen genomen, maar er is nog geen volledig en onafhankelijk "
        "onderzoek volgens WCAG-EM; dat onderzoek is binnen zes maanden gepland. Het is dus "
        "nog niet bekend aan hoeveel eisen de site voldoet."
    ),
    Nalevingsstatus.D: _(
        "Er is een verklaring, maar er is geen volledig onderzoek en er is ook geen onderzoek "
        "gepland."
    ),
    Nalevingsstatus.E: _("Er is geen (geldige) toegankelijkheidsverklaring."),
}

# The 50 success criteria of WCAG 2.1 on levels A and AA that the law requires (EN 301 549).
WCAG_CRITERIA = [
    ("1.1.1", _("Niet-tekstuele content")),
    ("1.2.1", _("Louter-geluid en louter-video (vooraf opgenomen)")),
    ("1.2.2", _("Ondertitels voor doven en slechthorenden (vooraf opgenomen)")),
    ("1.2.3", _("Audiodescriptie of media-alternatief (vooraf opgenomen)")),
    ("1.2.4", _("Ondertitels voor doven en slechthorenden (live)")),
    ("1.2.5", _("Audiodescriptie (vooraf opgenomen)")),
    ("1.3.1", _("Info en relaties")),
    ("1.3.2", _("Betekenisvolle volgorde")),
    ("1.3.3", _("Zintuiglijke eigenschappen")),
    ("1.3.4", _("Weergavestand")),
    ("1.3.5", _("Identificeer het doel van de input")),
    ("1.4.1", _("Gebruik van kleur")),
    ("1.4.2", _("Geluidsbediening")),
    ("1.4.3", _("Contrast (minimum)")),
    ("1.4.4", _("Herschalen van tekst")),
    ("1.4.5", _("Afbeeldingen van tekst")),
    ("1.4.10", _("Reflow")),
    ("1.4.11", _("Contrast van niet-tekstuele content")),
    ("1.4.12", _("Tekstafstand")),
    ("1.4.13", _("Content bij hover of focus")),
    ("2.1.1", _("Toetsenbord")),
    ("2.1.2", _("Geen toetsenbordval")),
    ("2.1.4", _("Enkel teken sneltoetsen")),
    ("2.2.1", _("Timing aanpasbaar")),
    ("2.2.2", _("Pauzeren, stoppen, verbergen")),
    ("2.3.1", _("Drie flitsen of beneden drempelwaarde")),
    ("2.4.1", _("Blokken omzeilen")),
    ("2.4.2", _("Paginatitel")),
    ("2.4.3", _("Focus volgorde")),
    ("2.4.4", _("Linkdoel (in context)")),
    ("2.4.5", _("Meerdere manieren")),
    ("2.4.6", _("Koppen en labels")),
    ("2.4.7", _("Focus zichtbaar")),
    ("2.5.1", _("Aanwijzergebaren")),
    ("2.5.2", _("Aanwijzerannulering")),
    ("2.5.3", _("Label in naam")),
    ("2.5.4", _("Bewegingsactivering")),
    ("3.1.1", _("Taal van de pagina")),
    ("3.1.2", _("Taal van onderdelen")),
    ("3.2.1", _("Bij focus")),
    ("3.2.2", _("Bij input")),
    ("3.2.3", _("Consistente navigatie")),
    ("3.2.4", _("Consistente identificatie")),
    ("3.3.1", _("Foutidentificatie")),
    ("3.3.2", _("Labels of instructies")),
    ("3.3.3", _("Foutsuggestie")),
    ("3.3.4", _("Foutpreventie (wettelijk, financieel, gegevens)")),
    ("4.1.1", _("Parsen")),
    ("4.1.2", _("Naam, rol, waarde")),
    ("4.1.3", _("Statusberichten")),
]
SUCCESCRITERIA = [(nummer, f"{nummer} {naam}") for nummer, naam in WCAG_CRITERIA]


class EvaluatieSoort(models.TextChoices):
    AUTOMATISCH = "automatisch", _("Automatische test")
    HANDMATIG = "handmatig", _("Handmatige controle")


class EvaluatieBlock(blocks.StructBlock):
    soort = blocks.ChoiceBlock(choices=EvaluatieSoort.choices, label=_("soort"))
    onderdeel = blocks.CharBlock(
        label=_("wat is onderzocht"), help_text=_("Welke pagina's of onderdelen.")
    )
    hulpmiddel = blocks.CharBlock(
        label=_("hulpmiddel of methode"),
        required=False,
        help_text=_("Bijvoorbeeld 'axe-core in Chromium, 375 en 1280 pixels breed'."),
    )
    uitgevoerd_door = blocks.CharBlock(label=_("uitgevoerd door"), required=False)
    datum = blocks.DateBlock(label=_("datum"))
    resultaat = blocks.TextBlock(label=_("resultaat"))

    class Meta:
        icon = "tasks"
        label = _("onderzoek")


class AfwijkingBlock(blocks.StructBlock):
    succescriterium = blocks.ChoiceBlock(
        choices=SUCCESCRITERIA, label=_("succescriterium (WCAG 2.1)")
    )
    onderdeel = blocks.CharBlock(
        label=_("onderdeel"), help_text=_("Waar het speelt, bijvoorbeeld 'de kaart'.")
    )
    oorzaak = blocks.TextBlock(label=_("oorzaak"))
    gevolg = blocks.TextBlock(label=_("gevolg"), help_text=_("Wat het voor bezoekers betekent."))
    maatregel = blocks.TextBlock(label=_("maatregel"))
    geplande_datum = blocks.DateBlock(
        label=_("geplande datum"),
        required=False,
        help_text=_("Wanneer de maatregel klaar is; leeg als dat nog niet vaststaat."),
    )

    class Meta:
        icon = "warning"
        label = _("afwijking")
