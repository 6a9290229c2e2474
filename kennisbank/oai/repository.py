"""What the OAI-PMH endpoint serves: the public products, their sets, and the tombstones of the
products that are no longer public.

A record is a product, keyed by its page id; a page lists records by ascending id, so that a
resumption token only has to remember the last id. Public products and tombstones never share
an id: a tombstone is removed when its product is public again (``werk_bij``).
"""

import re
from dataclasses import dataclass

from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisbank.models import OaiTombstone, ProductAuteur, ProductPage, ProductTag
from portal.basis.openbaar import openbaar
from portal.themas.models import LandelijkThemaPage
from werkplaatsen.models import ASSOCIATIE, WerkplaatsPage

PER_PAGINA = 100
WERKPLAATS = "werkplaats"
THEMA = "thema"
# One part of a setSpec, as OAI-PMH.xsd allows it.
_SETSPEC_DEEL = re.compile(r"[A-Za-z0-9\-_.!~*'()]+")


def setspec(soort, slug):
    """``werkplaats:<slug>`` or ``thema:<slug>``; None for a slug the protocol cannot carry
    (Wagtail allows non-ASCII slugs, a setSpec does not)."""
    return f"{soort}:{slug}" if _SETSPEC_DEEL.fullmatch(slug) else None


def werkplaats_setspec(werkplaats):
    return setspec(WERKPLAATS, werkplaats.slug if werkplaats else ASSOCIATIE)


def openbare_themas():
    return openbaar(LandelijkThemaPage.objects.all())


@dataclass
class OaiSet:
    spec: str
    naam: str


def sets():
    """Every set: the Werkplaatsen with the Associatie, and the landelijke thema's (two
    queries)."""
    resultaat = [
        OaiSet(WERKPLAATS, str(_("Werkplaatsen en de Associatie"))),
        OaiSet(f"{WERKPLAATS}:{ASSOCIATIE}", str(_("Associatie (landelijk)"))),
    ]
    for werkplaats in openbaar(WerkplaatsPage.objects.order_by("title")).only("slug", "title"):
        if spec := setspec(WERKPLAATS, werkplaats.slug):
            resultaat.append(OaiSet(spec, werkplaats.title))
    resultaat.append(OaiSet(THEMA, str(_("Landelijke thema's"))))
    for thema in openbare_themas().order_by("title").only("slug", "title"):
        if spec := setspec(THEMA, thema.slug):
            resultaat.append(OaiSet(spec, thema.title))
    return resultaat


def set_filters(spec):
    """(condition on products, condition on tombstones) of a setSpec. An unknown set matches
    nothing; a set of a Werkplaats or thema that is no longer public still finds the
    tombstones of its products."""
    soort, _sep, slug = spec.partition(":")
    tombstones = models.Q(sets__contains=f" {spec} " if slug else f" {soort}:")
    if soort == WERKPLAATS and not slug:
        return models.Q(), tombstones
    if soort == WERKPLAATS and slug == ASSOCIATIE:
        return models.Q(werkplaats__isnull=True), tombstones
    if soort == WERKPLAATS:
        return models.Q(werkplaats__slug=slug), tombstones
    if soort == THEMA:
        themas = openbare_themas() if not slug else openbare_themas().filter(slug=slug)
        links = ProductPage.themas.through.objects.filter(landelijkthemapage__in=themas)
        return models.Q(pk__in=links.values("productpage_id")), tombstones
    return models.Q(pk__in=[]), models.Q(pk__in=[])


def datestamp_veld():
    """The datestamp of a product: when it was last published."""
    return Coalesce("last_published_at", "first_published_at", "latest_revision_created_at")


def producten():
    """Every public product, with its datestamp as ``oai_datestamp``."""
    return openbaar(ProductPage.objects.all()).annotate(oai_datestamp=datestamp_veld())


def voor_headers(qs):
    """What a header needs: the Werkplaats and the public themes."""
    return qs.select_related("werkplaats").prefetch_related(
        models.Prefetch(
            "themas", queryset=openbare_themas().only("slug", "title"), to_attr="openbare_themas"
        )
    )


def voor_records(qs):
    """What a whole record needs, in a fixed number of queries."""
    return (
        voor_headers(qs)
        .select_related("document")
        .defer_streamfields()
        .prefetch_related(
            models.Prefetch(
                "auteurs",
                queryset=ProductAuteur.objects.select_related("persoon").order_by(
                    "sort_order", "pk"
                ),
            ),
            models.Prefetch("tagged_items", queryset=ProductTag.objects.select_related("tag")),
        )
    )


def product_setspecs(product):
    specs = [werkplaats_setspec(product.werkplaats)]
    specs += [setspec(THEMA, thema.slug) for thema in product.openbaar_gekoppeld("themas")]
    return [spec for spec in specs if spec]


@dataclass
class Selectie:
    """The records a ListIdentifiers or ListRecords asks for."""

    set: str | None = None
    van: object = None  # first moment, inclusive
    tot: object = None  # first moment after, exclusive

    def producten(self):
        qs = producten()
        if self.set:
            qs = qs.filter(set_filters(self.set)[0])
        if self.van:
            qs = qs.filter(oai_datestamp__gte=self.van)
        if self.tot:
            qs = qs.filter(oai_datestamp__lt=self.tot)
        return qs

    def tombstones(self):
        qs = OaiTombstone.objects.all()
        if self.set:
            qs = qs.filter(set_filters(self.set)[1])
        if self.van:
            qs = qs.filter(datestamp__gte=self.van)
        if self.tot:
            qs = qs.filter(datestamp__lt=self.tot)
        return qs

    def aantal(self):
        return self.producten().count() + self.tombstones().count()

    def pagina(self, na, volledig, grootte=None):
        """The records with an id above ``na``: (up to ``grootte`` products and tombstones in
        id order, whether more follow). Three queries for headers, five for whole records."""
        grootte = grootte or PER_PAGINA
        qs = self.producten().filter(pk__gt=na).order_by("pk")
        qs = voor_records(qs) if volledig else voor_headers(qs)
        levend = list(qs[: grootte + 1])
        levende_ids = {product.pk for product in levend}
        dood = [
            tombstone
            for tombstone in self.tombstones()
            .filter(product_id__gt=na)
            .order_by("product_id")[: grootte + 1]
            if tombstone.product_id not in levende_ids
        ]
        samen = sorted(levend + dood, key=lambda record: record.pk)
        return samen[:grootte], len(samen) > grootte


def earliest_datestamp():
    eerste = [
        producten().aggregate(eerste=models.Min("oai_datestamp"))["eerste"],
        OaiTombstone.objects.aggregate(eerste=models.Min("datestamp"))["eerste"],
    ]
    eerste = [moment for moment in eerste if moment]
    return min(eerste) if eerste else timezone.now()


def record(product_id, volledig):
    """The public product or the tombstone with this id, or None."""
    qs = producten().filter(pk=product_id)
    product = (voor_records(qs) if volledig else qs).first()
    if product is not None:
        return product
    return OaiTombstone.objects.filter(product_id=product_id).first()


# -- tombstones --------------------------------------------------------------------------------


def _setspecs_van(pks):
    """{product id: " spec spec "} for tombstones, in three queries. Like the themas, only a
    public Werkplaats is named: a tombstone must not reveal the slug of a hidden one."""
    openbare_werkplaatsen = set(openbaar(WerkplaatsPage.objects.all()).values_list("pk", flat=True))
    specs = {}
    for pk, werkplaats, slug in ProductPage.objects.filter(pk__in=pks).values_list(
        "pk", "werkplaats", "werkplaats__slug"
    ):
        if werkplaats is None:
            specs[pk] = [werkplaats_setspec(None)]
        else:
            specs[pk] = [setspec(WERKPLAATS, slug)] if werkplaats in openbare_werkplaatsen else []
    links = ProductPage.themas.through.objects.filter(
        productpage_id__in=pks, landelijkthemapage__in=openbare_themas()
    ).values_list("productpage_id", "landelijkthemapage__slug")
    for pk, slug in links:
        specs.setdefault(pk, []).append(setspec(THEMA, slug))
    return {pk: " " + " ".join(s for s in lijst if s) + " " for pk, lijst in specs.items()}


def werk_bij(pad, herstel=True):
    """Bring the tombstones of the products at or below the page at ``pad`` up to date: a
    published product that is not public gets one, a public product loses its own.

    A product that becomes public again is public since now: its ``last_published_at`` moves to
    now, so that a harvester that asks what changed since its last visit gets it back. That
    holds also for a product published again while it was still hidden (below an unpublished
    Werkplaats): its own newer date is from before it was public.

    ``herstel=False``: only add tombstones. Unpublishing never makes a product public, and
    Wagtail unpublishes a page it is about to delete without saving that (the database still
    says live while the product's own pre_delete has already left its tombstone).
    """
    alle = ProductPage.objects.filter(path__startswith=pad)
    openbare = set(openbaar(alle).values_list("pk", flat=True))
    # Only a product that was ever published can have been harvested: not a new draft.
    gepubliceerd = set(
        alle.filter(
            models.Q(first_published_at__isnull=False) | models.Q(last_published_at__isnull=False)
        ).values_list("pk", flat=True)
    )
    bestaand = set(
        OaiTombstone.objects.filter(product_id__in=gepubliceerd).values_list(
            "product_id", flat=True
        )
    )
    nu = timezone.now()
    terug = [pk for pk in bestaand if pk in openbare] if herstel else []
    if terug:
        OaiTombstone.objects.filter(product_id__in=terug).delete()
        ProductPage.objects.filter(pk__in=terug).update(last_published_at=nu)
    weg = [pk for pk in gepubliceerd if pk not in openbare and pk not in bestaand]
    if weg:
        # A product deleted meanwhile is not in the specs: its own pre_delete left its tombstone,
        # as another request hiding the same products may have (the conflicts ignored).
        OaiTombstone.objects.bulk_create(
            [
                OaiTombstone(product_id=pk, datestamp=nu, sets=sets)
                for pk, sets in _setspecs_van(weg).items()
            ],
            ignore_conflicts=True,
        )


def bij_verwijderen(product):
    """A published product is about to be deleted: keep its tombstone."""
    if product.first_published_at is None and product.last_published_at is None:
        return
    specs = _setspecs_van([product.pk])
    OaiTombstone.objects.get_or_create(
        product_id=product.pk,
        defaults={"datestamp": timezone.now(), "sets": specs.get(product.pk, "")},
    )
