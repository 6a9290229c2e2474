from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolgenConfig(AppConfig):
    name = "portal.volgen"
    label = "volgen"
    verbose_name = _("Volgen: attenderingen en nieuwsbrief")
