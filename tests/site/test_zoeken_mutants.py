"""Site search (portal/site/zoeken.py) as a visitor meets it: what each hit shows, the links to
the kennisbank, the place answer, long terms, paging, and hidden content (the leak scanner's
pages in every hidden state, tests/support/verborgen.py) that is never found while its public
counterpart of every page type is."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from portal.site import zoeken
from tests.support.tree import add_product, build_tree
from werkplaatsen.models import Gemeente

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    tree = build_tree()
    tree["noord"].gemeenten.set(Gemeente.objects.filter(naam="Groningen"))
    tree["noord"].save_revision().publish()
    add_product(tree["noord"], "Samenwerking in wijkteams", product_type="handreiking")
    add_product(tree["associatie"], "Landelijke wijkteams", day=5, product_type="column")
    return tree


def zoek(client, **params):
    response = client.get("/zoeken/", params)
    assert response.status_code == 200
    return response


def getoond(response):
    """title -> what the result list shows of it, the page left out."""
    return {
        r["page"].title: {
            k: (v.title if k == "werkplaats" and v else v) for k, v in r.items() if k != "page"
        }
        for r in response.context["resultaten"]
    }


def test_a_product_shows_its_type_werkplaats_and_links_to_the_kennisbank(tree, client):
    response = zoek(client, q="wijkteams")
    assert getoond(response) == {
        "Samenwerking in wijkteams": {
            "soort": "product",
            "werkplaats": "Noord",
            "kennisbank_werkplaats": "/kennisbank/?werkplaats=noord",
            "kennisbank_type": "/kennisbank/?type=handreiking",
            "type_label": "Handreiking",
        },
        "Landelijke wijkteams": {
            "soort": "product",
            "werkplaats": None,
            "kennisbank_werkplaats": "/kennisbank/?werkplaats=associatie",
            "kennisbank_type": "/kennisbank/?type=column",
            "type_label": "Column/blog",
        },
    }
    html = response.content.decode()
    for href in ("/kennisbank/?type=column", "/kennisbank/?werkplaats=associatie"):
        assert f'href="{href}"' in html
    assert 'href="/kennisbank/?q=wijkteams"' in html
    assert response.context["kennisbank_url"] == "/kennisbank/?q=wijkteams"


def test_other_pages_show_their_kind_and_a_werkplaats_itself(tree, client):
    assert getoond(zoek(client, q="zuyd"))["Zuyd"] == {"soort": "Werkplaats", "werkplaats": "Zuyd"}
    assert getoond(zoek(client, q="armoede"))["Armoede"] == {
        "soort": tree["armoede"].specific_class._meta.verbose_name,
        "werkplaats": None,
    }


def test_without_a_public_kennisbank_no_links_to_it(tree, client):
    tree["kennisbank"].unpublish()
    response = zoek(client, q="wijkteams")
    assert response.context["kennisbank_url"] is None
    assert [sorted(r) for r in response.context["resultaten"]] == [
        ["page", "soort", "werkplaats"]
    ] * 2
    assert "None?" not in response.content.decode()


def test_every_word_must_match(tree, client):
    assert list(getoond(zoek(client, q="landelijke wijkteams"))) == ["Landelijke wijkteams"]


def test_a_place_gets_the_werkplaats_that_works_there(tree, client):
    response = zoek(client, q="groningen")
    assert response.context["plaatsantwoord"].gevonden
    assert response.context["plaatszoeker_url"] == "/werkplaatsen/"
    assert 'href="/werkplaatsen/"' in response.content.decode()
    assert "plaatsantwoord" not in zoek(client, q="wijkteams").context


@pytest.mark.parametrize(("lengte", "te_lang"), [(200, False), (201, True)])
def test_a_long_term_is_cut_with_a_notice(tree, client, lengte, te_lang):
    response = zoek(client, q="w" * lengte)
    assert response.context["te_lang"] is te_lang
    assert len(response.context["q"]) == 200
    assert ("alleen het eerste deel gebruikt" in response.content.decode()) is te_lang


def test_no_term_no_search(tree, client):
    response = zoek(client)
    assert response.context["pagina"] is None
    assert response.context["resultaten"] == []
    assert "plaatsantwoord" not in response.context


@pytest.mark.parametrize(("page", "nummer"), [(None, 1), ("", 1), ("abc", 1), ("1", 1), ("2", 2)])
def test_result_pages(tree, client, monkeypatch, page, nummer):
    monkeypatch.setattr(zoeken, "RESULTATEN_PER_PAGINA", 1)
    params = {"q": "wijkteams"} | ({} if page is None else {"page": page})
    response = zoek(client, **params)
    assert response.context["pagina"].number == nummer
    assert response.context["pagina"].paginator.count == 2
    assert len(response.context["resultaten"]) == 1


@pytest.mark.parametrize("page", ["0", "3"])
def test_a_result_page_that_does_not_exist_is_404(tree, client, monkeypatch, page):
    monkeypatch.setattr(zoeken, "RESULTATEN_PER_PAGINA", 1)
    assert client.get("/zoeken/", {"q": "wijkteams", "page": page}).status_code == 404


@pytest.mark.slow
def test_hidden_pages_are_never_found_and_public_ones_of_every_type_are(verborgen_inhoud):
    client = Client()
    verborgen = {p.pk for p in verborgen_inhoud.verborgen}
    for marker in verborgen_inhoud.markers:
        gevonden = {r["page"].pk for r in zoek(client, q=marker).context["resultaten"]}
        assert not gevonden & verborgen, (marker, verborgen_inhoud.markers[marker])
    assert verborgen_inhoud.tegenhangers
    for marker, page in verborgen_inhoud.tegenhangers.items():
        resultaten = zoek(client, q=marker).context["resultaten"]
        treffer = [r for r in resultaten if r["page"].pk == page.pk]
        assert treffer, f"the public {type(page).__name__} is not found"
        assert treffer[0]["soort"] == type(page)._meta.verbose_name


def test_results_keep_the_order_of_the_ranking(tree, client):
    """The list follows the search backend's ranking, also where that is not the pages' order
    in the tree (a page named after the term comes before one that only mentions it)."""
    # The strong match between two weak ones: a ranking that puts it first or last is not
    # the order of the ids.
    add_product(tree["noord"], "Over zorg", samenvatting="Iets over mantelzorg.")
    add_product(tree["noord"], "Mantelzorg, mantelzorg en nog eens mantelzorg", day=2)
    add_product(tree["noord"], "Over steun", day=3, samenvatting="Iets over mantelzorg.")
    gerangschikt = list(
        Page.objects.live()
        .search("mantelzorg", operator="and")
        .get_queryset()
        .values_list("pk", flat=True)
    )
    assert gerangschikt != sorted(gerangschikt), "the test needs a ranking unlike the ids' order"
    response = zoek(client, q="mantelzorg")
    assert [r["page"].pk for r in response.context["resultaten"]] == gerangschikt


@pytest.mark.parametrize(("maximum", "meer_dan"), [(1, True), (2, False), (3, False)])
def test_a_search_keeps_its_best_results(tree, client, monkeypatch, maximum, meer_dan):
    monkeypatch.setattr(zoeken, "MAX_RESULTATEN", maximum)
    monkeypatch.setattr(zoeken, "RESULTATEN_PER_PAGINA", 1)
    response = zoek(client, q="wijkteams")
    assert response.context["pagina"].paginator.count == min(maximum, 2)
    assert response.context["meer_dan"] is meer_dan
    tekst = response.content.decode()
    assert ("Meer dan 1 resultaten; hieronder de beste 1" in tekst) is meer_dan
    assert (f"{min(maximum, 2)} resultaten." in tekst) is not meer_dan
    laatste = client.get("/zoeken/", {"q": "wijkteams", "page": min(maximum, 2) + 1})
    assert laatste.status_code == 404


def test_a_page_of_results_costs_the_same_queries_for_more_werkplaatsen(tree, client):
    """Each hit's Werkplaats comes from one query for all of them, with what the list shows."""

    def queries():
        with CaptureQueriesContext(connection) as vastgelegd:
            response = zoek(client, q="wijkteams")
        gevonden = response.context["resultaten"]
        return len(vastgelegd), {r["werkplaats"] and r["werkplaats"].title for r in gevonden}

    # The first request makes the site's settings, a change that is read again next time.
    zoek(client, q="wijkteams")
    zoek(client, q="wijkteams")
    aantal, werkplaatsen = queries()
    assert werkplaatsen == {tree["noord"].title, None}  # the other hit is national
    add_product(tree["zuyd"], "Wijkteams in Zuyd", day=7)
    add_product(tree["zuyd"], "Nog meer wijkteams", day=8)
    zoek(client, q="wijkteams")  # what is kept per content version is read again once
    aantal_meer, werkplaatsen_meer = queries()
    assert werkplaatsen_meer == werkplaatsen | {tree["zuyd"].title}
    assert aantal_meer == aantal, (aantal, aantal_meer)
