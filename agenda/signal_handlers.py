"""When an editor publishes an event with more places, the waiting list moves up at once."""

from django.db import transaction
from wagtail.signals import page_published

from agenda.inschrijving import vul_plaatsen
from agenda.mails import stuur_doorgeschoven, verstuur
from agenda.models import EvenementPage


def _na_publiceren(sender, instance, **kwargs):
    if not instance.aanmelden:
        return
    for aanmelding in vul_plaatsen(instance):
        transaction.on_commit(
            lambda aanmelding=aanmelding: verstuur(stuur_doorgeschoven, aanmelding)
        )


def verbind_signalen():
    page_published.connect(_na_publiceren, sender=EvenementPage, dispatch_uid="agenda-plaatsen")
