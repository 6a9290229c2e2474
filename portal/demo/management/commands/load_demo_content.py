"""``manage.py load_demo_content``: build the whole demo site; a second run changes nothing."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from agenda.models import EvenementPage
from kennisbank.models import ProductPage
from portal.demo import bouw_inhoud, bouw_structuur
from portal.demo.bouwstenen import GEMAAKT, GEWIJZIGD, ONGEWIJZIGD, Verslag
from portal.demo.gebruikers import maak_demo_gebruikers
from portal.site.models import InformatiePagina
from portal.themas.models import LandelijkThemaPage
from werkplaatsen.models import (
    KennisagendaPage,
    LeeratelierPage,
    Persoon,
    ThemagroepPage,
    WerkplaatsPage,
)

OVERZICHT = [
    ("Werkplaatsen", WerkplaatsPage),
    ("Leerateliers", LeeratelierPage),
    ("Kennisagenda's", KennisagendaPage),
    ("Landelijke thema's", LandelijkThemaPage),
    ("Themagroepen", ThemagroepPage),
    ("Producten", ProductPage),
    ("Evenementen", EvenementPage),
    ("Informatiepagina's", InformatiePagina),
]


class Command(BaseCommand):
    help = (
        "Bouwt de demo-inhoud van het portaal uit de feiten in de bronteksten. "
        "Opnieuw draaien verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-accounts",
            metavar="BESTAND",
            help=(
                "Bewaar de wachtwoorden van de demogebruikers in dit bestand (modus 600) in "
                "plaats van ze te tonen; scripts/start.sh gebruikt var/demo-accounts.txt."
            ),
        )

    def handle(self, *args, **options):
        verslag = Verslag()
        with transaction.atomic():
            boom = bouw_structuur.bouw(verslag)
            bouw_inhoud.bouw(boom, verslag)
            call_command("setup_roles", stdout=self.stdout)
            if settings.DEBUG:
                maak_demo_gebruikers(self.stdout, wachtwoordbestand=options["demo_accounts"])
        self.toon_verslag(verslag)

    def toon_verslag(self, verslag):
        for label, model in OVERZICHT:
            self.stdout.write(f"{label}: {model.objects.live().count()}")
        self.stdout.write(f"Personen (lectoren): {Persoon.objects.count()}")
        self.stdout.write(f"Documenten: {get_document_model().objects.count()}")
        self.stdout.write(f"Afbeeldingen: {get_image_model().objects.count()}")
        self.stdout.write(f"Trefwoorden: {Tag.objects.count()}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar: {verslag.totaal(GEMAAKT)} gemaakt, {verslag.totaal(GEWIJZIGD)} "
                f"gewijzigd, {verslag.totaal(ONGEWIJZIGD)} pagina's ongewijzigd."
            )
        )
