from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaginacacheConfig(AppConfig):
    name = "portal.site.paginacache"
    label = "paginacache"
    verbose_name = _("Paginacache")

    def ready(self):
        # Connected in every process (app servers, management commands, the scheduler), so an
        # editor's change made anywhere invalidates the pages that every app server caches.
        from portal.site.paginacache import signalen  # noqa: F401
