"""The home page's announcements: which announced events show, and when one may start.

The rules behind HomePage and HomeAankondiging (portal/site/models.py): an announcement shows
from its chosen day until its event has ended, in the editors' order; without one, the home
page shows the next upcoming event.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.models import EvenementPage


def actuele_aankondigingen(items, moment=None):
    """The announced events of ``items`` (announcement rows) to show at ``moment``.

    In the editors' order, each event once; events that are not live and public, or have ended,
    are left out.
    """
    moment = moment or timezone.now()
    vandaag = timezone.localdate(moment)
    items = [item for item in items if item.aankondigen_vanaf <= vandaag]
    komend = EvenementPage.objects.komend(moment).in_bulk([item.evenement_id for item in items])
    evenementen = []
    for item in items:
        evenement = komend.get(item.evenement_id)
        if evenement is not None and evenement not in evenementen:
            evenementen.append(evenement)
    return evenementen


def volgend_evenement(aankondigingen, moment=None):
    """The first current announcement, or else the next upcoming event."""
    if aankondigingen:
        return aankondigingen[0]
    return EvenementPage.objects.komend(moment or timezone.now()).first()


def controleer_begin(evenement, aankondigen_vanaf):
    """Refuse an announcement that would start after its event's last day."""
    if evenement is None or aankondigen_vanaf is None:
        return
    laatste_dag = timezone.localdate(evenement.eind or evenement.start)
    if aankondigen_vanaf > laatste_dag:
        raise ValidationError(
            {
                "aankondigen_vanaf": _(
                    "De aankondiging begint pas na afloop van het evenement; kies een eerdere dag."
                )
            }
        )
