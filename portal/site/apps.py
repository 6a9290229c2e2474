from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The site as a whole: home page, search, roles, accounts, uploads and the page cache.

    Its label stays ``portal`` (permissions such as ``portal.change_homepage``)."""

    name = "portal.site"
    label = "portal"
    verbose_name = _("Portaal")

    def ready(self):
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from portal.site import rollen
        from portal.site.paginarechten import PaginaPermissionPolicy

        rollen.verbind_signalen()
        # Every page model, before any view asks for its policy.
        register_permission_policy(Page, PaginaPermissionPolicy(Page))
