"""The digests: for each confirmed alert that is due, the products first published since its
last mail that match its selection; no mail when there are none. Run by
``manage.py verstuur_attenderingen``; a second run sends nothing the first one sent."""

import datetime
import logging
from dataclasses import dataclass

from django.core.mail import mailers
from django.utils import timezone

from kennisbank.models import KennisbankPage
from portal.basis.openbaar import openbaar
from portal.basis.site_url import volledige_url
from portal.volgen import mails, selectie
from portal.volgen.models import Attendering, Frequentie, Soort

logger = logging.getLogger(__name__)

WEEK = datetime.timedelta(days=7)


@dataclass
class Resultaat:
    verstuurd: int = 0
    mislukt: int = 0
    opgeruimd: int = 0
    ongeldig: int = 0


def aan_de_beurt(attendering, nu):
    """Daily: once a calendar day; weekly: once in seven days (local dates, so that a cron
    job at a fixed hour sends every day even when one run started a little later)."""
    vandaag = timezone.localdate(nu)
    laatst = timezone.localdate(attendering.verstuurd_tot)
    if attendering.frequentie == Frequentie.WEKELIJKS:
        return laatst <= vandaag - WEEK
    return laatst < vandaag


def kennisbank_adres():
    """The public kennisbank's path, looked up once per run; None when there is none."""
    kennisbank = openbaar(KennisbankPage.objects.all()).first()
    return kennisbank.url if kennisbank is not None and kennisbank.url else None


def kennisbank_url(adres, querystring):
    if adres is None:
        return None
    return volledige_url(adres + (f"?{querystring}" if querystring else ""))


def ruim_onbevestigd_op(nu=None):
    aantal, _per_model = Attendering.objects.verlopen_onbevestigd(nu).delete()
    return aantal


def verstuur_overzichten(nu=None):
    nu = nu or timezone.now()
    resultaat = Resultaat(opgeruimd=ruim_onbevestigd_op(nu))
    alerts = Attendering.objects.bevestigd().filter(soort=Soort.SELECTIE).order_by("pk")
    adres = kennisbank_adres()
    with mailers.default as verbinding:
        for attendering in alerts.iterator():
            if aan_de_beurt(attendering, nu):
                _verstuur(attendering, nu, verbinding, resultaat, adres)
    return resultaat


def _verstuur(attendering, nu, verbinding, resultaat, adres):
    producten = selectie.nieuwe_producten(attendering.selectie, attendering.verstuurd_tot, nu)
    if producten is None:
        resultaat.ongeldig += 1
        logger.warning("Attendering %s: selectie bestaat niet meer.", attendering.pk)
        return
    producten = list(producten)
    if not producten:
        return
    vorige = attendering.verstuurd_tot
    # Claim the period first: a run at the same time finds it taken and sends nothing.
    geclaimd = Attendering.objects.filter(pk=attendering.pk, verstuurd_tot=vorige).update(
        verstuurd_tot=nu
    )
    if not geclaimd:
        return
    mail = mails.overzichtsmail(attendering, producten, kennisbank_url(adres, attendering.selectie))
    try:
        verbinding.send_messages([mail])
    except Exception:
        logger.exception("Attendering %s: versturen mislukt.", attendering.pk)
        Attendering.objects.filter(pk=attendering.pk, verstuurd_tot=nu).update(verstuurd_tot=vorige)
        resultaat.mislukt += 1
        return
    resultaat.verstuurd += 1
