"""Faults: an unreachable database gives a clear 503 page, not a stack trace; a Redis that goes
down costs the page cache, not the site, and caching resumes when it is back."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Site

from portal.site.models import SiteInstellingen
from tests.support import servers
from tests.support.servers import Server, vrije_poort
from tests.support.tree import add_product, build_tree

pytestmark = pytest.mark.slow

ROOT = Path(settings.BASE_DIR)
REDIS_SERVER = "/usr/bin/redis-server"


def wacht_op(url, seconden=20):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        try:
            return urllib.request.urlopen(url, timeout=5)
        except urllib.error.HTTPError as antwoord:
            return antwoord
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"server on {url} did not answer")


def test_unreachable_database_gives_503_page(tmp_path):
    poort = vrije_poort()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{vrije_poort()}/bestaat_niet",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "-b", f"127.0.0.1:{poort}", "-w", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        antwoord = wacht_op(f"http://127.0.0.1:{poort}/werkplaatsen/")
        html = antwoord.read().decode()
        assert antwoord.status == 503
        assert antwoord.headers["Retry-After"] == "60"
        assert "Tijdelijk niet beschikbaar" in html
        assert "Traceback" not in html and "OperationalError" not in html
    finally:
        server.terminate()
        server.wait(timeout=10)


class PriveRedis:
    """A redis-server of one test alone, on a free port of 127.0.0.1; killed and started again."""

    def __init__(self, tmp_path):
        self.poort = vrije_poort()
        self.map = tmp_path
        self.proces = None
        self.url = f"redis://127.0.0.1:{self.poort}/0"

    def antwoordt(self):
        try:
            with socket.create_connection(("127.0.0.1", self.poort), timeout=1) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def start(self):
        self.proces = subprocess.Popen(
            [REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(self.poort), "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.map)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if self.antwoordt():
                return
            time.sleep(0.05)
        self.kill()
        raise AssertionError(f"redis-server on port {self.poort} did not answer")

    def kill(self):
        """Gone at once, as in a crash: SIGKILL, nothing said to its clients."""
        if self.proces is not None and self.proces.poll() is None:
            self.proces.kill()
            self.proces.wait(timeout=10)


@pytest.fixture
def prive_redis(tmp_path):
    if not os.path.exists(REDIS_SERVER):
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI must have {REDIS_SERVER} (apt-get install redis-server)")
        pytest.skip(
            f"needs {REDIS_SERVER} to start a Redis of its own (apt-get install redis-server)"
        )
    redis = PriveRedis(tmp_path)
    redis.start()
    yield redis
    redis.kill()


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL: the app server reads the test database (DATABASE_URL=postgres)",
)
@pytest.mark.django_db(transaction=True)
def test_redis_going_down_costs_the_cache_not_the_site_and_caching_resumes(
    prive_redis, monkeypatch, tmp_path
):
    boom = build_tree()
    product = add_product(boom["noord"], "Rapport over mantelzorg in Groningen")
    # Made now rather than by the first request that shows them (which would invalidate).
    SiteInstellingen.for_site(Site.objects.get(is_default_site=True))
    # The app server of tests/support/servers.py (gunicorn, 1 worker, page cache on), on our Redis;
    # after a Redis error it leaves Redis alone for REDIS_PAUZE seconds.
    monkeypatch.setattr(servers, "REDIS_URL", prive_redis.url)
    monkeypatch.setenv("REDIS_PAUZE", "1")
    server = Server("redis-storing", tmp_path)
    try:
        server.wacht()
        assert server.get("/kennisbank/")[:2] == (200, "miss")
        assert server.get("/kennisbank/")[:2] == (200, "hit")

        prive_redis.kill()
        # Confirmed current a moment ago: served from the process's own memory.
        status, cache, body = server.get("/kennisbank/")
        assert (status, cache) == (200, "nood")
        assert product.title in body
        # Not in its memory: rendered, and not stored (no X-Paginacache).
        verwacht = {
            product.url: product.title,
            "/zoeken/?q=mantelzorg": product.title,
            "/": "Het kennisportaal.",
            "/themas/": boom["armoede"].title,
        }
        for pad, tekst in verwacht.items():
            status, cache, body = server.get(pad)
            assert (status, cache) == (200, None), pad
            assert tekst in body, pad
        log = server.log.read_text()
        assert re.search(r"Paginacache: \w+ mislukt", log)
        assert "Internal Server Error" not in log

        prive_redis.start()  # empty, on the same port
        time.sleep(1.2)  # past the pause
        assert server.get("/kennisbank/")[:2] == (200, "miss")
        status, cache, body = server.get("/kennisbank/")
        assert (status, cache) == (200, "hit")
        assert product.title in body
    finally:
        server.stop()
