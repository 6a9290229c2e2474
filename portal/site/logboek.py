"""Logging: a filter that keeps a failing dependency from flooding the log."""

import logging
import threading
import time


class EensPerTijdvak(logging.Filter):
    """Lets a message through once per `seconden` for each logger and message text.

    For errors that repeat on every request while a dependency is down (an unreachable
    Redis behind the general cache): the first is logged with its traceback, and the rest of
    that period only counted, in the next record that passes.
    """

    def __init__(self, seconden=60):
        super().__init__()
        self.seconden = seconden
        self.laatst = {}
        self.slot = threading.Lock()

    def filter(self, record):
        sleutel = (record.name, record.msg)
        nu = time.monotonic()
        with self.slot:
            vorige, overgeslagen = self.laatst.get(sleutel, (None, 0))
            if vorige is not None and nu - vorige < self.seconden:
                self.laatst[sleutel] = (vorige, overgeslagen + 1)
                return False
            self.laatst[sleutel] = (nu, 0)
        if overgeslagen:
            record.msg = (
                f"{record.msg} ({overgeslagen}x niet gelogd in de {self.seconden} s ervoor)"
            )
        return True
