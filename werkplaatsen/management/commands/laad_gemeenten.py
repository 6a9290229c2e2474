"""Load or refresh the list of gemeenten from CBS's file (see werkplaatsen/data/README.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from werkplaatsen.models import Gemeente
from werkplaatsen.plaatsen import GEMEENTEN_CSV, laad_gemeenten, lees_gemeenten


class Command(BaseCommand):
    help = (
        "Laadt de gemeenten met CBS-code en provincie uit een CSV met de kolommen van CBS "
        "(GemeentecodeGM, Gemeentenaam, Provincienaam). Zonder --bestand: de meegeleverde lijst."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bestand", default=str(GEMEENTEN_CSV), help="Pad naar de CSV.")
        parser.add_argument(
            "--verwijder-vervallen",
            action="store_true",
            help="Verwijder gemeenten die niet meer in de lijst staan en aan geen Werkplaats "
            "gekoppeld zijn.",
        )

    def handle(self, *args, bestand, verwijder_vervallen, **options):
        try:
            rijen = lees_gemeenten(bestand)
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        with transaction.atomic():
            gemaakt, gewijzigd, vervallen = laad_gemeenten(Gemeente, rijen)
            gekoppeld = set(
                Gemeente.objects.filter(cbs_code__in=vervallen, werkplaatsen__isnull=False)
                .values_list("cbs_code", flat=True)
                .distinct()
            )
            if verwijder_vervallen:
                Gemeente.objects.filter(cbs_code__in=set(vervallen) - gekoppeld).delete()
        self.stdout.write(
            f"{len(rijen)} gemeenten in {bestand}: {gemaakt} nieuw, {gewijzigd} gewijzigd."
        )
        if vervallen:
            self.stdout.write(
                f"Niet meer in de lijst: {', '.join(vervallen)}"
                + (" (verwijderd, behalve de gekoppelde)" if verwijder_vervallen else "")
            )
        for code in sorted(gekoppeld):
            self.stdout.write(
                self.style.WARNING(
                    f"{code} staat niet meer in de lijst maar is nog aan een Werkplaats "
                    "gekoppeld: kies in de admin de nieuwe gemeente."
                )
            )
