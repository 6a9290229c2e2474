"""Product cards, rendered once per process and kept while nothing they show changes.

A card's key holds every value the card template shows: the product's own fields, its URL,
the name of its Werkplaats, its image (file and focal point), the variant and the language.
A change of any of them makes a new key, so a kept card is never stale and needs no
invalidation and no lookup in the shared cache; an old card ages out of the store (least
recently used first). ``tests/kennisbank/test_kaarten.py`` changes every field of a product,
its Werkplaats and its image in turn and checks that the card shows the change.

``PRODUCTKAARTEN_LOKAAL`` is the number of cards kept per process (0: render every time).
"""

import threading
from collections import OrderedDict

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

SJABLOON = "components/product_card.html"


class Kaartenbak:
    """At most ``grootte`` rendered cards by key, the least recently used dropped first."""

    def __init__(self, grootte):
        self.grootte = grootte
        self._kaarten = OrderedDict()
        self._slot = threading.Lock()

    def __len__(self):
        return len(self._kaarten)

    def haal(self, sleutel):
        with self._slot:
            html = self._kaarten.get(sleutel)
            if html is not None:
                self._kaarten.move_to_end(sleutel)
            return html

    def bewaar(self, sleutel, html):
        with self._slot:
            self._kaarten[sleutel] = html
            self._kaarten.move_to_end(sleutel)
            while len(self._kaarten) > self.grootte:
                self._kaarten.popitem(last=False)

    def leeg(self):
        with self._slot:
            self._kaarten.clear()


_bak = Kaartenbak(0)


def kaartenbak():
    """The process's store, sized by the setting (a changed setting, e.g. in a test, starts
    an empty one)."""
    global _bak
    grootte = getattr(settings, "PRODUCTKAARTEN_LOKAAL", 0)
    if _bak.grootte != grootte:
        _bak = Kaartenbak(grootte)
    return _bak


def afbeelding_sleutel(afbeelding):
    """The image's file and focal point, and the renditions it has (prefetched by
    ``overzicht()``): a card that names a rendition's file is not kept once that rendition is
    gone (e.g. purged by ``wagtail_update_image_renditions``)."""
    if afbeelding is None:
        return None
    renditions = getattr(afbeelding, "_prefetched_objects_cache", {}).get("renditions")
    return (
        afbeelding.pk,
        afbeelding.file.name,
        afbeelding.width,
        afbeelding.height,
        afbeelding.focal_point_x,
        afbeelding.focal_point_y,
        afbeelding.focal_point_width,
        afbeelding.focal_point_height,
        None if renditions is None else tuple(sorted(r.pk for r in renditions)),
    )


def kaart_sleutel(product, url, kopniveau, zonder_herkomst):
    return (
        product.pk,
        url,
        product.title,
        product.product_type,
        product.publicatiedatum,
        product.datum_bij_benadering,
        product.is_voorbeeld,
        product.samenvatting,
        None if zonder_herkomst else str(product.herkomst_naam),
        afbeelding_sleutel(product.afbeelding),
        kopniveau,
        get_language(),
    )


def render_kaart(product, url, kopniveau=3, zonder_herkomst=False):
    return render_to_string(
        SJABLOON,
        {
            "product": product,
            "url": url,
            "kopniveau": kopniveau,
            "zonder_herkomst": zonder_herkomst,
        },
    )


def kaart(product, url, kopniveau=3, zonder_herkomst=False):
    """The card's HTML: kept, or rendered now and kept."""
    bak = kaartenbak()
    if not bak.grootte:
        return mark_safe(render_kaart(product, url, kopniveau, zonder_herkomst))
    sleutel = kaart_sleutel(product, url, kopniveau, bool(zonder_herkomst))
    html = bak.haal(sleutel)
    if html is None:
        html = render_kaart(product, url, kopniveau, zonder_herkomst)
        bak.bewaar(sleutel, html)
    return mark_safe(html)
