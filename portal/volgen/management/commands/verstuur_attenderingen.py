from django.core.management.base import BaseCommand

from portal.volgen import attenderingen, nieuwsbrief


class Command(BaseCommand):
    help = (
        "Verstuurt de attenderingen die aan de beurt zijn (alleen als er nieuwe producten zijn), "
        "maakt onderbroken verzendingen van de nieuwsbrief af en verwijdert onbevestigde "
        "aanmeldingen die te oud zijn. Bedoeld voor cron; twee keer draaien verstuurt niets "
        "dubbel."
    )

    def handle(self, *args, **options):
        resultaat = attenderingen.verstuur_overzichten()
        nieuwsbrieven = nieuwsbrief.hervat_onvoltooide()
        self.stdout.write(
            f"{resultaat.verstuurd} attendering(en) verstuurd, {resultaat.mislukt} mislukt, "
            f"{resultaat.ongeldig} met een selectie die niet meer bestaat; "
            f"{resultaat.opgeruimd} onbevestigde aanmelding(en) verwijderd; "
            f"{nieuwsbrieven} nieuwsbrief/nieuwsbrieven afgemaakt."
        )
        if resultaat.mislukt:
            self.stderr.write("Niet alles kon worden verstuurd; zie het logboek.")
