"""The kennisbank's facets compared exactly with the same rules written out in Python, for
every facet in `Kennisbankfilter.FACETTEN`, over a small tree with public and hidden
products, themes, themagroepen and Werkplaatsen: each option's value, label, count and
whether it is chosen, in order, alone and combined with every other facet and a search term;
what the visitor sees on the page (options with nothing behind them hidden unless chosen);
and the cleaning of the query string, the sort orders and the chips."""

import itertools
import re
from collections import Counter

import pytest
from django.db import transaction
from django.http import QueryDict
from django.utils.http import urlencode

from kennisbank.facetten import (
    MAX_WAARDEN,
    MAX_ZOEKTERM,
    SORTERINGEN,
    TAGS_IN_FACET,
    Kennisbankfilter,
)
from kennisbank.models import DOELGROEPEN, VIER_OS, ProductPage, ProductType
from portal.basis.openbaar import openbaar
from portal.themas.models import LandelijkThemaPage
from tests.support.tree import add_product, build_tree, publish
from werkplaatsen.models import (
    ASSOCIATIE,
    Gemeente,
    ThemagroepIndexPage,
    ThemagroepPage,
    WerkplaatsPage,
)
from werkplaatsen.plaatsen import Provincie

pytestmark = pytest.mark.django_db

ZOEKTERM = "wijkteams"  # in the titles of two public products (and of hidden ones)
NIEUWSTE_EERST = [  # the public products of the tree, newest first
    "Landelijke wijkteams", "Jeugd in Zuyd", "Schulden en wijkteams", "Meedoen in Midden",
    "Armoede in Noord",
]  # fmt: skip


def thema(tree, titel):
    return publish(
        tree["armoede"].get_parent(),
        LandelijkThemaPage(
            title=titel, slug=titel.lower(), korte_beschrijving="x", beschrijving="x"
        ),
    )


def groep(index, titel):
    return publish(
        index,
        ThemagroepPage(
            title=titel,
            slug=titel.lower(),
            korte_beschrijving="x",
            beschrijving="x",
            start_jaar=2020,
        ),
    )


def product(ouder, titel, jaar, themas=(), groepen=(), tags=(), **velden):
    p = add_product(ouder, titel, day=(jaar - 2024) * 366 + 10, **velden)
    p.themas.set(themas)
    p.themagroepen.set(groepen)
    p.tags.set(tags)
    p.save_revision().publish()
    return p


@pytest.fixture(scope="module")
def tree(django_db_setup, django_db_blocker):
    """Built once for the module, in a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield bouw()
        transaction.set_rollback(True)


def bouw():
    tree = build_tree()
    # Title order differs from creation order for Werkplaatsen, themes and themagroepen.
    tree["midden"] = publish(
        tree["index"], WerkplaatsPage(title="Midden", slug="midden", korte_naam="M", intro="x")
    )
    oost = publish(
        tree["index"], WerkplaatsPage(title="Oost", slug="oost", korte_naam="O", intro="x")
    )
    for werkplaats, gemeenten in [
        (tree["noord"], ["Groningen", "Assen", "Emmen"]),
        (tree["zuyd"], ["Maastricht"]),
        (tree["midden"], ["Utrecht"]),
        (oost, ["Enschede"]),
    ]:
        werkplaats.gemeenten.set(Gemeente.objects.filter(naam__in=gemeenten))
        werkplaats.save_revision().publish()
    werk, jeugd = thema(tree, "Werk"), thema(tree, "Jeugd")
    verborgen_thema = thema(tree, "Verborgen")
    groepen = publish(tree["home"], ThemagroepIndexPage(title="Themagroepen", slug="groepen"))
    wonen, armoedegroep = groep(groepen, "Wonen"), groep(groepen, "Armoedegroep")
    verborgen_groep = groep(groepen, "Geheimgroep")
    armoede = tree["armoede"]
    product(tree["noord"], "Armoede in Noord", 2024, [armoede, verborgen_thema], [wonen],
            ["schulden"], o_onderzoek=True, voor_professionals=True)  # fmt: skip
    product(tree["noord"], "Schulden en wijkteams", 2025, [armoede, werk], [verborgen_groep],
            ["schulden", "wijkteam"], product_type="handreiking", o_onderzoek=True,
            o_onderwijs=True, voor_bewoners=True)  # fmt: skip
    product(tree["zuyd"], "Jeugd in Zuyd", 2025, [jeugd], [wonen, armoedegroep], ["jeugd"],
            product_type="handreiking", o_ontwikkeling=True, voor_beleidsmakers=True)  # fmt: skip
    product(tree["associatie"], "Landelijke wijkteams", 2026, [jeugd, werk], [armoedegroep],
            ["wijkteam"], product_type="column", o_ondersteuning=True, voor_onderwijs=True,
            voor_professionals=True)  # fmt: skip
    product(tree["midden"], "Meedoen in Midden", 2024, voor_professionals=True)
    # Hidden: a draft product, a product of an unpublished Werkplaats, a theme, a themagroep.
    product(oost, "Oostelijke wijkteams", 2023, [jeugd], [wonen], ["oost"], o_onderzoek=True)
    verborgen = product(tree["zuyd"], "Geheime wijkteams", 2019, [armoede], [wonen], ["geheim"],
                        product_type="video", o_onderzoek=True)  # fmt: skip
    verborgen.unpublish()
    for page in (oost, verborgen_thema, verborgen_groep):
        page.unpublish()
    return tree


# --- The rules written out ----------------------------------------------------------------


def kenmerken(p):
    """facet -> the values one product has for it."""
    wp = p.werkplaats
    return {
        "werkplaats": {wp.slug if wp else ASSOCIATIE},
        "provincie": set(wp.gemeenten.values_list("provincie", flat=True)) if wp else set(),
        "thema": {t.slug for t in p.themas.all()},
        "themagroep": {g.slug for g in p.themagroepen.all()},
        "type": {p.product_type},
        "jaar": {str(p.publicatiedatum.year)},
        "o": set(p.vier_o_slugs),
        "doelgroep": set(p.doelgroep_slugs),
        "tag": {t.slug for t in p.tags.all()},
    }


def vaste_opties(naam):
    """The options a facet offers whatever is chosen, (value, label) in order."""
    if naam == "werkplaats":
        werkplaatsen = openbaar(WerkplaatsPage.objects.all()).order_by("title")
        return [(w.slug, w.title) for w in werkplaatsen] + [(ASSOCIATIE, "Associatie (landelijk)")]
    if naam in ("thema", "themagroep"):
        model = LandelijkThemaPage if naam == "thema" else ThemagroepPage
        paginas = openbaar(model.objects.all()).order_by("path" if naam == "thema" else "title")
        return [(p.slug, p.title) for p in paginas]
    keuzes = {"provincie": Provincie.choices, "type": ProductType.choices}
    if naam in keuzes:
        return [(w, str(label)) for w, label in keuzes[naam]]
    if naam in ("o", "doelgroep"):
        return [(slug, str(label)) for slug, _v, label in (VIER_OS if naam == "o" else DOELGROEPEN)]
    return None  # jaar and tag: what the products have


class Regels:
    def __init__(self):
        self.producten = {p.pk: p for p in openbaar(ProductPage.objects.all())}
        self.kenmerken = {pk: kenmerken(p) for pk, p in self.producten.items()}
        self.tagnamen = {t.slug: t.name for p in self.producten.values() for t in p.tags.all()}

    def treffers(self, keuze, q="", behalve=None):
        return {
            pk
            for pk, p in self.producten.items()
            if all(woord in p.title.lower().split() for woord in q.split())
            and all(
                not waarden or set(waarden) & self.kenmerken[pk][naam]
                for naam, waarden in keuze.items()
                if naam != behalve
            )
        }

    def opties(self, naam, keuze, q=""):
        """(value, label, count, chosen) of every option of facet ``naam``, in order."""
        aantallen = Counter(
            w for pk in self.treffers(keuze, q, behalve=naam) for w in self.kenmerken[pk][naam]
        )
        gekozen = keuze.get(naam, [])
        vast = vaste_opties(naam)
        if naam == "jaar":
            jaren = sorted({int(j) for j in [*aantallen, *gekozen]}, reverse=True)
            vast = [(str(j), str(j)) for j in jaren]
        elif naam == "tag":
            volgorde = sorted(aantallen, key=lambda s: (-aantallen[s], self.tagnamen[s]))
            vast = [(s, self.tagnamen[s]) for s in volgorde[:TAGS_IN_FACET]]
            vast += [(s, s) for s in gekozen if s not in volgorde]
        return [(w, label, aantallen.get(w, 0), w in gekozen) for w, label in vast]


def kies(keuze, q=""):
    paren = [("q", q)] if q else []
    paren += [(naam, w) for naam, waarden in keuze.items() for w in waarden]
    return Kennisbankfilter(QueryDict(urlencode(paren)))


def vergelijk(regels, keuze, q=""):
    kf = kies(keuze, q)
    assert not kf.meldingen, kf.meldingen
    facetten = kf.facetten()
    assert [f.naam for f in facetten] == Kennisbankfilter.FACETTEN
    for facet in facetten:
        gezien = [(o.waarde, o.label, o.aantal, o.gekozen) for o in facet.opties]
        assert gezien == regels.opties(facet.naam, keuze, q), (facet.naam, keuze, q)
        zichtbaar = [o.waarde for o in facet.zichtbare_opties]
        assert zichtbaar == [w for w, _l, n, g in gezien if n or g], (facet.naam, keuze)
        assert [o.waarde for o in facet.gekozen] == [w for w, _l, _n, g in gezien if g]
    gevonden = [p.pk for p in kf.resultaten()]
    assert sorted(gevonden) == sorted(regels.treffers(keuze, q)), (keuze, q)


def gevulde_opties(regels, naam, q=""):
    return [w for w, _l, n, _g in regels.opties(naam, {}, q) if n]


# --- Every facet, alone, two options, with every other facet, with the search term -------------


def test_every_facet_has_a_rule_and_several_options(tree):
    regels = Regels()
    for naam in Kennisbankfilter.FACETTEN:
        assert len(gevulde_opties(regels, naam)) >= 2, naam
    vergelijk(regels, {})
    vergelijk(regels, {}, ZOEKTERM)


@pytest.mark.parametrize("naam", Kennisbankfilter.FACETTEN)
def test_each_option_alone_and_or_within_the_facet(tree, naam):
    regels = Regels()
    waarden = gevulde_opties(regels, naam)
    for w in waarden:
        vergelijk(regels, {naam: [w]})
        vergelijk(regels, {naam: [w]}, ZOEKTERM)
    # The first two and the last (the Associatie's own products in the werkplaats facet).
    for a, b in itertools.combinations(dict.fromkeys([*waarden[:2], waarden[-1]]), 2):
        vergelijk(regels, {naam: [a, b]})


@pytest.mark.parametrize("naam", Kennisbankfilter.FACETTEN)
def test_counts_apply_every_other_facet(tree, naam):
    regels = Regels()
    for ander in Kennisbankfilter.FACETTEN:
        if ander != naam:
            eerste, laatste = gevulde_opties(regels, naam)[0], gevulde_opties(regels, ander)[-1]
            vergelijk(regels, {naam: [eerste], ander: [laatste]})


def checkboxes(html):
    patroon = re.compile(
        r'name="(\w+)" value="([^"]*)"( checked)?>\s*<label class="facet__label" '
        r'for="[^"]+">([^<]*) <span class="facet__aantal">\((\d+)'
    )
    return [(n, w, label.strip(), int(a), bool(c)) for n, w, c, label, a in patroon.findall(html)]


@pytest.mark.parametrize("naam", Kennisbankfilter.FACETTEN)
def test_the_page_shows_the_options_with_products_and_the_chosen_ones(tree, client, naam):
    regels = Regels()
    # The last option with products, and the search term: some options drop to zero.
    keuze = {naam: [gevulde_opties(regels, naam)[-1]]}
    response = client.get(tree["kennisbank"].url, {"q": ZOEKTERM, **keuze})
    assert response.status_code == 200
    verwacht = [
        (f, w, label, n, g)
        for f in Kennisbankfilter.FACETTEN
        for w, label, n, g in regels.opties(f, keuze, ZOEKTERM)
        if n or g
    ]
    assert checkboxes(response.content.decode()) == verwacht
    verborgen = [
        w for f in Kennisbankfilter.FACETTEN for w, _l, n, g in regels.opties(f, keuze, ZOEKTERM)
        if not (n or g)
    ]  # fmt: skip
    assert verborgen, "no option has zero products: nothing to hide"


def test_facet_labels(tree, client):
    html = client.get(tree["kennisbank"].url).content.decode()
    labels = re.findall(r'<summary class="facet__summary">([^<]+)', html)
    assert [label.strip() for label in labels] == [
        "Werkplaats",
        "Provincie",
        "Landelijk thema",
        "Themagroep",
        "Soort product",
        "Jaar",
        "De 4 O's".replace("'", "&#x27;"),
        "Doelgroep",
        "Trefwoord",
    ]


def test_search_words_are_all_required_and_chosen_values_without_products_stay(tree):
    regels = Regels()
    vergelijk(regels, {}, "landelijke wijkteams")
    assert regels.treffers({}, "landelijke wijkteams") < regels.treffers({}, ZOEKTERM)
    vergelijk(regels, {"jaar": ["1900"]})
    vergelijk(regels, {"tag": ["jeugd"], "werkplaats": ["noord"]})
    assert ("jeugd", "jeugd", 0, True) in regels.opties(
        "tag", {"tag": ["jeugd"], "werkplaats": ["noord"]}
    )


# --- Cleaning the query string -----------------------------------------------------------------


def kennisbank(client, tree, params):
    response = client.get(tree["kennisbank"].url, params)
    assert response.status_code == 200
    return response.context["filter"], response


@pytest.mark.parametrize(
    ("ruw", "schoon"),
    [
        ("  Wijkteams, in NOORD!  ", "wijkteams in noord"),
        ("wijk-teams'\"%", "wijk teams"),
        ("." * (2 * MAX_ZOEKTERM) + "geheim", ""),
        ("a" * 150 + " " + "b" * 100, "a" * 150 + " " + "b" * 49),
        ("a" * (MAX_ZOEKTERM - 1) + " b", "a" * (MAX_ZOEKTERM - 1)),
    ],
)
def test_the_search_term_is_words_in_lower_case_and_at_most_200_characters(
    tree, client, ruw, schoon
):
    kf, response = kennisbank(client, tree, {"q": ruw})
    assert kf.q == schoon
    assert f'name="q" value="{schoon}"' in response.content.decode()


def test_values_are_stripped_cut_deduplicated_and_limited_in_number(tree, client):
    params = {
        "werkplaats": ["", " ", " noord ", "noord"] + ["zuyd"] * (MAX_WAARDEN - 4) + ["midden"]
    }
    kf, _r = kennisbank(client, tree, params)
    assert kf.keuze["werkplaats"] == ["noord", "zuyd"]
    assert kf.meldingen == []
    kf, _r = kennisbank(client, tree, {"type": "x" * 150})
    assert kf.meldingen == [f"Onbekende waarde voor filter 'type' genegeerd: {'x' * 100}."]


def test_years_between_1900_and_2100_count_and_the_rest_is_reported(tree, client):
    kf, _r = kennisbank(client, tree, {"jaar": ["1899", "1900", "2100", "2101", "abc", "20x4"]})
    assert kf.keuze["jaar"] == [1900, 2100]
    assert kf.meldingen == ["Onbekende waarde voor filter 'jaar' genegeerd: 1899, 2101, abc, 20x4."]


@pytest.mark.parametrize(
    ("naam", "waarde"),
    [
        ("werkplaats", "oost"),
        ("thema", "verborgen"),
        ("themagroep", "geheimgroep"),
        ("tag", "geheim"),
        ("tag", "oost"),
        ("provincie", "atlantis"),
        ("o", "onzin"),
        ("doelgroep", "iedereen"),
    ],
)
def test_hidden_or_unknown_values_are_reported_and_ignored(tree, client, naam, waarde):
    kf, response = kennisbank(client, tree, {naam: [waarde, gevulde_opties(Regels(), naam)[0]]})
    assert kf.meldingen == [f"Onbekende waarde voor filter '{naam}' genegeerd: {waarde}."]
    assert kf.keuze[naam] == [gevulde_opties(Regels(), naam)[0]]
    assert waarde not in [p for _n, p in kf.parameters()]


# --- Sorting, chips, the query string of the selection -----------------------------------------


def titels(response):
    return [p.title for p in response.context["producten"]]


@pytest.mark.parametrize(
    ("params", "sortering", "volgorde"),
    [
        ({}, "nieuwste", NIEUWSTE_EERST),
        ({"sort": "relevantie"}, "nieuwste", None),
        ({"sort": "raar"}, "nieuwste", None),
        ({"sort": "oudste"}, "oudste", ["Armoede in Noord", "Meedoen in Midden",
                                        "Schulden en wijkteams", "Jeugd in Zuyd",
                                        "Landelijke wijkteams"]),
        ({"sort": "titel"}, "titel", ["Armoede in Noord", "Jeugd in Zuyd", "Landelijke wijkteams",
                                      "Meedoen in Midden", "Schulden en wijkteams"]),
        ({"q": ZOEKTERM, "sort": "raar"}, "relevantie", None),
        ({"q": ZOEKTERM, "sort": "titel"}, "titel",
         ["Landelijke wijkteams", "Schulden en wijkteams"]),
    ],
)  # fmt: skip
def test_sort_orders(tree, client, params, sortering, volgorde):
    kf, response = kennisbank(client, tree, params)
    assert kf.sortering == sortering
    if volgorde is None:
        volgorde = titels(kennisbank(client, tree, {**params, "sort": sortering})[1])
    assert titels(response) == volgorde
    assert f'<option value="{sortering}" selected>' in response.content.decode()


def test_relevance_follows_the_search_engines_order(tree, client):
    kf, response = kennisbank(client, tree, {"q": ZOEKTERM})
    assert kf.sortering == "relevantie"
    assert [p.pk for p in response.context["producten"]] == kf.zoektreffers
    assert len(kf.zoektreffers) >= 2


def mantelzorg(tree):
    """A strong match between two weak ones, by date: the backends rank them unlike their
    dates (newest first)."""
    zwak = product(tree["noord"], "Over zorg", 2021, samenvatting="Iets over mantelzorg.")
    sterk = product(tree["zuyd"], "Mantelzorg, mantelzorg en nog eens mantelzorg", 2022)
    nieuwste = product(tree["midden"], "Over steun", 2023, samenvatting="Iets over mantelzorg.")
    return [nieuwste.pk, sterk.pk, zwak.pk]


def test_relevance_is_the_ranking_and_newest_first_is_by_date(tree, client):
    op_datum = mantelzorg(tree)
    kf, response = kennisbank(client, tree, {"q": "mantelzorg"})
    assert sorted(kf.zoektreffers) == sorted(op_datum)
    assert kf.zoektreffers != op_datum, "the test needs a ranking unlike the order by date"
    assert [p.pk for p in response.context["producten"]] == kf.zoektreffers
    kf, response = kennisbank(client, tree, {"q": "mantelzorg", "sort": "nieuwste"})
    assert [p.pk for p in response.context["producten"]] == op_datum


@pytest.mark.parametrize("sortering", SORTERINGEN)
@pytest.mark.parametrize("q", ["", "mantelzorg"])
def test_the_queryset_of_the_results_is_the_list_of_the_pages(tree, sortering, q):
    """`resultaten()` (the feeds, the alerts) lists what `resultatenlijst()` (the kennisbank's
    pages) lists, in the same order, ties included: two products of one date, two of one
    title, the older of each changed last; and the search engine's ranking."""
    mantelzorg(tree)
    eerste = product(tree["midden"], "Jeugd in Zuyd", 2025)
    tweede = product(tree["zuyd"], "Jeugd in Zuyd", 2025)
    eerste.save_revision().publish()
    kf = Kennisbankfilter(QueryDict(urlencode({"q": q, "sort": sortering})))
    lijst = [p.pk for p in kf.resultatenlijst()]
    if not q:
        assert {eerste.pk, tweede.pk} <= set(lijst)
    assert [p.pk for p in kf.resultaten()] == lijst


def test_results_by_position_as_a_sequence(tree):
    resultaten = Kennisbankfilter(QueryDict()).resultatenlijst()
    pagina = resultaten[0 : len(resultaten)]
    assert [p.title for p in pagina] == NIEUWSTE_EERST
    assert list(resultaten) == pagina  # one product at a time, by position
    assert [resultaten[-i] for i in range(1, len(resultaten) + 1)] == pagina[::-1]
    assert resultaten[1:4:2] == [pagina[1], pagina[3]]
    for buiten in (len(resultaten), -len(resultaten) - 1, -2 * len(resultaten)):
        with pytest.raises(IndexError):
            resultaten[buiten]


def test_chips_remove_one_value_and_keep_the_sort_order(tree, client):
    params = {"tag": "jeugd", "q": ZOEKTERM, "werkplaats": ["zuyd", "associatie"], "sort": "titel"}
    kf, response = kennisbank(client, tree, params)
    assert kf.querystring == "q=wijkteams&werkplaats=zuyd&werkplaats=associatie&tag=jeugd"
    assert response.context["chips"] == [
        ("Zoekterm: wijkteams", "?werkplaats=zuyd&werkplaats=associatie&tag=jeugd&sort=titel"),
        ("Zuyd", "?q=wijkteams&werkplaats=associatie&tag=jeugd&sort=titel"),
        ("Associatie (landelijk)", "?q=wijkteams&werkplaats=zuyd&tag=jeugd&sort=titel"),
        ("jeugd", "?q=wijkteams&werkplaats=zuyd&werkplaats=associatie&sort=titel"),
    ]
    assert f"?{kf.querystring}".replace("&", "&amp;") in response.content.decode()
    for sort, rest in [("nieuwste", "?"), ("oudste", "?sort=oudste")]:
        kf, response = kennisbank(client, tree, {"jaar": "2025", "sort": sort})
        assert response.context["chips"] == [("2025", rest)]


@pytest.mark.parametrize(
    ("params", "actief"),
    [({}, False), ({"q": ZOEKTERM}, True), ({"jaar": "2025"}, True), ({"jaar": "1800"}, False)],
)
def test_a_filtered_page_is_not_indexed(tree, client, params, actief):
    kf, response = kennisbank(client, tree, params)
    assert kf.actief is actief
    assert ('content="noindex, follow"' in response.content.decode()) is actief
