"""Every number in the /themas/ matrix equals the kennisbank count behind its link."""

import pytest

from kennisbank.matrix import Themamatrix
from portal.themas.models import LandelijkThemaPage
from tests.support.tree import add_product, build_tree, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    tree = build_tree()
    themas = tree["armoede"].get_parent()
    jeugd = publish(
        themas,
        LandelijkThemaPage(title="Jeugd", slug="jeugd", korte_beschrijving="x", beschrijving="x"),
    )
    plan = [
        (tree["noord"], [tree["armoede"]]),
        (tree["noord"], [tree["armoede"], jeugd]),
        (tree["zuyd"], [jeugd]),
        (tree["zuyd"], []),
        (tree["associatie"], [tree["armoede"], jeugd]),
    ]
    for day, (parent, themas_) in enumerate(plan):
        product = add_product(parent, f"Product {day}", day=day)
        product.themas.add(*themas_)
        product.save_revision().publish()
    return tree


def kennisbank_count(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["producten"].paginator.count


def test_matrix_numbers(tree):
    matrix = Themamatrix(tree["kennisbank"].url)
    rows = {row.slug: ([c.aantal for c in row.cellen], row.totaal.aantal) for row in matrix.rijen()}
    assert rows["noord"] == ([2, 1], 2)
    assert rows["zuyd"] == ([0, 1], 1)
    assert rows["associatie"] == ([1, 1], 1)
    assert [c.aantal for c in matrix.kolomtotalen()] == [3, 3]
    assert matrix.totaal().aantal == 4


def test_every_number_matches_the_kennisbank_behind_its_link(tree, client):
    matrix = Themamatrix(tree["kennisbank"].url)
    cells = [cel for row in matrix.rijen() for cel in [*row.cellen, row.totaal]]
    cells += [*matrix.kolomtotalen(), matrix.totaal()]
    for cel in cells:
        assert kennisbank_count(client, cel.url) == cel.aantal, cel.url


def test_matrix_page_renders_every_werkplaats_and_thema(tree, client):
    response = client.get("/themas/")
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("Noord", "Zuyd", "Armoede", "Jeugd"):
        assert name in html
    assert "/kennisbank/?werkplaats=noord&amp;thema=armoede" in html
