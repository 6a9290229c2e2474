from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo content, demo users, bulk content and the benchmark's pages: all fake data."""

    name = "portal.demo"
    label = "demo"
    verbose_name = _("Demo-inhoud")
