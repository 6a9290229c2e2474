"""Idempotent building blocks: pages, inline rows, M2M, tags and snippets.

A page is looked up by slug under its parent. It is created and published when missing; when
it exists, the fields, rows, relations and tags we manage are compared with the wanted values,
and only a difference leads to a new revision. A second run therefore writes nothing.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.management.base import CommandError
from django.db import models
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Page

GEMAAKT, GEWIJZIGD, ONGEWIJZIGD = "gemaakt", "gewijzigd", "ongewijzigd"


class Verslag:
    """Counts what a run did, per kind of object."""

    def __init__(self):
        self.teller = Counter()

    def tel(self, soort, actie):
        self.teller[(soort, actie)] += 1

    def totaal(self, actie):
        return sum(n for (_soort, a), n in self.teller.items() if a == actie)


@dataclass
class PaginaSpec:
    model: type
    slug: str
    velden: dict
    rijen: dict = field(default_factory=dict)
    tags: list | None = None


def stroom(items):
    """Raw StreamField data from [(block type, value)] with InhoudBlock's kop and tekst."""
    return [{"type": soort, "value": _blokwaarde(soort, waarde)} for soort, waarde in items]


def _blokwaarde(soort, waarde):
    return {"tekst": waarde, "niveau": "h2"} if soort == "kop" else waarde


def zorg_voor_pagina(ouder, spec, verslag):
    """Create, update or leave the page ``spec.slug`` under ``ouder``; return it, published."""
    bestaand = Page.objects.child_of(ouder).filter(slug=spec.slug).first()
    if bestaand is None:
        return _maak_pagina(ouder, spec, verslag)
    pagina = bestaand.specific
    if not isinstance(pagina, spec.model):
        raise CommandError(f"{pagina.url_path} is een {type(pagina).__name__}, geen {spec.model}.")
    if _verschilt(pagina, spec):
        _pas_toe(pagina, spec)
        pagina.save_revision().publish()
        verslag.tel(spec.model.__name__, GEWIJZIGD)
    elif not pagina.live:
        pagina.save_revision().publish()
        verslag.tel(spec.model.__name__, GEWIJZIGD)
    else:
        verslag.tel(spec.model.__name__, ONGEWIJZIGD)
    return pagina


def _maak_pagina(ouder, spec, verslag):
    pagina = spec.model(slug=spec.slug)
    _pas_toe(pagina, spec)
    # A fresh parent: treebeard computes the new path from the parent's child count.
    Page.objects.get(pk=ouder.pk).add_child(instance=pagina)
    pagina.save_revision().publish()
    verslag.tel(spec.model.__name__, GEMAAKT)
    return pagina


def _pas_toe(pagina, spec):
    for naam, waarde in spec.velden.items():
        zet_waarde(pagina, naam, waarde)
    for relatie, rijen in spec.rijen.items():
        _zet_rijen(pagina, relatie, rijen)
    if spec.tags is not None:
        pagina.tags.set(spec.tags)


def _verschilt(pagina, spec):
    if any(_anders(pagina, naam, waarde) for naam, waarde in spec.velden.items()):
        return True
    if any(_rijen_anders(pagina, rel, rijen) for rel, rijen in spec.rijen.items()):
        return True
    return spec.tags is not None and set(pagina.tags.names()) != set(spec.tags)


def zet_waarde(obj, naam, waarde):
    veld = obj._meta.get_field(naam)
    if veld.many_to_many:
        getattr(obj, naam).set(waarde)
    else:
        setattr(obj, naam, waarde)


def _anders(obj, naam, waarde):
    veld = obj._meta.get_field(naam)
    return normaal(veld, getattr(obj, naam)) != normaal(veld, waarde)


def normaal(veld, waarde):
    """A comparable form of a field value: pks for relations, stream data without ids."""
    if isinstance(veld, StreamField):
        if not isinstance(waarde, StreamValue):
            waarde = veld.to_python(waarde)
        return _zonder_ids(veld.stream_block.get_prep_value(waarde))
    if veld.many_to_many:
        objecten = waarde.all() if hasattr(waarde, "all") else waarde
        return sorted(obj.pk for obj in objecten)
    if isinstance(veld, models.ForeignKey):
        return waarde.pk if waarde is not None else None
    return waarde


def _zonder_ids(data):
    if isinstance(data, dict):
        return {k: _zonder_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [_zonder_ids(item) for item in data]
    return data


def _rijen_anders(pagina, relatie, rijen):
    huidig = list(getattr(pagina, relatie).all())
    if len(huidig) != len(rijen):
        return True
    return any(
        _anders(obj, naam, waarde)
        for obj, rij in zip(huidig, rijen, strict=True)
        for naam, waarde in rij.items()
    )


def _zet_rijen(pagina, relatie, rijen):
    """Set inline rows in order, reusing existing rows so that their pks stay the same."""
    manager = getattr(pagina, relatie)
    bestaand = list(manager.all())
    objecten = []
    for volgorde, rij in enumerate(rijen):
        obj = bestaand[volgorde] if volgorde < len(bestaand) else manager.model()
        obj.sort_order = volgorde
        for naam, waarde in rij.items():
            zet_waarde(obj, naam, waarde)
        objecten.append(obj)
    manager.set(objecten)


def zorg_voor_object(model, sleutel, velden, verslag):
    """get_or_create by ``sleutel`` (a dict), then save only the fields that differ."""
    obj, gemaakt = model.objects.get_or_create(**sleutel, defaults=velden)
    if gemaakt:
        verslag.tel(model.__name__, GEMAAKT)
        return obj
    if any(_anders(obj, naam, waarde) for naam, waarde in velden.items()):
        for naam, waarde in velden.items():
            setattr(obj, naam, waarde)
        obj.save()
        verslag.tel(model.__name__, GEWIJZIGD)
    return obj
