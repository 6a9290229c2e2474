"""Admin comfort: a dashboard panel for the editors of a Werkplaats; two-step verification."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from portal import bijlagen, openbaar, tweestaps
from werkplaatsen import rollen

CONCEPTEN = 10
RECENT = 8


class WerkplaatsPanel(Component):
    """The editor's own Werkplaats: its pages, drafts, recent changes and quick links."""

    name = "werkplaats_redactie"
    order = 50
    template_name = "portal/admin/werkplaats_panel.html"

    def __init__(self, werkplaatsen):
        self.werkplaatsen = werkplaatsen

    def get_context_data(self, parent_context):
        return {
            "regios": [self.regio(werkplaats) for werkplaats in self.werkplaatsen],
            "request": parent_context.get("request"),
        }

    def regio(self, werkplaats):
        from agenda.models import EvenementPage
        from kennisbank.models import ProductPage
        from werkplaatsen.models import KennisagendaPage, LeeratelierPage

        paginas = Page.objects.descendant_of(werkplaats, inclusive=True)
        onderdelen = [
            (ProductPage, "kennisbank", "productpage"),
            (EvenementPage, "agenda", "evenementpage"),
            (LeeratelierPage, "werkplaatsen", "leeratelierpage"),
            (KennisagendaPage, "werkplaatsen", "kennisagendapage"),
        ]
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
            "onder_beoordeling": rollen.onder_beoordeling(werkplaats),
            "verkenner_url": reverse("wagtailadmin_explore", args=[werkplaats.pk]),
            "bewerk_url": reverse("wagtailadmin_pages:edit", args=[werkplaats.pk]),
            "aantallen": [
                (model._meta.verbose_name_plural, paginas.type(model).count())
                for model, _app, _naam in onderdelen
            ],
            "concepten": concepten,
            "recent": list(
                paginas.exclude(latest_revision_created_at=None)
                .order_by("-latest_revision_created_at", "-pk")
                .select_related("latest_revision__user")
                .specific(defer=True)[:RECENT]
            ),
            "nieuw": {
                naam: reverse("wagtailadmin_pages:add", args=(app, naam, werkplaats.pk))
                for _model, app, naam in onderdelen
            },
            "afbeelding_url": reverse("wagtailimages:add_multiple"),
            "document_url": reverse("wagtaildocs:add_multiple"),
            "lector_url": reverse("wagtailsnippets_werkplaatsen_lector:add"),
        }


@hooks.register("construct_homepage_panels")
def werkplaats_op_het_dashboard(request, panels):
    werkplaatsen = list(rollen.werkplaatsen_van(request.user))
    if werkplaatsen:
        panels.append(WerkplaatsPanel(werkplaatsen))


@hooks.register("register_admin_urls")
def tweestaps_urls():
    return [
        path("tweestaps/", tweestaps.overzicht, name="tweestaps_overzicht"),
        path("tweestaps/instellen/", tweestaps.instellen, name="tweestaps_instellen"),
        path("tweestaps/uitzetten/", tweestaps.uitzetten, name="tweestaps_uitzetten"),
        path("tweestaps/code/", tweestaps.verifieren, name="tweestaps_verifieren"),
    ]


@hooks.register("register_account_menu_item")
def tweestaps_in_het_account(request):
    return {
        "url": reverse("tweestaps_overzicht"),
        "label": _("Tweestapsverificatie"),
        "help_text": _("Log in met uw wachtwoord én een code uit een app op uw telefoon."),
    }


@hooks.register("before_serve_document")
def document_volgt_zijn_paginas(document, request):
    """A document is served only to whoever may see a page that uses it (portal/bijlagen.py)."""
    return bijlagen.voor_document(document, request)


# An expired page, or one below an unpublished or expired page, is not served (portal/openbaar.py).
hooks.register("before_serve_page", openbaar.weiger_verborgen_pagina)
