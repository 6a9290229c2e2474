"""The newsletter in the admin: a "Versturen" button on a newsletter and its sending view."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets import Button

from portal.volgen import nieuwsbrief
from portal.volgen.models import NieuwsbriefPage

VERSTUURRECHT = "volgen.verstuur_nieuwsbrief"


@hooks.register("register_admin_urls")
def nieuwsbrief_urls():
    return [
        path(
            "volgen/nieuwsbrief/<int:pk>/versturen/",
            versturen,
            name="volgen_nieuwsbrief_versturen",
        )
    ]


@hooks.register("register_page_header_buttons")
def verstuurknop(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, NieuwsbriefPage) and user.has_perm(VERSTUURRECHT):
        yield Button(
            _("Versturen"),
            reverse("volgen_nieuwsbrief_versturen", args=[page.pk]),
            icon_name="mail",
            priority=40,
        )


def versturen(request, pk):
    """Confirm and send: a test to the editor's own address, or the newsletter to everyone."""
    if not request.user.has_perm(VERSTUURRECHT):
        raise PermissionDenied
    pagina = get_object_or_404(NieuwsbriefPage, pk=pk)
    if request.method == "POST":
        if request.POST.get("actie") == "test":
            _test(request, pagina)
        else:
            _alles(request, pagina)
        return redirect("volgen_nieuwsbrief_versturen", pk=pagina.pk)
    context = {
        "pagina": pagina,
        "abonnees": nieuwsbrief.abonnees().count(),
        "verzending": getattr(pagina, "verzending", None),
    }
    return TemplateResponse(request, "volgen/admin/versturen.html", context)


def _test(request, pagina):
    if not request.user.email:
        messages.error(request, _("Uw account heeft geen e-mailadres voor de testmail."))
        return
    nieuwsbrief.verstuur_test(pagina, request.user.email)
    messages.success(
        request, _("Testmail verstuurd naar %(email)s.") % {"email": request.user.email}
    )


def _alles(request, pagina):
    if not pagina.live:
        messages.error(
            request,
            _("Publiceer de nieuwsbrief eerst; alleen de gepubliceerde versie wordt verstuurd."),
        )
        return
    verzending, nieuw = nieuwsbrief.start(pagina, request.user)
    if not nieuw and verzending.voltooid_op:
        messages.warning(
            request, _("Deze nieuwsbrief is al verstuurd; niemand krijgt hem twee keer.")
        )
        return
    aantal = nieuwsbrief.verstuur(verzending)
    messages.success(
        request, _("De nieuwsbrief is verstuurd aan %(aantal)d abonnee(s).") % {"aantal": aantal}
    )
