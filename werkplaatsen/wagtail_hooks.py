"""Admin integration of the roles: lectoren per Werkplaats, protected pages, workflows.

See werkplaatsen/rollen.py for who may do what and why.
"""

from django import forms
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.models import GroupPagePermission
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView, IndexView, SnippetViewSet

from portal.models import HomePage
from werkplaatsen import rollen
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
