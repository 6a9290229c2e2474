"""Sending a newsletter: a test to the editor, then once to every confirmed subscriber.

Each address is claimed (a NieuwsbriefBezorging row, unique per sending) before its mail goes
out, so that a second click, a second editor or ``verstuur_attenderingen`` resuming an
interrupted sending never mails an address twice.
"""

import logging

from django.core.mail import mailers
from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.volgen import mails
from portal.volgen.models import (
    Attendering,
    NieuwsbriefBezorging,
    NieuwsbriefVerzending,
    Soort,
)

logger = logging.getLogger(__name__)


def abonnees():
    return Attendering.objects.bevestigd().filter(soort=Soort.NIEUWSBRIEF).order_by("pk")


def verstuur_test(pagina, email):
    mails.nieuwsbriefmail(pagina, email, test=True).send()


def start(pagina, gebruiker):
    """(sending, new): the one sending of ``pagina``, created by the first call."""
    with transaction.atomic():
        return NieuwsbriefVerzending.objects.get_or_create(
            pagina=pagina, defaults={"verstuurd_door": gebruiker}
        )


def _claim(verzending, email):
    try:
        with transaction.atomic():
            return NieuwsbriefBezorging.objects.create(verzending=verzending, email=email)
    except IntegrityError:
        return None


def verstuur(verzending):
    """Mail every confirmed subscriber that this sending has not reached; returns how many."""
    pagina = verzending.pagina
    aantal = 0
    with mailers.default as verbinding:
        for abonnee in abonnees().iterator():
            bezorging = _claim(verzending, abonnee.email)
            if bezorging is None:
                continue
            try:
                verbinding.send_messages(
                    [mails.nieuwsbriefmail(pagina, abonnee.email, attendering=abonnee)]
                )
            except Exception:
                bezorging.delete()
                raise
            aantal += 1
    verzending.voltooid_op = timezone.now()
    verzending.save(update_fields=["voltooid_op"])
    return aantal


def hervat_onvoltooide():
    """Finish sendings that stopped halfway (from ``verstuur_attenderingen``)."""
    aantal = 0
    for verzending in NieuwsbriefVerzending.objects.filter(voltooid_op__isnull=True).order_by("pk"):
        aantal += verstuur(verzending)
    return aantal
