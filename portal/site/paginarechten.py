"""Page permissions that Wagtail's tree permissions cannot express."""

import contextlib
import posixpath

from django.db.models import Q
from wagtail.models import PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy


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


def _kleinste_deelbomen(paden):
    """The paths of ``paden`` that lie below none of the others (each subtree once)."""
    gehouden = []
    for pad in sorted(set(paden)):
        # In sorted order a path comes right after the paths of its ancestors in the set.
        if not gehouden or not pad.startswith(gehouden[-1]):
            gehouden.append(pad)
    return gehouden


class PaginaPermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permission policy, with one condition per subtree instead of per row.

    Wagtail ORs one branch into the query for every GroupPagePermission row of the user (its
    issues 14593 and 6807): a regional editor's five rights on their Werkplaats give ten
    identical branches, which PostgreSQL can only test row by row over the whole page table, in
    the explorer, the choosers and the search. Here every subtree and every ancestor path appears
    once, so the path index answers; the pages returned are the same as Wagtail's.
    """

    VERKENNEN = frozenset({"add", "change", "publish", "lock", "unlock", "bulk_delete"})

    def _voorwaarde(self, user, actions):
        """Q for the pages on which ``user`` has any of ``actions`` (not superuser/inactive)."""
        codenames = self._get_permission_codenames(actions)
        toevoegen = self._get_permission_codename("add")
        alleen_eigen = "add" not in actions and "change" in actions
        heel, eigen = [], []
        for perm in self.get_cached_permissions_for_user(user):
            codename = perm.permission.codename
            if alleen_eigen and codename == toevoegen:
                eigen.append(perm.page.path)
            elif codename in codenames:
                heel.append(perm.page.path)
        heel = _kleinste_deelbomen(heel)
        voorwaarde = Q(pk__in=[])
        for pad in heel:
            voorwaarde |= Q(path__startswith=pad)
        for pad in _kleinste_deelbomen(eigen):
            if not any(pad.startswith(boven) for boven in heel):
                voorwaarde |= Q(path__startswith=pad, owner=user)
        return voorwaarde

    def instances_user_has_any_permission_for(self, user, actions):
        basis = self._base_queryset_for_user(user)
        if basis is not None:
            return basis
        return self.model._default_manager.filter(self._voorwaarde(user, actions))

    def explorable_instances(self, user):
        basis = self._base_queryset_for_user(user)
        if basis is not None:
            return basis
        paden = {perm.page.path for perm in self.get_cached_permissions_for_user(user)}
        if not paden:
            return self.model._default_manager.none()
        stap = self.model.steplen
        voorouders = {pad[:eind] for pad in paden for eind in range(stap, len(pad), stap)}
        # Wagtail's first common ancestor of the pages' parents; the root if they share none.
        gemeen = posixpath.commonprefix([pad[:-stap] for pad in paden])
        gemeen = gemeen[: len(gemeen) - len(gemeen) % stap] or self.model.get_first_root_node().path
        voorwaarde = self._voorwaarde(user, self.VERKENNEN) | Q(path__in=sorted(voorouders))
        return self.model._default_manager.filter(voorwaarde, path__startswith=gemeen)
