from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KennisbankConfig(AppConfig):
    name = "kennisbank"
    verbose_name = _("Kennisbank")

    def ready(self):
        from kennisbank import contributions  # noqa: F401  (registers page context)
        from kennisbank.oai import signal_handlers

        signal_handlers.connect()
