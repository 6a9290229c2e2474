"""The site-wide content generation: one integer in the shared cache.

Every cached page is stored with the generation it was rendered in, and served only while the
generation is unchanged. A change of content anywhere bumps the generation, which invalidates
every cached page at once, in every process that shares the cache (Redis): no per-page
dependency tracking to get wrong, and no stale page after a publish.

A cache error never reaches the visitor: it is logged, and the page is rendered without the
cache (``huidige_generatie`` returns None).
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

logger = logging.getLogger("paginacache")

GENERATIE_SLEUTEL = "paginacache:generatie"

# Set when this process could not reach the cache: a bump (here or in another process) may have
# been lost, so the generation is bumped once the cache answers again.
_achterstand = threading.Event()


def paginacache():
    return caches[getattr(settings, "PAGINACACHE_ALIAS", "default")]


def _beginwaarde():
    # A fresh start (an empty or restarted Redis) never reuses a generation of before.
    return time.time_ns() // 1000


def huidige_generatie():
    """The current generation, or None when the cache cannot be used right now."""
    cache = paginacache()
    try:
        waarde = cache.get(GENERATIE_SLEUTEL)
        if waarde is None:
            cache.add(GENERATIE_SLEUTEL, _beginwaarde(), timeout=None)
            waarde = cache.get(GENERATIE_SLEUTEL)
    except Exception:
        logger.exception("Paginacache: generatie niet te lezen; pagina zonder cache.")
        return None
    return waarde


def _verhoog():
    cache = paginacache()
    try:
        try:
            cache.incr(GENERATIE_SLEUTEL)
        except ValueError:
            # No generation yet (or evicted): any new value invalidates what was stored.
            cache.set(GENERATIE_SLEUTEL, _beginwaarde(), timeout=None)
    except Exception:
        _achterstand.set()
        logger.exception(
            "Paginacache: generatie niet te verhogen; dat gebeurt zodra de cache weer antwoordt."
        )


def markeer_achterstand():
    _achterstand.set()


def inhalen():
    """After an outage: bump the generation once, for the changes whose bump was lost."""
    if _achterstand.is_set():
        _achterstand.clear()
        _verhoog()


def verhoog_generatie(using=None):
    """Invalidate every cached page, now and again when the current transaction commits.

    The bump now covers this process and readers of committed data; the bump after the commit
    covers a request in another process that read the new generation but the old rows while
    the transaction was still open, and cached the old page under the new generation.
    """
    _verhoog()
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        return
    if any(getattr(taak[1], "paginacache", False) for taak in connection.run_on_commit):
        return  # one bump per transaction is enough

    def na_commit():
        _verhoog()

    na_commit.paginacache = True
    transaction.on_commit(na_commit, using=using)
