"""``manage.py verwijder_aanmeldingen``: delete registrations whose event ended more than
AANMELDINGEN_BEWAARDAGEN days ago. Meant for cron, once a day; a second run deletes nothing."""

from django.conf import settings
from django.core.management.base import BaseCommand

from agenda.inschrijving import verwijder_verlopen


class Command(BaseCommand):
    help = (
        "Verwijder de aanmeldingen voor evenementen die langer dan AANMELDINGEN_BEWAARDAGEN "
        "dagen voorbij zijn."
    )

    def handle(self, *args, **options):
        aantal = verwijder_verlopen()
        self.stdout.write(
            f"{aantal} aanmelding(en) verwijderd "
            f"(bewaartermijn {settings.AANMELDINGEN_BEWAARDAGEN} dagen na het evenement)."
        )
