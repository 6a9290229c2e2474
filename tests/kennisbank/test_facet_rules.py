"""The facet rules, for every facet in `Kennisbankfilter.FACETTEN` (a new facet is tested
without editing this module), over the demo content plus bulk products:

- an option's count is the number of products that filtering on it lists;
- OR within a facet, AND across facets;
- counts apply the other facets' filters and the search term, never the facet's own;
- options with no products are hidden unless chosen;
- an unknown value is reported and ignored.
"""

import itertools

import pytest
from django.http import QueryDict
from django.utils.http import urlencode

from kennisbank.facetten import Kennisbankfilter
from kennisbank.models import KennisbankPage
from portal.demo import bulkinhoud
from tests.support.tree import demo_inhoud

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # the demo content, once per module

OPTIES_PER_FACET = 3
ZOEKTERM = "wijkteams"


@pytest.fixture(scope="module")
def inhoud(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_inhoud(django_db_blocker, tmp_path_factory.mktemp("media")):
        bulkinhoud.genereer(150, seed=3)
        yield


def filter_(**params):
    paren = [(naam, waarde) for naam, waarden in params.items() for waarde in waarden]
    return Kennisbankfilter(QueryDict(urlencode(paren)))


def resultaat(**params):
    return set(filter_(**params).resultaten().values_list("pk", flat=True))


def facetten(**params):
    return {facet.naam: facet for facet in filter_(**params).facetten()}


def opties(facet):
    return [optie.waarde for optie in facet.zichtbare_opties][:OPTIES_PER_FACET]


@pytest.fixture(scope="module")
def alle_facetten(inhoud, django_db_blocker):
    with django_db_blocker.unblock():
        return facetten()


def test_every_facet_of_the_filter_has_options(alle_facetten):
    assert list(alle_facetten) == Kennisbankfilter.FACETTEN
    for naam, facet in alle_facetten.items():
        assert facet.zichtbare_opties, f"facet {naam} offers nothing on the demo content"
        assert all(optie.aantal > 0 for optie in facet.zichtbare_opties), naam


@pytest.mark.parametrize("naam", Kennisbankfilter.FACETTEN)
def test_an_options_count_is_what_filtering_on_it_lists(alle_facetten, naam):
    for optie in alle_facetten[naam].zichtbare_opties[:OPTIES_PER_FACET]:
        assert len(resultaat(**{naam: [optie.waarde]})) == optie.aantal, (naam, optie.waarde)


@pytest.mark.parametrize("naam", Kennisbankfilter.FACETTEN)
def test_or_within_a_facet(alle_facetten, naam):
    keuzes = opties(alle_facetten[naam])
    for a, b in itertools.combinations(keuzes, 2):
        assert resultaat(**{naam: [a, b]}) == resultaat(**{naam: [a]}) | resultaat(**{naam: [b]})


@pytest.mark.parametrize(
    ("naam", "ander"), list(itertools.permutations(Kennisbankfilter.FACETTEN, 2))
)
def test_and_across_facets_and_counts_use_the_other_filter(alle_facetten, naam, ander):
    keuze = opties(alle_facetten[ander])[0]
    binnen = facetten(**{ander: [keuze]})[naam]
    for optie in binnen.opties:
        verwacht = resultaat(**{ander: [keuze]}) & resultaat(**{naam: [optie.waarde]})
        assert optie.aantal == len(verwacht), (naam, optie.waarde, ander, keuze)
        assert resultaat(**{ander: [keuze], naam: [optie.waarde]}) == verwacht


@pytest.mark.parametrize("naam", Kennisbankfilter.FACETTEN)
def test_counts_ignore_the_facets_own_choice(alle_facetten, naam):
    keuze = opties(alle_facetten[naam])[0]
    met_keuze = facetten(**{naam: [keuze]})[naam]
    assert {o.waarde: o.aantal for o in met_keuze.opties} == {
        o.waarde: o.aantal for o in alle_facetten[naam].opties
    }
    assert [o.waarde for o in met_keuze.gekozen] == [keuze]


@pytest.mark.parametrize("naam", Kennisbankfilter.FACETTEN)
def test_counts_apply_the_search_term(inhoud, naam):
    gevonden = resultaat(q=[ZOEKTERM])
    assert gevonden, "the search term finds nothing in the demo content"
    for optie in facetten(q=[ZOEKTERM])[naam].opties:
        met_optie = resultaat(q=[ZOEKTERM], **{naam: [optie.waarde]})
        assert optie.aantal == len(met_optie), (naam, optie.waarde)
        assert met_optie <= gevonden


@pytest.mark.parametrize("naam", Kennisbankfilter.FACETTEN)
def test_an_unknown_value_is_reported_and_ignored(inhoud, naam):
    kf = filter_(**{naam: ["bestaat-niet-9x"]})
    assert any("bestaat-niet-9x" in str(melding) for melding in kf.meldingen), kf.meldingen
    assert set(kf.resultaten().values_list("pk", flat=True)) == resultaat()


@pytest.mark.parametrize("naam", Kennisbankfilter.FACETTEN)
def test_the_kennisbank_page_shows_the_facet_and_filters_by_it(client, alle_facetten, naam):
    optie = alle_facetten[naam].zichtbare_opties[0]
    pagina = client.get(KennisbankPage.objects.live().get().url, {naam: optie.waarde})
    assert pagina.status_code == 200
    assert pagina.context["producten"].paginator.count == optie.aantal
    assert f'name="{naam}"' in pagina.content.decode()
