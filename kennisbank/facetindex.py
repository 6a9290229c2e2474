"""The kennisbank's facets in process memory: per option, a bitmap of the public products.

Counting the products per option with the other filters applied took one aggregate query over
all public products per facet. Here the public products are read once, in a few queries, into
a ``Facetindex``: the products newest first, and for each option of each facet a Python ``int``
whose bit *i* is set when product *i* has that option. A selection is then an AND of ORs of
bitmaps, a count is ``int.bit_count()``, and a page of results is the first set bits: microseconds
instead of milliseconds, whatever the number of products.

The index is rebuilt, never patched: each process keeps one, for one version of the content
(``portal.basis.afhankelijkheden.inhoudsversie("producten")``: the site-wide generation and the
product lists' tag, which every relevant change bumps) and until the first expiry date of a page
to come. Without a version (the shared cache unreachable) it is rebuilt for every request, so
it is never older than the database.
"""

import threading
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Min
from django.utils import timezone
from wagtail.models import Page

from kennisbank.models import DOELGROEPEN, VIER_OS, ProductPage, ProductTag
from portal.basis.afhankelijkheden import inhoudsversie, toon_productlijst
from portal.basis.openbaar import openbaar
from portal.themas.models import LandelijkThemaPage
from werkplaatsen.models import ASSOCIATIE, ThemagroepPage, WerkplaatsPage


def bitmap(posities):
    """An int with these bits set, built in linear time (``|=`` bit by bit on a long int
    would copy it every time)."""
    posities = list(posities)
    if not posities:
        return 0
    octetten = bytearray(max(posities) // 8 + 1)
    for positie in posities:
        octetten[positie >> 3] |= 1 << (positie & 7)
    return int.from_bytes(octetten, "little")


def als_tekst(bits):
    """The bits as "0"/"1" characters, lowest first: character i is bit i."""
    return bin(bits)[:1:-1]  # 0 gives "0": no bit set either


def posities(bits, begin=0, aantal=None, hoogste_eerst=False):
    """The positions of the set bits, lowest first (or highest first): from the ``begin``-th,
    at most ``aantal``."""
    tekst = bin(bits)[2:] if hoogste_eerst else als_tekst(bits)
    gevonden = []
    positie = tekst.find("1")
    nummer = 0
    while positie != -1 and (aantal is None or len(gevonden) < aantal):
        if nummer >= begin:
            gevonden.append(len(tekst) - 1 - positie if hoogste_eerst else positie)
        nummer += 1
        positie = tekst.find("1", positie + 1)
    return gevonden


@dataclass
class Facetindex:
    pks: list  # the public products, newest first ("-publicatiedatum", "-pk")
    positie: dict = field(default_factory=dict)  # pk -> its position in pks
    opties: dict = field(default_factory=dict)  # facet -> option value -> bitmap
    titelrang: list = field(default_factory=list)  # positions in ("title", "pk") order
    tagnamen: dict = field(default_factory=dict)  # tag slug -> name
    werkplaatsen: list = field(default_factory=list)  # (slug, title), public, by title
    themas: list = field(default_factory=list)  # (pk, slug, title), public, tree order
    themagroepen: list = field(default_factory=list)  # (pk, slug, title), public, by title
    geldig_tot: object = None  # the first expiry date of a page still to come
    fragmenten: dict = field(default_factory=dict, compare=False, repr=False)  # key -> HTML

    def fragment(self, sleutel, maak):
        """What ``maak()`` returns, made once for this index, and so once per content version:
        a part of a page that shows nothing but what the index holds (the theme matrix)."""
        if sleutel not in self.fragmenten:
            self.fragmenten[sleutel] = maak()
        return self.fragmenten[sleutel]

    @property
    def alle(self):
        return (1 << len(self.pks)) - 1

    def positie_bitmap(self, pks):
        return bitmap(self.positie[pk] for pk in pks if pk in self.positie)

    def met(self, selectie, pks):
        """These products, in this order, as far as they are in the selection."""
        tekst = als_tekst(selectie)
        gevonden = []
        for pk in pks:
            positie = self.positie.get(pk)
            if positie is not None and tekst[positie : positie + 1] == "1":
                gevonden.append(pk)
        return gevonden

    def of(self, facet, waarden):
        """The products with any of these values of the facet."""
        bits = 0
        for waarde in waarden:
            bits |= self.opties[facet].get(waarde, 0)
        return bits

    def aantal(self, facet, waarde, selectie):
        return (self.opties[facet].get(waarde, 0) & selectie).bit_count()

    def in_volgorde(self, selectie, sortering):
        """The selection in this order ("nieuwste", "oudste", "titel"), read a slice at a
        time: ``len()`` and ``stuk(begin, einde)`` (primary keys)."""
        if sortering == "titel":
            tekst = als_tekst(selectie)
            return Vast([self.pks[i] for i in self.titelrang if tekst[i : i + 1] == "1"])
        return Op_datum(self, selectie, oudste_eerst=sortering == "oudste")


def verwant(index, pk, aantal=4):
    """'Ook in andere regio's' from the index: the public products of other origins that share
    the most public themes and tags with product ``pk`` (one point each), newest first on a
    tie. None when the product is not in the index (not public)."""
    positie = index.positie.get(pk)
    if positie is None:
        return None
    bit = 1 << positie
    gedeeld = [bits for _pk, bits in _publieke_themas(index) if bits & bit]
    gedeeld += [bits for bits in index.opties["tag"].values() if bits & bit]
    herkomst = next(bits for bits in index.opties["werkplaats"].values() if bits & bit)
    niveaus = _tel_op(gedeeld)  # bit i of each product's score in niveaus[i]
    kandidaten = index.alle & ~herkomst
    gevonden = []
    for score in range((1 << len(niveaus)) - 1, 0, -1):
        met_score = kandidaten
        for i, niveau in enumerate(niveaus):
            met_score &= niveau if score >> i & 1 else ~niveau
        gevonden += posities(met_score, aantal=aantal - len(gevonden))
        if len(gevonden) == aantal:
            break
    return [index.pks[i] for i in gevonden]


def per_werkplaats(index, bits, per_groep=3):
    """{Werkplaats option: (number, primary keys of the newest ``per_groep``)} of the products
    in ``bits``, for the groups that have any."""
    groepen = {}
    for slug, eigen in index.opties["werkplaats"].items():
        if samen := bits & eigen:
            nieuwste = [index.pks[i] for i in posities(samen, aantal=per_groep)]
            groepen[slug] = (samen.bit_count(), nieuwste)
    return groepen


def _publieke_themas(index):
    return [(pk, index.opties["thema"].get(pk, 0)) for pk, _slug, _title in index.themas]


def _tel_op(bitmaps):
    """Bit-sliced counters: per product the number of bitmaps it is in, in binary (a ripple
    adder over whole bitmaps)."""
    niveaus = []
    for overdracht in bitmaps:
        for i, niveau in enumerate(niveaus):
            niveaus[i], overdracht = niveau ^ overdracht, niveau & overdracht
            if not overdracht:
                break
        if overdracht:
            niveaus.append(overdracht)
    return niveaus


@dataclass
class Vast:
    """An order given as a list of primary keys."""

    pks: list

    def __len__(self):
        return len(self.pks)

    def stuk(self, begin, einde):
        return self.pks[begin:einde]


@dataclass
class Op_datum:
    """The selection newest first (the index's own order) or oldest first, without listing
    more of it than the slice asked for."""

    index: Facetindex
    selectie: int
    oudste_eerst: bool

    def __len__(self):
        return self.selectie.bit_count()

    def stuk(self, begin, einde):
        gevonden = posities(self.selectie, begin, max(0, einde - begin), self.oudste_eerst)
        return [self.index.pks[i] for i in gevonden]


def bouw():
    """A new index of the public products, from seven queries."""
    producten = ProductPage.objects.overzicht()
    rijen = list(
        producten.values_list(
            "pk",
            "werkplaats__slug",
            "product_type",
            "publicatiedatum__year",
            *(veld for _slug, veld, _l in VIER_OS + DOELGROEPEN),
        )
    )
    index = Facetindex(pks=[rij[0] for rij in rijen])
    index.positie = positie = {pk: i for i, pk in enumerate(index.pks)}
    index.opties = {naam: {} for naam in ("werkplaats", "provincie", "thema", "themagroep")}
    _eigen_velden(index, rijen)
    _koppelingen(index, positie)
    _als_bitmaps(index)
    _provincies(index)
    rang = producten.order_by("title", "pk").values_list("pk", flat=True)
    index.titelrang = [positie[pk] for pk in rang if pk in positie]
    _lijsten(index)
    index.geldig_tot = Page.objects.filter(expire_at__gt=timezone.now()).aggregate(
        eerste=Min("expire_at")
    )["eerste"]
    return index


def _zet(opties, waarde, i):
    """Collect the positions per option; ``_als_bitmaps`` makes the ints at the end."""
    opties.setdefault(waarde, []).append(i)


def _als_bitmaps(index):
    for opties in index.opties.values():
        for waarde, lijst in opties.items():
            opties[waarde] = bitmap(lijst)


# (facet, option) of each flag field, in the order of VIER_OS + DOELGROEPEN.
VLAGGEN = [("o", slug) for slug, _v, _l in VIER_OS] + [
    ("doelgroep", slug) for slug, _v, _l in DOELGROEPEN
]


def _eigen_velden(index, rijen):
    for naam in ("type", "jaar", "o", "doelgroep"):
        index.opties[naam] = {}
    for i, (_pk, werkplaats, soort, jaar, *waarden) in enumerate(rijen):
        _zet(index.opties["werkplaats"], werkplaats or ASSOCIATIE, i)
        _zet(index.opties["type"], soort, i)
        _zet(index.opties["jaar"], jaar, i)
        for (facet, slug), aan in zip(VLAGGEN, waarden, strict=True):
            if aan:
                _zet(index.opties[facet], slug, i)


def _koppelingen(index, positie):
    """Themes, themagroepen and tags by their links."""
    for facet, through, kolom in (
        ("thema", ProductPage.themas.through, "landelijkthemapage_id"),
        ("themagroep", ProductPage.themagroepen.through, "themagroeppage_id"),
    ):
        for pk, doel in through.objects.values_list("productpage_id", kolom):
            if pk in positie:
                _zet(index.opties[facet], doel, positie[pk])
    index.opties["tag"] = {}
    for pk, slug, naam in ProductTag.objects.values_list(
        "content_object_id", "tag__slug", "tag__name"
    ):
        if pk in positie:
            _zet(index.opties["tag"], slug, positie[pk])
            index.tagnamen[slug] = naam


def _provincies(index):
    """A product is in the provinces of its Werkplaats's gemeenten."""
    provincies = WerkplaatsPage.objects.filter(gemeenten__isnull=False).values_list(
        "slug", "gemeenten__provincie"
    )
    for slug, provincie in provincies.distinct():
        bits = index.opties["werkplaats"].get(slug, 0)
        index.opties["provincie"][provincie] = index.opties["provincie"].get(provincie, 0) | bits


def _lijsten(index):
    index.werkplaatsen = list(
        openbaar(WerkplaatsPage.objects.all()).order_by("title").values_list("slug", "title")
    )
    index.themas = list(
        openbaar(LandelijkThemaPage.objects.all())
        .order_by("path")
        .values_list("pk", "slug", "title")
    )
    index.themagroepen = list(
        openbaar(ThemagroepPage.objects.all()).order_by("title").values_list("pk", "slug", "title")
    )


class _Bewaard:
    """The index of this process, for one version of the content."""

    def __init__(self):
        self.slot = threading.Lock()
        self.versie = None
        self.index = None
        self.gebouwd = 0.0


_bewaard = _Bewaard()


def facetindex():
    """The index for the current content: this process's own, or a new one.

    While the shared cache is unreachable, an index built less than PAGINACACHE_NOODDUUR
    seconds ago is used (the page cache's rule for the same outage)."""
    toon_productlijst()
    versie = inhoudsversie("producten")
    with _bewaard.slot:
        if _bruikbaar(versie):
            return _bewaard.index
    index = bouw()
    with _bewaard.slot:
        _bewaard.versie, _bewaard.index, _bewaard.gebouwd = versie, index, time.monotonic()
    return index


def _bruikbaar(versie):
    index = _bewaard.index
    if index is None or (index.geldig_tot is not None and timezone.now() >= index.geldig_tot):
        return False
    if versie is not None:
        return versie == _bewaard.versie
    return time.monotonic() - _bewaard.gebouwd < settings.PAGINACACHE_NOODDUUR
