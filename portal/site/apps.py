from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The site as a whole: home page, search, roles, accounts, uploads and the page cache.

    Its label stays ``portal`` (permissions such as ``portal.change_homepage``)."""

    name = "portal.site"
    label = "portal"
    verbose_name = _("Portaal")

    def ready(self):
        from portal.site import rollen

        rollen.verbind_signalen()
