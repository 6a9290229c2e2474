"""Who edits which Werkplaats: the regional editors' groups and what they may do.

Each WerkplaatsPage has one editors' group (``Redactie <Werkplaats>``): the group with
``add_page`` on that page. A regional editor changes only the people their Werkplaats manages
(:class:`PersoonPermissionPolicy`). The Associatie's editors and superusers are national
(:func:`is_landelijk`). The groups themselves are made by ``manage.py setup_roles``
(``portal/site/rollen.py``).
"""

from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupPagePermission, Page
from wagtail.permission_policies import ModelPermissionPolicy

from werkplaatsen.models import WerkplaatsPage

ASSOCIATIE_GROEP = "Redactie Associatie"
REDACTIE_PREFIX = "Redactie "


def groep_van(werkplaats):
    """The editors' group of a Werkplaats: the group that may add pages below it."""
    return (
        Group.objects.filter(
            page_permissions__page=werkplaats,
            page_permissions__permission__content_type__app_label="wagtailcore",
            page_permissions__permission__codename="add_page",
        )
        .exclude(name=ASSOCIATIE_GROEP)
        .order_by("pk")
        .first()
    )


def collectie_van(groep):
    """The collection a group uploads to: where it may add images (never the root)."""
    return (
        Collection.objects.filter(
            group_permissions__group=groep,
            group_permissions__permission__codename="add_image",
            depth__gt=1,
        )
        .order_by("path")
        .first()
    )


def werkplaatsen_van(user):
    """The Werkplaatsen whose editors' group ``user`` belongs to."""
    if not user.is_authenticated:
        return WerkplaatsPage.objects.none()
    cache = "_rollen_werkplaats_ids"
    if not hasattr(user, cache):
        ids = set(
            GroupPagePermission.objects.filter(
                group__user=user,
                permission__content_type__app_label="wagtailcore",
                permission__codename="add_page",
                page__content_type__app_label="werkplaatsen",
                page__content_type__model="werkplaatspage",
            )
            .exclude(group__name=ASSOCIATIE_GROEP)
            .values_list("page_id", flat=True)
        )
        setattr(user, cache, ids)
    return WerkplaatsPage.objects.filter(pk__in=getattr(user, cache)).order_by("title")


def is_landelijk(user):
    """Superusers and the Associatie's editors work on national content and all people."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    cache = "_rollen_landelijk"
    if not hasattr(user, cache):
        setattr(user, cache, user.groups.filter(name=ASSOCIATIE_GROEP).exists())
    return getattr(user, cache)


def onder_beoordeling(werkplaats):
    """True when an active workflow applies to the Werkplaats page (assigned to it or above)."""
    return Page.objects.get(pk=werkplaats.pk).get_workflow() is not None


def mag_persoon_beheren(user, lector):
    """May ``user`` change or delete this person (given the model permission)?"""
    if is_landelijk(user):
        return True
    return (
        lector.beheerd_door_id is not None
        and werkplaatsen_van(user).filter(pk=lector.beheerd_door_id).exists()
    )


class PersoonPermissionPolicy(ModelPermissionPolicy):
    """Model permissions for lectoren, narrowed per person for regional editors.

    Everyone with the model permission may add people and choose any person. Changing and
    deleting a person is for the Associatie (and superusers), and for the editors of the
    Werkplaats that manages the person (``beheerd_door``).
    """

    PER_PERSOON = frozenset({"change", "delete"})

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not user.is_active:
            return False
        if user.is_superuser:
            return True
        toegestaan = {action for action in actions if self.user_has_permission(user, action)}
        if toegestaan - self.PER_PERSOON:
            return True
        return bool(toegestaan) and mag_persoon_beheren(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        alle = self.model._default_manager.all()
        if not user.is_active:
            return alle.none()
        if user.is_superuser:
            return alle
        toegestaan = {action for action in actions if self.user_has_permission(user, action)}
        if not toegestaan:
            return alle.none()
        if toegestaan - self.PER_PERSOON or is_landelijk(user):
            return alle
        return alle.filter(beheerd_door__in=werkplaatsen_van(user))
