"""The page cache: what is cached, what is not, and that content changes invalidate it."""

import logging
import time
from unittest import mock

import pytest
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.utils.csp import LazyNonce
from wagtail.models import Site

from kennisbank.models import ProductPage
from portal.basis.afhankelijkheden import GENERATIE_SLEUTEL, TELLER_SLEUTEL, verzamel
from portal.site.models import SiteInstellingen
from portal.site.paginacache import generatie
from portal.site.paginacache.middleware import PARAMETERS, LokaleKopie, PaginaCacheMiddleware
from tests.support.tree import add_product, build_tree

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def paginacache_aan():
    """Turn the page cache on, in an empty local-memory cache of its own."""
    with override_settings(PAGINACACHE=True):
        caches["paginas"].clear()
        yield
        caches["paginas"].clear()


@pytest.fixture
def boom():
    tree = build_tree()
    add_product(tree["noord"], "Eerste rapport over mantelzorg", day=1)
    # The site settings are made on the first request that shows them; that save alone would
    # invalidate the first cached page.
    SiteInstellingen.for_site(Site.objects.get(is_default_site=True))
    return tree


def status(response):
    return response.headers.get("X-Paginacache")


# -- what is cached ------------------------------------------------------------------------------


def test_an_anonymous_get_is_served_from_the_cache_the_second_time(client, boom):
    eerste = client.get("/kennisbank/")
    tweede = client.get("/kennisbank/")
    assert (eerste.status_code, status(eerste)) == (200, "miss")
    assert (tweede.status_code, status(tweede)) == (200, "hit")
    assert tweede.content == eerste.content
    assert tweede["Content-Type"] == eerste["Content-Type"]


def test_a_hit_takes_no_database_query(client, boom, django_assert_num_queries):
    client.get("/")
    with django_assert_num_queries(0):
        assert status(client.get("/")) == "hit"


def test_head_is_served_from_the_entry_of_get(client, boom):
    client.get("/kennisbank/")
    response = client.head("/kennisbank/")
    assert (response.status_code, status(response)) == (200, "hit")


def test_the_query_string_is_part_of_the_key(client, boom):
    client.get("/kennisbank/?type=rapport")
    assert status(client.get("/kennisbank/?type=rapport")) == "hit"
    assert status(client.get("/kennisbank/?type=video")) == "miss"
    assert status(client.get("/kennisbank/")) == "miss"


def test_the_cached_csp_header_is_the_one_rendered_with_the_body(client, boom):
    eerste = client.get("/werkplaatsen/")
    tweede = client.get("/werkplaatsen/")
    assert status(tweede) == "hit"
    assert tweede["Content-Security-Policy"] == eerste["Content-Security-Policy"]
    assert "nonce" not in tweede["Content-Security-Policy"]
    # The headers of the outer middleware are set on every response, hit or miss.
    assert tweede["X-Content-Type-Options"] == "nosniff"
    assert tweede["X-Frame-Options"] == "DENY"
    assert "camera=()" in tweede["Permissions-Policy"]


def test_revisits_are_answered_with_304_not_modified(client, boom):
    eerste = client.get("/werkplaatsen/")
    assert eerste["ETag"]
    assert "no-cache" in eerste["Cache-Control"]  # browsers revalidate every time
    herhaald = client.get("/werkplaatsen/", headers={"If-None-Match": eerste["ETag"]})
    assert herhaald.status_code == 304
    assert client.get("/werkplaatsen/")["ETag"] == eerste["ETag"]


def test_feeds_search_and_the_calendar_are_cached(client, boom):
    for pad in ["/feeds/producten/", "/zoeken/?q=mantelzorg", "/agenda.ics"]:
        client.get(pad)
        assert status(client.get(pad)) == "hit", pad


# -- what is never cached ------------------------------------------------------------------------


def test_logged_in_editors_are_never_served_from_or_stored_in_the_cache(client, admin_client, boom):
    client.get("/kennisbank/")
    response = admin_client.get("/kennisbank/")
    assert response.status_code == 200
    assert status(response) is None
    assert status(admin_client.get("/kennisbank/")) is None


def test_the_admin_and_previews_are_never_cached(client, admin_client, boom):
    product = ProductPage.objects.get()
    for pad in ["/admin/", f"/admin/pages/{product.pk}/view_draft/"]:
        assert admin_client.get(pad).status_code == 200
        assert status(admin_client.get(pad)) is None
    assert status(client.get("/admin/login/")) is None
    assert status(client.get("/admin/login/")) is None


def test_a_visitor_with_a_session_is_not_served_from_the_cache(client, boom):
    client.get("/kennisbank/")
    client.cookies["sessionid"] = "iets"
    assert status(client.get("/kennisbank/")) is None


def test_errors_and_redirects_are_not_cached(client, boom):
    for pad in ["/bestaat-niet/", "/kennisbank"]:
        client.get(pad)
        assert status(client.get(pad)) is None, pad


def middleware_response(response, request=None):
    request = request or RequestFactory().get("/ergens/")
    middleware = PaginaCacheMiddleware(lambda r: response)
    return middleware.response_cachebaar(request, response)


def test_responses_that_must_not_be_shared_are_not_stored():
    assert middleware_response(HttpResponse("ok"))
    met_cookie = HttpResponse("ok")
    met_cookie.set_cookie("csrftoken", "x")
    assert not middleware_response(met_cookie)
    for header, waarde in [
        ("Cache-Control", "private"),
        ("Cache-Control", "max-age=0, no-store"),
        ("Vary", "Accept-Language"),
        ("Vary", "Cookie, Authorization"),
        ("Content-Encoding", "gzip"),
    ]:
        response = HttpResponse("ok")
        response[header] = waarde
        assert not middleware_response(response), (header, waarde)
    response = HttpResponse("ok")
    response["Vary"] = "Cookie"
    assert middleware_response(response)  # only visitors without cookies that matter get it
    assert not middleware_response(HttpResponse("weg", status=404))


def test_a_response_that_used_a_csp_nonce_is_not_stored():
    request = RequestFactory().get("/ergens/")
    request._csp_nonce = LazyNonce()
    assert middleware_response(HttpResponse("ok"), request)
    str(request._csp_nonce)  # a template rendered the nonce
    assert not middleware_response(HttpResponse("ok"), request)


# -- invalidation --------------------------------------------------------------------------------


def test_publishing_a_product_shows_it_at_once(client, boom):
    client.get("/kennisbank/")
    assert status(client.get("/kennisbank/")) == "hit"
    add_product(boom["zuyd"], "Nieuwe handreiking over armoede", day=5)
    response = client.get("/kennisbank/")
    assert status(response) == "miss"
    assert "Nieuwe handreiking over armoede" in response.content.decode()


def test_publishing_a_new_revision_shows_it_at_once(client, boom):
    product = ProductPage.objects.get()
    client.get(product.url)
    assert status(client.get(product.url)) == "hit"
    product.title = "Herziene titel van het rapport"
    product.save_revision().publish()
    assert "Herziene titel van het rapport" in client.get(product.url).content.decode()


def test_a_draft_does_not_change_the_public_page_and_keeps_it_cached(client, boom):
    product = ProductPage.objects.get()
    client.get(product.url)
    product.title = "Nog niet gepubliceerd"
    product.save_revision()
    response = client.get(product.url)
    assert status(response) == "hit"
    assert "Nog niet gepubliceerd" not in response.content.decode()


def test_unpublishing_removes_the_page_at_once(client, boom):
    product = ProductPage.objects.get()
    assert client.get(product.url).status_code == 200
    assert status(client.get(product.url)) == "hit"
    product.unpublish()
    assert client.get(product.url).status_code == 404
    assert product.title not in client.get("/kennisbank/").content.decode()


def test_moving_a_page_shows_it_in_its_new_place_at_once(client, boom):
    product = ProductPage.objects.get()
    oud = product.url
    client.get(oud)
    client.get(boom["zuyd"].url)
    product.move(boom["zuyd"], pos="last-child")
    product.refresh_from_db()
    weg = client.get(oud)  # Wagtail redirects the old address to the new one
    assert (weg.status_code, weg.get("Location")) == (301, product.url)
    assert product.title in client.get(boom["zuyd"].url).content.decode()


def test_deleting_a_page_removes_it_at_once(client, boom):
    product = ProductPage.objects.get()
    client.get("/kennisbank/")
    titel = product.title
    product.delete()
    assert titel not in client.get("/kennisbank/").content.decode()


def test_changing_the_site_settings_shows_them_at_once(client, boom):
    client.get("/")
    assert status(client.get("/")) == "hit"
    instellingen = SiteInstellingen.for_site(Site.objects.get(is_default_site=True))
    instellingen.voettekst = "Een nieuwe voettekst van de Associatie."
    instellingen.save()
    assert "Een nieuwe voettekst van de Associatie." in client.get("/").content.decode()


def test_a_change_in_another_transaction_bumps_again_after_the_commit(
    django_capture_on_commit_callbacks,
):
    voor = generatie.huidige_generatie()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        generatie.verhoog_generatie()
        generatie.verhoog_generatie()
    assert generatie.huidige_generatie() == voor + 2  # at once, each time
    assert len(callbacks) == 1  # and once more after the commit
    callbacks[0]()
    assert generatie.huidige_generatie() == voor + 3


def test_a_lost_generation_starts_again_at_a_new_value(client, boom):
    client.get("/kennisbank/")
    voor = generatie.huidige_generatie()
    caches["paginas"].delete(generatie.GENERATIE_SLEUTEL)
    generatie.verhoog_generatie()
    assert generatie.huidige_generatie() not in (None, voor)
    assert status(client.get("/kennisbank/")) == "miss"


# -- a failing cache never fails the page --------------------------------------------------------


def test_a_cache_that_fails_to_read_renders_the_page_and_logs(client, boom, caplog):
    with (
        mock.patch.object(caches["paginas"], "get_many", side_effect=ConnectionError("weg")),
        caplog.at_level(logging.ERROR, logger="paginacache"),
    ):
        response = client.get("/kennisbank/")
    assert response.status_code == 200
    assert status(response) is None
    assert "lezen mislukt" in caplog.text


def test_a_cache_that_fails_to_store_or_bump_still_serves_and_publishes(client, boom, caplog):
    cache = caches["paginas"]
    with (
        mock.patch.object(cache, "set", side_effect=ConnectionError("weg")),
        mock.patch.object(cache, "incr", side_effect=ConnectionError("weg")),
        caplog.at_level(logging.ERROR, logger="paginacache"),
    ):
        assert client.get("/kennisbank/").status_code == 200
        add_product(boom["zuyd"], "Gepubliceerd terwijl de cache weg was", day=9)
    assert "opslaan mislukt" in caplog.text
    assert "niet te verhogen" in caplog.text


def test_without_the_setting_nothing_is_cached(client, boom):
    with override_settings(PAGINACACHE=False):
        client.get("/kennisbank/")
        assert status(client.get("/kennisbank/")) is None


def test_the_local_copy_is_served_only_for_the_current_generation():
    versies = []

    def view(request):
        versies.append(request.path)
        return HttpResponse(f"versie {len(versies)}")

    middleware = PaginaCacheMiddleware(view)
    middleware.lokaal = LokaleKopie(10)  # as in front of Redis
    verzoek = RequestFactory().get("/pagina/")
    assert middleware(verzoek).content == b"versie 1"
    # Gone from the shared cache, still in this process: served from memory.
    caches["paginas"].delete(middleware.sleutel(verzoek))
    response = middleware(RequestFactory().get("/pagina/"))
    assert (response.content, status(response)) == (b"versie 1", "hit")
    # A change anywhere: the local copy is no longer served.
    generatie.verhoog_generatie()
    response = middleware(RequestFactory().get("/pagina/"))
    assert (response.content, status(response)) == (b"versie 2", "miss")
    assert status(middleware(RequestFactory().get("/pagina/"))) == "hit"


# -- an unreachable shared cache -----------------------------------------------------------------


def gedeelde_cache_middleware(versies):
    def view(request):
        versies.append(request.path)
        return HttpResponse(f"versie {len(versies)}")

    middleware = PaginaCacheMiddleware(view)
    middleware.lokaal = LokaleKopie(10)  # as in front of Redis
    return middleware


def test_during_an_outage_a_recently_confirmed_page_is_served_from_memory(caplog):
    versies = []
    middleware = gedeelde_cache_middleware(versies)
    middleware(RequestFactory().get("/pagina/"))
    cache = caches["paginas"]
    with (
        mock.patch.object(cache, "get", side_effect=ConnectionError("weg")),
        mock.patch.object(cache, "get_many", side_effect=ConnectionError("weg")),
        caplog.at_level(logging.ERROR, logger="paginacache"),
    ):
        bekend = middleware(RequestFactory().get("/pagina/"))
        onbekend = middleware(RequestFactory().get("/andere/"))
        nog_eens = middleware(RequestFactory().get("/andere/"))
    assert (bekend.content, status(bekend)) == (b"versie 1", "nood")
    assert (onbekend.content, status(onbekend)) == (b"versie 2", None)
    assert nog_eens.content == b"versie 3"  # nothing stored while the cache is away
    # Logged once, not once per request.
    assert caplog.text.count("lezen mislukt") == 1


def test_during_an_outage_the_shared_cache_is_left_alone_for_a_pause(settings):
    settings.REDIS_PAUZE = 30
    middleware = gedeelde_cache_middleware([])
    cache = caches["paginas"]
    with mock.patch.object(cache, "get_many", side_effect=ConnectionError("weg")) as get_many:
        for _ in range(5):
            assert middleware(RequestFactory().get("/pagina/")).status_code == 200
    assert get_many.call_count == 1
    # After the pause the cache is tried again, and used when it answers.
    middleware.storing.tot = 0
    assert status(middleware(RequestFactory().get("/pagina/"))) == "miss"
    assert status(middleware(RequestFactory().get("/pagina/"))) == "hit"


def test_during_an_outage_a_page_not_confirmed_for_a_minute_is_rendered_again(settings):
    settings.PAGINACACHE_NOODDUUR = 60
    versies = []
    middleware = gedeelde_cache_middleware(versies)
    middleware(RequestFactory().get("/pagina/"))
    sleutel = middleware.sleutel(RequestFactory().get("/pagina/"))
    verloopt, bevestigd, entry = middleware.lokaal.entries[sleutel]
    middleware.lokaal.entries[sleutel] = (verloopt, bevestigd - 61, entry)
    with mock.patch.object(caches["paginas"], "get", side_effect=ConnectionError("weg")):
        response = middleware(RequestFactory().get("/pagina/"))
    assert (response.content, status(response)) == (b"versie 2", None)


def test_a_hit_confirms_the_local_copy_again():
    middleware = gedeelde_cache_middleware([])
    middleware(RequestFactory().get("/pagina/"))
    sleutel = middleware.sleutel(RequestFactory().get("/pagina/"))
    verloopt, bevestigd, entry = middleware.lokaal.entries[sleutel]
    middleware.lokaal.entries[sleutel] = (verloopt, bevestigd - 600, entry)
    assert status(middleware(RequestFactory().get("/pagina/"))) == "hit"
    assert middleware.lokaal.entries[sleutel][1] > bevestigd - 1


def test_after_an_outage_the_pages_cached_before_it_are_not_served(client, boom):
    assert status(client.get("/kennisbank/")) == "miss"
    cache = caches["paginas"]
    with (
        mock.patch.object(cache, "incr", side_effect=ConnectionError("weg")),
        mock.patch.object(cache, "set", side_effect=ConnectionError("weg")),
    ):
        add_product(boom["zuyd"], "Gepubliceerd tijdens de storing", day=9)
    # Redis is back and still holds the page of before, under the old generation.
    response = client.get("/kennisbank/")
    assert status(response) == "miss"
    assert "Gepubliceerd tijdens de storing" in response.content.decode()
    assert status(client.get("/kennisbank/")) == "hit"


def test_a_read_error_bumps_the_generation_once_the_cache_answers_again():
    middleware = gedeelde_cache_middleware([])
    middleware(RequestFactory().get("/pagina/"))
    voor = generatie.huidige_generatie()
    with mock.patch.object(caches["paginas"], "get", side_effect=ConnectionError("weg")):
        middleware(RequestFactory().get("/pagina/"))
    middleware.storing.tot = 0
    assert status(middleware(RequestFactory().get("/pagina/"))) == "miss"
    assert generatie.huidige_generatie() != voor
    assert status(middleware(RequestFactory().get("/pagina/"))) == "hit"


# -- after a change: one render per page ---------------------------------------------------------


def render_claim(pad):
    """The claim that a request holds while it renders this page after a change."""
    sleutel = PaginaCacheMiddleware(None).sleutel(RequestFactory().get(pad))
    stand = (generatie.huidige_generatie(), caches["paginas"].get(generatie.TELLER_SLEUTEL))
    return PaginaCacheMiddleware.claim(sleutel, stand)


def test_during_the_render_after_a_change_others_get_the_previous_version(client, boom):
    eerst = client.get("/kennisbank/")
    add_product(boom["zuyd"], "Net gepubliceerd", day=9)
    claim = render_claim("/kennisbank/")
    caches["paginas"].add(claim, 1, 10)  # another request is rendering it right now

    tussendoor = client.get("/kennisbank/")
    assert status(tussendoor) == "vorige"
    assert tussendoor.content == eerst.content

    caches["paginas"].delete(claim)  # that render failed or took too long: this one renders
    nieuw = client.get("/kennisbank/")
    assert status(nieuw) == "miss"
    assert "Net gepubliceerd" in nieuw.content.decode()
    assert status(client.get("/kennisbank/")) == "hit"


def test_right_after_a_change_the_first_visitor_gets_the_new_version(client, boom):
    client.get("/kennisbank/")
    add_product(boom["zuyd"], "Net gepubliceerd", day=9)
    eerste = client.get("/kennisbank/")
    assert status(eerste) == "miss"
    assert "Net gepubliceerd" in eerste.content.decode()


def test_an_unpublished_page_does_not_live_on_as_its_previous_version(client, boom):
    product = ProductPage.objects.get(title="Eerste rapport over mantelzorg")
    url = product.url
    assert status(client.get(url)) == "miss"
    product.unpublish()
    assert client.get(url).status_code == 404
    sleutel = PaginaCacheMiddleware(None).sleutel(RequestFactory().get(url))
    assert caches["paginas"].get(sleutel) is None
    caches["paginas"].add(render_claim(url), 1, 10)
    assert client.get(url).status_code == 404


# -- query strings: a bounded number of entries ---------------------------------------------------


@pytest.fixture
def telcache(settings):
    """The page cache in a local-memory cache that never culls, so that its keys can be counted."""
    settings.CACHES = {
        **settings.CACHES,
        "paginatelling": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "wsd-paginatelling",
            "OPTIONS": {"MAX_ENTRIES": 1_000_000},
        },
    }
    settings.PAGINACACHE_ALIAS = "paginatelling"
    cache = caches["paginatelling"]
    cache.clear()
    yield cache
    cache.clear()


def sleutels(cache):
    return set(cache._cache)


def rommel(i):
    """Query strings a crawler or an attacker might send: unknown names, unknown values,
    free text, the same parameters in another order."""
    bekend = sorted(PARAMETERS)
    return [
        f"utm_source=x{i}",
        f"q=zoek{i}",
        f"{bekend[i % len(bekend)]}=waarde{i}",
        f"type=rapport&x{i}=1",
        f"page={i}&q=woord{i}&sort=titel",
    ][i % 5]


def test_a_thousand_distinct_query_strings_add_a_bounded_number_of_keys(
    client, boom, telcache, settings
):
    settings.PAGINACACHE_MAX_MET_QUERY = 25
    # One window of the budget for the whole test: crossing into the next one (every 300 s of
    # the clock) would allow another 25.
    settings.PAGINACACHE_TIMEOUT = 10**9
    client.get("/robots.txt")
    voor = sleutels(telcache)
    for i in range(1000):
        assert client.get(f"/robots.txt?{rommel(i)}").status_code == 200
    erbij = sleutels(telcache) - voor
    # At most the budget of one time window, its counter and perhaps the next window's.
    assert len(erbij) <= 25 + 2 * 2, len(erbij)
    # A page without a query string is still cached once the budget is spent.
    client.get("/agenda.ics")
    assert status(client.get("/agenda.ics")) == "hit"


def test_unknown_parameters_are_never_cached(client, boom, telcache):
    for pad in ["/kennisbank/?utm_source=nieuwsbrief", "/kennisbank/?type=rapport&fbclid=x"]:
        client.get(pad)
        assert status(client.get(pad)) is None, pad


def test_a_known_filter_combination_is_cached_whatever_the_order(client, boom, telcache):
    eerste = client.get("/kennisbank/?type=rapport&sort=titel&q=mantelzorg")
    assert status(eerste) == "miss"
    for pad in [
        "/kennisbank/?type=rapport&sort=titel&q=mantelzorg",
        "/kennisbank/?q=mantelzorg&type=rapport&sort=titel",
        "/kennisbank/?sort=titel&q=mantelzorg&type=rapport",
    ]:
        response = client.get(pad)
        assert status(response) == "hit", pad
        assert response.content == eerste.content


@pytest.mark.slow
@pytest.mark.parametrize(
    "eerst, daarna",
    [
        ("type=rapport", "type=video"),
        ("type=rapport", "type=rapport&type=video"),
        ("type=rapport&type=video", "type=video"),
        ("q=mantelzorg", "q=mantelzorg+rapport"),
        ("q=mantelzorg", "q=mantelzorg&sort=titel"),
        ("q=mantelzorg&sort=titel", "q=mantelzorg&sort=oudste"),
        ("q=a%26b", "q=a&b="),
        ("q=", ""),
    ],
)
def test_a_page_is_never_served_for_a_query_of_another_meaning(
    client, boom, telcache, eerst, daarna
):
    client.get(f"/kennisbank/?{eerst}")
    assert status(client.get(f"/kennisbank/?{eerst}")) == "hit"
    assert status(client.get(f"/kennisbank/?{daarna}")) != "hit"


def test_one_search_written_two_ways_is_one_entry(client, boom, telcache):
    client.get("/zoeken/?q=wijk+zorg")
    assert status(client.get("/zoeken/?q=wijk%20zorg")) == "hit"


def test_a_page_kept_across_other_changes_still_expires_in_time(client, boom, settings):
    """A page that no product change concerns stays cached across them, but not longer than
    PAGINACACHE_TIMEOUT from its render: what changes with time alone (the coming events) is
    rendered again."""
    gerenderd = time.time()
    assert status(client.get("/agenda/")) == "miss"
    add_product(boom["zuyd"], "Net gepubliceerd", day=9)
    time.sleep(1.1)  # the entry is confirmed current a moment after its render
    assert status(client.get("/agenda/")) == "hit"
    na_de_termijn = gerenderd + settings.PAGINACACHE_TIMEOUT + 1
    with mock.patch("time.time", return_value=na_de_termijn):
        assert status(client.get("/agenda/")) == "miss"


# -- found by mutation testing (docs/testing.md) -------------------------------------------------


def test_a_post_is_never_served_from_the_cache(client, boom):
    assert status(client.get("/kennisbank/")) == "miss"
    assert status(client.get("/kennisbank/")) == "hit"
    response = client.post("/kennisbank/")
    assert status(response) is None


def test_an_entry_without_an_expiry_is_rendered_again(client, boom):
    """An entry stored by an older version of the code, without `verloopt`."""
    assert status(client.get("/kennisbank/")) == "miss"
    sleutel = PaginaCacheMiddleware(None).sleutel(RequestFactory().get("/kennisbank/"))
    entry = caches["paginas"].get(sleutel)
    del entry["verloopt"]
    caches["paginas"].set(sleutel, entry)
    assert status(client.get("/kennisbank/")) == "miss"


def test_a_tag_without_a_value_when_the_page_was_stored_still_invalidates_it(client, boom):
    noord = boom["noord"]
    caches["paginas"].clear()  # e.g. Redis restarted: no tag has a value yet
    assert status(client.get(noord.url)) == "miss"
    add_product(noord, "Nieuw na de herstart", day=5)
    response = client.get(noord.url)
    assert "Nieuw na de herstart" in response.content.decode()


def test_the_generation_never_expires():
    eerst = generatie.huidige_generatie()
    over_een_jaar = time.time() + 366 * 24 * 3600
    with mock.patch("time.time", return_value=over_een_jaar):
        assert generatie.huidige_generatie() == eerst


def test_a_hit_from_the_local_copy_reads_only_the_generation_and_the_counter():
    generatie.verhoog_afhankelijkheden({"producten"})  # the counter has a value
    middleware = gedeelde_cache_middleware([])
    middleware(RequestFactory().get("/pagina/"))
    cache = caches["paginas"]
    with (
        mock.patch.object(cache, "get", wraps=cache.get) as get,
        mock.patch.object(cache, "get_many", wraps=cache.get_many) as get_many,
        mock.patch.object(cache, "set", wraps=cache.set) as set_,
    ):
        assert status(middleware(RequestFactory().get("/pagina/"))) == "hit"
    assert get_many.call_args_list == [mock.call([GENERATIE_SLEUTEL, TELLER_SLEUTEL])]
    assert {c.args[0] for c in get.call_args_list} <= {GENERATIE_SLEUTEL, TELLER_SLEUTEL}
    assert set_.call_count == 0


def test_a_confirmed_local_copy_keeps_its_expiry_and_stands_in_during_an_outage():
    middleware = gedeelde_cache_middleware([])
    middleware(RequestFactory().get("/pagina/"))
    sleutel = middleware.sleutel(RequestFactory().get("/pagina/"))
    verloopt = middleware.lokaal.entries[sleutel][0]
    assert status(middleware(RequestFactory().get("/pagina/"))) == "hit"  # confirmed
    assert middleware.lokaal.entries[sleutel][0] == verloopt
    with mock.patch.object(caches["paginas"], "get_many", side_effect=ConnectionError("weg")):
        response = middleware(RequestFactory().get("/pagina/"))
    assert (response.content, status(response)) == (b"versie 1", "nood")


def test_the_local_copy_expires_after_the_timeout(settings):
    settings.PAGINACACHE_TIMEOUT = 100
    kopie = LokaleKopie(10)
    nu = time.monotonic()
    with mock.patch("time.monotonic", return_value=nu):
        kopie.zet("sleutel", {"inhoud": b"x"})
    with mock.patch("time.monotonic", return_value=nu + 99):
        assert kopie.get("sleutel") == {"inhoud": b"x"}
    with mock.patch("time.monotonic", return_value=nu + 101):
        assert kopie.get("sleutel") is None


def test_only_in_front_of_a_shared_cache_pages_are_also_kept_in_memory():
    assert PaginaCacheMiddleware(None).lokaal.maximum == 0  # local memory already
    gedeeld = DummyCache("gedeeld", {})
    with mock.patch("portal.site.paginacache.middleware.paginacache", return_value=gedeeld):
        assert PaginaCacheMiddleware(None).lokaal.maximum == 200


def test_an_outage_is_logged_once_with_its_pause(settings, caplog):
    settings.REDIS_PAUZE = 30
    middleware = gedeelde_cache_middleware([])
    with (
        mock.patch.object(caches["paginas"], "get_many", side_effect=ConnectionError("weg")),
        caplog.at_level(logging.ERROR, logger="paginacache"),
    ):
        middleware(RequestFactory().get("/pagina/"))
        middleware(RequestFactory().get("/pagina/"))
    meldingen = [r.getMessage() for r in caplog.records if r.name == "paginacache"]
    assert meldingen == ["Paginacache: lezen mislukt; de komende 30 s zonder gedeelde cache."]


def test_a_failing_delete_is_logged(client, boom, caplog):
    product = ProductPage.objects.get()
    assert status(client.get(product.url)) == "miss"
    with (
        mock.patch.object(caches["paginas"], "delete", side_effect=ConnectionError("weg")),
        caplog.at_level(logging.ERROR, logger="paginacache"),
    ):
        product.unpublish()
        assert client.get(product.url).status_code == 404
    assert "Paginacache: verwijderen mislukt;" in caplog.text


def test_a_query_of_the_product_tables_makes_a_render_depend_on_the_product_lists(boom):
    with verzamel() as afhankelijkheden:
        list(ProductPage.objects.values_list("pk", flat=True))  # no product instance made
    assert afhankelijkheden.tags() == {"producten"}
    with verzamel() as afhankelijkheden:
        list(Site.objects.values_list("pk", flat=True))
    assert afhankelijkheden.tags() == set()
