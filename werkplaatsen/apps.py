from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WerkplaatsenConfig(AppConfig):
    name = "werkplaatsen"
    verbose_name = _("Werkplaatsen")

    def ready(self):
        from wagtail.signals import post_page_move

        from werkplaatsen import contributions  # noqa: F401  (registers page context)
        from werkplaatsen.signal_handlers import herkomst_bijwerken_na_verplaatsen

        post_page_move.connect(
            herkomst_bijwerken_na_verplaatsen, dispatch_uid="werkplaatsen-herkomst-na-verplaatsen"
        )
