"""Signed links in the mails (django.core.signing, keyed by SECRET_KEY).

Each kind of link has its own salt, so that one cannot stand in for another. Every token
names the address it was made for; the views act only on subscriptions of that address.
"""

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

BEVESTIGEN = "volgen.bevestigen"
AFMELDEN = "volgen.afmelden"
BEHEREN = "volgen.beheren"


class OngeldigeLink(Exception):
    """A link that is forged, damaged or expired; ``str()`` is the Dutch message."""


def bevestigingstoken(attendering, frequentie):
    gegevens = {"id": attendering.pk, "e": attendering.email, "f": frequentie}
    return signing.dumps(gegevens, salt=BEVESTIGEN)


def afmeldtoken(attendering):
    return signing.dumps({"id": attendering.pk, "e": attendering.email}, salt=AFMELDEN)


def beheertoken(email):
    return signing.dumps({"e": email}, salt=BEHEREN)


def lees(token, salt, max_age=None):
    try:
        gegevens = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as fout:
        raise OngeldigeLink(
            _("Deze link is verlopen. Meld u opnieuw aan; u krijgt dan een nieuwe link.")
        ) from fout
    except signing.BadSignature as fout:
        raise OngeldigeLink(
            _("Deze link is ongeldig. Gebruik de link precies zoals hij in de e-mail staat.")
        ) from fout
    if not isinstance(gegevens, dict) or not isinstance(gegevens.get("e"), str):
        raise OngeldigeLink(_("Deze link is ongeldig."))
    return gegevens


def lees_bevestiging(token):
    return lees(token, BEVESTIGEN, max_age=settings.VOLGEN_BEVESTIGING_GELDIG)
