"""The province facet: products of the Werkplaatsen that work in a province (by their
gemeenten), OR within the facet, AND with the others, counts like the other facets."""

import pytest
from django.http import QueryDict

from kennisbank.facetten import Kennisbankfilter
from tests.support.tree import add_product, build_tree, publish
from werkplaatsen.models import Gemeente, WerkplaatsPage
from werkplaatsen.plaatsen import Provincie

pytestmark = pytest.mark.django_db


def werkgebied(werkplaats, *namen):
    werkplaats.gemeenten.set(Gemeente.objects.filter(naam__in=namen))
    werkplaats.save_revision().publish()


@pytest.fixture
def tree():
    tree = build_tree()
    # Noord works in two provinces, Zuyd in one, the third Werkplaats nowhere yet.
    werkgebied(tree["noord"], "Groningen", "Assen", "Emmen")
    werkgebied(tree["zuyd"], "Maastricht")
    tree["leeg"] = publish(
        tree["index"], WerkplaatsPage(title="Leeg", slug="leeg", korte_naam="Leeg", intro="x")
    )
    add_product(tree["noord"], "Armoede in Noord", day=1, o_onderzoek=True)
    add_product(tree["noord"], "Wijkteams in Noord", day=2, product_type="handreiking")
    add_product(tree["zuyd"], "Jeugd in Zuyd", day=3, product_type="handreiking")
    add_product(tree["leeg"], "Zonder gebied", day=4)
    add_product(tree["associatie"], "Landelijke schets", day=5)
    return tree


def run(query):
    kf = Kennisbankfilter(QueryDict(query))
    facetten = {f.naam: f for f in kf.facetten()}
    return kf, sorted(p.title for p in kf.resultaten()), facetten


def counts(facet):
    return {o.waarde: o.aantal for o in facet.opties if o.aantal}


def test_counts_per_province_each_product_once(tree):
    _kf, titles, facetten = run("")
    assert len(titles) == 5
    # Noord's products count in Groningen and in Drenthe, once each despite two gemeenten there.
    assert counts(facetten["provincie"]) == {"groningen": 2, "drenthe": 2, "limburg": 1}
    assert [o.label for o in facetten["provincie"].zichtbare_opties] == [
        "Groningen",
        "Drenthe",
        "Limburg",
    ]


def test_one_province_narrows_the_results(tree):
    _kf, titles, facetten = run("provincie=limburg")
    assert titles == ["Jeugd in Zuyd"]
    # The facet's own counts ignore its own choice, as the other facets do.
    assert counts(facetten["provincie"]) == {"groningen": 2, "drenthe": 2, "limburg": 1}
    assert counts(facetten["werkplaats"]) == {"zuyd": 1}


def test_or_within_the_facet_and_no_duplicates(tree):
    _kf, titles, _f = run("provincie=limburg&provincie=drenthe&provincie=groningen")
    assert titles == ["Armoede in Noord", "Jeugd in Zuyd", "Wijkteams in Noord"]


def test_and_with_other_facets(tree):
    _kf, titles, facetten = run("provincie=drenthe&type=handreiking")
    assert titles == ["Wijkteams in Noord"]
    assert counts(facetten["type"]) == {"rapport": 1, "handreiking": 1}
    assert counts(facetten["provincie"]) == {"groningen": 1, "drenthe": 1, "limburg": 1}


def test_unknown_province_is_ignored_with_a_message(tree):
    kf, titles, _f = run("provincie=atlantis&provincie=limburg")
    assert titles == ["Jeugd in Zuyd"]
    assert any("atlantis" in melding for melding in kf.meldingen)


def test_every_province_is_an_option(tree):
    _kf, _t, facetten = run("")
    assert [o.waarde for o in facetten["provincie"].opties] == list(Provincie.values)


def test_kennisbank_page_shows_the_facet_and_filters(tree, client):
    url = tree["kennisbank"].url
    html = client.get(url).content.decode()
    assert 'name="provincie" value="limburg"' in html
    html = client.get(url, {"provincie": "limburg"}).content.decode()
    assert "Jeugd in Zuyd" in html
    assert "Armoede in Noord" not in html
    assert client.get(url, {"provincie": "<x>" * 50}).status_code == 200
