"""Every number in the /themas/ matrix equals the kennisbank count behind its link."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from kennisbank.matrix import Themamatrix
from kennisbank.models import ProductPage
from portal.themas.models import LandelijkThemaPage
from tests.support.tree import add_product, build_tree, publish
from werkplaatsen.models import WerkplaatsPage

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


def test_what_the_public_cannot_see_is_not_counted(tree, client):
    """Found by mutation testing: products and themes that are not public add nothing."""
    voor = Themamatrix(tree["kennisbank"].url)
    themas = tree["armoede"].get_parent()
    verborgen_thema = publish(
        themas,
        LandelijkThemaPage(title="Wonen", slug="wonen", korte_beschrijving="x", beschrijving="x"),
    )
    verborgen_thema.unpublish()
    concept = add_product(tree["noord"], "Concept", day=10)
    concept.themas.add(tree["armoede"])
    concept.save_revision().publish()
    concept.unpublish()
    besloten = add_product(tree["noord"], "Besloten", day=11)
    besloten.themas.add(tree["armoede"])
    besloten.save_revision().publish()
    PageViewRestriction.objects.create(page=besloten, restriction_type=PageViewRestriction.LOGIN)
    alleen_verborgen_thema = add_product(tree["zuyd"], "Over wonen", day=12)
    alleen_verborgen_thema.themas.add(verborgen_thema)
    alleen_verborgen_thema.save_revision().publish()

    na = Themamatrix(tree["kennisbank"].url)

    def getallen(matrix):
        return (
            [(r.slug, [c.aantal for c in r.cellen], r.totaal.aantal) for r in matrix.rijen()],
            [c.aantal for c in matrix.kolomtotalen()],
            matrix.totaal().aantal,
        )

    assert getallen(na) == getallen(voor)
    assert "wonen" not in na.thema_slugs


def test_a_werkplaats_and_a_theme_without_products_show_zero(tree, client):
    """Found by mutation testing: an empty row or column shows 0, and the national row its name."""
    index = tree["noord"].get_parent()
    publish(index, WerkplaatsPage(title="Oost", slug="oost", korte_naam="Oost", intro="x"))
    publish(
        tree["armoede"].get_parent(),
        LandelijkThemaPage(title="Wonen", slug="wonen", korte_beschrijving="x", beschrijving="x"),
    )
    matrix = Themamatrix(tree["kennisbank"].url)
    rows = {row.slug: ([c.aantal for c in row.cellen], row.totaal.aantal) for row in matrix.rijen()}
    assert rows["oost"] == ([0, 0, 0], 0)
    assert [c.aantal for c in matrix.kolomtotalen()] == [3, 3, 0]
    html = client.get("/themas/").content.decode()
    assert '<th scope="row">Associatie (landelijk)</th>' in html


def test_the_matrix_is_rendered_once_per_content_version(tree, client, monkeypatch):
    cel = 'werkplaats=noord&amp;thema=armoede">{}<span class="visually-hidden"> {}</span>'
    client.get("/themas/")  # the first request makes the site's settings, a change of content
    html = client.get("/themas/").content.decode()
    assert cel.format(2, "producten van Noord over Armoede") in html
    with monkeypatch.context() as patch:
        patch.setattr("kennisbank.matrix.render_to_string", pytest.fail)
        assert client.get("/themas/").content.decode() == html

    product = add_product(tree["noord"], "Nieuw", day=20)
    product.themas.add(tree["armoede"])
    product.save_revision().publish()
    assert (
        cel.format(3, "producten van Noord over Armoede") in client.get("/themas/").content.decode()
    )

    armoede = tree["armoede"]
    armoede.title = "Bestaanszekerheid"
    armoede.save_revision().publish()
    html = client.get("/themas/").content.decode()
    assert '<th scope="col">Bestaanszekerheid</th>' in html
    assert cel.format(3, "producten van Noord over Bestaanszekerheid") in html


def test_one_product_is_counted_in_the_singular(tree, client):
    html = client.get("/themas/").content.decode()
    assert (
        'thema=jeugd">1<span class="visually-hidden"> product van Noord over Jeugd</span>' in html
    )
    assert '1<span class="visually-hidden"> product van Zuyd over deze thema&#x27;s</span>' in html


def verwacht_label(aantal, rij, kolom):
    """The screen-reader text of a number, from the row and column it is in."""
    enkel = aantal == 1
    product = "product" if enkel else "producten"
    if rij == "Totaal":
        if kolom == "Totaal":
            return f"{product} over een of meer van deze thema's"
        return f"{product} over {kolom}"
    if kolom == "Totaal":
        return f"{product} van {rij} over deze thema's"
    return f"{product} van {rij} over {kolom}"


def labels(html):
    tabel = BeautifulSoup(html, "html.parser").find("table")
    kolommen = [th.get_text() for th in tabel.thead.find_all("th")]
    gevonden = []
    for tr in tabel.find_all("tr")[1:]:
        rij = tr.th.get_text()
        for kolom, td in zip(kolommen[1:], tr.find_all("td"), strict=True):
            if td.a:
                aantal = int(td.a.contents[0])
                gevonden.append((td.a.span.get_text().strip(), verwacht_label(aantal, rij, kolom)))
    return gevonden


@pytest.mark.parametrize("over", [5, 1])
def test_every_number_says_what_it_counts(tree, client, over):
    for product in ProductPage.objects.order_by("pk")[over:]:
        product.unpublish()
    gevonden = labels(Themamatrix(tree["kennisbank"].url).als_html("m"))
    assert len(gevonden) == {5: 11, 1: 4}[over]
    assert [label for label, _verwacht in gevonden] == [verwacht for _label, verwacht in gevonden]


def test_each_matrix_has_its_own_ids_and_links(tree):
    matrix = Themamatrix("/kennisbank/")
    eerste, tweede = matrix.als_html("eerste"), matrix.als_html("tweede")
    assert 'id="eerste"' in eerste and 'aria-labelledby="eerste"' in eerste
    assert 'id="tweede"' in tweede and "eerste" not in tweede
    elders = Themamatrix("/elders/").als_html("eerste")
    assert 'href="/elders/?' in elders and 'href="/kennisbank/?' not in elders
