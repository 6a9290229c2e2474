"""The registrations in the admin: a read-only listing per event with CSV and Excel export,
and a button to it on the event's edit page. Who sees what: agenda/rechten.py."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permissions import policy_registry, register_permission_policy

from agenda.models import Aanmelding, AanmeldStatus, EvenementPage
from agenda.rechten import AanmeldingPermissionPolicy

register_permission_policy(Aanmelding, AanmeldingPermissionPolicy(Aanmelding))

FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def zonder_formule(waarde):
    """Text typed by visitors, for a spreadsheet: never read as a formula (CSV injection)."""
    tekst = str(waarde)
    return f"'{tekst}" if tekst.startswith(FORMULE_TEKENS) else tekst


def zichtbaar(user):
    return policy_registry.get_by_type(Aanmelding).instances_user_has_any_permission_for(
        user, ["view"]
    )


def evenementen_met_aanmeldingen(request):
    if request is None:
        return EvenementPage.objects.none()
    ids = zichtbaar(request.user).values("evenement_id")
    return EvenementPage.objects.filter(pk__in=ids).order_by("-start", "pk")


class AanmeldingFilterSet(WagtailFilterSet):
    evenement = django_filters.ModelChoiceFilter(
        label=_("evenement"), queryset=evenementen_met_aanmeldingen
    )
    status = django_filters.ChoiceFilter(label=_("status"), choices=AanmeldStatus.choices)

    class Meta:
        model = Aanmelding
        fields = ["evenement", "status"]


class AanmeldingIndexView(IndexView):
    custom_field_preprocess = {
        veld: {"csv": zonder_formule, "xlsx": zonder_formule}
        for veld in ("naam", "email", "organisatie", "opmerkingen")
    }

    def get_base_queryset(self):
        return (
            zichtbaar(self.request.user)
            .select_related("evenement")
            .order_by("evenement__start", "evenement_id", "status", "aangemeld_op", "pk")
        )


class AanmeldingInspectView(InspectView):
    def get_object(self, queryset=None):
        aanmelding = super().get_object(queryset)
        if not self.user_has_permission_for_instance("view", aanmelding):
            raise PermissionDenied
        return aanmelding


class AanmeldingViewSet(ModelViewSet):
    model = Aanmelding
    icon = "group"
    menu_label = _("Aanmeldingen")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = AanmeldingIndexView
    inspect_view_class = AanmeldingInspectView
    filterset_class = AanmeldingFilterSet
    list_display = ["naam", "organisatie", "evenement", "status", "aangemeld_op"]
    inspect_view_fields = [
        "evenement",
        "naam",
        "email",
        "organisatie",
        "opmerkingen",
        "status",
        "aangemeld_op",
        "doorgeschoven_op",
    ]
    list_export = [
        "evenement.title",
        "naam",
        "email",
        "organisatie",
        "opmerkingen",
        "get_status_display",
        "aangemeld_op",
    ]
    export_headings = {"evenement.title": _("Evenement"), "get_status_display": _("Status")}
    export_filename = "aanmeldingen"
    search_fields = ["naam", "email", "organisatie"]
    search_backend_name = None
    form_fields = ["naam", "email", "organisatie", "opmerkingen"]


aanmeldingen = AanmeldingViewSet("aanmeldingen")


@hooks.register("register_admin_viewset")
def registreer_aanmeldingen():
    return aanmeldingen


@hooks.register("register_page_header_buttons")
def knop_aanmeldingen(page, user, view_name, next_url=None):
    """On an event with registration: a button to its registrations, for those who may see them."""
    klasse = page.specific_class
    if klasse is None or not issubclass(klasse, EvenementPage):
        return
    evenement = page.specific_deferred
    if not evenement.aanmelden and not evenement.aanmeldingen.exists():
        return
    if not policy_registry.get_by_type(Aanmelding).mag_evenement_zien(user, evenement):
        return
    url = reverse(aanmeldingen.get_url_name("index")) + "?" + urlencode({"evenement": page.pk})
    yield Button(_("Aanmeldingen"), url=url, icon_name="group", priority=70)
