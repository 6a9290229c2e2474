"""``manage.py setup_roles``: groups, collections and permissions from the page tree.

Idempotent: a second run changes nothing; after a new WerkplaatsPage it adds that
Werkplaats's group and collection; permissions a managed group should no longer have are
removed. The rules are in portal/site/rollen.py; demo users come with
``manage.py load_demo_content`` (portal/demo/gebruikers.py).
"""

from django.core.management.base import BaseCommand

from portal.site.rollen import richt_rollen_in


class Command(BaseCommand):
    help = (
        "Maakt de groepen, collecties en rechten van de redacties aan of werkt ze bij, "
        "afgeleid uit de paginaboom. Opnieuw draaien is veilig."
    )

    def handle(self, *args, **options):
        verslag = richt_rollen_in()
        for regel in verslag.regels:
            self.stdout.write(regel)
        if verslag.wijzigingen:
            self.stdout.write(
                self.style.SUCCESS(f"Rollen ingericht: {verslag.wijzigingen} wijziging(en).")
            )
        else:
            self.stdout.write(self.style.SUCCESS("Rollen waren al ingericht: niets gewijzigd."))
