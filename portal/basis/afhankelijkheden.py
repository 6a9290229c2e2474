"""What a rendered page depends on, collected while it renders, for the page cache.

A response that the page cache stores is valid until the site-wide generation changes (any
change of content other than a product) or until one of its *dependencies* changes. They are
collected automatically during the render (``verzamel``):

- ``pagina:<id>`` for every product that was loaded as a model instance: a card, a related
  product, a link to it in rich text, the product's own page;
- ``producten`` as soon as a query reads the product tables (lists, counts, facets, feeds,
  search): any product's change can change such a page.

A view that knows exactly which products' changes concern its list narrows ``producten`` to a
scope (``beperk_tot``): a Werkplaats page shows only that Werkplaats's products, so it depends
on ``producten:werkplaats:<id>`` instead. ``product_afhankelijkheden`` names every tag that a
change of one product touches. So publishing one product re-renders the pages that show it or
list products, and not the thousands of other products' pages.
"""

import contextvars
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import caches
from django.db import connections

# The versions of the content in the shared cache (portal/site/paginacache/generatie.py bumps
# them): the site-wide generation, the counter of product changes, and one value per tag.
GENERATIE_SLEUTEL = "paginacache:generatie"
TELLER_SLEUTEL = "paginacache:teller"
TAG_PREFIX = "paginacache:afh:"

PRODUCTTABELLEN = ("kennisbank_product",)  # kennisbank_productpage and its link tables

_verzameling = contextvars.ContextVar("afhankelijkheden", default=None)


class Verzameling:
    def __init__(self):
        self.paginas = set()
        self.producten_gelezen = False
        self.bereik = None  # None: every product; a set of tags: only these scopes

    def tags(self):
        tags = {f"pagina:{pk}" for pk in self.paginas}
        if self.bereik is not None:
            tags |= self.bereik
        elif self.producten_gelezen:
            tags.add("producten")
        return tags


def _let_op_sql(execute, sql, params, many, context):
    verzameling = _verzameling.get()
    if verzameling is not None and any(naam in sql for naam in PRODUCTTABELLEN):
        verzameling.producten_gelezen = True
    return execute(sql, params, many, context)


@contextmanager
def verzamel():
    """Collect the dependencies of what is rendered inside; yields the ``Verzameling``."""
    verzameling = Verzameling()
    token = _verzameling.set(verzameling)
    try:
        with _let_op_alle_verbindingen():
            yield verzameling
    finally:
        _verzameling.reset(token)


@contextmanager
def _let_op_alle_verbindingen():
    wrappers = []
    try:
        for alias in connections:
            wrapper = connections[alias].execute_wrapper(_let_op_sql)
            wrapper.__enter__()
            wrappers.append(wrapper)
        yield
    finally:
        for wrapper in reversed(wrappers):
            wrapper.__exit__(None, None, None)


def verzamelt():
    return _verzameling.get() is not None


def toon_product(pk):
    """A product was loaded to be shown (called for every product instance made)."""
    verzameling = _verzameling.get()
    if verzameling is not None and pk is not None:
        verzameling.paginas.add(pk)


def toon_productlijst():
    """What is rendered stands on the list of all products without querying it (the facet
    index in memory): it depends on ``producten``, as if it had read the product tables."""
    verzameling = _verzameling.get()
    if verzameling is not None:
        verzameling.producten_gelezen = True


def beperk_tot(*scopes):
    """This render's product lists depend only on these scopes (none: on no list at all)."""
    verzameling = _verzameling.get()
    if verzameling is not None:
        verzameling.bereik = (verzameling.bereik or set()) | set(scopes)


def werkplaats_scope(werkplaats_id):
    return f"producten:werkplaats:{werkplaats_id or 'associatie'}"


THEMAS_SCOPE = "producten:themas"


def leeratelier_scope(leeratelier_id):
    return f"producten:leeratelier:{leeratelier_id}"


def product_afhankelijkheden(product):
    """Every tag that a change of this product makes stale."""
    tags = {
        f"pagina:{product.pk}",
        "producten",
        THEMAS_SCOPE,
        werkplaats_scope(product.werkplaats_id),
    }
    if product.leeratelier_id:
        tags.add(leeratelier_scope(product.leeratelier_id))
    return tags


def gedeelde_cache():
    return caches[settings.PAGINACACHE_ALIAS]


def beginwaarde():
    # A fresh start (an empty or restarted Redis) never reuses a value of before.
    return time.time_ns() // 1000


def tag_sleutel(tag):
    return TAG_PREFIX + tag


def versies(sleutels):
    """{key: value} of these version keys in the shared cache, one round trip; a key that has
    no value yet gets a new one (so that its next bump, or a flush, is seen as a change)."""
    cache = gedeelde_cache()
    waarden = cache.get_many(sleutels)
    for sleutel in set(sleutels) - set(waarden):
        cache.add(sleutel, beginwaarde(), timeout=None)
        waarden[sleutel] = cache.get(sleutel)
    return waarden


def inhoudsversie(*tags):
    """The version of what these tags cover: the site-wide generation and the tags' values.
    It changes with every change of that content. None when the shared cache fails."""
    sleutels = [GENERATIE_SLEUTEL, *map(tag_sleutel, tags)]
    try:
        waarden = versies(sleutels)
    except Exception:
        return None
    return tuple(waarden[sleutel] for sleutel in sleutels)
