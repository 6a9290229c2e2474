"""Two app server processes sharing one PostgreSQL database and one Redis serve no stale page.

Two gunicorn processes (settings portal.settings.dev with DEBUG off, page cache on, REDIS_URL
set) on free ports of 127.0.0.1 serve the test database. A page cached through one is a hit on
the other; a product published by an editor anywhere (here: by this process) and a product
unpublished by an editor in the admin of server A are seen at once through server B. Needs
PostgreSQL and Redis (CI has both: .ci/run starts them); skipped elsewhere, with the reason.
"""

import re
import secrets

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import override_settings
from wagtail.models import Site

from kennisbank.models import ProductPage
from portal.site.models import SiteInstellingen
from tests.support.servers import (
    GEDEELDE_CACHES,
    REDIS_HOST,
    REDIS_PORT,
    Server,
    inloggen,
    redis_bereikbaar,
)
from tests.support.tree import add_product, build_tree

pytestmark = [
    pytest.mark.slow,
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
