"""Resumption tokens that need no state on the server: the request and the last key of the
page, signed (django.core.signing, with SECRET_KEY) and valid for a day. A token survives a
restart and any number of server processes; a changed or expired one is refused."""

import datetime

from django.core import signing
from django.utils import timezone

SALT = "kennisbank.oai.resumptiontoken"
GELDIG = datetime.timedelta(days=1)


class OngeldigToken(Exception):
    pass


def maak(gegevens):
    """The token for ``gegevens`` (a dict of short keys and plain values), and when it expires."""
    return signing.dumps(gegevens, salt=SALT, compress=True), timezone.now() + GELDIG


def lees(token):
    try:
        gegevens = signing.loads(token, salt=SALT, max_age=GELDIG)
    except (signing.BadSignature, ValueError, TypeError) as fout:
        raise OngeldigToken(str(fout)) from fout
    if not isinstance(gegevens, dict):
        raise OngeldigToken("geen token")
    return gegevens
