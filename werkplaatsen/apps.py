from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WerkplaatsenConfig(AppConfig):
    name = "werkplaatsen"
    verbose_name = _("Werkplaatsen")

    def ready(self):
        from werkplaatsen import signal_handlers  # noqa: F401
