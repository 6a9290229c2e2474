"""Faults: an unreachable database gives a clear 503 page, not a stack trace."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def vrije_poort():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
