"""``manage.py publish_during_benchmark``: an editor who publishes a product every few seconds."""

import random
import time

from django.core.management.base import BaseCommand, CommandError

from kennisbank.models import ProductPage
from portal.demo.bulkinhoud import bulkproducten


class Command(BaseCommand):
    help = (
        "Publiceert tijdens een meting elke --interval seconden een nieuwe versie van een "
        "bulkproduct met een even nummer (scripts/benchmark.sh meet de oneven), zoals een "
        "redacteur die steeds een product bijwerkt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=5.0, help="Seconden tussen twee.")
        parser.add_argument("--duration", type=float, default=30.0, help="Seconden in totaal.")
        parser.add_argument("--seed", type=int, default=1, help="Startwaarde van het toeval.")

    def handle(self, *args, **options):
        ids = [pk for pk in bulkproducten().live().values_list("pk", flat=True) if pk % 2 == 0]
        if not ids:
            raise CommandError("Geen bulkproducten: eerst generate_bulk_content.")
        kies = random.Random(options["seed"])
        einde = time.monotonic() + options["duration"]
        aantal = 0
        while time.monotonic() < einde:
            product = ProductPage.objects.get(pk=kies.choice(ids))
            product.samenvatting = f"{product.samenvatting.split(' (versie')[0]} (versie {aantal})"
            product.save_revision().publish()
            aantal += 1
            time.sleep(max(0.0, min(options["interval"], einde - time.monotonic())))
        self.stdout.write(f"{aantal} publicaties")
