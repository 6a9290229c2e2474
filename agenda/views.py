"""Registering for an event and cancelling, for visitors (no account, no JavaScript).

The form is on the event page and posts here; an invalid or refused submission shows the event
page again with the messages. After a registration the visitor is sent to a page with its
outcome, named by a short-lived signed token; the mail holds a signed link to cancel. None of
these responses goes into the page cache (``never_cache``): they are about one person.
"""

from django.core import signing
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from agenda.forms import AanmeldForm
from agenda.inschrijving import AanmeldingGeweigerd, meld_aan, meld_af
from agenda.mails import stuur_bevestiging, stuur_doorgeschoven, verstuur
from agenda.models import Aanmelding, EvenementPage
from portal.basis.openbaar import openbaar

ONTVANGEN_SALT = "agenda.aanmelding.ontvangen"
ONTVANGEN_GELDIG = 60 * 60  # seconds


def _evenement(evenement_id):
    return get_object_or_404(openbaar(EvenementPage.objects.all()), pk=evenement_id)


def toon_evenement(request, evenement, form):
    """The event page with this (bound) registration form."""
    context = evenement.get_context(request)
    context["aanmeldformulier"] = form
    return TemplateResponse(request, evenement.get_template(request), context)


@never_cache
@require_http_methods(["GET", "POST"])
def aanmelden(request, evenement_id):
    evenement = _evenement(evenement_id)
    if request.method == "GET":
        return redirect(f"{evenement.url}#aanmelden")
    form = AanmeldForm(request.POST)
    if form.is_valid():
        try:
            aanmelding = meld_aan(evenement, **form.cleaned_data)
        except AanmeldingGeweigerd as weigering:
            form.add_error(weigering.veld, str(weigering))
        else:
            gemaild = verstuur(stuur_bevestiging, aanmelding)
            token = signing.dumps(
                {"sleutel": str(aanmelding.sleutel), "gemaild": gemaild}, salt=ONTVANGEN_SALT
            )
            return redirect("agenda_aangemeld", evenement.pk, token)
    return toon_evenement(request, evenement, form)


@never_cache
def aangemeld(request, evenement_id, token):
    evenement = _evenement(evenement_id)
    try:
        gegevens = signing.loads(token, salt=ONTVANGEN_SALT, max_age=ONTVANGEN_GELDIG)
    except signing.BadSignature:
        return redirect(f"{evenement.url}#aanmelden")
    aanmelding = Aanmelding.objects.filter(
        sleutel=gegevens.get("sleutel"), evenement=evenement
    ).first()
    if aanmelding is None:
        return redirect(f"{evenement.url}#aanmelden")
    return render(
        request,
        "agenda/aanmelding_ontvangen.html",
        {"evenement": evenement, "aanmelding": aanmelding, "gemaild": gegevens.get("gemaild")},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def afmelden(request, evenement_id, token):
    evenement = _evenement(evenement_id)
    aanmelding = Aanmelding.bij_afmeldtoken(token, evenement)
    context = {"evenement": evenement, "aanmelding": aanmelding}
    if aanmelding is None:
        return render(request, "agenda/afmelden.html", context, status=404)
    if request.method == "POST":
        for doorgeschoven in meld_af(aanmelding):
            verstuur(stuur_doorgeschoven, doorgeschoven)
        context["afgemeld"] = True
    else:
        context["actie"] = reverse("agenda_afmelden", args=[evenement.pk, token])
    return render(request, "agenda/afmelden.html", context)
