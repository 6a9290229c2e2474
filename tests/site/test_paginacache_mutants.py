"""The page cache's edges that mutation testing found unchecked (docs/testing.md).

What the rest of the page cache does is in test_page_cache.py and test_voorkant.py; these are
the render claim after a change, the moment an entry expires, the entries confirmed by their
tags, and the cost and log of reading the generation.
"""

import logging
import time
from unittest import mock

import pytest
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.utils.cache import set_response_etag
from django.utils.csp import LazyNonce
from wagtail.models import Site

from portal.basis.afhankelijkheden import GENERATIE_SLEUTEL, tag_sleutel
from portal.site.models import SiteInstellingen
from portal.site.paginacache import generatie
from portal.site.paginacache.middleware import (
    BUDGET_SLEUTEL,
    MAX_QUERYSTRING,
    PARAMETERS,
    UITGESLOTEN,
    LokaleKopie,
    PaginaCacheMiddleware,
    Storing,
)
from tests.support.tree import add_product, build_tree
from werkplaatsen.models import Persoon

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def paginacache_aan():
    with override_settings(PAGINACACHE=True):
        caches["paginas"].clear()
        yield
        caches["paginas"].clear()


@pytest.fixture
def boom():
    tree = build_tree()
    add_product(tree["noord"], "Eerste rapport over mantelzorg", day=1)
    SiteInstellingen.for_site(Site.objects.get(is_default_site=True))
    return tree


def status(response):
    return response.headers.get("X-Paginacache")


def losse_middleware():
    middleware = PaginaCacheMiddleware(lambda request: HttpResponse("pagina"))
    middleware.lokaal = LokaleKopie(10)  # as in front of Redis
    return middleware


# -- the render claim after a change -------------------------------------------------------------


def test_a_head_after_a_change_is_rendered_and_leaves_the_render_to_a_get(client, boom):
    client.get("/kennisbank/")
    add_product(boom["zuyd"], "Net gepubliceerd", day=9)
    assert status(client.head("/kennisbank/")) is None  # rendered, not the previous version
    nieuw = client.get("/kennisbank/")
    assert status(nieuw) == "miss"
    assert "Net gepubliceerd" in nieuw.content.decode()


def test_a_render_claim_lasts_the_render_time(settings):
    settings.PAGINACACHE_RENDERTIJD = 10
    middleware = PaginaCacheMiddleware(None)
    verzoek = RequestFactory().get("/pagina/")
    sleutel, stand = middleware.sleutel(verzoek), (1, 1)
    nu = time.time()
    assert middleware.mag_renderen(verzoek, sleutel, stand)
    assert not middleware.mag_renderen(verzoek, sleutel, stand)
    with mock.patch("time.time", return_value=nu + 9):
        assert not middleware.mag_renderen(verzoek, sleutel, stand)
    with mock.patch("time.time", return_value=nu + 11):
        assert middleware.mag_renderen(verzoek, sleutel, stand)


def test_a_claim_that_fails_renders_the_new_version_and_is_logged(client, boom, caplog):
    client.get("/kennisbank/")
    add_product(boom["zuyd"], "Net gepubliceerd", day=9)
    with (
        mock.patch.object(caches["paginas"], "add", side_effect=ConnectionError("weg")),
        caplog.at_level(logging.ERROR, logger="paginacache"),
    ):
        response = client.get("/kennisbank/")
    assert "Net gepubliceerd" in response.content.decode()
    assert "Paginacache: claimen mislukt; de komende " in caplog.text


# -- when an entry is current --------------------------------------------------------------------


def test_an_entry_is_no_longer_served_at_its_expiry():
    middleware = PaginaCacheMiddleware(None)
    entry = {"generatie": 1, "teller": 1, "verloopt": 1000.0, "afhankelijk": {}}
    with mock.patch("time.time", return_value=999.0):
        assert middleware.actueel("sleutel", entry, (1, 1))
    with mock.patch("time.time", return_value=1000.0):
        assert not middleware.actueel("sleutel", entry, (1, 1))


def test_an_entry_without_its_dependencies_is_not_current_after_any_change():
    middleware = PaginaCacheMiddleware(None)
    entry = {"generatie": 1, "teller": 1, "verloopt": time.time() + 60}
    assert middleware.actueel("sleutel", entry, (1, 1))
    assert not middleware.actueel("sleutel", entry, (1, 2))
    assert middleware.actueel("sleutel", {**entry, "afhankelijk": {}}, (1, 2))
    assert not middleware.storing.actief()  # not mistaken for an outage


def test_an_entry_confirmed_by_its_tags_is_stored_with_the_new_counter():
    middleware = losse_middleware()
    verzoek = RequestFactory().get("/pagina/")
    assert status(middleware(verzoek)) == "miss"
    generatie.verhoog_afhankelijkheden({"iets-anders"})
    teller = caches["paginas"].get(generatie.TELLER_SLEUTEL)
    assert status(middleware(RequestFactory().get("/pagina/"))) == "hit"
    assert caches["paginas"].get(middleware.sleutel(verzoek))["teller"] == teller


# -- reading the generation ----------------------------------------------------------------------


def test_reading_an_existing_generation_is_one_round_trip():
    eerste = generatie.huidige_generatie()
    cache = caches["paginas"]
    with (
        mock.patch.object(cache, "get", wraps=cache.get) as get,
        mock.patch.object(cache, "add", wraps=cache.add) as add,
    ):
        tweede = generatie.huidige_generatie()
    assert (get.call_count, add.call_count) == (1, 0)
    assert tweede == eerste == cache.get(GENERATIE_SLEUTEL)


def test_a_generation_that_cannot_be_read_is_logged(caplog):
    with (
        mock.patch.object(caches["paginas"], "get", side_effect=ConnectionError("weg")),
        caplog.at_level(logging.ERROR, logger="paginacache"),
    ):
        assert generatie.huidige_generatie() is None
    assert [r.getMessage() for r in caplog.records] == [
        "Paginacache: generatie niet te lezen; pagina zonder cache."
    ]


# -- the copy in memory --------------------------------------------------------------------------


def test_the_local_copy_keeps_the_most_recently_used_entries():
    lokaal = LokaleKopie(2)
    lokaal.zet("a", {"inhoud": "a"})
    lokaal.zet("b", {"inhoud": "b"})
    assert lokaal.get("a") == {"inhoud": "a"}  # now b is the least recently used
    lokaal.zet("c", {"inhoud": "c"})
    assert list(lokaal.entries) == ["a", "c"]
    assert lokaal.get("b") is None


# -- the budget of pages with a query string -----------------------------------------------------

VENSTER = 300
BEGIN = 3000 * VENSTER + 10.0  # ten seconds into a window


@pytest.fixture
def budget(settings):
    settings.PAGINACACHE_MAX_MET_QUERY = 2
    settings.PAGINACACHE_TIMEOUT = VENSTER
    return PaginaCacheMiddleware(lambda request: HttpResponse("pagina"))


def test_the_budget_of_pages_with_a_query_string_is_per_window(budget):
    with mock.patch("time.time", return_value=BEGIN):
        eerste = [status(budget(RequestFactory().get(f"/pagina/?q=w{i}"))) for i in range(3)]
    with mock.patch("time.time", return_value=BEGIN + VENSTER):
        volgende = status(budget(RequestFactory().get("/pagina/?q=w3")))
    assert eerste == ["miss", "miss", None]
    assert volgende == "miss"


def test_the_counter_of_a_window_is_kept_two_windows_then_removed(budget):
    with mock.patch("time.time", return_value=BEGIN):
        budget(RequestFactory().get("/pagina/?q=w"))
    teller = f"{BUDGET_SLEUTEL}:{int(BEGIN // VENSTER)}"
    with mock.patch("time.time", return_value=BEGIN + 2 * VENSTER - 1):
        assert caches["paginas"].get(teller) == 1
    with mock.patch("time.time", return_value=BEGIN + 2 * VENSTER + 1):
        assert caches["paginas"].get(teller) is None


def test_a_budget_that_cannot_be_counted_stores_nothing_and_is_logged(budget, caplog):
    with (
        mock.patch.object(caches["paginas"], "incr", side_effect=ConnectionError("weg")),
        caplog.at_level(logging.ERROR, logger="paginacache"),
    ):
        response = budget(RequestFactory().get("/pagina/?q=w"))
    assert (response.content, status(response)) == (b"pagina", None)
    assert "Paginacache: tellen mislukt; de komende " in caplog.text


# -- what is stored ------------------------------------------------------------------------------


def test_the_entry_keeps_the_views_etag_or_gets_one_of_its_body():
    eigen = PaginaCacheMiddleware(lambda request: HttpResponse("a", headers={"ETag": '"eigen"'}))
    zonder = PaginaCacheMiddleware(lambda request: HttpResponse("b"))
    for middleware, pad in [(eigen, "/eigen/"), (zonder, "/zonder/")]:
        assert status(middleware(RequestFactory().get(pad))) == "miss"
    treffer = eigen(RequestFactory().get("/eigen/"))
    assert (status(treffer), treffer["ETag"]) == ("hit", '"eigen"')
    treffer = zonder(RequestFactory().get("/zonder/"))
    assert (status(treffer), treffer["ETag"]) == (
        "hit",
        set_response_etag(HttpResponse("b"))["ETag"],
    )


def test_browsers_are_told_to_ask_again_every_time():
    middleware = losse_middleware()
    for verwacht in ["miss", "hit"]:
        response = middleware(RequestFactory().get("/pagina/"))
        assert (status(response), response["Cache-Control"]) == (verwacht, "no-cache")


def test_an_entry_leaves_the_shared_cache_after_the_timeout(settings):
    settings.PAGINACACHE_TIMEOUT = 60
    middleware = losse_middleware()
    verzoek = RequestFactory().get("/pagina/")
    nu = time.time()
    middleware(verzoek)
    with mock.patch("time.time", return_value=nu + 59):
        assert caches["paginas"].get(middleware.sleutel(verzoek)) is not None
    with mock.patch("time.time", return_value=nu + 61):
        assert caches["paginas"].get(middleware.sleutel(verzoek)) is None


def kan_bewaard(header, waarde):
    response = HttpResponse("ok", headers={header: waarde})
    return PaginaCacheMiddleware(None).response_cachebaar(RequestFactory().get("/"), response)


def test_only_the_names_of_cache_directives_decide_and_only_private_ones_refuse():
    assert kan_bewaard("Cache-Control", "max-age=60, public")
    assert kan_bewaard("Vary", "Cookie, Accept-Encoding")
    assert not kan_bewaard("Cache-Control", 'no-cache="Set-Cookie"')
    assert not kan_bewaard("Cache-Control", "max-age=60, Private")


def test_an_outage_pause_ends_at_its_moment():
    storing = Storing()
    storing.tot = 1000.0
    with mock.patch("time.monotonic", return_value=999.9):
        assert storing.actief()
    with mock.patch("time.monotonic", return_value=1000.0):
        assert not storing.actief()


def test_an_entry_confirmed_by_its_tags_keeps_its_expiry_in_the_shared_cache(settings):
    settings.PAGINACACHE_TIMEOUT = 60
    middleware = losse_middleware()
    verzoek = RequestFactory().get("/pagina/")
    nu = time.time()
    with mock.patch("time.time", return_value=nu):
        middleware(verzoek)
    generatie.verhoog_afhankelijkheden({"iets-anders"})
    with mock.patch("time.time", return_value=nu + 30):
        assert status(middleware(RequestFactory().get("/pagina/"))) == "hit"
    with mock.patch("time.time", return_value=nu + 59):
        assert caches["paginas"].get(middleware.sleutel(verzoek)) is not None
    with mock.patch("time.time", return_value=nu + 61):
        assert caches["paginas"].get(middleware.sleutel(verzoek)) is None


def test_an_entry_that_cannot_be_confirmed_is_rendered_again_and_logged(caplog):
    middleware = losse_middleware()
    middleware(RequestFactory().get("/pagina/"))
    generatie.verhoog_afhankelijkheden({"iets-anders"})
    with (
        mock.patch.object(caches["paginas"], "set", side_effect=ConnectionError("weg")),
        caplog.at_level(logging.ERROR, logger="paginacache"),
    ):
        response = middleware(RequestFactory().get("/pagina/"))
    assert status(response) == "miss"
    assert "Paginacache: lezen mislukt; de komende " in caplog.text


def test_an_entry_served_from_the_shared_cache_is_then_kept_in_memory():
    middleware = losse_middleware()
    verzoek = RequestFactory().get("/pagina/")
    middleware(verzoek)
    middleware.lokaal.entries.clear()
    assert status(middleware(RequestFactory().get("/pagina/"))) == "hit"
    assert middleware.lokaal.get(middleware.sleutel(verzoek))["inhoud"] == b"pagina"


def test_the_local_copy_expires_at_its_moment(settings):
    settings.PAGINACACHE_TIMEOUT = 60
    lokaal = LokaleKopie(2)
    with mock.patch("time.monotonic", return_value=1000.0):
        lokaal.zet("a", {"inhoud": "a"})
    with mock.patch("time.monotonic", return_value=1059.9):
        assert lokaal.get("a") == {"inhoud": "a"}
    with mock.patch("time.monotonic", return_value=1060.0):
        assert lokaal.get("a") is None


def test_a_hit_reads_the_generation_in_its_one_round_trip():
    middleware = PaginaCacheMiddleware(lambda request: HttpResponse("pagina"))
    middleware(RequestFactory().get("/pagina/"))
    cache = caches["paginas"]
    with (
        mock.patch.object(cache, "get_many", wraps=cache.get_many) as get_many,
        mock.patch(
            "portal.site.paginacache.middleware.huidige_generatie",
            wraps=generatie.huidige_generatie,
        ) as apart,
    ):
        assert status(middleware(RequestFactory().get("/pagina/"))) == "hit"
    assert (get_many.call_count, apart.call_count) == (1, 0)


def test_during_an_outage_a_copy_confirmed_just_within_the_limit_is_served():
    lokaal = LokaleKopie(2)
    with mock.patch("time.monotonic", return_value=1000.0):
        lokaal.zet("a", {"inhoud": "a"})
    with mock.patch("time.monotonic", return_value=1060.0):
        assert lokaal.get("a", max_onbevestigd=60) == {"inhoud": "a"}
    with mock.patch("time.monotonic", return_value=1060.5):
        assert lokaal.get("a", max_onbevestigd=60) is None


# -- which requests ------------------------------------------------------------------------------


def tweemaal(pad, **extra):
    """The cache's answer to the second of two equal requests."""
    middleware = PaginaCacheMiddleware(lambda request: HttpResponse("pagina"))
    middleware(RequestFactory().get(pad, **extra))
    return status(middleware(RequestFactory().get(pad, **extra)))


def test_every_parameter_a_public_view_reads_may_be_cached_together():
    alle = "&".join(f"{naam}=1" for naam in sorted(PARAMETERS))
    assert tweemaal(f"/pagina/?{alle}") == "hit"


def test_a_query_string_up_to_the_limit_is_cached_and_a_longer_one_not():
    precies = "q=" + "a" * (MAX_QUERYSTRING - 2)
    assert tweemaal(f"/pagina/?{precies}") == "hit"
    assert tweemaal(f"/pagina/?{precies}a") is None


def test_no_address_below_an_excluded_path_is_cached():
    for pad in UITGESLOTEN:
        assert tweemaal(f"{pad}iets") is None, pad
    assert tweemaal("/iets/") == "hit"


def test_requests_with_credentials_a_session_or_messages_are_not_cached():
    assert tweemaal("/met-aanmelding/", HTTP_AUTHORIZATION="Basic eDp5") is None
    assert tweemaal("/met-sessie/", HTTP_COOKIE="sessionid=x") is None
    assert tweemaal("/met-berichten/", HTTP_COOKIE="messages=x") is None
    assert tweemaal("/met-ander-koekje/", HTTP_COOKIE="voorkeur=x") == "hit"


def test_a_page_that_used_a_csp_nonce_is_rendered_every_time():
    def view(request):
        request._csp_nonce = LazyNonce()
        return HttpResponse(f"<script nonce='{request._csp_nonce}'></script>")

    middleware = PaginaCacheMiddleware(view)
    eerste = middleware(RequestFactory().get("/pagina/"))
    tweede = middleware(RequestFactory().get("/pagina/"))
    assert (status(eerste), status(tweede)) == (None, None)
    assert eerste.content != tweede.content


def test_a_request_for_another_host_is_answered_400(client):
    assert client.get("/kennisbank/", HTTP_HOST="elders.example").status_code == 400


# -- the bumps after the commit ------------------------------------------------------------------


def waarden(*tags):
    return [caches["paginas"].get(tag_sleutel(tag)) for tag in tags]


def test_after_the_commit_the_tags_of_a_transaction_are_bumped_once_more_together(
    django_capture_on_commit_callbacks,
):
    site = generatie.huidige_generatie()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        transaction.on_commit(lambda: None)  # someone else's, before ours
        generatie.verhoog_afhankelijkheden({"a"})
        generatie.verhoog_afhankelijkheden({"b"})
        binnen = waarden("a", "b")
    assert len(callbacks) == 2
    assert waarden("a", "b") == [binnen[0] + 1, binnen[1] + 1]
    assert generatie.huidige_generatie() == site  # a product's change is not the whole site's


def test_a_tag_bumped_for_the_first_time_never_expires():
    generatie.verhoog_afhankelijkheden({"a"})
    [waarde] = waarden("a")
    with mock.patch("time.time", return_value=time.time() + 10**7):
        assert waarden("a") == [waarde]


def test_saving_a_snippet_changes_the_generation():
    voor = generatie.huidige_generatie()
    Persoon.objects.create(naam="Nieuwe lector")
    assert generatie.huidige_generatie() != voor


def test_a_bump_that_fails_is_logged(caplog):
    cache = caches["paginas"]
    with (
        mock.patch.object(cache, "incr", side_effect=ConnectionError("weg")),
        caplog.at_level(logging.ERROR, logger="paginacache"),
    ):
        generatie.verhoog_generatie()
    assert [record.getMessage() for record in caplog.records] == [
        "Paginacache: generatie niet te verhogen; dat gebeurt zodra de cache weer antwoordt."
    ]
