"""App server processes for tests: gunicorn on a free port of 127.0.0.1 serving the test
database, with the page cache on in a Redis (tests/site/test_two_app_servers.py and
tests/site/test_outages.py)."""

import contextlib
import http.cookiejar
import os
import secrets
import shutil
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
from django.db import connection

ROOT = Path(settings.BASE_DIR)
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


def _redis_db():
    """Database 12 of the Redis for a run in one process; under pytest-xdist, one per worker
    (gw0: 12, gw1: 13, gw2: 14, gw3: 0, gw4: 1, ...), so that workers never share a page
    cache. Database 15 is left out: tests/site/test_redis_connection.py PINGs it."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    index = int(worker[2:]) if worker[2:].isdigit() else 0
    return (12 + index) % 15


REDIS_DB = _redis_db()
HOST = "wsd.test"


def redis_bereikbaar():
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


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


def varnishd():
    """The path of varnishd (Debian installs it in /usr/sbin), or None."""
    gevonden = shutil.which("varnishd") or "/usr/sbin/varnishd"
    return gevonden if os.access(gevonden, os.X_OK) else None


class Varnish:
    """Varnish started by scripts/varnish.sh on a free port, in front of an app server."""

    SCRIPT = ROOT / "scripts" / "varnish.sh"

    def __init__(self, server):
        self.poort = vrije_poort()
        self.opdracht("start", "--backend-port", str(server.poort))

    def opdracht(self, *argumenten):
        return subprocess.run(
            [self.SCRIPT, *argumenten, "--port", str(self.poort)],
            check=True,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=60,
        )

    @property
    def adres(self):
        return f"http://127.0.0.1:{self.poort}"

    def get(self, pad, cookies=None):
        """(status, headers, body) of a GET through Varnish, with the Host of the servers."""
        headers = {"Host": HOST}
        if cookies:
            headers["Cookie"] = "; ".join(f"{c.name}={c.value}" for c in cookies)
        verzoek = urllib.request.Request(self.adres + pad, headers=headers)
        try:
            with urllib.request.urlopen(verzoek, timeout=30) as r:  # noqa: S310
                return r.status, r.headers, r.read().decode()
        except urllib.error.HTTPError as fout:
            return fout.code, fout.headers, fout.read().decode()

    def stop(self):
        self.opdracht("stop")
