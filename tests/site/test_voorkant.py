"""The app's side of a caching proxy in front (portal/site/paginacache/voorkant.py).

The page cache labels what it stores or serves with the page's dependency tags, and what it
invalidates is banned in every proxy of WAGTAILFRONTENDCACHE, here a small HTTP server that
records what it gets. Varnish itself: tests/site/test_varnish.py.
"""

import http.server
import logging
import socket
import threading

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from wagtail.models import Site

from kennisbank.models import ProductPage
from portal.basis.afhankelijkheden import product_afhankelijkheden, werkplaats_scope
from portal.site.models import SiteInstellingen
from portal.site.paginacache import generatie, voorkant
from portal.site.paginacache.middleware import PaginaCacheMiddleware
from portal.site.paginacache.voorkant import HEADER, SITE, VarnishBackend
from tests.support.tree import add_product, build_tree

pytestmark = pytest.mark.django_db
BACKEND = "portal.site.paginacache.voorkant.VarnishBackend"


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


class Proxy(http.server.BaseHTTPRequestHandler):
    def do_BAN(self):
        self.server.verzoeken.append((self.command, self.path, dict(self.headers)))
        self.send_response(200)
        self.end_headers()

    do_PURGE = do_BAN

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    server.verzoeken = []
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def ingesteld(proxy):
    adres = f"http://127.0.0.1:{proxy.server_address[1]}"
    return override_settings(WAGTAILFRONTENDCACHE={"v": {"BACKEND": BACKEND, "LOCATION": adres}})


def bans(proxy):
    return [set(h[HEADER].split()) for methode, _pad, h in proxy.verzoeken if methode == "BAN"]


def test_what_the_page_cache_stores_or_serves_carries_its_tags(client, boom):
    product = ProductPage.objects.get()
    for verwacht in ("miss", "hit"):
        response = client.get(product.url)
        assert response["X-Paginacache"] == verwacht
        tags = response[HEADER].split()
        assert tags[0] == SITE and f"pagina:{product.pk}" in tags


def test_what_is_not_cached_carries_no_tags(client, boom, admin_user):
    client.force_login(admin_user)
    assert HEADER not in client.get("/kennisbank/")


def test_the_previous_version_during_a_render_carries_no_tags(client, boom):
    assert HEADER in client.get("/kennisbank/")
    add_product(boom["zuyd"], "Net gepubliceerd", day=9)
    middleware = PaginaCacheMiddleware(None)
    sleutel = middleware.sleutel(RequestFactory().get("/kennisbank/"))
    stand = (generatie.huidige_generatie(), caches["paginas"].get(generatie.TELLER_SLEUTEL))
    caches["paginas"].add(PaginaCacheMiddleware.claim(sleutel, stand), 1, 10)

    tussendoor = client.get("/kennisbank/")
    assert tussendoor["X-Paginacache"] == "vorige"
    assert HEADER not in tussendoor


@pytest.mark.parametrize(
    "wijziging",
    [generatie.verhoog_generatie, lambda: generatie.verhoog_afhankelijkheden({"producten"})],
)
def test_a_page_rendered_across_a_change_is_neither_stored_nor_labelled(wijziging):
    def view(request):
        wijziging()  # while this page renders, with what it read before
        return HttpResponse("oud")

    middleware = PaginaCacheMiddleware(view)
    response = middleware(RequestFactory().get("/pagina/"))
    assert HEADER not in response
    assert caches["paginas"].get(middleware.sleutel(RequestFactory().get("/pagina/"))) is None


def test_a_products_publish_bans_its_tags_and_purges_its_url(boom, proxy):
    with ingesteld(proxy):
        product = add_product(boom["zuyd"], "Handreiking schulden", day=2)
    assert bans(proxy)[-1] == product_afhankelijkheden(product)
    assert SITE not in set().union(*bans(proxy))
    purges = [pad for methode, pad, _h in proxy.verzoeken if methode == "PURGE"]
    assert product.url in purges


def test_any_other_change_bans_every_page(boom, proxy):
    instellingen = SiteInstellingen.for_site(Site.objects.get(is_default_site=True))
    instellingen.voettekst = "Anders"
    with ingesteld(proxy):
        instellingen.save()
    assert bans(proxy) == [{SITE}]


def test_without_a_proxy_nothing_is_sent(boom, proxy):
    add_product(boom["zuyd"], "Handreiking schulden", day=2)
    SiteInstellingen.for_site(Site.objects.get(is_default_site=True)).save()
    assert proxy.verzoeken == []


# -- found by mutation testing (docs/testing.md) -------------------------------------------------


def adres(proxy):
    return f"http://127.0.0.1:{proxy.server_address[1]}"


def test_a_purge_names_the_site_of_the_url_not_the_proxy(proxy):
    VarnishBackend({"LOCATION": adres(proxy)}).purge("https://www.example.nl/kennisbank/?q=zorg")
    [(methode, pad, headers)] = proxy.verzoeken
    assert (methode, pad, headers["Host"]) == ("PURGE", "/kennisbank/?q=zorg", "www.example.nl")


def test_a_purge_of_a_path_names_the_proxy_and_an_empty_path_is_the_root(proxy):
    backend = VarnishBackend({"LOCATION": adres(proxy)})
    backend.purge("/kennisbank/")
    backend.purge("https://www.example.nl")
    assert [(methode, pad, headers["Host"]) for methode, pad, headers in proxy.verzoeken] == [
        ("PURGE", "/kennisbank/", f"127.0.0.1:{proxy.server_address[1]}"),
        ("PURGE", "/", "www.example.nl"),
    ]


def test_a_ban_goes_to_the_root_with_the_tags_sorted(proxy):
    VarnishBackend({"LOCATION": adres(proxy)}).ban({"producten", "pagina:3"})
    [(methode, pad, headers)] = proxy.verzoeken
    assert (methode, pad, headers[HEADER]) == ("BAN", "/", "pagina:3 producten")


def test_a_proxy_that_does_not_answer_is_given_up_and_logged(monkeypatch, caplog):
    monkeypatch.setattr(voorkant, "TIMEOUT", 0.2)
    with socket.socket() as stil, caplog.at_level(logging.ERROR, logger="paginacache"):
        stil.bind(("127.0.0.1", 0))
        stil.listen()
        locatie = f"http://127.0.0.1:{stil.getsockname()[1]}"
        ban = threading.Thread(
            target=VarnishBackend({"LOCATION": locatie}).ban, args=({"producten"},), daemon=True
        )
        ban.start()
        ban.join(5)
        assert not ban.is_alive()
    [melding] = [record.getMessage() for record in caplog.records]
    assert melding == f"Voorkant: BAN {locatie}/ mislukt: timed out"


def test_a_werkplaats_page_depends_on_its_own_products_not_on_all(client, boom):
    noord = boom["noord"]
    tags = set(client.get(noord.url)[HEADER].split())
    assert werkplaats_scope(noord.pk) in tags
    assert "producten" not in tags


def test_an_empty_set_of_tags_bans_nothing(proxy):
    with ingesteld(proxy):
        voorkant.verban(set())
        voorkant.verban({"producten"})
    assert bans(proxy) == [{"producten"}]


def test_backends_that_cannot_be_loaded_are_logged(proxy, monkeypatch, caplog):
    def kapot():
        raise ImportError("geen backend")

    monkeypatch.setattr(voorkant, "get_backends", kapot)
    with ingesteld(proxy), caplog.at_level(logging.ERROR, logger="paginacache"):
        voorkant.verban({"producten"})
    assert [record.getMessage() for record in caplog.records] == [
        "Voorkant: backends niet te laden."
    ]
