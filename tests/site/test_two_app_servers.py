"""Two app server processes sharing one PostgreSQL database and one Redis serve no stale page.

Two gunicorn processes (settings portal.settings.dev with DEBUG off, page cache on, REDIS_URL
set) on free ports of 127.0.0.1 serve the test database. A page cached through one is a hit on
the other; a product published by an editor anywhere (here: by this process) and a product
unpublished by an editor in the admin of server A are seen at once through server B. Needs
PostgreSQL and Redis (CI has both: .ci/run starts them); skipped elsewhere, with the reason.
"""

import contextlib
import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import override_settings
from wagtail.models import Site

from kennisbank.models import ProductPage
from portal.models import SiteInstellingen
from tests.tree import add_product, build_tree

ROOT = Path(__file__).resolve().parent.parent
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
REDIS_DB = 12
HOST = "wsd.test"


def redis_bereikbaar():
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="needs PostgreSQL: the processes share the test database (DATABASE_URL=postgres)",
    ),
    pytest.mark.skipif(
        not redis_bereikbaar(),
        reason=f"needs Redis on {REDIS_HOST}:{REDIS_PORT} (./scripts/redis.sh start)",
    ),
    pytest.mark.django_db(transaction=True),
]

REDIS_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}"
# This process bumps the generation in the same Redis, under the same key prefix, as the
# servers (portal/settings/base.py with REDIS_URL set).
GEDEELDE_CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "paginas": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "wsd-paginas",
    },
}


def vrije_poort():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url():
    db = connection.settings_dict
    gebruiker = urllib.parse.quote(db["USER"] or "")
    wachtwoord = f":{urllib.parse.quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    host = db["HOST"] or "127.0.0.1"
    poort = db["PORT"] or "5432"
    return f"postgres://{gebruiker}{wachtwoord}@{host}:{poort}/{db['NAME']}"


class Server:
    def __init__(self, naam, tmp_path):
        self.naam = naam
        self.poort = vrije_poort()
        self.log = tmp_path / f"server-{naam}.log"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": f"127.0.0.1,{HOST}",
            "DATABASE_URL": database_url(),
            "REDIS_URL": REDIS_URL,
            "PAGINACACHE": "1",
            "MEDIA_ROOT": str(tmp_path / "media"),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        with open(self.log, "wb") as uit:
            self.proces = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "portal.wsgi:application",
                    "--workers",
                    "1",
                    "--bind",
                    f"127.0.0.1:{self.poort}",
                ],
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=uit,
                stderr=subprocess.STDOUT,
            )
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def url(self, pad):
        return f"http://127.0.0.1:{self.poort}{pad}"

    def wacht(self):
        for _ in range(150):
            if self.proces.poll() is not None:
                break
            with contextlib.suppress(OSError):
                urllib.request.urlopen(self.url("/robots.txt"), timeout=2)  # noqa: S310
                return
            time.sleep(0.2)
        self.stop()
        pytest.fail(f"server {self.naam} did not start:\n{self.log.read_text()[-3000:]}")

    def get(self, pad, opener=None):
        """(status, X-Paginacache, body) of an anonymous GET (or with the opener's cookies).

        With the Host header a load balancer passes on: the same for both servers.
        """
        verzoek = urllib.request.Request(self.url(pad), headers={"Host": HOST})
        try:
            with (opener or urllib.request.build_opener()).open(verzoek, timeout=30) as r:
                return r.status, r.headers.get("X-Paginacache"), r.read().decode()
        except urllib.error.HTTPError as fout:
            return fout.code, fout.headers.get("X-Paginacache"), fout.read().decode()

    def post(self, pad, data):
        jar = cookie_processor(self).cookiejar
        csrf = next(c.value for c in jar if c.name == "csrftoken")
        verzoek = urllib.request.Request(
            self.url(pad),
            data=urllib.parse.urlencode({**data, "csrfmiddlewaretoken": csrf}).encode(),
            headers={"Referer": self.url(pad), "Host": HOST},
        )
        with self.opener.open(verzoek, timeout=30) as r:
            return r.status, r.read().decode()

    def stop(self):
        if self.proces.poll() is None:
            self.proces.terminate()
            try:
                self.proces.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proces.kill()
                self.proces.wait()


def cookie_processor(server):
    return next(
        h for h in server.opener.handlers if isinstance(h, urllib.request.HTTPCookieProcessor)
    )


@pytest.fixture(autouse=True)
def gedeelde_cache():
    """Every change this process makes bumps the generation in the servers' Redis."""
    with override_settings(CACHES=GEDEELDE_CACHES):
        yield


@pytest.fixture
def servers(tmp_path):
    gestart = [Server("a", tmp_path), Server("b", tmp_path)]
    try:
        for server in gestart:
            server.wacht()
        yield gestart
    finally:
        for server in gestart:
            server.stop()


def inloggen(server, gebruikersnaam, wachtwoord):
    server.get("/admin/login/", opener=server.opener)  # the CSRF cookie
    jar = cookie_processor(server).cookiejar
    csrf = next(c.value for c in jar if c.name == "csrftoken")
    verzoek = urllib.request.Request(
        server.url("/admin/login/"),
        data=urllib.parse.urlencode(
            {"username": gebruikersnaam, "password": wachtwoord, "csrfmiddlewaretoken": csrf}
        ).encode(),
        headers={"Referer": server.url("/admin/login/"), "Host": HOST},
    )
    with server.opener.open(verzoek, timeout=30) as r:
        assert r.status == 200
    assert any(c.name == settings.SESSION_COOKIE_NAME for c in jar)


def test_two_app_servers_share_the_cache_and_never_serve_stale_pages(servers):
    a, b = servers
    boom = build_tree()
    eerste = add_product(boom["noord"], "Rapport over mantelzorg in Groningen", day=1)
    # Made now rather than by the first request that shows them (which would invalidate).
    SiteInstellingen.for_site(Site.objects.get(is_default_site=True))

    # One cache for both: what A rendered, B serves.
    status, cache, body = a.get("/kennisbank/")
    assert (status, cache) == (200, "miss")
    assert eerste.title in body
    assert b.get("/kennisbank/")[:2] == (200, "hit")
    assert a.get(eerste.url)[:2] == (200, "miss")
    assert b.get(eerste.url)[:2] == (200, "hit")

    # An editor publishes (in another process): both servers show it at once.
    nieuw = add_product(boom["zuyd"], "Handreiking schulden voor wijkteams", day=2)
    for server in (b, a):
        status, cache, body = server.get("/kennisbank/")
        assert status == 200
        assert nieuw.title in body, server.naam
    assert b.get("/kennisbank/")[1] == "hit"

    # An editor unpublishes in the admin of server A: server B no longer shows it.
    User = get_user_model()
    wachtwoord = secrets.token_urlsafe(16)
    # Hashed as the servers' settings can check it (the test settings use a fast MD5 hasher).
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]):
        User.objects.create_superuser("redacteur", "redacteur@example.org", wachtwoord)
    inloggen(a, "redacteur", wachtwoord)
    status, cache, body = a.get("/kennisbank/", opener=a.opener)
    assert status == 200 and cache is None  # a logged-in editor is never cached
    assert eerste.title in body
    status, body = a.post(f"/admin/pages/{eerste.pk}/unpublish/", {})
    assert status == 200
    assert not ProductPage.objects.get(pk=eerste.pk).live
    assert b.get(eerste.url)[0] == 404
    status, cache, body = b.get("/kennisbank/")
    assert status == 200
    assert eerste.title not in body
    assert nieuw.title in body
    assert not re.search(r"Traceback", a.log.read_text() + b.log.read_text())
