"""The visitor's side: sign up, confirm, unsubscribe (also RFC 8058 one-click), manage."""

from django.db import IntegrityError, transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from portal.basis.clientadres import client_ip
from portal.volgen import limieten, mails, selectie, tokens
from portal.volgen.forms import AanmeldFormulier
from portal.volgen.models import Attendering, Frequentie, Soort


def _ongeldig(request, melding, status=400):
    return render(request, "volgen/ongeldige_link.html", {"melding": melding}, status=status)


@never_cache
def aanmelden(request, nieuwsbrief=False):
    if nieuwsbrief:
        querystring, omschrijving = "", _("De nieuwsbrief van de Associatie")
    else:
        bron = request.POST.get("selectie", "") if request.method == "POST" else request.GET
        querystring, omschrijving = selectie.lees(bron)
    status = 200
    if request.method == "POST":
        formulier = AanmeldFormulier(request.POST, nieuwsbrief=nieuwsbrief)
        if formulier.is_valid():
            email = formulier.cleaned_data["email"]
            if limieten.aanmelding_toegestaan(email, client_ip(request)):
                frequentie = formulier.cleaned_data.get("frequentie", "")
                soort = Soort.NIEUWSBRIEF if nieuwsbrief else Soort.SELECTIE
                _meld_aan(email, soort, querystring, omschrijving, frequentie)
                return redirect("volgen:aangemeld")
            formulier.add_error(
                None,
                _(
                    "Er zijn te veel aanmeldingen gedaan vanaf dit adres of voor dit "
                    "e-mailadres. Probeer het over een uur opnieuw."
                ),
            )
            status = 429
        else:
            status = 400
    elif request.method == "GET":
        formulier = AanmeldFormulier(initial={"selectie": querystring}, nieuwsbrief=nieuwsbrief)
    else:
        return HttpResponseNotAllowed(["GET", "POST"])
    context = {
        "formulier": formulier,
        "omschrijving": omschrijving,
        "nieuwsbrief": nieuwsbrief,
        **mails.bewaartermijnen(),
    }
    return render(request, "volgen/aanmelden.html", context, status=status)


def _meld_aan(email, soort, querystring, omschrijving, frequentie):
    """An unconfirmed subscription (or the existing one) and its confirmation mail. The same
    answer whether or not the address already follows this: the form reveals nothing."""
    try:
        with transaction.atomic():
            attendering, _nieuw = Attendering.objects.get_or_create(
                email=email,
                soort=soort,
                selectie=querystring,
                defaults={"omschrijving": omschrijving, "frequentie": frequentie},
            )
    except IntegrityError:
        attendering = Attendering.objects.get(email=email, soort=soort, selectie=querystring)
    mails.bevestigingsmail(attendering, frequentie).send()


@never_cache
def aangemeld(request):
    return render(request, "volgen/aangemeld.html", mails.bewaartermijnen())


def _attendering(gegevens):
    """The subscription a token names, only if it still belongs to the token's address."""
    return Attendering.objects.filter(pk=gegevens.get("id"), email=gegevens["e"]).first()


@never_cache
def bevestigen(request, token):
    try:
        gegevens = tokens.lees_bevestiging(token)
    except tokens.OngeldigeLink as fout:
        return _ongeldig(request, str(fout))
    attendering = _attendering(gegevens)
    if attendering is None:
        return _ongeldig(
            request,
            _("Deze aanmelding bestaat niet meer. Meld u opnieuw aan."),
            status=410,
        )
    if request.method == "POST":
        nu = timezone.now()
        if attendering.bevestigd_op is None:
            attendering.bevestigd_op = nu
            attendering.verstuurd_tot = nu
        if gegevens.get("f") in Frequentie.values:
            attendering.frequentie = gegevens["f"]
        attendering.save(update_fields=["bevestigd_op", "verstuurd_tot", "frequentie"])
        context = {"attendering": attendering, "beheer_url": mails.beheer_url(attendering.email)}
        return render(request, "volgen/bevestigd.html", context)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    frequentie = Frequentie(gegevens["f"]).label if gegevens.get("f") in Frequentie.values else ""
    context = {"attendering": attendering, "frequentie": frequentie}
    return render(request, "volgen/bevestigen.html", context)


@csrf_exempt  # RFC 8058: mail clients POST without a session; the signed token is the proof.
@never_cache
def afmelden(request, token):
    try:
        gegevens = tokens.lees(token, tokens.AFMELDEN)
    except tokens.OngeldigeLink as fout:
        return _ongeldig(request, str(fout))
    attendering = _attendering(gegevens)
    context = {"attendering": attendering, "beheer_url": mails.beheer_url(gegevens["e"])}
    if request.method == "POST":
        if attendering is not None:
            attendering.delete()
        return render(request, "volgen/afgemeld.html", context)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    if attendering is None:
        return render(request, "volgen/afgemeld.html", context)
    return render(request, "volgen/afmelden.html", context)


@never_cache
def beheren(request, token):
    try:
        email = tokens.lees(token, tokens.BEHEREN)["e"]
    except tokens.OngeldigeLink as fout:
        return _ongeldig(request, str(fout))
    attenderingen = Attendering.objects.bevestigd().filter(email=email)
    melding = None
    if request.method == "POST":
        if request.POST.get("actie") == "alles":
            attenderingen.delete()
        else:
            # Only a subscription of the token's own address: an id of someone else's
            # matches nothing.
            attenderingen.filter(pk=_getal(request.POST.get("attendering"))).delete()
        melding = _("Uw wijziging is opgeslagen.")
    elif request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    context = {
        "email": email,
        "attenderingen": attenderingen.order_by("soort", "omschrijving", "pk"),
        "melding": melding,
        "actie": reverse("volgen:beheren", args=[token]),
    }
    return render(request, "volgen/beheren.html", context)


def _getal(waarde):
    return int(waarde) if (waarde or "").isdigit() else None
