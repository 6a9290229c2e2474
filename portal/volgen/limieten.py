"""Rate limits on sign-up, per address and per client address, in the shared cache (the same
counting as the password-reset limit in portal/site/accounts.py). Without a cache, no limit."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def _binnen_limiet(soort, waarde, limiet):
    sleutel = f"volgen:{soort}:" + hashlib.sha256(waarde.encode()).hexdigest()
    try:
        cache.add(sleutel, 0, settings.VOLGEN_LIMIET_PERIODE)
        aantal = cache.incr(sleutel)
    except Exception:  # noqa: BLE001 - an unreachable cache must not stop a sign-up
        return True
    return aantal is None or aantal <= limiet


def aanmelding_toegestaan(email, ip):
    """Counts this attempt; False when the address or the client address is over its limit."""
    per_ip = _binnen_limiet("ip", ip or "onbekend", settings.VOLGEN_AANMELDINGEN_PER_IP)
    per_adres = _binnen_limiet("adres", email, settings.VOLGEN_AANMELDINGEN_PER_ADRES)
    return per_ip and per_adres
