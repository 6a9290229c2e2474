"""Who sees the registrations for events, in the admin and in its CSV/Excel export.

Registrations hold personal data, so the admin only reads and exports them (no adding or
editing there): the policy grants ``view`` and nothing else. ``setup_roles``
(portal/site/rollen.py) gives

* the Associatie's editors and Beheer ``agenda.view_alle_aanmeldingen``: every event;
* each Werkplaats's editors ``agenda.view_aanmelding``: the events of their own Werkplaats
  (``EvenementPage.werkplaats``, derived from the tree, so leerateliers included).

National events (under /agenda/) belong to no Werkplaats: only national staff see those.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from werkplaatsen.rechten import werkplaatsen_van

ALLE = "agenda.view_alle_aanmeldingen"


def ziet_alle_aanmeldingen(user):
    return user.is_active and (user.is_superuser or user.has_perm(ALLE))


class AanmeldingPermissionPolicy(ModelPermissionPolicy):
    ACTIES = frozenset({"view"})

    def user_has_permission(self, user, action):
        return action in self.ACTIES and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return "view" in actions and self.mag_evenement_zien(user, instance.evenement)

    def instances_user_has_any_permission_for(self, user, actions):
        alle = self.model._default_manager.all()
        if not self.user_has_any_permission(user, actions):
            return alle.none()
        if ziet_alle_aanmeldingen(user):
            return alle
        return alle.filter(evenement__werkplaats__in=werkplaatsen_van(user))

    def mag_evenement_zien(self, user, evenement):
        """May ``user`` see the registrations of this event (there may be none yet)?"""
        if not self.user_has_permission(user, "view"):
            return False
        if ziet_alle_aanmeldingen(user):
            return True
        werkplaats_id = evenement.werkplaats_id
        return (
            werkplaats_id is not None and werkplaatsen_van(user).filter(pk=werkplaats_id).exists()
        )
