"""``manage.py zet_site_url``: give Wagtail's default Site the host and port of SITE_URL.

Run after every deploy (and by scripts/start.sh), so that page URLs that Wagtail builds
(canonical, sitemap, API ``html_url``, citations) start with SITE_URL. A second run
changes nothing.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from portal.basis.site_url import normaal, site_velden


class Command(BaseCommand):
    help = "Zet host en poort van de standaardsite van Wagtail op die van SITE_URL."

    def handle(self, *args, **options):
        try:
            velden = site_velden(settings.SITE_URL)
        except ValueError as fout:
            raise CommandError(str(fout)) from fout
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("Er is geen standaardsite; voer eerst manage.py migrate uit.")
        if (site.hostname, site.port) == (velden["hostname"], velden["port"]):
            self.stdout.write(f"Standaardsite staat al op {normaal(settings.SITE_URL)}.")
            return
        # Another Site with this host and port would make the pair ambiguous.
        dubbel = Site.objects.filter(**velden).exclude(pk=site.pk).first()
        if dubbel is not None:
            raise CommandError(
                f"Site '{dubbel}' gebruikt {velden['hostname']}:{velden['port']} al; "
                "pas die site eerst aan in het beheer (Instellingen > Sites)."
            )
        site.hostname, site.port = velden["hostname"], velden["port"]
        site.save(update_fields=["hostname", "port"])
        self.stdout.write(f"Standaardsite gezet op {normaal(settings.SITE_URL)}.")
