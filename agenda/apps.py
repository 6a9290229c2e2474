from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Agenda")

    def ready(self):
        from agenda import contributions  # noqa: F401  (registers page context)
        from agenda.signal_handlers import verbind_signalen

        verbind_signalen()
