"""Varnish in front of an app server serves no page older than the change that concerns it.

scripts/varnish.sh starts Debian's Varnish (scripts/varnish/portal.vcl) on a free port in front
of a gunicorn app server (tests/support/servers.py: PostgreSQL and Redis, page cache on). This
process edits as an editor would, with WAGTAILFRONTENDCACHE pointing at that Varnish: a
product's publish bans the pages that show it (its page, its Werkplaats, the kennisbank with a
query string) and not the other products' pages; a change of site settings bans every page.
Editors are never served from Varnish, only 127.0.0.1 may ban, and a publish succeeds with
Varnish down. Needs PostgreSQL, Redis and varnishd (CI installs it: ./scripts/varnish.sh
install); skipped elsewhere, with the reason.
"""

import http.client
import logging
import secrets

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import override_settings
from wagtail.models import Site

from kennisbank.models import ProductPage
from portal.site.models import SiteInstellingen
from portal.site.paginacache.voorkant import HEADER, SITE
from tests.support.servers import (
    GEDEELDE_CACHES,
    REDIS_HOST,
    REDIS_PORT,
    Server,
    Varnish,
    cookie_processor,
    inloggen,
    redis_bereikbaar,
    varnishd,
)
from tests.support.tree import add_product, build_tree

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="needs PostgreSQL: the app server shares the test database (DATABASE_URL=postgres)",
    ),
    pytest.mark.skipif(
        not redis_bereikbaar(),
        reason=f"needs Redis on {REDIS_HOST}:{REDIS_PORT} (./scripts/redis.sh start)",
    ),
    pytest.mark.skipif(
        varnishd() is None, reason="needs varnishd: ./scripts/varnish.sh install (Debian's varnish)"
    ),
    pytest.mark.django_db(transaction=True),
]

BACKEND = "portal.site.paginacache.voorkant.VarnishBackend"


@pytest.fixture
def opstelling(tmp_path):
    """(app server, Varnish in front of it); this process bans in that Varnish."""
    server = Server("app", tmp_path)
    try:
        server.wacht()
        varnish = Varnish(server)
        voorkant = {"varnish": {"BACKEND": BACKEND, "LOCATION": varnish.adres}}
        try:
            with override_settings(CACHES=GEDEELDE_CACHES, WAGTAILFRONTENDCACHE=voorkant):
                yield server, varnish
        finally:
            varnish.stop()
    finally:
        server.stop()


def herpubliceer(pagina, titel):
    pagina = ProductPage.objects.get(pk=pagina.pk)
    pagina.title = titel
    pagina.save_revision().publish()


def cache(varnish, pad, **kwargs):
    status, headers, _body = varnish.get(pad, **kwargs)
    assert status == 200, pad
    return headers["X-Cache"]


def verzoek_van_elders(varnish, methode, pad, headers):
    """A request from 127.0.0.2: outside Varnish's ACL, which admits 127.0.0.1 only."""
    verbinding = http.client.HTTPConnection(
        "127.0.0.1", varnish.poort, timeout=10, source_address=("127.0.0.2", 0)
    )
    try:
        verbinding.request(methode, pad, headers=headers)
        return verbinding.getresponse().status
    finally:
        verbinding.close()


def test_varnish_serves_each_page_until_a_change_that_concerns_it(opstelling, caplog):
    server, varnish = opstelling
    boom = build_tree()
    eerste = add_product(boom["noord"], "Rapport over mantelzorg in Groningen", day=1)
    tweede = add_product(boom["zuyd"], "Handreiking schulden voor wijkteams", day=2)
    instellingen = SiteInstellingen.for_site(Site.objects.get(is_default_site=True))
    toont_eerste = [eerste.url, boom["noord"].url, f"{boom['kennisbank'].url}?type=rapport"]
    paginas = [*toont_eerste, tweede.url]

    for pad in paginas:
        status, headers, body = varnish.get(pad)
        assert (status, headers["X-Cache"]) == (200, "MISS"), pad
        assert SITE in headers[HEADER].split()
        assert cache(varnish, pad) == "HIT", pad
    for pad in toont_eerste:
        assert eerste.title in varnish.get(pad)[2], pad
    assert f"pagina:{eerste.pk}" in varnish.get(eerste.url)[1][HEADER].split()

    # A product's publish: the pages that show it, at once; the other product's page stays.
    herpubliceer(eerste, "Rapport over mantelzorg in Drenthe")
    for pad in toont_eerste:
        status, headers, body = varnish.get(pad)
        assert (status, headers["X-Cache"]) == (200, "MISS"), pad
        assert "mantelzorg in Drenthe" in body, pad
    assert cache(varnish, tweede.url) == "HIT"

    # Any other change: every page.
    instellingen.voettekst = "Voettekst na de wijziging"
    instellingen.save()
    for pad in paginas:
        status, headers, body = varnish.get(pad)
        assert (status, headers["X-Cache"]) == (200, "MISS"), pad
        assert "Voettekst na de wijziging" in body, pad
        assert cache(varnish, pad) == "HIT", pad

    # A logged-in editor passes Varnish and the app's page cache: rendered for them.
    wachtwoord = secrets.token_urlsafe(16)
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]):
        get_user_model().objects.create_superuser("redacteur", "r@example.org", wachtwoord)
    inloggen(server, "redacteur", wachtwoord)
    sessie = list(cookie_processor(server).cookiejar)
    for _ in range(2):
        status, headers, _body = varnish.get(tweede.url, cookies=sessie)
        assert (status, headers["X-Cache"], headers["X-Paginacache"]) == (200, "PASS", None)

    # Only 127.0.0.1 bans or purges.
    assert verzoek_van_elders(varnish, "BAN", "/", {HEADER: SITE}) == 405
    assert verzoek_van_elders(varnish, "PURGE", tweede.url, {}) == 405
    assert cache(varnish, tweede.url) == "HIT"

    # Varnish down: the publish succeeds, the app shows it, the failed ban is logged.
    varnish.stop()
    with caplog.at_level(logging.ERROR, logger="paginacache"):
        herpubliceer(tweede, "Handreiking schulden voor buurtteams")
    assert ProductPage.objects.get(pk=tweede.pk).title == "Handreiking schulden voor buurtteams"
    assert "schulden voor buurtteams" in server.get(tweede.url)[2]
    assert any("Voorkant: BAN" in r.getMessage() for r in caplog.records)
