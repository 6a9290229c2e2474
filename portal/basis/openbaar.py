"""What the public may see: one definition for every listing, feed, calendar, API and search.

A page is public (*openbaar*) when it is live, has not expired, has no view restriction
(login, password or group) on itself or an ancestor, and has no unpublished or expired ancestor
below the root of the tree. Wagtail's `.live().public()` misses the last two (a page stays live
when its parent is unpublished, and stays live after `expire_at` until `publish_scheduled`
runs), and Wagtail's routing serves such pages; `weiger_verborgen_pagina` makes them answer 404.

The pages that hide what is below them (unpublished or expiring pages with children, pages with
a view restriction) are few: each process keeps their paths per version of the content
(``inhoudsversie("producten")``: any page published, unpublished, moved or restricted is a new
version), so that a listing's condition is a few path prefixes instead of subqueries over the
whole tree. A page can only hide others once it has children, and a child becomes visible only
by being published, which is a new version: what is kept is never older than what it hides.

Two more rules keep it right while the content changes. Every change that can hide or show a
page empties what this process keeps at once (the receivers below are connected when this
module is imported, before any app's, so a receiver that asks what is public, such as OAI-PMH's
tombstones, never gets the state of before). And what is read inside a transaction is kept apart
from what is read outside one: a transaction may still roll back, so requests never use it.
"""

from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.basis.afhankelijkheden import inhoudsversie
from portal.basis.bewaren import PerVersie

_bewaard = PerVersie()


def _lees_verbergende_paginas():
    voorouders = tuple(
        Page.objects.filter(
            Q(live=False) | Q(expire_at__isnull=False), depth__gt=1, numchild__gt=0
        ).values_list("path", "live", "expire_at")
    )
    beperkt = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
    aliassen = tuple(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))
    return (voorouders, beperkt, aliassen), None


def _verbergende_paginas():
    """(pages that may hide their children: (path, live, expire_at); restricted pages' paths;
    aliases' paths), as kept for this content version."""
    return _bewaard.geef(
        ("paden", connection.in_atomic_block),
        inhoudsversie("producten"),
        _lees_verbergende_paginas,
    )


def _verborgen(live, verloopt, moment):
    return not live or (verloopt is not None and verloopt <= moment)


def verborgen_paden(moment):
    """The paths below which (themselves included) nothing is public at ``moment``; none of
    them starts with another."""
    voorouders, beperkt, _aliassen = _verbergende_paginas()
    paden = set(beperkt)
    for pad, live, verloopt in voorouders:
        if _verborgen(live, verloopt, moment):
            paden.add(pad)
    hoogste = []
    for pad in sorted(paden):
        if not hoogste or not pad.startswith(hoogste[-1]):
            hoogste.append(pad)
    return hoogste


def _vergeet(sender, instance, **kwargs):
    if isinstance(instance, Page | PageViewRestriction):
        _bewaard.leeg()


for _naam, _signaal in {
    "published": page_published,
    "unpublished": page_unpublished,
    "moved": post_page_move,
    "saved": post_save,
    "deleted": post_delete,
}.items():
    _signaal.connect(_vergeet, dispatch_uid=f"openbaar_{_naam}")


class BewaardeBeperkingen:
    """For every page model: the view restrictions that Wagtail checks before serving a page,
    without a query when no restricted page and no alias (which has its original's) is at or
    above it, as kept for this content version; otherwise Wagtail's own look-up."""

    def get_view_restrictions(self):
        _voorouders, beperkt, aliassen = _verbergende_paginas()
        if not any(self.path.startswith(pad) for pad in (*beperkt, *aliassen)):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def openbaar_q(veld="", moment=None):
    """The condition "public" for the page at ``veld`` (e.g. ``"agenda__"``)."""
    moment = moment or timezone.now()
    voorwaarde = Q(**{f"{veld}live": True}) & (
        Q(**{f"{veld}expire_at__isnull": True}) | Q(**{f"{veld}expire_at__gt": moment})
    )
    for pad in verborgen_paden(moment):
        voorwaarde &= ~Q(**{f"{veld}path__startswith": pad})
    return voorwaarde


def openbaar(qs, moment=None):
    """The public pages of a page queryset (or of an unsaved relation, as in a preview)."""
    if not isinstance(qs, QuerySet):
        qs = qs.model.objects.filter(pk__in=[obj.pk for obj in qs])
    return qs.filter(openbaar_q(moment=moment))


def openbaar_zoekbaar(qs, moment=None):
    """`openbaar` for a queryset that is searched next: search backends only accept filters on
    indexed fields, such as the page id."""
    return qs.filter(pk__in=openbaar(Page.objects.all(), moment).values("pk"))


def verborgen_door_voorouder_of_verlopen(page, moment=None):
    """Is ``page`` expired, or below an unpublished or expired page (the root excepted)?

    View restrictions are left to Wagtail's own check, which asks for a login or password.
    """
    moment = moment or timezone.now()
    if page.depth > 1 and _verborgen(page.live, page.expire_at, moment):
        return True
    voorouders, _beperkt, _aliassen = _verbergende_paginas()
    return any(
        page.path.startswith(pad) and _verborgen(live, verloopt, moment)
        for pad, live, verloopt in voorouders
    )


def weiger_verborgen_pagina(page, request, serve_args, serve_kwargs):
    """`before_serve_page` hook: such a page does not exist for anyone."""
    if verborgen_door_voorouder_of_verlopen(page):
        raise Http404


class OpenbareSitemap(Sitemap):
    def items(self):
        return openbaar(super().items())
