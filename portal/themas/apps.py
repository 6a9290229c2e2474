from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThemasConfig(AppConfig):
    name = "portal.themas"
    label = "themas"
    verbose_name = _("Landelijke thema's")
