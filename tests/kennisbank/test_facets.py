"""Facets: OR within a facet, AND across facets, counts with the other filters applied."""

import re

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from kennisbank import facetindex
from kennisbank.facetten import Kennisbankfilter
from portal.themas.models import LandelijkThemaPage
from tests.support.tree import add_product, build_tree, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    tree = build_tree()
    themas = tree["armoede"].get_parent()
    tree["jeugd"] = publish(
        themas,
        LandelijkThemaPage(title="Jeugd", slug="jeugd", korte_beschrijving="x", beschrijving="x"),
    )
    a = add_product(tree["noord"], "Armoede in Noord", day=1, o_onderzoek=True)
    a.themas.add(tree["armoede"])
    a.tags.add("schulden")
    a.save_revision().publish()
    b = add_product(tree["zuyd"], "Jeugd in Zuyd", day=400, product_type="handreiking")
    b.themas.add(tree["jeugd"])
    b.save_revision().publish()
    c = add_product(tree["associatie"], "Landelijke schets", day=800, o_onderzoek=True)
    c.themas.add(tree["armoede"], tree["jeugd"])
    c.save_revision().publish()
    return tree


def run(query):
    kf = Kennisbankfilter(QueryDict(query))
    facetten = {f.naam: f for f in kf.facetten()}
    return kf, [p.title for p in kf.resultaten()], facetten


def counts(facet):
    return {o.waarde: o.aantal for o in facet.opties if o.aantal}


def test_no_filters_lists_all_newest_first(tree):
    _kf, titles, facetten = run("")
    assert titles == ["Landelijke schets", "Jeugd in Zuyd", "Armoede in Noord"]
    assert counts(facetten["thema"]) == {"armoede": 2, "jeugd": 2}
    assert counts(facetten["werkplaats"]) == {"noord": 1, "zuyd": 1, "associatie": 1}


def test_or_within_a_facet(tree):
    _kf, titles, _f = run("werkplaats=noord&werkplaats=zuyd")
    assert titles == ["Jeugd in Zuyd", "Armoede in Noord"]


def test_and_across_facets_and_counts_use_the_other_filters(tree):
    _kf, titles, facetten = run("thema=armoede&o=onderzoek&werkplaats=associatie")
    assert titles == ["Landelijke schets"]
    # The werkplaats facet counts ignore the werkplaats filter but apply thema and o.
    assert counts(facetten["werkplaats"]) == {"noord": 1, "associatie": 1}
    # The thema facet counts apply werkplaats=associatie and o=onderzoek.
    assert counts(facetten["thema"]) == {"armoede": 1, "jeugd": 1}


def test_a_product_with_two_matching_themes_is_listed_once(tree):
    _kf, titles, _f = run("thema=armoede&thema=jeugd")
    assert titles.count("Landelijke schets") == 1
    assert len(titles) == 3


def test_year_type_tag_and_sort(tree):
    assert run("jaar=2024")[1] == ["Armoede in Noord"]
    assert run("type=handreiking")[1] == ["Jeugd in Zuyd"]
    assert run("tag=schulden")[1] == ["Armoede in Noord"]
    assert run("sort=oudste")[1][0] == "Armoede in Noord"
    assert run("sort=titel")[1] == ["Armoede in Noord", "Jeugd in Zuyd", "Landelijke schets"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "query",
    [
        "werkplaats=bestaat-niet",
        "jaar=abc",
        "jaar=99999",
        "type=<script>",
        "o=x",
        "tag=geen-tag",
        "thema=" + "x" * 5000,
        "sort=raar",
    ],
)
def test_unknown_values_are_reported_and_ignored(tree, query):
    kf, titles, _f = run(query)
    assert len(titles) == 3
    if not query.startswith("sort"):
        assert kf.meldingen


def test_chips_remove_one_value(tree):
    kf, _titles, facetten = run("thema=armoede&thema=jeugd&q=armoede")
    chips = dict(kf.chips(list(facetten.values())))
    assert chips["Armoede"] == "?q=armoede&thema=jeugd"
    assert chips["Zoekterm: armoede"] == "?thema=armoede&thema=jeugd"


@pytest.mark.slow
def test_query_count_is_independent_of_data_size(tree):
    def queries(query):
        Kennisbankfilter(QueryDict(query))  # the facet index of this content: built once
        with CaptureQueriesContext(connection) as ctx:
            kf = Kennisbankfilter(QueryDict(query))
            kf.facetten()
            list(kf.resultatenlijst()[:20])
        return len(ctx.captured_queries)

    def index_queries():
        with CaptureQueriesContext(connection) as ctx:
            facetindex.bouw()
        return len(ctx.captured_queries)

    selecties = ("", "thema=armoede", "thema=armoede&o=onderzoek&jaar=2024")
    before = [queries(q) for q in selecties]
    before_index = index_queries()
    for day in range(30):
        p = add_product(tree["noord"], f"Extra {day}", day=day, o_onderzoek=True)
        p.themas.add(tree["armoede"])
        p.save_revision().publish()
    assert [queries(q) for q in selecties] == before
    assert before[0] == before[1] == before[2] == 1  # the page of results; counts from memory
    assert index_queries() == before_index


def test_every_count_says_what_it_counts_in_the_singular_or_plural(tree, client):
    html = client.get("/kennisbank/").content.decode()
    aantallen = re.findall(
        r'<span class="facet__aantal">\((\d+)<span class="visually-hidden"> (\w+)</span>\)', html
    )
    assert {("1", "product"), ("2", "producten")} <= set(aantallen)
    assert all((aantal == "1") == (eenheid == "product") for aantal, eenheid in aantallen)
