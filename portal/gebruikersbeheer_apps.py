"""App configs that put the boundaries of portal.gebruikersbeheer in Wagtail's and Django's
admin. They replace ``wagtail.users`` and ``django.contrib.admin`` in INSTALLED_APPS."""

from django.contrib.admin.apps import AdminConfig
from wagtail.users.apps import WagtailUsersAppConfig


class GebruikersbeheerConfig(WagtailUsersAppConfig):
    user_viewset = "portal.gebruikersbeheer.GebruikerViewSet"
    group_viewset = "portal.gebruikersbeheer.GroepViewSet"

    def ready(self):
        super().ready()
        from wagtail import hooks

        from portal.gebruikersbeheer import bewaak_gebruikersbulkacties

        hooks.register("before_bulk_action", bewaak_gebruikersbulkacties)


class SuperuserAdminConfig(AdminConfig):
    default_site = "portal.gebruikersbeheer.AlleenSuperusersAdminSite"
