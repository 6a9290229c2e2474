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
from contextlib import contextmanager

from django.db import connections

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
