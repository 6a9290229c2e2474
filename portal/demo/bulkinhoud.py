"""Bulk content for benchmarks and tests: thousands of realistic products, fast and deterministic.

``genereer(aantal, seed)`` adds ``aantal`` published products to the existing site structure
(the 16 Werkplaatsen, their leerateliers, the Associatie, the landelijke thema's and the
themagroepen, as ``load_demo_content`` builds them), spread over Werkplaatsen, product types,
years, themes, themagroepen, tags, authors, documents and images. The same seed on the same
structure gives the same products.

Wagtail creates pages one at a time (treebeard computes each path, every page gets a revision
and a search-index update of its own), which takes minutes for a few thousand products. Here the
tree paths are computed per parent in advance and every table is written with multi-row
INSERTs: the ``wagtailcore_page`` rows (with the ids the database returns), the
``kennisbank_productpage`` rows, the thema and themagroep links, tags and authors; the search
index is updated in chunks through Wagtail's search backends. Pages get no revision: a page
without one is valid in Wagtail (the editor's first save makes one). Bulk products are
recognised by their slug, which starts with ``bulk-``.
"""

import datetime
import io
import random
import time
import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connections, router, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page
from wagtail.search.backends import get_search_backends

from kennisbank.models import (
    DOELGROEPEN,
    VIER_OS,
    ProductAuteur,
    ProductPage,
    ProductTag,
    ProductType,
)
from portal.demo.bestanden import beschrijving, maak_pdf, maak_png
from portal.site.paginacache.generatie import verhoog_generatie
from portal.themas.models import LandelijkThemaPage
from werkplaatsen.models import (
    AssociatiePage,
    LeeratelierPage,
    Persoon,
    ThemagroepPage,
    WerkplaatsPage,
)

SLUG_PREFIX = "bulk-"
COLLECTIE = "Bulkinhoud"
AANTAL_AFBEELDINGEN = 24
AANTAL_DOCUMENTEN = 40
BATCH = 500
INDEX_BATCH = 1000
EERSTE_JAAR, LAATSTE_JAAR = 2015, 2025

# How often each product type occurs (relative weights).
SOORTEN = {
    ProductType.PUBLICATIE: 8,
    ProductType.RAPPORT: 14,
    ProductType.HANDREIKING: 10,
    ProductType.FACTSHEET: 7,
    ProductType.COLUMN: 12,
    ProductType.ARTIKEL: 12,
    ProductType.VIDEO: 6,
    ProductType.PODCAST: 5,
    ProductType.METHODIEK: 6,
    ProductType.TRAINING: 4,
    ProductType.PRESENTATIE: 10,
    ProductType.POSITION_PAPER: 3,
}

# (onderwerp as it reads in a title, doelgroep in a sentence, trefwoorden)
ONDERWERPEN = [
    ("eenzaamheid onder ouderen", "ouderen die alleen wonen", ["eenzaamheid", "ouderen"]),
    ("armoede en schulden", "huishoudens met geldzorgen", ["armoede", "schulden"]),
    ("samenwerking in wijkteams", "professionals in wijkteams", ["wijkteams", "samenwerken"]),
    ("mantelzorg en respijtzorg", "mantelzorgers", ["mantelzorg", "respijtzorg"]),
    ("jeugdhulp dichtbij huis", "gezinnen met jonge kinderen", ["jeugdhulp", "gezinnen"]),
    ("ervaringsdeskundigheid", "ervaringsdeskundigen", ["ervaringsdeskundigheid"]),
    ("informele zorg en vrijwilligers", "vrijwilligers", ["vrijwilligers", "informele-zorg"]),
    ("bestaanszekerheid", "mensen met een laag inkomen", ["bestaanszekerheid", "armoede"]),
    ("dakloosheid en wonen", "dak- en thuislozen", ["dakloosheid", "wonen"]),
    ("laaggeletterdheid", "laaggeletterde volwassenen", ["laaggeletterdheid", "taal"]),
    ("digitale inclusie", "bewoners met weinig digitale vaardigheden", ["digitale-inclusie"]),
    ("positieve gezondheid", "bewoners en huisartsen", ["positieve-gezondheid", "gezondheid"]),
    ("vroegsignalering van schulden", "schuldhulpverleners", ["vroegsignalering", "schulden"]),
    ("de sociale basis in de wijk", "buurtinitiatieven", ["sociale-basis", "buurt"]),
    ("participatie en werk", "werkzoekenden met een afstand tot werk", ["participatie", "werk"]),
    ("huiselijk geweld", "slachtoffers en hun omgeving", ["huiselijk-geweld", "veiligheid"]),
    ("statushouders en inburgering", "statushouders", ["inburgering", "statushouders"]),
    ("dementie in de buurt", "mensen met dementie en hun naasten", ["dementie", "ouderen"]),
    ("ggz in de wijk", "bewoners met psychische kwetsbaarheid", ["ggz", "wijkteams"]),
    ("jongeren en perspectief", "jongeren tussen 16 en 27 jaar", ["jongeren", "perspectief"]),
    ("professionele ruimte", "sociaal werkers", ["professionele-ruimte", "vakmanschap"]),
    ("integraal werken", "gemeenten en hun partners", ["integraal-werken", "samenwerken"]),
    ("preventie en welzijn", "welzijnsorganisaties", ["preventie", "welzijn"]),
    ("zorgmijders", "mensen die zorg mijden", ["zorgmijding", "outreachend-werken"]),
    ("wonen met zorg", "ouderen en mensen met een beperking", ["wonen", "zorg"]),
    ("leefstijl en gezondheidsverschillen", "wijken met gezondheidsachterstand", ["leefstijl"]),
    ("arbeidsmarkt in het sociaal domein", "werkgevers in zorg en welzijn", ["arbeidsmarkt"]),
    ("onderwijs en praktijk verbinden", "docenten en studenten", ["onderwijs", "leren"]),
    ("polarisatie en vertrouwen", "bewoners en hun gemeente", ["polarisatie", "vertrouwen"]),
    ("toegang tot ondersteuning", "bewoners die hulp zoeken", ["toegang", "wmo"]),
    ("de Jeugdwet in de praktijk", "jeugdprofessionals", ["jeugdwet", "jeugdhulp"]),
    ("de Participatiewet", "uitkeringsgerechtigden", ["participatiewet", "werk"]),
    ("cliëntondersteuning", "cliëntondersteuners", ["clientondersteuning", "wmo"]),
    ("sociale cohesie", "buurtbewoners", ["sociale-cohesie", "buurt"]),
    ("kwetsbare gezinnen", "gezinnen met meervoudige problemen", ["gezinnen", "multiprobleem"]),
    ("lerende praktijken", "leergemeenschappen", ["leerkring", "lerende-praktijk"]),
]
EXTRA_TREFWOORDEN = [
    "impact",
    "evaluatie",
    "actieonderzoek",
    "co-creatie",
    "wijkgericht-werken",
    "gemeente",
    "beleid",
    "methodiek",
    "interprofessioneel-samenwerken",
    "inclusie",
    "diversiteit",
    "gelijkwaardigheid",
    "eigen-regie",
    "netwerken",
    "kennisdeling",
    "studenten",
    "praktijkgericht-onderzoek",
    "monitoring",
    "effectiviteit",
    "kosten-en-baten",
]
TITELS = {
    ProductType.PUBLICATIE: ["{Onderwerp}: een verkenning in {plaats}", "Zicht op {onderwerp}"],
    ProductType.RAPPORT: [
        "Onderzoeksrapport {onderwerp} in {plaats}",
        "Wat werkt bij {onderwerp}? Resultaten uit {plaats}",
    ],
    ProductType.HANDREIKING: [
        "Handreiking {onderwerp} voor professionals",
        "Aan de slag met {onderwerp} in {plaats}",
    ],
    ProductType.FACTSHEET: ["Factsheet {onderwerp} {jaar}", "Feiten en cijfers: {onderwerp}"],
    ProductType.COLUMN: ["Column: {onderwerp} vraagt om lef", "Column: wat {plaats} ons leert"],
    ProductType.ARTIKEL: ["{Onderwerp} in de praktijk", "Lessen over {onderwerp} uit {plaats}"],
    ProductType.VIDEO: ["Video: {onderwerp} in beeld", "Video: zo werkt {plaats} aan {onderwerp}"],
    ProductType.PODCAST: ["Podcast: in gesprek over {onderwerp}", "Podcast: {onderwerp}"],
    ProductType.METHODIEK: ["Methodiek voor {onderwerp}", "Werkkaarten {onderwerp}"],
    ProductType.TRAINING: ["Leerkring {onderwerp}", "Training {onderwerp} in {plaats}"],
    ProductType.PRESENTATIE: ["Presentatie {onderwerp}", "Slides: {onderwerp} in {plaats}"],
    ProductType.POSITION_PAPER: ["Position paper {onderwerp}", "Pleidooi: {onderwerp}"],
}
PLAATSEN = [
    "Amsterdam",
    "Arnhem",
    "Nijmegen",
    "Den Haag",
    "Leiden",
    "Almere",
    "Lelystad",
    "Leeuwarden",
    "Ede",
    "Utrecht",
    "Groningen",
    "Assen",
    "Breda",
    "Tilburg",
    "Eindhoven",
    "Haarlem",
    "Alkmaar",
    "Zwolle",
    "Enschede",
    "Middelburg",
    "Dordrecht",
    "Rotterdam",
    "Maastricht",
    "Heerlen",
    "Deventer",
    "Apeldoorn",
    "Hengelo",
    "Gouda",
]
ZINNEN = [
    "Professionals, onderzoekers en bewoners zochten samen uit wat {doelgroep} echt helpt.",
    "In {plaats} werkten gemeente, hogeschool en zorg- en welzijnsorganisaties een jaar samen.",
    "De aanpak is getoetst in drie wijken en daarna bijgesteld met de betrokken professionals.",
    "Het onderzoek combineert interviews, een vragenlijst en bijeenkomsten in een leeratelier.",
    "Wat opvalt: kleine afspraken over wie wat doet maken het grootste verschil voor {doelgroep}.",
    "Studenten van de hogeschool verzamelden verhalen van {doelgroep} in {plaats}.",
    "De resultaten zijn besproken met beleidsmakers, die er hun werkwijze op hebben aangepast.",
    "Een praktische vertaling voor het onderwijs volgt in het komende studiejaar.",
    "De Werkplaats deelt de opbrengsten met andere regio's via de landelijke themagroep.",
    "Volgens de deelnemers vraagt dit om ruimte voor professionals om af te wijken van regels.",
    "Het product beschrijft vijf werkzame elementen en geeft voorbeelden uit de praktijk.",
    "Bewoners en cliënten dachten vanaf het begin mee over de vragen en de uitkomsten.",
]
KOPPEN = ["Aanleiding", "Aanpak", "Wat we zagen", "Wat werkt", "Aanbevelingen", "Tot slot"]
VOORNAMEN = [
    "Anouk",
    "Bram",
    "Chantal",
    "Daan",
    "Esra",
    "Fleur",
    "Gijs",
    "Hanneke",
    "Iris",
    "Jeroen",
    "Karin",
    "Lotte",
    "Mohamed",
    "Noor",
    "Olaf",
    "Priya",
    "Ruben",
    "Saskia",
    "Thijs",
    "Yara",
]
ACHTERNAMEN = [
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Yilmaz",
    "El Amrani",
    "Brouwer",
    "van Dijk",
]


@dataclass
class Structuur:
    """Where products can go and what they can refer to, read once from the database."""

    werkplaatsen: list
    leerateliers: dict  # werkplaats pk -> [LeeratelierPage]
    associatie: object
    themas: list
    themagroepen: list
    lectoren: dict  # werkplaats pk (or None) -> [lector pk]
    alle_lectoren: list


@dataclass
class Verslag:
    producten: int = 0
    seconden: dict = field(default_factory=dict)

    def stap(self, naam, begin):
        self.seconden[naam] = self.seconden.get(naam, 0.0) + time.perf_counter() - begin

    @property
    def totaal(self):
        return sum(self.seconden.values())


class GeenStructuur(Exception):
    """The site has no Werkplaatsen yet: load the demo content first."""


def lees_structuur():
    werkplaatsen = list(WerkplaatsPage.objects.order_by("path"))
    associatie = AssociatiePage.objects.first()
    if not werkplaatsen or associatie is None:
        raise GeenStructuur("Geen Werkplaatsen of Associatie gevonden.")
    leerateliers = {}
    paden = {w.path: w.pk for w in werkplaatsen}
    for atelier in LeeratelierPage.objects.order_by("path"):
        werkplaats_pk = paden.get(atelier.path[: -Page.steplen])
        if werkplaats_pk:
            leerateliers.setdefault(werkplaats_pk, []).append(atelier)
    lectoren = {}
    for pk, beheerder in Persoon.objects.order_by("pk").values_list("pk", "beheerd_door_id"):
        lectoren.setdefault(beheerder, []).append(pk)
    return Structuur(
        werkplaatsen=werkplaatsen,
        leerateliers=leerateliers,
        associatie=associatie,
        themas=list(LandelijkThemaPage.objects.order_by("path").values_list("pk", flat=True)),
        themagroepen=list(ThemagroepPage.objects.order_by("path").values_list("pk", flat=True)),
        lectoren=lectoren,
        alle_lectoren=[pk for pks in lectoren.values() for pk in pks],
    )


def bulkproducten():
    return ProductPage.objects.filter(slug__startswith=SLUG_PREFIX)


def volgend_nummer():
    """The number after the highest bulk product's (slugs carry it, zero-padded)."""
    laatste = bulkproducten().order_by("-slug").values_list("slug", flat=True).first()
    if not laatste:
        return 1
    nummer = laatste[len(SLUG_PREFIX) :].split("-", 1)[0]
    return int(nummer) + 1 if nummer.isdigit() else bulkproducten().count() + 1


def verwijder_bulkproducten():
    """Delete every bulk product (with its links, tags, authors and index entries)."""
    aantal = bulkproducten().count()
    if aantal:
        # Treebeard's queryset delete fixes numchild of the parents; products have no children.
        Page.objects.filter(pk__in=bulkproducten().values("pk")).delete()
        verhoog_generatie()
    return aantal


# -- files -------------------------------------------------------------------------------------


def _collectie():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=COLLECTIE).first() or root.add_child(name=COLLECTIE)


def zorg_voor_bestanden():
    """A fixed pool of images and documents that bulk products refer to; made once."""
    collectie = _collectie()
    afbeeldingen = []
    image_model = get_image_model()
    for nummer in range(1, AANTAL_AFBEELDINGEN + 1):
        titel = f"Bulkillustratie {nummer:02d}"
        afbeelding = image_model.objects.filter(title=titel, collection=collectie).first()
        if afbeelding is None:
            afbeelding = image_model(
                title=titel, description=beschrijving(nummer), collection=collectie
            )
            inhoud = io.BytesIO(maak_png(nummer, breedte=640, hoogte=360))
            afbeelding.file = ImageFile(inhoud, name=f"bulkillustratie-{nummer:02d}.png")
            afbeelding.save()
        afbeeldingen.append(afbeelding.pk)
    documenten = []
    document_model = get_document_model()
    for nummer in range(1, AANTAL_DOCUMENTEN + 1):
        titel = f"Bulkdocument {nummer:02d}"
        document = document_model.objects.filter(title=titel, collection=collectie).first()
        if document is None:
            document = document_model(title=titel, collection=collectie)
            pdf = maak_pdf(titel, [ZINNEN[nummer % len(ZINNEN)].format(doelgroep="", plaats="")])
            document.file.save(f"bulkdocument-{nummer:02d}.pdf", ContentFile(pdf), save=False)
            document._set_document_file_metadata()
            document.save()
        documenten.append(document.pk)
    return afbeeldingen, documenten


def zorg_voor_tags():
    namen = sorted({t for _o, _d, tags in ONDERWERPEN for t in tags} | set(EXTRA_TREFWOORDEN))
    bestaand = set(Tag.objects.filter(slug__in=namen).values_list("slug", flat=True))
    Tag.objects.bulk_create(
        [Tag(name=naam.replace("-", " "), slug=naam) for naam in namen if naam not in bestaand],
        ignore_conflicts=True,
    )
    return dict(Tag.objects.filter(slug__in=namen).values_list("slug", "pk"))


# -- the products --------------------------------------------------------------------------------


class Ontwerper:
    """Draws every property of a product from one seeded random generator."""

    def __init__(self, seed, structuur, afbeeldingen, documenten, tags, eerste=1):
        # The same seed from the same first number (a fresh site, or after --clear) gives the
        # same products; a later run with the same seed adds other ones.
        self.rng = random.Random(seed * 1_000_003 + eerste)
        self.s = structuur
        self.afbeeldingen = afbeeldingen
        self.documenten = documenten
        self.tags = tags
        self.tag_slugs = sorted(tags)
        # Some Werkplaatsen publish far more than others.
        self.gewichten = [self.rng.uniform(0.4, 2.0) for _w in structuur.werkplaatsen]
        self.soorten = list(SOORTEN)
        self.soort_gewichten = list(SOORTEN.values())
        jaren = list(range(EERSTE_JAAR, LAATSTE_JAAR + 1))
        self.jaren = jaren
        self.jaar_gewichten = [1 + (jaar - EERSTE_JAAR) * 0.25 for jaar in jaren]
        self.extra_gewichten = [1 / (i + 3) for i in range(len(EXTRA_TREFWOORDEN))]

    def uuid(self):
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def ouder(self):
        """(parent page, werkplaats pk or None, leeratelier pk or None)"""
        if self.rng.random() < 0.05:
            return self.s.associatie, None, None
        werkplaats = self.rng.choices(self.s.werkplaatsen, self.gewichten)[0]
        ateliers = self.s.leerateliers.get(werkplaats.pk)
        if ateliers and self.rng.random() < 0.15:
            atelier = self.rng.choice(ateliers)
            return atelier, werkplaats.pk, atelier.pk
        return werkplaats, werkplaats.pk, None

    def product(self, nummer):
        rng = self.rng
        ouder, werkplaats_pk, atelier_pk = self.ouder()
        soort = rng.choices(self.soorten, self.soort_gewichten)[0]
        onderwerp, doelgroep, onderwerp_tags = rng.choice(ONDERWERPEN)
        plaats = rng.choice(PLAATSEN)
        jaar = rng.choices(self.jaren, self.jaar_gewichten)[0]
        datum = datetime.date(jaar, 1, 1) + datetime.timedelta(days=rng.randrange(365))
        titel = rng.choice(TITELS[soort]).format(
            onderwerp=onderwerp, Onderwerp=onderwerp[0].upper() + onderwerp[1:], plaats=plaats,
            jaar=jaar,
        )  # fmt: skip
        zinnen = [z.format(doelgroep=doelgroep, plaats=plaats) for z in rng.sample(ZINNEN, 7)]
        samenvatting = " ".join(zinnen[:2])
        body = []
        for kop_nummer, kop in enumerate(sorted(rng.sample(KOPPEN, 2), key=KOPPEN.index)):
            body.append(
                {"type": "kop", "value": {"tekst": kop, "niveau": "h2"}, "id": str(self.uuid())}
            )
            alinea = " ".join(zinnen[2 + 2 * kop_nummer : 4 + 2 * kop_nummer])
            body.append({"type": "tekst", "value": f"<p>{alinea}</p>", "id": str(self.uuid())})
        themas = rng.sample(self.s.themas, k=min(len(self.s.themas), rng.choice([1, 1, 2, 2, 3])))
        themagroepen = (
            [rng.choice(self.s.themagroepen)] if self.s.themagroepen and rng.random() < 0.3 else []
        )
        tags = list(dict.fromkeys(onderwerp_tags + self._extra_tags()))
        beeld_of_geluid = soort in (ProductType.VIDEO, ProductType.PODCAST)
        heeft_document = not beeld_of_geluid and rng.random() < 0.6
        moment = timezone.make_aware(
            datetime.datetime.combine(datum, datetime.time(9 + rng.randrange(8), rng.randrange(60)))
        )
        return {
            "nummer": nummer,
            "ouder": ouder,
            "werkplaats_id": werkplaats_pk,
            "leeratelier_id": atelier_pk,
            "titel": titel,
            "slug": f"{SLUG_PREFIX}{nummer:06d}-{slugify(titel)[:60].strip('-')}",
            "soort": soort,
            "datum": datum,
            "moment": moment,
            "samenvatting": samenvatting,
            "body": body,
            "document_id": rng.choice(self.documenten) if heeft_document else None,
            "afbeelding_id": rng.choice(self.afbeeldingen) if rng.random() < 0.4 else None,
            "externe_link": "" if heeft_document else f"https://example.org/producten/{nummer}",
            "vier_os": [rng.random() < kans for kans in (0.6, 0.45, 0.3, 0.35)],
            "doelgroepen": [rng.random() < kans for kans in (0.7, 0.4, 0.25, 0.2)],
            "themas": themas,
            "themagroepen": themagroepen,
            "tags": [self.tags[slug] for slug in tags],
            "auteurs": self._auteurs(werkplaats_pk),
            # Unique per bulk number, also over runs with the same seed.
            "translation_key": uuid.uuid5(uuid.NAMESPACE_URL, f"wsd-bulkproduct-{nummer}"),
        }

    def _extra_tags(self):
        # A long tail: the first tags are common (the most common on about one product in
        # six), most are rare.
        aantal = self.rng.choice([0, 1, 1, 2, 3])
        return self.rng.choices(EXTRA_TREFWOORDEN, self.extra_gewichten, k=aantal)

    def _auteurs(self, werkplaats_pk):
        auteurs = []
        eigen = self.s.lectoren.get(werkplaats_pk) or self.s.alle_lectoren
        for _i in range(self.rng.choice([1, 1, 2, 2, 3])):
            if eigen and self.rng.random() < 0.5:
                auteurs.append((self.rng.choice(eigen), ""))
            else:
                naam = f"{self.rng.choice(VOORNAMEN)} {self.rng.choice(ACHTERNAMEN)}"
                auteurs.append((None, naam))
        return list(dict.fromkeys(auteurs))


def _pagina(data, pad, content_type_id, locale_id):
    ouder = data["ouder"]
    vier_os = {veld: aan for (_s, veld, _l), aan in zip(VIER_OS, data["vier_os"], strict=True)}
    doelgroepen = {
        veld: aan for (_s, veld, _l), aan in zip(DOELGROEPEN, data["doelgroepen"], strict=True)
    }
    return ProductPage(
        path=pad,
        depth=ouder.depth + 1,
        numchild=0,
        translation_key=data["translation_key"],
        locale_id=locale_id,
        live=True,
        has_unpublished_changes=False,
        first_published_at=data["moment"],
        last_published_at=data["moment"],
        latest_revision_created_at=data["moment"],
        title=data["titel"],
        draft_title=data["titel"],
        slug=data["slug"],
        content_type_id=content_type_id,
        url_path=f"{ouder.url_path}{data['slug']}/",
        show_in_menus=False,
        werkplaats_id=data["werkplaats_id"],
        leeratelier_id=data["leeratelier_id"],
        product_type=data["soort"],
        publicatiedatum=data["datum"],
        samenvatting=data["samenvatting"],
        # Made up for load tests: labelled "Voorbeeld" like the demo products.
        is_voorbeeld=True,
        body=data["body"],
        document_id=data["document_id"],
        externe_link=data["externe_link"],
        afbeelding_id=data["afbeelding_id"],
        **vier_os,
        **doelgroepen,
    )


def _paden(ouders):
    """The next free child path of each parent (treebeard's materialised path)."""
    volgende = {}
    for ouder in ouders:
        laatste = (
            Page.objects.filter(path__startswith=ouder.path, depth=ouder.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        volgende[ouder.pk] = Page._str2int(laatste[-Page.steplen :]) + 1 if laatste else 1
    return volgende


def _insert(model, objecten, velden, using, returning=False):
    """Multi-row INSERT of ``velden`` (one table of a multi-table model), in batches.

    Django's bulk_create refuses multi-table inheritance, so each level of ProductPage is
    written with the same lower-level insert that Model.save uses, many rows at a time.
    """
    connection = connections[using]
    grootte = max(1, min(BATCH, connection.ops.bulk_batch_size(velden, objecten)))
    rijen = []
    for begin in range(0, len(objecten), grootte):
        rijen += model._base_manager._insert(
            objecten[begin : begin + grootte],
            fields=velden,
            returning_fields=model._meta.db_returning_fields if returning else None,
            using=using,
        ) or []  # fmt: skip
    return rijen


def _schrijf(ontwerpen, using):
    """Write one batch of designed products; returns the new page ids."""
    content_type_id = ContentType.objects.get_for_model(ProductPage).pk
    locale_id = Locale.get_default().pk
    volgende = _paden({data["ouder"].pk: data["ouder"] for data in ontwerpen}.values())
    paginas = []
    per_ouder = {}
    for data in ontwerpen:
        ouder = data["ouder"]
        stap = volgende[ouder.pk]
        volgende[ouder.pk] = stap + 1
        pad = Page._get_path(ouder.path, ouder.depth + 1, stap)
        paginas.append(_pagina(data, pad, content_type_id, locale_id))
        per_ouder[ouder.pk] = per_ouder.get(ouder.pk, 0) + 1

    page_velden = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    rijen = _insert(Page, paginas, page_velden, using, returning=True)
    if len(rijen) != len(paginas):
        raise RuntimeError("De database gaf niet voor elke nieuwe pagina een id terug.")
    for pagina, (pk, *_rest) in zip(paginas, rijen, strict=True):
        pagina.id = pagina.page_ptr_id = pk
    _insert(ProductPage, paginas, list(ProductPage._meta.local_concrete_fields), using)
    for ouder_pk, aantal in per_ouder.items():
        Page.objects.using(using).filter(pk=ouder_pk).update(numchild=F("numchild") + aantal)

    thema_links, groep_links, tag_links, auteurs = [], [], [], []
    for pagina, data in zip(paginas, ontwerpen, strict=True):
        thema_links += [
            ProductPage.themas.through(productpage_id=pagina.pk, landelijkthemapage_id=t)
            for t in data["themas"]
        ]
        groep_links += [
            ProductPage.themagroepen.through(productpage_id=pagina.pk, themagroeppage_id=g)
            for g in data["themagroepen"]
        ]
        tag_links += [ProductTag(content_object_id=pagina.pk, tag_id=t) for t in data["tags"]]
        auteurs += [
            ProductAuteur(page_id=pagina.pk, sort_order=volgorde, persoon_id=lector, naam=naam)
            for volgorde, (lector, naam) in enumerate(data["auteurs"])
        ]
    for model, rijen_ in [
        (ProductPage.themas.through, thema_links),
        (ProductPage.themagroepen.through, groep_links),
        (ProductTag, tag_links),
        (ProductAuteur, auteurs),
    ]:
        model.objects.using(using).bulk_create(rijen_, batch_size=BATCH)
    return [pagina.pk for pagina in paginas]


def indexeer(pks, using=None):
    """Add products to every search backend, a chunk at a time, as update_index would."""
    backends = list(get_search_backends(with_auto_update=True))
    for begin in range(0, len(pks), INDEX_BATCH):
        chunk = list(
            ProductPage.get_indexed_objects()
            .using(using or router.db_for_read(ProductPage))
            .filter(pk__in=pks[begin : begin + INDEX_BATCH])
            .order_by("pk")
        )
        for backend in backends:
            backend.add_bulk(ProductPage, chunk)


def analyseer(using):
    """Fresh planner statistics after a bulk load, as autovacuum would make them later: of every
    table, also the small ones the load did not touch (without statistics for the view
    restrictions, PostgreSQL planned the site search's "public" check as a nested loop over every
    page: 5 s instead of 0.13 s at 20,000 products)."""
    if connections[using].vendor != "postgresql":
        return
    with connections[using].cursor() as cursor:
        cursor.execute("ANALYZE")


def genereer(aantal, seed=1, index=True, melding=None):
    """Add ``aantal`` bulk products; returns a Verslag with the time of each step."""
    melding = melding or (lambda tekst: None)
    verslag = Verslag()
    using = router.db_for_write(ProductPage)

    begin = time.perf_counter()
    structuur = lees_structuur()
    afbeeldingen, documenten = zorg_voor_bestanden()
    tags = zorg_voor_tags()
    eerste = volgend_nummer()
    ontwerper = Ontwerper(seed, structuur, afbeeldingen, documenten, tags, eerste)
    ontwerpen = [ontwerper.product(nummer) for nummer in range(eerste, eerste + aantal)]
    verslag.stap("ontwerpen", begin)

    begin = time.perf_counter()
    pks = []
    with transaction.atomic(using=using):
        for start in range(0, aantal, 5000):
            pks += _schrijf(ontwerpen[start : start + 5000], using)
            melding(f"  {len(pks)} van {aantal} producten geschreven")
    verslag.stap("schrijven", begin)

    if index:
        begin = time.perf_counter()
        indexeer(pks, using)
        verslag.stap("zoekindex", begin)

    analyseer(using)
    # Bulk inserts send no signals: tell the page cache that the content changed.
    verhoog_generatie()
    verslag.producten = len(pks)
    return verslag
