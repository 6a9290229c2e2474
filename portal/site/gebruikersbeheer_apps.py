"""App configs that put the boundaries of portal.site.gebruikersbeheer in Wagtail's and Django's
admin. They replace ``wagtail.users`` and ``django.contrib.admin`` in INSTALLED_APPS."""

from django.contrib.admin.apps import AdminConfig
from wagtail.users.apps import WagtailUsersAppConfig


class GebruikersbeheerConfig(WagtailUsersAppConfig):
    user_viewset = "portal.site.gebruikersbeheer.GebruikerViewSet"
    group_viewset = "portal.site.gebruikersbeheer.GroepViewSet"

    def ready(self):
        super().ready()
        from wagtail import hooks

        from portal.site.gebruikersbeheer import bewaak_gebruikersbulkacties

        hooks.register("before_bulk_action", bewaak_gebruikersbulkacties)


class SuperuserAdminConfig(AdminConfig):
    default_site = "portal.site.gebruikersbeheer.AlleenSuperusersAdminSite"
