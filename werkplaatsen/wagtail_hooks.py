"""Admin integration of the roles: lectoren per Werkplaats, protected pages, workflows, and
which pages a regional editor sees in choosers, bulk actions and reports.

See portal/site/rechten.py for who may do what and why, and werkplaatsen/zichtbaarheid.py for
what an editor sees.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView, IndexView, SnippetViewSet

from werkplaatsen import rechten, zichtbaarheid
from werkplaatsen.models import Persoon, WerkplaatsPage

# Registered before the viewset, so that every admin view for lectoren uses it.
register_permission_policy(Persoon, rechten.PersoonPermissionPolicy(Persoon))


class PersoonForm(WagtailAdminModelForm):
    """A regional editor keeps people with their own Werkplaats ("beheerd door")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        veld = self.fields.get("beheerd_door")
        gebruiker = self.for_user
        if veld is None or gebruiker is None or rechten.is_landelijk(gebruiker):
            return
        eigen = list(rechten.werkplaatsen_van(gebruiker))
        veld.widget = forms.Select()
        veld.queryset = rechten.werkplaatsen_van(gebruiker)
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


class PersoonIndexView(IndexView):
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


class PersoonEditView(EditView):
    def dispatch(self, request, *args, **kwargs):
        # Wagtail's generic edit view checks the model permission only.
        if not self.user_has_permission_for_instance("change", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PersoonDeleteView(DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance("delete", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PersoonViewSet(SnippetViewSet):
    model = Persoon
    icon = "user"
    menu_label = _("Personen")
    menu_name = "lectoren"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["naam", "lectoraat", "hogeschool", "beheerd_door"]
    list_filter = ["beheerd_door"]
    index_view_class = PersoonIndexView
    edit_view_class = PersoonEditView
    delete_view_class = PersoonDeleteView
    edit_handler = ObjectList(Persoon.panels, base_form_class=PersoonForm)


register_snippet(PersoonViewSet)


# --- What a regional editor sees outside their own Werkplaats (see zichtbaarheid.py) -----------


@hooks.register("construct_page_chooser_queryset")
def zichtbaar_in_paginakiezer(pages, request):
    """Browse and search of every page chooser, the rich-text "link to page" included."""
    ouder = (request.resolver_match.kwargs if request.resolver_match else {}).get("parent_page_id")
    # Browsing shows the parent page's title too, and its id comes from the URL.
    if ouder is not None and not zichtbaarheid.mag_zien(request.user, ouder):
        raise Http404
    # The status column of every row asks for a scheduled revision and a running workflow, the
    # title column for the parent: without these, three queries per row.
    pages = met_ouders(pages.annotate_approved_schedule().prefetch_workflow_states())
    return zichtbaarheid.beperk(pages, request.user)


def met_ouders(pages):
    """``pages``, each page fetched with its parent, in one query for all of them (treebeard's
    ``get_parent`` asks one per page). Browsing only: the chooser's search makes its own
    specific() queryset after the hooks, and looks the parents up per result (at most 25)."""

    class MetOuders(pages._iterable_class):
        def __iter__(self):
            rijen = list(super().__iter__())
            paden = {rij.path[: -Page.steplen] for rij in rijen if rij.depth > 1}
            ouders = Page.objects.in_bulk(paden, field_name="path")
            for rij in rijen:
                if rij.path[: -Page.steplen] in ouders:
                    rij._cached_parent_obj = ouders[rij.path[: -Page.steplen]]
            yield from rijen

    pages = pages.all()
    pages._iterable_class = MetOuders
    return pages


class ZichtbareBulkactie:
    """Pages the user may not act on are listed by title only when the user may see them."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        geweigerd = extra["items_with_no_access"]
        if geweigerd and not rechten.is_landelijk(self.request.user):
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
    if not rechten.is_landelijk(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


# --- The regional editors' dashboard ---------------------------------------------------------

CONCEPTEN = 10
RECENT = 8


class WerkplaatsPanel(Component):
    """The editor's own Werkplaats: its pages, drafts, recent changes and quick links."""

    name = "werkplaats_redactie"
    order = 50
    template_name = "werkplaatsen/admin/werkplaats_panel.html"

    def __init__(self, werkplaatsen):
        self.werkplaatsen = werkplaatsen

    def get_context_data(self, parent_context):
        return {
            "regios": [self.regio(werkplaats) for werkplaats in self.werkplaatsen],
            "request": parent_context.get("request"),
        }

    def regio(self, werkplaats):
        paginas = Page.objects.descendant_of(werkplaats, inclusive=True)
        onderdelen = WerkplaatsPage.allowed_subpage_models()
        concepten = list(
            paginas.filter(has_unpublished_changes=True)
            .order_by("-latest_revision_created_at", "-pk")
            .select_related("latest_revision__user")
            .specific(defer=True)[:CONCEPTEN]
        )
        for pagina in concepten:
            pagina.in_beoordeling = pagina.workflow_in_progress
        return {
            "werkplaats": werkplaats,
            "onder_beoordeling": rechten.onder_beoordeling(werkplaats),
            "verkenner_url": reverse("wagtailadmin_explore", args=[werkplaats.pk]),
            "bewerk_url": reverse("wagtailadmin_pages:edit", args=[werkplaats.pk]),
            "aantallen": [
                (model._meta.verbose_name_plural, paginas.type(model).count())
                for model in onderdelen
            ],
            "concepten": concepten,
            "recent": list(
                paginas.exclude(latest_revision_created_at=None)
                .order_by("-latest_revision_created_at", "-pk")
                .select_related("latest_revision__user")
                .specific(defer=True)[:RECENT]
            ),
            "nieuw": [
                (
                    model._meta.verbose_name,
                    reverse(
                        "wagtailadmin_pages:add",
                        args=(model._meta.app_label, model._meta.model_name, werkplaats.pk),
                    ),
                )
                for model in onderdelen
            ],
            "afbeelding_url": reverse("wagtailimages:add_multiple"),
            "document_url": reverse("wagtaildocs:add_multiple"),
            "persoon_url": reverse("wagtailsnippets_werkplaatsen_persoon:add"),
        }


@hooks.register("construct_homepage_panels")
def werkplaats_op_het_dashboard(request, panels):
    werkplaatsen = list(rechten.werkplaatsen_van(request.user))
    if werkplaatsen:
        panels.append(WerkplaatsPanel(werkplaatsen))
