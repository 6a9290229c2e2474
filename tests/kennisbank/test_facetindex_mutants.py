"""What mutation testing found unchecked in the facet index (docs/testing.md)."""

import pytest
from django.http import QueryDict

from kennisbank.facetten import SORTERINGEN, Kennisbankfilter
from kennisbank.models import ProductPage
from tests.support.tree import add_product, build_tree
from werkplaatsen.models import Gemeente

pytestmark = pytest.mark.django_db


def test_a_search_with_a_filter_shows_only_the_hits_within_the_filter():
    tree = build_tree()
    add_product(tree["noord"], "Mantelzorg in cijfers", day=1, product_type="rapport")
    add_product(tree["noord"], "Mantelzorg thuis", day=2, product_type="handreiking")
    add_product(tree["zuyd"], "Jeugdhulp thuis", day=3, product_type="handreiking")
    query = QueryDict("q=mantelzorg&type=handreiking")
    getoond = [product.title for product in Kennisbankfilter(query).resultatenlijst()[:10]]
    assert getoond == ["Mantelzorg thuis"]


@pytest.fixture
def drie():
    tree = build_tree()
    for day, (titel, soort) in enumerate(
        [("Oud rapport", "rapport"), ("Midden rapport", "rapport"), ("Nieuw", "handreiking")],
        start=1,
    ):
        add_product(tree["noord"], titel, day=day, product_type=soort)
    return tree


def titels(query, begin=0, einde=10):
    return [
        product.title
        for product in Kennisbankfilter(QueryDict(query)).resultatenlijst()[begin:einde]
    ]


def test_oldest_first_of_a_selection_without_the_newest(drie):
    assert titels("type=rapport&sort=oudste") == ["Oud rapport", "Midden rapport"]
    assert titels("type=rapport&sort=nieuwste") == ["Midden rapport", "Oud rapport"]


def test_an_empty_slice_of_the_results_is_empty(drie):
    assert titels("", 1, 1) == []
    assert titels("sort=oudste", 2, 1) == []
    assert titels("", 1, 2) == ["Midden rapport"]


def test_a_search_without_hits_finds_nothing_in_any_order_nor_in_the_counts(drie):
    for sortering in SORTERINGEN:
        assert titels(f"q=onvindbaarwoord&sort={sortering}") == [], sortering
    filter_ = Kennisbankfilter(QueryDict("q=onvindbaarwoord"))
    assert [
        optie.aantal for facet in filter_.facetten() for optie in facet.opties if optie.aantal
    ] == []


def test_a_tag_is_offered_by_its_name(drie):
    """The facet shows a tag's name, not its slug; a tag of an unpublished product is not
    offered at all."""
    zichtbaar, verborgen = ProductPage.objects.order_by("pk")[:2]
    zichtbaar.tags.add("Schulden en armoede", "Wijkteams")
    zichtbaar.save_revision().publish()
    verborgen.tags.add("Geheim project")
    verborgen.save_revision().publish()
    verborgen.unpublish()
    tags = {f.naam: f for f in Kennisbankfilter(QueryDict("")).facetten()}["tag"]
    assert {(o.waarde, o.label, o.aantal) for o in tags.opties} == {
        (tag.slug, tag.name, 1) for tag in zichtbaar.tags.all()
    }
    assert {o.label for o in tags.opties} == {"Schulden en armoede", "Wijkteams"}


def test_a_werkplaats_without_public_products_adds_none_to_its_provinces():
    tree = build_tree()
    for werkplaats, gemeente in [(tree["noord"], "Groningen"), (tree["zuyd"], "Maastricht")]:
        werkplaats.gemeenten.set(Gemeente.objects.filter(naam=gemeente))
        werkplaats.save_revision().publish()
    add_product(tree["noord"], "Armoede in Noord")
    filter_ = Kennisbankfilter(QueryDict(""))
    provincies = {f.naam: f for f in filter_.facetten()}["provincie"]
    assert {o.waarde: o.aantal for o in provincies.opties if o.aantal} == {"groningen": 1}
    assert titels("provincie=limburg") == []
    assert titels("provincie=groningen") == ["Armoede in Noord"]
