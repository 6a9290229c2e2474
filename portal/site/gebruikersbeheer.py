"""Managing users and groups in the Wagtail admin without gaining rights.

Wagtail lets anyone with ``auth.change_user`` make users superusers and set any password,
and anyone with ``auth.change_group`` give a group every permission. Here that becomes a
boundary. For a superuser nothing changes. For everyone else:

* Superuser and staff status (staff opens ``/django-admin/``, which is for superusers
  only, see :class:`AlleenSuperusersAdminSite`) are for superusers: a form that tries to set
  them is refused, and the accounts of superusers and staff cannot be edited, deactivated,
  deleted or given a password.
* A right is a model permission, a page permission (which also holds on the pages below),
  a collection permission (likewise) or a site permission of a site setting. A user holds
  the rights of their groups and their own model permissions.
* Groups: a permission may only be added to a group (new or existing) when the acting user
  holds it. Rights the group already has may stay or go. Only a group whose rights the
  acting user holds may be deleted, and no group renamed: roles are known by their group's
  name (portal/site/rollen.py), so a rename or a new group in a deleted one's name would
  hand a role to other people.
* Users: the acting user may give a group to *themself* only when they hold all its rights.
  To *someone else* they may give a group whose rights they hold or are editorial: page
  permissions below a site's root page, permissions on images and documents in a collection
  (on the root collection only "choose"), and model permissions of content (lectoren, the
  home page, images, documents, ...). Administrative rights (users and groups, sites,
  collections, workflows and tasks, site settings, two-step devices, logins) and rights over
  a whole site (page permissions on the root or a site's root page, all images and
  documents) they must hold themselves. So Beheer creates and manages the accounts of
  regional editors, while accounts of the Associatie, whose workflows decide who publishes
  where, and of Wagtail's default groups Editors and Moderators (every page) are made by a
  superuser.
* Another user's account may be managed (edited, given a password, deactivated, deleted)
  only when all its groups and permissions could be given to them by the acting user.

Refusals are a form error or a message on the dashboard, in Dutch, and change nothing.
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms.collections import BaseGroupCollectionMemberPermissionFormSet
from wagtail.contrib.settings.forms import SitePermissionForm
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
)
from wagtail.users.forms import BaseGroupPagePermissionFormSet, UserCreationForm, UserEditForm
from wagtail.users.views import groups, users

# Apps whose model permissions steer who may do what: never editorial.
BEHEER_APPS = frozenset(
    {
        "admin",
        "auth",
        "axes",
        "contenttypes",
        "django_otp",
        "otp_static",
        "otp_totp",
        "sessions",
        "wagtailcore",
        "wagtailusers",
    }
)

# A right: (kind, target, permission id). Targets: None for a model permission, the path of
# a page or collection, the id of a site.
MODEL, PAGINA, COLLECTIE, SITE = "model", "pagina", "collectie", "site"


def rechten_per_groep(groep_ids):
    """{group id: set of rights} for the given groups."""
    rechten = {pk: set() for pk in groep_ids}
    bronnen = [
        (Group.permissions.through.objects, MODEL, None),
        (GroupPagePermission.objects, PAGINA, "page__path"),
        (GroupCollectionPermission.objects, COLLECTIE, "collection__path"),
        (GroupSitePermission.objects, SITE, "site_id"),
    ]
    for manager, soort, doel in bronnen:
        velden = ["group_id", "permission_id", *([doel] if doel else [])]
        for rij in manager.filter(group_id__in=rechten).values_list(*velden):
            rechten[rij[0]].add((soort, rij[2] if doel else None, rij[1]))
    return rechten


def rechten_van_gebruiker(user):
    groep_ids = list(user.groups.values_list("pk", flat=True))
    rechten = set().union(*rechten_per_groep(groep_ids).values())
    eigen = user.user_permissions.values_list("pk", flat=True)
    return rechten | {(MODEL, None, pk) for pk in eigen}


class Houder:
    """The rights of one user, with the tree rule for pages and collections."""

    def __init__(self, user):
        self.user = user
        self.rechten = rechten_van_gebruiker(user)
        self.model = {perm for soort, _doel, perm in self.rechten if soort == MODEL}

    def heeft(self, recht):
        soort, doel, perm = recht
        if self.user.is_superuser or recht in self.rechten:
            return True
        if soort == SITE:
            return perm in self.model
        if soort in (PAGINA, COLLECTIE):
            return any(
                s == soort and p == perm and doel.startswith(pad) for s, pad, p in self.rechten
            )
        return False


def is_redactioneel(recht, permissies, sitepaden):
    """Content rather than administration, and less than a whole site (see the docstring)."""
    soort, doel, perm = recht
    if soort == PAGINA:
        return doel not in sitepaden
    content_type = permissies[perm].content_type
    if soort == COLLECTIE:
        # Collection management (wagtailcore) moves whole subtrees with their rights.
        heel = len(doel) == Collection.steplen and not permissies[perm].codename.startswith(
            "choose_"
        )
        return content_type.app_label not in BEHEER_APPS and not heel
    if soort == SITE:
        return False
    model = content_type.model_class()
    if model is not None and issubclass(model, (BaseSiteSetting, BaseGenericSetting)):
        return False
    return content_type.app_label not in BEHEER_APPS


def permissies_van(rechten):
    ids = {perm for _soort, _doel, perm in rechten}
    return Permission.objects.select_related("content_type").in_bulk(ids)


def ontbrekende_rechten(houder, rechten, redactioneel_mag=False):
    """The rights in ``rechten`` that ``houder`` may not give (sorted, for messages)."""
    ontbreekt = {recht for recht in rechten if not houder.heeft(recht)}
    if ontbreekt and redactioneel_mag:
        permissies = permissies_van(ontbreekt)
        sitepaden = {Page.get_first_root_node().path}
        sitepaden |= set(Site.objects.values_list("root_page__path", flat=True))
        ontbreekt = {
            recht for recht in ontbreekt if not is_redactioneel(recht, permissies, sitepaden)
        }
    return sorted(ontbreekt, key=str)


def beschrijf(rechten):
    """The rights for a message, e.g. "wagtailcore.publish_page op ‘Noord’"."""
    permissies = permissies_van(rechten)
    paginas = dict(
        Page.objects.filter(path__in=[d for s, d, _p in rechten if s == PAGINA]).values_list(
            "path", "title"
        )
    )
    collecties = dict(
        Collection.objects.filter(
            path__in=[d for s, d, _p in rechten if s == COLLECTIE]
        ).values_list("path", "name")
    )
    sites = {site.pk: str(site) for site in Site.objects.all()}
    namen = {PAGINA: paginas, COLLECTIE: collecties, SITE: sites}
    regels = []
    for soort, doel, perm in rechten:
        permissie = permissies[perm]
        naam = f"{permissie.content_type.app_label}.{permissie.codename}"
        if soort == MODEL:
            regels.append(naam)
        else:
            regels.append(
                _("%(recht)s op ‘%(doel)s’") % {"recht": naam, "doel": namen[soort].get(doel, doel)}
            )
    return "; ".join(regels)


# --- Users ------------------------------------------------------------------------------------


def toekenbare_groepen(door, voor):
    """The groups ``door`` may give to the user ``voor`` (None: a new user)."""
    groepen = list(Group.objects.order_by("name"))
    if door.is_superuser:
        return groepen
    houder = Houder(door)
    voor_ander = voor is None or voor.pk != door.pk
    per_groep = rechten_per_groep([groep.pk for groep in groepen])
    return [
        groep
        for groep in groepen
        if not ontbrekende_rechten(houder, per_groep[groep.pk], redactioneel_mag=voor_ander)
    ]


def weigering_voor_account(door, user):
    """Why ``door`` may not manage the account of ``user``, or None if they may."""
    if door.is_superuser or door.pk == user.pk:
        return None
    if user.is_superuser or user.is_staff:
        return _(
            "Het account van %(naam)s heeft volledige beheerrechten; alleen een beheerder "
            "met volledige rechten (superuser) kan het wijzigen of verwijderen."
        ) % {"naam": user.get_username()}
    ontbreekt = ontbrekende_rechten(
        Houder(door), rechten_van_gebruiker(user), redactioneel_mag=True
    )
    if ontbreekt:
        return _(
            "Het account van %(naam)s heeft rechten die u niet kunt toekennen (%(rechten)s); "
            "alleen een beheerder met die rechten kan het wijzigen of verwijderen."
        ) % {"naam": user.get_username(), "rechten": beschrijf(ontbreekt)}
    return None


def weiger(request, bericht):
    messages.error(request, bericht)
    return redirect("wagtailadmin_home")


class GrenzenVanGebruikersformulier:
    """Mixin for Wagtail's user forms: see the module's docstring."""

    ALLEEN_SUPERUSER = ("is_superuser", "is_staff")

    def __init__(self, *args, door=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.door = door
        if door is None or door.is_superuser:
            return
        if "is_superuser" in self.fields:
            veld = self.fields["is_superuser"]
            veld.disabled = True
            veld.help_text = gettext_lazy(
                "Alleen een beheerder met volledige rechten kan dit wijzigen."
            )
        voor = self.instance if self.instance.pk else None
        self.toekenbaar = toekenbare_groepen(door, voor)
        # Validation runs over all groups, so that a group that may not be given gets a
        # message by name; only the groups that may be given are offered.
        self.fields["groups"].widget.choices = [(groep.pk, groep.name) for groep in self.toekenbaar]

    def clean(self):
        cleaned_data = super().clean()
        if self.door is None or self.door.is_superuser:
            return cleaned_data
        for veld in self.ALLEEN_SUPERUSER:
            if veld in self.data:
                self.add_error(
                    None,
                    _(
                        "Alleen een beheerder met volledige rechten (superuser) kan "
                        "beheerders- of stafrechten geven of afnemen."
                    ),
                )
                break
        huidig = set(self.instance.groups.all()) if self.instance.pk else set()
        for groep in set(cleaned_data.get("groups") or ()) - huidig:
            if groep not in self.toekenbaar:
                self.add_error(
                    None,
                    _(
                        "U kunt de groep ‘%(groep)s’ niet toekennen: die geeft rechten die "
                        "u zelf niet hebt."
                    )
                    % {"groep": groep.name},
                )
        return cleaned_data


class GebruikerToevoegenFormulier(GrenzenVanGebruikersformulier, UserCreationForm):
    pass


class GebruikerBewerkenFormulier(GrenzenVanGebruikersformulier, UserEditForm):
    pass


class DoorGebruikerMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "door": self.request.user}


class GebruikerToevoegen(DoorGebruikerMixin, users.CreateView):
    pass


class GebruikerBewerken(DoorGebruikerMixin, users.EditView):
    def dispatch(self, request, *args, **kwargs):
        bericht = weigering_voor_account(request.user, self.object)
        if bericht:
            return weiger(request, bericht)
        return super().dispatch(request, *args, **kwargs)


class GebruikerVerwijderen(users.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        bericht = weigering_voor_account(request.user, self.get_object())
        if bericht:
            return weiger(request, bericht)
        return super().dispatch(request, *args, **kwargs)


class GebruikerViewSet(users.UserViewSet):
    # Wagtail's copy view for users saves into the account it copies from, without the
    # checks of the add and edit views.
    copy_view_enabled = False
    add_view_class = GebruikerToevoegen
    edit_view_class = GebruikerBewerken
    delete_view_class = GebruikerVerwijderen

    def get_form_class(self, for_update=False):
        if for_update:
            return GebruikerBewerkenFormulier
        return GebruikerToevoegenFormulier


def bewaak_gebruikersbulkacties(request, action_type, objects, action):
    """``before_bulk_action``: assign role, (de)activate and delete only manageable accounts."""
    if action.model is not get_user_model() or request.user.is_superuser:
        return None
    _objects, buiten_bereik = action.get_actionable_objects()
    for user in [*objects, *(user for lijst in buiten_bereik.values() for user in lijst)]:
        bericht = weigering_voor_account(request.user, user)
        if bericht:
            return weiger(request, bericht)
    if action_type == "assign_role":
        groep = action.cleaned_form.cleaned_data["role"]
        for user in objects:
            if groep not in toekenbare_groepen(request.user, user):
                return weiger(
                    request,
                    _(
                        "U kunt de groep ‘%(groep)s’ niet toekennen aan %(naam)s: die geeft "
                        "rechten die u zelf niet hebt."
                    )
                    % {"groep": groep.name, "naam": user.get_username()},
                )
    return None


# --- Groups -----------------------------------------------------------------------------------


def rechten_uit_formulieren(form, panelen):
    """The rights a group would have after saving the group form and its permission panels.

    Returns (rights, unknown panels that were changed).
    """
    rechten = {(MODEL, None, perm.pk) for perm in form.cleaned_data.get("permissions", ())}
    onbekend = []
    for paneel in panelen:
        if isinstance(
            paneel, BaseGroupPagePermissionFormSet | BaseGroupCollectionMemberPermissionFormSet
        ):
            veld, soort = (
                ("page", PAGINA)
                if isinstance(paneel, BaseGroupPagePermissionFormSet)
                else ("collection", COLLECTIE)
            )
            for formulier in paneel.forms:
                if formulier in paneel.deleted_forms or veld not in formulier.cleaned_data:
                    continue
                doel = formulier.cleaned_data[veld].path
                rechten |= {
                    (soort, doel, perm.pk) for perm in formulier.cleaned_data["permissions"]
                }
        elif isinstance(paneel, SitePermissionForm):
            rechten |= {
                (SITE, site.pk, paneel.permission.pk) for site in paneel.cleaned_data["sites"]
            }
        elif paneel.has_changed():
            onbekend.append(paneel)
    return rechten, onbekend


def hernoemt(groep, naam):
    """Would saving give this existing group another name? (The form has already put the new
    name on the instance, so ask the database.) Role groups are known by their names."""
    oud = Group.objects.filter(pk=groep.pk).values_list("name", flat=True).first()
    return oud is not None and naam != oud


class GrenzenVanGroepsrechten:
    """Mixin for the group create and edit views: add only permissions one holds."""

    def is_valid(self, form):
        if not super().is_valid(form):
            return False
        door = self.request.user
        if door.is_superuser:
            return True
        voorgesteld, onbekend = rechten_uit_formulieren(form, self.permission_panel_forms)
        huidig = rechten_per_groep([self.object.pk])[self.object.pk] if self.object.pk else set()
        ontbreekt = ontbrekende_rechten(Houder(door), voorgesteld - huidig)
        if ontbreekt:
            form.add_error(
                None,
                _("U kunt een groep alleen rechten geven die u zelf hebt. Niet: %(rechten)s.")
                % {"rechten": beschrijf(ontbreekt)},
            )
        if onbekend:
            form.add_error(
                None, _("Alleen een beheerder met volledige rechten kan deze rechten wijzigen.")
            )
        hernoemd = hernoemt(self.object, form.cleaned_data.get("name"))
        if hernoemd:
            form.add_error(
                None, _("Alleen een beheerder met volledige rechten kan een groep hernoemen.")
            )
        if ontbreekt or onbekend or hernoemd:
            self.produced_error_message = self.get_error_message()
            return False
        return True


class GroepToevoegen(GrenzenVanGroepsrechten, groups.CreateView):
    pass


class GroepBewerken(GrenzenVanGroepsrechten, groups.EditView):
    pass


class GroepVerwijderen(groups.DeleteView):
    """Deleting a group takes a role away; only with all its rights (or as a superuser)."""

    def dispatch(self, request, *args, **kwargs):
        groep = self.get_object()
        if not request.user.is_superuser:
            ontbreekt = ontbrekende_rechten(
                Houder(request.user), rechten_per_groep([groep.pk])[groep.pk]
            )
            if ontbreekt:
                return weiger(
                    request,
                    _(
                        "U kunt de groep ‘%(groep)s’ niet verwijderen: die heeft rechten die u "
                        "zelf niet hebt."
                    )
                    % {"groep": groep.name},
                )
        return super().dispatch(request, *args, **kwargs)


class GroepViewSet(groups.GroupViewSet):
    add_view_class = GroepToevoegen
    edit_view_class = GroepBewerken
    delete_view_class = GroepVerwijderen


# --- Django's admin ---------------------------------------------------------------------------


class AlleenSuperusersAdminSite(admin.AdminSite):
    """Django's admin sets every flag and permission without the checks above: superusers only."""

    def has_permission(self, request):
        return request.user.is_active and request.user.is_superuser
