"""Site-wide admin hooks: two-step verification, attachments, protected start pages, home-page
permissions."""

from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import GroupPagePermission

from portal.basis import openbaar
from portal.site import bijlagen, tweestaps
from portal.site.models import HomePage
from werkplaatsen.models import WerkplaatsPage


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
    """A document is served only to whoever may see a page that uses it (site/bijlagen.py)."""
    return bijlagen.voor_document(document, request)


# An expired page, or one below an unpublished or expired page, is not served
# (portal/basis/openbaar.py).
hooks.register("before_serve_page", openbaar.weiger_verborgen_pagina)


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


@hooks.register("register_page_listing_more_buttons", order=-1)
def siteroots_eenmaal_per_verzoek(page, user, next_url=None):
    """Wagtail's "view live" button of every listed page asks ``page.url``, which without a
    request looks up the site root paths in the cache (Redis) once per page: 50 round trips per
    explorer or search page. Runs before Wagtail's buttons and gives each page the copy kept on
    ``user``, an object of this request. Adds no button."""
    page._wagtail_cached_site_root_paths = page._get_site_root_paths(user)
    return []
