"""Registering for an event, cancelling, the waiting list and deleting old registrations.

Every change takes a row lock on the event (``select_for_update``), so that two visitors who
register at the same moment cannot both take the last place, and a cancellation moves up
exactly as many people as there are free places. The unique constraint on (event, e-mail
address) catches a double submission that slips past the check.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.models import Aanmelding, AanmeldStatus, EvenementPage


class AanmeldingGeweigerd(Exception):
    """Registration not possible; ``str()`` is the message for the visitor, in Dutch, and
    ``veld`` the form field it is about (None: the form as a whole)."""

    def __init__(self, bericht, veld=None):
        super().__init__(bericht)
        self.veld = veld


AL_AANGEMELD = _(
    "Met dit e-mailadres is al iemand aangemeld voor dit evenement. Kijk in uw mailbox voor de "
    "bevestiging; daarin staat ook hoe u zich afmeldt."
)
GESLOTEN = _("Aanmelden voor dit evenement is niet (meer) mogelijk.")


def _vergrendel(evenement_pk):
    return EvenementPage.objects.select_for_update(of=("self",)).get(pk=evenement_pk)


def meld_aan(evenement, naam, email, organisatie, opmerkingen="", moment=None):
    """A new Aanmelding: a place while there is one, else on the waiting list."""
    moment = moment or timezone.now()
    with transaction.atomic():
        evenement = _vergrendel(evenement.pk)
        if not evenement.aanmelding_open(moment):
            raise AanmeldingGeweigerd(GESLOTEN)
        if evenement.aanmeldingen.filter(email__iexact=email).exists():
            raise AanmeldingGeweigerd(AL_AANGEMELD, "email")
        vol = evenement.plaatsen_vrij() == 0
        try:
            with transaction.atomic():
                return Aanmelding.objects.create(
                    evenement=evenement,
                    naam=naam,
                    email=email,
                    organisatie=organisatie,
                    opmerkingen=opmerkingen,
                    status=AanmeldStatus.WACHTLIJST if vol else AanmeldStatus.AANGEMELD,
                    aangemeld_op=moment,
                )
        except IntegrityError:
            raise AanmeldingGeweigerd(AL_AANGEMELD, "email") from None


def meld_af(aanmelding, moment=None):
    """Delete the registration; returns the registrations that moved up from the waiting list."""
    with transaction.atomic():
        evenement = _vergrendel(aanmelding.evenement_id)
        Aanmelding.objects.filter(pk=aanmelding.pk).delete()
        return schuif_door(evenement, moment)


def schuif_door(evenement, moment=None):
    """Give free places to the waiting list, first come first served (caller holds the lock)."""
    vrij = evenement.plaatsen_vrij()
    if not vrij:
        return []
    wachtenden = list(
        evenement.aanmeldingen.filter(status=AanmeldStatus.WACHTLIJST).order_by(
            "aangemeld_op", "pk"
        )[:vrij]
    )
    moment = moment or timezone.now()
    for aanmelding in wachtenden:
        aanmelding.status = AanmeldStatus.AANGEMELD
        aanmelding.doorgeschoven_op = moment
        aanmelding.save(update_fields=["status", "doorgeschoven_op"])
    return wachtenden


def vul_plaatsen(evenement, moment=None):
    """After an editor adds places: move the waiting list up (see signal_handlers)."""
    with transaction.atomic():
        return schuif_door(_vergrendel(evenement.pk), moment)


def bewaartermijn():
    return datetime.timedelta(days=settings.AANMELDINGEN_BEWAARDAGEN)


def verlopen(moment=None):
    """Registrations for events that ended longer ago than the retention period."""
    grens = (moment or timezone.now()) - bewaartermijn()
    afgelopen = models.Q(evenement__eind__lt=grens) | models.Q(
        evenement__eind__isnull=True, evenement__start__lt=grens
    )
    return Aanmelding.objects.filter(afgelopen)


def verwijder_verlopen(moment=None):
    """Delete what ``verlopen`` selects; returns how many registrations were deleted."""
    return verlopen(moment).delete()[0]
