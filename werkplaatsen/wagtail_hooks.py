"""Admin integration of the roles: lectoren per Werkplaats, protected pages, workflows, and
which pages a regional editor sees in choosers, bulk actions and reports.

See werkplaatsen/rollen.py for who may do what and why, and werkplaatsen/zichtbaarheid.py for
what an editor sees.
"""

from django import forms
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)
from wagtail.models import GroupPagePermission
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView, IndexView, SnippetViewSet

from portal.models import HomePage
from werkplaatsen import rollen, zichtbaarheid
from werkplaatsen.models import Lector, WerkplaatsPage

# Registered before the viewset, so that every admin view for lectoren uses it.
register_permission_policy(Lector, rollen.LectorPermissionPolicy(Lector))
rollen.verbind_signalen()


class LectorForm(WagtailAdminModelForm):
    """A regional editor keeps people with their own Werkplaats ("beheerd door")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        veld = self.fields.get("beheerd_door")
        gebruiker = self.for_user
        if veld is None or gebruiker is None or rollen.is_landelijk(gebruiker):
            return
        eigen = list(rollen.werkplaatsen_van(gebruiker))
        veld.widget = forms.Select()
        veld.queryset = rollen.werkplaatsen_van(gebruiker)
        veld.empty_label = None
        veld.required = True
        veld.help_text = _(
            "Je Werkplaats houdt dit profiel bij. Profielen van andere Werkplaatsen en van de "
            "Associatie kun je kiezen, maar niet wijzigen."
        )
        if len(eigen) == 1:
            veld.disabled = True
            if not self.instance.pk:
                self.initial["beheerd_door"] = eigen[0].pk


class LectorIndexView(IndexView):
    """Edit, copy and delete links only for the people the user may change."""

    def get_edit_url(self, instance):
        if self.user_has_permission_for_instance("change", instance):
            return super().get_edit_url(instance)
        return None

    def get_copy_url(self, instance):
        if self.user_has_permission_for_instance("change", instance):
            return super().get_copy_url(instance)
        return None

    def get_delete_url(self, instance):
        if self.user_has_permission_for_instance("delete", instance):
            return super().get_delete_url(instance)
        return None


class LectorEditView(EditView):
    def dispatch(self, request, *args, **kwargs):
        # Wagtail's generic edit view checks the model permission only.
        if not self.user_has_permission_for_instance("change", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class LectorDeleteView(DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance("delete", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class LectorViewSet(SnippetViewSet):
    model = Lector
    icon = "user"
    menu_label = _("Lectoren")
    menu_name = "lectoren"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["naam", "lectoraat", "hogeschool", "beheerd_door"]
    list_filter = ["beheerd_door"]
    index_view_class = LectorIndexView
    edit_view_class = LectorEditView
    delete_view_class = LectorDeleteView
    edit_handler = ObjectList(Lector.panels, base_form_class=LectorForm)


register_snippet(LectorViewSet)


def is_rechtenanker(page):
    """Pages on which a role's permissions hang: deleting one would orphan an editors' group."""
    specifiek = page.specific_class
    if specifiek is not None and issubclass(specifiek, HomePage | WerkplaatsPage):
        return True
    return GroupPagePermission.objects.filter(page=page).exists()


def weiger_verwijderen(request, pagina):
    messages.error(
        request,
        _(
            "'%(titel)s' is het startpunt van een redactie en kan alleen door een beheerder "
            "van de site worden verwijderd."
        )
        % {"titel": pagina.get_admin_display_title()},
    )
    return redirect("wagtailadmin_explore", pagina.get_parent().pk)


@hooks.register("before_delete_page")
def bescherm_startpaginas(request, page):
    if not request.user.is_superuser and is_rechtenanker(page):
        return weiger_verwijderen(request, page)
    return None


@hooks.register("before_bulk_action")
def bescherm_startpaginas_bij_bulkacties(request, action_type, objects, action_class_instance):
    if action_type != "delete" or request.user.is_superuser:
        return None
    for pagina in objects:
        if hasattr(pagina, "specific_class") and is_rechtenanker(pagina):
            return weiger_verwijderen(request, pagina)
    return None


@hooks.register("register_permissions")
def homepage_rechten():
    """Show the home page permissions of the Associatie in the group editor."""
    return Permission.objects.filter(
        content_type__app_label="portal",
        codename__in=["change_homepage", "publish_homepage"],
    )


# --- What a regional editor sees outside their own Werkplaats (see zichtbaarheid.py) -----------


@hooks.register("construct_page_chooser_queryset")
def zichtbaar_in_paginakiezer(pages, request):
    """Browse and search of every page chooser, the rich-text "link to page" included."""
    ouder = (request.resolver_match.kwargs if request.resolver_match else {}).get("parent_page_id")
    # Browsing shows the parent page's title too, and its id comes from the URL.
    if ouder is not None and not zichtbaarheid.mag_zien(request.user, ouder):
        raise Http404
    return zichtbaarheid.beperk(pages, request.user)


class ZichtbareBulkactie:
    """Pages the user may not act on are listed by title only when the user may see them."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        geweigerd = extra["items_with_no_access"]
        if geweigerd and not rollen.is_landelijk(self.request.user):
            zichtbaar = set(
                zichtbaarheid.beperk(
                    self.model.objects.filter(pk__in=[p.pk for p in geweigerd]), self.request.user
                ).values_list("pk", flat=True)
            )
            extra["items_with_no_access"] = [p for p in geweigerd if p.pk in zichtbaar]
        return objects, extra


# Registered after Wagtail's own page bulk actions (order), so these replace them.
for _actie in (DeleteBulkAction, MoveBulkAction, PublishBulkAction, UnpublishBulkAction):
    hooks.register(
        "register_bulk_action", type(_actie.__name__, (ZichtbareBulkactie, _actie), {}), order=1
    )


@hooks.register("construct_reports_menu")
def paginatypen_alleen_landelijk(request, menu_items):
    if not rollen.is_landelijk(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]
