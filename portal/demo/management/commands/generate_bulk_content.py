"""``manage.py generate_bulk_content --products N``: bulk products for benchmarks and tests."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from portal.demo import bulkinhoud


class Command(BaseCommand):
    help = (
        "Voegt N realistische producten toe, verdeeld over de 16 Werkplaatsen, soorten, jaren, "
        "thema's, themagroepen en trefwoorden, met documenten en afbeeldingen. Dezelfde --seed "
        "geeft dezelfde producten. Bouwt eerst de demo-inhoud als de site nog leeg is."
    )

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=1000, help="Aantal producten.")
        parser.add_argument("--seed", type=int, default=1, help="Startwaarde van het toeval.")
        parser.add_argument(
            "--clear",
            action="store_true",
            help="Verwijder eerst alle eerder gegenereerde producten (slug begint met 'bulk-').",
        )
        parser.add_argument(
            "--no-index", action="store_true", help="Werk de zoekindex niet bij (sneller)."
        )

    def handle(self, *args, **options):
        aantal = options["products"]
        if aantal < 0:
            raise CommandError("--products moet 0 of meer zijn.")
        if options["clear"]:
            verwijderd = bulkinhoud.verwijder_bulkproducten()
            self.stdout.write(f"{verwijderd} eerder gegenereerde producten verwijderd.")
        try:
            bulkinhoud.lees_structuur()
        except bulkinhoud.GeenStructuur:
            self.stdout.write("Nog geen Werkplaatsen: eerst de demo-inhoud (load_demo_content).")
            call_command("load_demo_content", stdout=self.stdout)
        verslag = bulkinhoud.genereer(
            aantal,
            seed=options["seed"],
            index=not options["no_index"],
            melding=self.stdout.write,
        )
        stappen = ", ".join(f"{naam} {sec:.1f} s" for naam, sec in verslag.seconden.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"{verslag.producten} producten gemaakt in {verslag.totaal:.1f} s ({stappen})."
            )
        )
