"""Product cards are rendered once and kept under a key of every value they show
(kennisbank/kaarten.py): a kept card is never stale."""

import datetime
import uuid

import pytest
from django.core.cache import cache
from django.db import models
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from wagtail.fields import StreamField
from wagtail.models import Collection, Locale

from kennisbank.kaarten import Kaartenbak, kaartenbak, render_kaart
from kennisbank.models import ProductPage
from tests.support.role_tree import gebruiker, maak_afbeelding, maak_document
from tests.support.tree import add_product, build_tree, publish
from werkplaatsen.models import LeeratelierPage

pytestmark = pytest.mark.django_db

GEEN = object()  # no other value found
RENDITIE = "fill-640x360|format-webp"  # the card's image
VARIANTEN = [(3, False), (3, True), (2, False)]  # (kopniveau, zonder_herkomst)


@pytest.fixture(autouse=True)
def _kaartenbak(settings):
    settings.PRODUCTKAARTEN_LOKAAL = 100
    kaartenbak().leeg()
    yield
    kaartenbak().leeg()


@pytest.fixture
def tree():
    return build_tree()


@pytest.fixture
def twee_producten(tree):
    """Two products that differ in every field the card could show."""
    door = gebruiker("beheerder", is_superuser=True)
    collectie = Collection.get_first_root_node()
    eerste_foto = maak_afbeelding("Eerste", collectie, door)
    tweede_foto = maak_afbeelding("Tweede", collectie.add_child(name="Tweede"), door)
    tweede_foto.focal_point_x, tweede_foto.focal_point_y = 3, 4
    tweede_foto.focal_point_width = tweede_foto.focal_point_height = 2
    tweede_foto.save()
    Locale.objects.create(language_code="en")
    atelier = publish(
        tree["zuyd"],
        LeeratelierPage(title="Atelier", slug="atelier", intro="x", start_jaar=2020),
    )
    cache.clear()  # Wagtail's cache of renditions may name those of an earlier test's images
    for foto in (eerste_foto, tweede_foto):
        foto.get_rendition(RENDITIE)  # as a first card made it: a card's key names them
    eerste = add_product(tree["noord"], "Eerste product", day=1, afbeelding=eerste_foto)
    tweede = add_product(
        atelier,
        "Tweede product",
        day=40,
        afbeelding=tweede_foto,
        document=maak_document("Verslag", collectie, door),
        product_type="video",
        datum_bij_benadering=True,
        is_voorbeeld=True,
    )
    return eerste.pk, tweede.pk


def geladen(pk):
    return ProductPage.objects.overzicht().get(pk=pk)


def verzoek():
    return RequestFactory().get("/kennisbank/")


def via_tag(product, kopniveau, zonder_herkomst):
    sjabloon = Template("{% load fragmenten %}{% productkaart product kopniveau zonder_herkomst %}")
    context = {
        "product": product,
        "kopniveau": kopniveau,
        "zonder_herkomst": zonder_herkomst,
        "request": verzoek(),
    }
    return sjabloon.render(Context(context))


def direct(product, kopniveau, zonder_herkomst):
    url = product.get_url(request=verzoek())
    return render_kaart(product, url, kopniveau=kopniveau, zonder_herkomst=zonder_herkomst)


def andere_waarde(veld, waarde, waarde_elders):
    """A value of this field other than ``waarde``: the other instance's, else a changed one."""
    if waarde_elders != waarde:
        return waarde_elders
    if isinstance(veld, models.ForeignKey):
        rijen = veld.related_model._default_manager.exclude(pk=waarde)
        ander = rijen.values_list("pk", flat=True).first()
        if ander is not None:
            return ander
        return None if waarde is not None and veld.null else GEEN
    if veld.choices:
        return next(keuze for keuze, _label in veld.flatchoices if keuze != waarde)
    if isinstance(veld, models.BooleanField):
        return not waarde
    if isinstance(veld, models.CharField | models.TextField):
        return f"{waarde or ''}-anders"
    if isinstance(veld, models.DateTimeField | models.DateField):
        return (waarde or datetime.datetime(2024, 1, 1)) + datetime.timedelta(days=1)
    if isinstance(veld, models.IntegerField | models.FloatField | models.DecimalField):
        return (waarde or 0) + 1
    if isinstance(veld, models.UUIDField):
        return uuid.uuid4()
    return GEEN


def velden(model):
    """Every field of the model that holds a value of its own (StreamFields are deferred in
    listings, so a card cannot show them)."""
    return [veld for veld in model._meta.concrete_fields if not isinstance(veld, StreamField)]


def wijzigingen(eerste_pk, tweede_pk):
    """(name, change) for every field of the product, its Werkplaats and its image; a change
    sets that one field of a freshly loaded first product to another value."""
    eerste, tweede = geladen(eerste_pk), geladen(tweede_pk)
    delen = {
        "product": lambda product: product,
        "werkplaats": lambda product: product.werkplaats,
        "afbeelding": lambda product: product.afbeelding,
    }
    for deel, pak in delen.items():
        for veld in velden(type(pak(eerste))):
            waarde = getattr(pak(eerste), veld.attname)
            nieuw = andere_waarde(veld, waarde, getattr(pak(tweede), veld.attname))
            yield f"{deel}.{veld.name}", deel, veld.attname, nieuw


def test_a_kept_card_shows_every_change_of_a_field_of_the_product_its_werkplaats_or_image(
    twee_producten,
):
    eerste_pk, tweede_pk = twee_producten
    onveranderd, verouderd = [], []
    for naam, deel, attribuut, nieuw in wijzigingen(eerste_pk, tweede_pk):
        if nieuw is GEEN:
            onveranderd.append(naam)
            continue
        for kopniveau, zonder_herkomst in VARIANTEN:
            product = geladen(eerste_pk)
            via_tag(product, kopniveau, zonder_herkomst)  # kept as it was
            doel = product if deel == "product" else getattr(product, deel)
            setattr(doel, attribuut, nieuw)
            if via_tag(product, kopniveau, zonder_herkomst) != direct(
                product, kopniveau, zonder_herkomst
            ):
                verouderd.append((naam, kopniveau, zonder_herkomst))
    assert verouderd == []
    assert onveranderd == [], onveranderd


def test_the_fields_that_the_card_shows_make_a_difference_so_the_test_above_can_fail(
    twee_producten,
):
    eerste_pk, tweede_pk = twee_producten
    getoond = set()
    for naam, deel, attribuut, nieuw in wijzigingen(eerste_pk, tweede_pk):
        product = geladen(eerste_pk)
        voor = direct(product, 3, False)
        doel = product if deel == "product" else getattr(product, deel)
        setattr(doel, attribuut, nieuw)
        if direct(product, 3, False) != voor:
            getoond.add(naam)
    assert {
        "product.title",
        "product.url_path",
        "product.product_type",
        "product.publicatiedatum",
        "product.datum_bij_benadering",
        "product.is_voorbeeld",
        "product.samenvatting",
        "product.werkplaats",
        "product.afbeelding",
        "werkplaats.title",
        "afbeelding.focal_point_x",
    } <= getoond


def test_variants_and_languages_are_kept_apart(twee_producten):
    product = geladen(twee_producten[0])
    kaarten = {variant: via_tag(product, *variant) for variant in VARIANTEN}
    assert len(set(kaarten.values())) == len(VARIANTEN)
    for variant, html in kaarten.items():
        assert via_tag(product, *variant) == html == direct(product, *variant)
    with translation.override("en"):
        assert via_tag(product, 3, False) == direct(product, 3, False)
    assert len(kaartenbak()) == len(VARIANTEN) + 1


def test_a_kept_card_is_served_without_rendering(twee_producten, monkeypatch):
    product = geladen(twee_producten[0])
    html = via_tag(product, 3, False)
    monkeypatch.setattr("kennisbank.kaarten.render_kaart", pytest.fail)
    assert via_tag(geladen(twee_producten[0]), 3, False) == html


def test_without_a_store_every_card_is_rendered(twee_producten, settings):
    settings.PRODUCTKAARTEN_LOKAAL = 0
    product = geladen(twee_producten[0])
    assert via_tag(product, 3, False) == direct(product, 3, False)
    assert len(kaartenbak()) == 0


def test_the_store_drops_the_least_recently_used_card():
    bak = Kaartenbak(2)
    bak.bewaar("a", "A")
    bak.bewaar("b", "B")
    assert bak.haal("a") == "A"  # now b is the least recently used
    bak.bewaar("c", "C")
    assert (bak.haal("a"), bak.haal("b"), bak.haal("c")) == ("A", None, "C")
    assert len(bak) == 2
    bak.bewaar("a", "A2")
    assert bak.haal("a") == "A2" and len(bak) == 2


def test_a_published_change_shows_on_every_listing_of_the_product(tree, client):
    product = add_product(tree["noord"], "Oude titel", day=3)
    paden = ["/kennisbank/", "/werkplaatsen/noord/", "/"]
    for pad in paden:
        assert "Oude titel" in client.get(pad).content.decode()
    product.title = "Nieuwe titel"
    product.samenvatting = "Een nieuwe samenvatting."
    product.save_revision().publish()
    for pad in paden:
        html = client.get(pad).content.decode()
        assert "Nieuwe titel" in html and "Oude titel" not in html, pad
        assert "Een nieuwe samenvatting." in html, pad


def test_a_moved_product_links_to_its_new_address(tree, client):
    product = add_product(tree["noord"], "Verhuisd product", day=3)
    client.get("/kennisbank/")
    product.move(tree["zuyd"], pos="last-child")
    html = client.get("/kennisbank/").content.decode()
    assert 'href="/werkplaatsen/zuyd/verhuisd-product/"' in html
    assert "/werkplaatsen/noord/verhuisd-product/" not in html


def test_a_renamed_werkplaats_shows_on_the_cards_of_its_products(tree, client):
    add_product(tree["noord"], "Product uit het noorden", day=3)
    herkomst = '<span class="visually-hidden">Van: </span>{}</li>'
    assert herkomst.format("Noord") in client.get("/kennisbank/").content.decode()
    noord = tree["noord"]
    noord.title = "Noorderland"
    noord.save_revision().publish()
    html = client.get("/kennisbank/").content.decode()
    assert herkomst.format("Noorderland") in html
    assert herkomst.format("Noord") not in html


def test_a_card_is_not_kept_past_its_image_rendition(twee_producten):
    product = geladen(twee_producten[0])
    eerst = via_tag(product, 3, False)
    rendition = product.afbeelding.renditions.get()
    assert rendition.url in eerst
    product.afbeelding.renditions.all().delete()  # purged, e.g. by a management command
    rendition.file.storage.delete(rendition.file.name)
    product = geladen(twee_producten[0])
    nu = via_tag(product, 3, False)
    nieuw = product.afbeelding.renditions.get()  # made again by this render
    assert nieuw.url in nu and nieuw.file.storage.exists(nieuw.file.name)
