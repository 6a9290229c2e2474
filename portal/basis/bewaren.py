"""What a process keeps for one version of the content: made once, read by every request until
the content changes (``portal.basis.afhankelijkheden.inhoudsversie``).

Without a version (the shared cache unreachable) nothing is kept: every request makes its own.
"""

import threading

from django.utils import timezone


class PerVersie:
    """Values by key, each kept for the content version it was made for, and at most until
    the moment ``maak`` gave with it (e.g. the first expiry date of a page it shows)."""

    def __init__(self):
        self._bewaard = {}
        self._slot = threading.Lock()

    def geef(self, sleutel, versie, maak):
        """The value kept under ``sleutel`` for ``versie``, or else ``maak()``, which returns
        (value, valid until or None), kept for it."""
        with self._slot:
            bewaard = self._bewaard.get(sleutel)
        if versie is not None and bewaard is not None and bewaard[0] == versie:
            geldig_tot = bewaard[1]
            if geldig_tot is None or timezone.now() < geldig_tot:
                return bewaard[2]
        waarde, geldig_tot = maak()
        if versie is not None:
            with self._slot:
                self._bewaard[sleutel] = (versie, geldig_tot, waarde)
        return waarde

    def leeg(self):
        with self._slot:
            self._bewaard.clear()
