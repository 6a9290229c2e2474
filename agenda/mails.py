"""The mails to people who register for an event: HTML and plain text, through Django's mail
framework (``MAILERS``, ``DEFAULT_FROM_EMAIL``). A place comes with the event as an ``.ics``
attachment; every mail has the link to cancel."""

import logging

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from agenda.ical import evenement_ics
from agenda.models import AanmeldStatus
from portal.basis.site_url import volledige_url

logger = logging.getLogger(__name__)


def afmeldlink(aanmelding):
    pad = reverse("agenda_afmelden", args=[aanmelding.evenement_id, aanmelding.afmeldtoken()])
    return volledige_url(pad)


def _stuur(aanmelding, onderwerp, sjabloon):
    evenement = aanmelding.evenement
    context = {
        "onderwerp": onderwerp,
        "aanmelding": aanmelding,
        "evenement": evenement,
        "evenement_url": volledige_url(evenement.url),
        "afmeldlink": afmeldlink(aanmelding),
        "wachtlijstplaats": aanmelding.plaats_op_wachtlijst(),
    }
    mail = EmailMultiAlternatives(
        subject=onderwerp,
        body=render_to_string(f"agenda/mail/{sjabloon}.txt", context),
        to=[aanmelding.email],
    )
    mail.attach_alternative(render_to_string(f"agenda/mail/{sjabloon}.html", context), "text/html")
    if aanmelding.status == AanmeldStatus.AANGEMELD:
        mail.attach(f"{evenement.slug}.ics", evenement_ics(evenement), "text/calendar")
    mail.send()


def stuur_bevestiging(aanmelding):
    if aanmelding.status == AanmeldStatus.AANGEMELD:
        onderwerp = _("U bent aangemeld voor %(titel)s")
    else:
        onderwerp = _("U staat op de wachtlijst voor %(titel)s")
    _stuur(aanmelding, onderwerp % {"titel": aanmelding.evenement.title}, "bevestiging")


def stuur_doorgeschoven(aanmelding):
    onderwerp = _("Er is een plaats vrij: u bent aangemeld voor %(titel)s")
    _stuur(aanmelding, onderwerp % {"titel": aanmelding.evenement.title}, "doorgeschoven")


def verstuur(stuur, aanmelding):
    """``stuur(aanmelding)``; True when sent. A failing mail server must not undo or hide the
    registration: the failure is logged."""
    try:
        stuur(aanmelding)
    except Exception:
        logger.exception("Mail over aanmelding %s niet verstuurd", aanmelding.pk)
        return False
    return True
