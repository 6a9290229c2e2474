"""Page permissions that Wagtail's tree permissions cannot express."""

import contextlib

from wagtail.models import PagePermissionTester


class HomePagePermissionTester(PagePermissionTester):
    """Page permissions for the home page, plus rights on this page alone.

    ``portal.change_homepage`` lets a user edit (and lock) the home page and
    ``portal.publish_homepage`` publish it, without any right on the pages below it.
    Deleting, unpublishing (which may include all descendants) and privacy settings (which
    apply to all descendants) still need a real tree permission.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        self.boomrechten = set(getattr(self, "permissions", set()))
        if user.is_active and not user.is_superuser:
            if user.has_perm("portal.change_homepage"):
                self.permissions |= {"change", "lock", "unlock"}
            if user.has_perm("portal.publish_homepage"):
                self.permissions.add("publish")

    @contextlib.contextmanager
    def _alleen_boomrechten(self):
        if not hasattr(self, "permissions"):
            yield
            return
        eigen, self.permissions = self.permissions, self.boomrechten
        try:
            yield
        finally:
            self.permissions = eigen

    def can_delete(self, ignore_bulk=False):
        with self._alleen_boomrechten():
            return super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        with self._alleen_boomrechten():
            return super().can_unpublish()

    def can_set_view_restrictions(self):
        with self._alleen_boomrechten():
            return super().can_set_view_restrictions()
