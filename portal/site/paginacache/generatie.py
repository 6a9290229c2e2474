"""The content generations: integers in the shared cache.

Every cached page is stored with the site-wide generation it was rendered in, and served only
while that generation is unchanged. A change of content other than a product bumps it, which
invalidates every cached page at once, in every process that shares the cache (Redis).

A product's change bumps only its dependency tags (``portal.basis.afhankelijkheden``: the
product itself, the product lists, its Werkplaats's and leeratelier's lists, the thema lists),
each an integer of its own, and the counter TELLER that moves with every such bump. A page is
stored with the values of the tags it depends on and the counter; while the counter is
unchanged nothing it depends on changed, and otherwise its tags are compared one by one.

Every bump also bans the same pages in a caching proxy in front, if one is configured
(``voorkant.verban``: the tags, or everything for the generation).

A cache error never reaches the visitor: it is logged, and the page is rendered without the
cache (``huidige_generatie`` returns None).
"""

import logging
import threading
from types import SimpleNamespace

from django.db import transaction

from portal.basis.afhankelijkheden import (
    GENERATIE_SLEUTEL,
    TELLER_SLEUTEL,
    beginwaarde,
    gedeelde_cache,
    tag_sleutel,
    versies,
)
from portal.site.paginacache.voorkant import verban

logger = logging.getLogger("paginacache")

# Set when this process could not reach the cache: a bump (here or in another process) may have
# been lost, so the generation is bumped once the cache answers again.
_achterstand = threading.Event()


def paginacache():
    return gedeelde_cache()


def huidige_generatie():
    """The current generation, or None when the cache cannot be used right now."""
    cache = paginacache()
    try:
        waarde = cache.get(GENERATIE_SLEUTEL)
        if waarde is None:
            cache.add(GENERATIE_SLEUTEL, beginwaarde(), timeout=None)
            waarde = cache.get(GENERATIE_SLEUTEL)
    except Exception:
        logger.exception("Paginacache: generatie niet te lezen; pagina zonder cache.")
        return None
    return waarde


def tag_waarden(sleutels):
    """The counter and the current value of each tag key (one round trip), a new value made
    for the tags that have none yet."""
    waarden = paginacache().get_many([TELLER_SLEUTEL, *sleutels])
    teller = waarden.pop(TELLER_SLEUTEL, None)
    ontbrekend = [sleutel for sleutel in sleutels if sleutel not in waarden]
    if ontbrekend:
        waarden.update(versies(ontbrekend))
    return teller, waarden


def _verhoog_sleutel(cache, sleutel):
    try:
        cache.incr(sleutel)
    except ValueError:
        # No value yet (or evicted): any new value invalidates what was stored.
        cache.set(sleutel, beginwaarde(), timeout=None)


def _verhoog(tags=None):
    """Bump the site-wide generation, or with ``tags`` only these tags and the counter."""
    cache = paginacache()
    # The counter before the tags: a render that began before this bump never stores its page
    # (the middleware compares the counter before and after), and one that began after it
    # read rows at least as new as the bump.
    # The site-wide bump moves the counter too: a page rendered across it is not stored (nor
    # labelled for a proxy in front, which would keep it).
    sleutels = [TELLER_SLEUTEL]
    sleutels += [GENERATIE_SLEUTEL] if tags is None else map(tag_sleutel, sorted(tags))
    try:
        for sleutel in sleutels:
            _verhoog_sleutel(cache, sleutel)
    except Exception:
        _achterstand.set()
        logger.exception(
            "Paginacache: generatie niet te verhogen; dat gebeurt zodra de cache weer antwoordt."
        )
    verban(tags)  # the same pages in the caching proxy, if there is one


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
    _na_commit(None, using)


def verhoog_afhankelijkheden(tags, using=None):
    """Invalidate the cached pages that depend on these tags, now and again after the commit
    (for the same reason as ``verhoog_generatie``)."""
    _verhoog(tags)
    _na_commit(tags, using)


def _na_commit(tags, using):
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        return
    for taak in connection.run_on_commit:
        wachtend = getattr(taak[1], "paginacache", None)
        if wachtend is None:
            continue
        # One bump per transaction, of everything asked in it (None: the whole site).
        if tags is None or wachtend.tags is None:
            wachtend.tags = None
        else:
            wachtend.tags |= tags
        return

    wachtend = SimpleNamespace(tags=None if tags is None else set(tags))

    def na_commit():
        _verhoog(wachtend.tags)

    na_commit.paginacache = wachtend
    transaction.on_commit(na_commit, using=using)
