"""The settings modules read their configuration from the environment.

Each case imports a settings module in a fresh interpreter, with a controlled environment,
and prints the values it ends up with as JSON: settings are read once at import, so this is
the only faithful way to see what a given environment produces.
"""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as active_settings
from django.db import connection

# Each case starts a Python interpreter of its own.
pytestmark = pytest.mark.slow

BASE_DIR = Path(__file__).resolve().parents[2]

# Every variable the settings read; each case starts without any of them.
CONFIG_VARS = {
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "DB_CONN_MAX_AGE",
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "REDIS_URL",
    "VARNISH_URL",
    "MEDIA_ROOT",
    "LOG_LEVEL",
    "WAGTAILADMIN_BASE_URL",
    "SITE_URL",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "DEFAULT_FROM_EMAIL",
}

DUMP = """
import json
from django.conf import settings as s
backend = s.WAGTAILSEARCH_BACKENDS["default"]
print(json.dumps({
    "DATABASE": s.DATABASES["default"],
    "INSTALLED_APPS": s.INSTALLED_APPS,
    "SEARCH_CONFIG": backend.get("SEARCH_CONFIG"),
    "CACHE": s.CACHES["default"],
    "ALLOWED_HOSTS": s.ALLOWED_HOSTS,
    "CSRF_TRUSTED_ORIGINS": s.CSRF_TRUSTED_ORIGINS,
    "DEBUG": s.DEBUG,
    "SECRET_KEY": s.SECRET_KEY,
    "LANGUAGE_CODE": s.LANGUAGE_CODE,
    "TIME_ZONE": s.TIME_ZONE,
    "USE_TZ": s.USE_TZ,
    "MEDIA_ROOT": str(s.MEDIA_ROOT),
    "LOG_LEVEL": s.LOGGING["root"]["level"],
    "WAGTAILADMIN_BASE_URL": s.WAGTAILADMIN_BASE_URL,
    "SITE_URL": s.SITE_URL,
    "WAGTAILAPI_BASE_URL": s.WAGTAILAPI_BASE_URL,
    "SECURE_SSL_REDIRECT": s.SECURE_SSL_REDIRECT,
    "SECURE_HSTS_SECONDS": s.SECURE_HSTS_SECONDS,
    "WAGTAILFRONTENDCACHE": s.WAGTAILFRONTENDCACHE,
}, default=str))
"""


def clean_env(module, **env):
    base = {key: value for key, value in os.environ.items() if key not in CONFIG_VARS}
    base["DJANGO_SETTINGS_MODULE"] = module
    base.update(env)
    return base


def run_python(module, code, **env):
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=clean_env(module, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def load(module="portal.settings.dev", **env):
    result = run_python(module, DUMP, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def production_env(**env):
    values = {
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "www.werkplaatsensociaaldomein.nl",
        "SITE_URL": "https://www.werkplaatsensociaaldomein.nl",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    values.update(env)
    return values


# --- Caching proxy ----------------------------------------------------------------------


def test_varnish_url_configures_one_frontend_cache_per_address():
    assert load()["WAGTAILFRONTENDCACHE"] == {}
    adressen = ["http://127.0.0.1:6081", "http://varnish2.intern:6081"]
    backends = load(VARNISH_URL=" , ".join(adressen))["WAGTAILFRONTENDCACHE"].values()
    assert [b["LOCATION"] for b in backends] == adressen
    assert {b["BACKEND"] for b in backends} == {"portal.site.paginacache.voorkant.VarnishBackend"}


# --- Database ---------------------------------------------------------------------------


@pytest.mark.parametrize("module", ["portal.settings.dev", "portal.settings.test"])
def test_postgres_url_selects_postgresql_with_dutch_search(module):
    loaded = load(module, DATABASE_URL="postgres://wsd:geheim@db.example.nl:6543/portaal")
    db = loaded["DATABASE"]
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"]) == ("portaal", "wsd", "geheim")
    assert (db["HOST"], int(db["PORT"])) == ("db.example.nl", 6543)
    assert "django.contrib.postgres" in loaded["INSTALLED_APPS"]
    assert loaded["SEARCH_CONFIG"] == "dutch"


def test_default_database_is_sqlite_file_in_project_folder():
    loaded = load()
    db = loaded["DATABASE"]
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(db["NAME"]) == BASE_DIR / "db.sqlite3"
    assert "django.contrib.postgres" not in loaded["INSTALLED_APPS"]
    assert loaded["SEARCH_CONFIG"] is None


def test_sqlite_url_and_connection_age():
    loaded = load(DATABASE_URL="sqlite:////tmp/elders/portaal.sqlite3", DB_CONN_MAX_AGE="0")
    assert loaded["DATABASE"]["NAME"] == "/tmp/elders/portaal.sqlite3"
    assert loaded["DATABASE"]["CONN_MAX_AGE"] == 0
    assert load()["DATABASE"]["CONN_MAX_AGE"] == 60


@pytest.mark.django_db
def test_tests_never_use_the_development_database():
    """The test database is a throwaway one, never the db.sqlite3 of `start.sh`."""
    name = str(connection.settings_dict["NAME"])
    assert Path(name) != BASE_DIR / "db.sqlite3"
    if connection.vendor == "sqlite":
        assert connection.is_in_memory_db()
    else:
        assert name.startswith("test_")


@pytest.mark.django_db
def test_tests_run_on_the_database_that_database_url_names():
    """CI sets DATABASE_URL to PostgreSQL: the suite must then really run on it."""
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected
    assert ("django.contrib.postgres" in active_settings.INSTALLED_APPS) == (
        expected == "postgresql"
    )


# --- Cache ------------------------------------------------------------------------------


def test_redis_url_selects_redis_cache():
    cache = load(REDIS_URL="redis://127.0.0.1:6379/3")["CACHE"]
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/3"
    # An outage reads as an empty cache, not as an error on every page.
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True


def test_without_redis_url_cache_is_local_memory():
    cache = load()["CACHE"]
    assert cache["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


# --- Hosts, debug and other simple values -----------------------------------------------


def test_allowed_hosts_and_csrf_origins_are_comma_lists():
    loaded = load(
        ALLOWED_HOSTS=" werkplaatsensociaaldomein.nl, www.werkplaatsensociaaldomein.nl ,,",
        CSRF_TRUSTED_ORIGINS="https://werkplaatsensociaaldomein.nl,https://www.werkplaatsensociaaldomein.nl",
    )
    assert loaded["ALLOWED_HOSTS"] == [
        "werkplaatsensociaaldomein.nl",
        "www.werkplaatsensociaaldomein.nl",
    ]
    assert loaded["CSRF_TRUSTED_ORIGINS"] == [
        "https://werkplaatsensociaaldomein.nl",
        "https://www.werkplaatsensociaaldomein.nl",
    ]


def test_dev_defaults_to_local_hosts_and_debug():
    loaded = load()
    assert loaded["ALLOWED_HOSTS"] == ["127.0.0.1", "localhost", "[::1]"]
    assert loaded["DEBUG"] is True
    assert loaded["SECRET_KEY"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", True),
        ("true", True),
        ("True", True),
        ("yes", True),
        (" on ", True),
        ("0", False),
        ("false", False),
        ("no", False),
        ("", False),
        ("nonsense", False),
    ],
)
def test_debug_parsing(value, expected):
    assert load(DEBUG=value)["DEBUG"] is expected


def test_media_root_log_level_and_admin_base_url():
    loaded = load(
        MEDIA_ROOT="/srv/wsd/media",
        LOG_LEVEL="INFO",
        WAGTAILADMIN_BASE_URL="https://www.werkplaatsensociaaldomein.nl",
    )
    assert loaded["MEDIA_ROOT"] == "/srv/wsd/media"
    assert loaded["LOG_LEVEL"] == "INFO"
    assert loaded["WAGTAILADMIN_BASE_URL"] == "https://www.werkplaatsensociaaldomein.nl"
    defaults = load()
    assert defaults["MEDIA_ROOT"] == str(BASE_DIR / "media")
    assert defaults["LOG_LEVEL"] == "WARNING"
    assert defaults["WAGTAILADMIN_BASE_URL"] == "http://127.0.0.1:8000"


# --- Production -------------------------------------------------------------------------


def test_production_reads_its_environment():
    loaded = load("portal.settings.production", **production_env())
    assert loaded["DEBUG"] is False
    assert loaded["ALLOWED_HOSTS"] == ["www.werkplaatsensociaaldomein.nl"]
    assert loaded["SECURE_SSL_REDIRECT"] is True
    assert loaded["SECURE_HSTS_SECONDS"] == 31536000
    loaded = load(
        "portal.settings.production",
        **production_env(SECURE_SSL_REDIRECT="false", SECURE_HSTS_SECONDS="3600"),
    )
    assert loaded["SECURE_SSL_REDIRECT"] is False
    assert loaded["SECURE_HSTS_SECONDS"] == 3600


@pytest.mark.parametrize("secret_key", [None, "", "te-kort"])
def test_production_refuses_to_start_without_secret_key(secret_key):
    env = production_env()
    del env["SECRET_KEY"]
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key
    result = run_python("portal.settings.production", DUMP, **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("hosts", [None, "", " , "])
def test_production_refuses_to_start_without_allowed_hosts(hosts):
    env = production_env()
    del env["ALLOWED_HOSTS"]
    if hosts is not None:
        env["ALLOWED_HOSTS"] = hosts
    result = run_python("portal.settings.production", DUMP, **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "ALLOWED_HOSTS" in result.stderr


@pytest.mark.parametrize(
    "site_url",
    [None, "", "www.werkplaatsensociaaldomein.nl", "https://wsd.nl/pad", "https://wsd.nl:8443"],
)
def test_production_refuses_to_start_without_a_proper_site_url(site_url):
    env = production_env()
    del env["SITE_URL"]
    if site_url is not None:
        env["SITE_URL"] = site_url
    result = run_python("portal.settings.production", DUMP, **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SITE_URL" in result.stderr


def test_site_url_is_the_base_of_api_and_admin_links():
    loaded = load("portal.settings.production", **production_env())
    assert loaded["SITE_URL"] == "https://www.werkplaatsensociaaldomein.nl"
    assert loaded["WAGTAILAPI_BASE_URL"] == loaded["WAGTAILADMIN_BASE_URL"] == loaded["SITE_URL"]
    defaults = load()
    assert defaults["SITE_URL"] == defaults["WAGTAILAPI_BASE_URL"] == "http://127.0.0.1:8000"
    assert load(SITE_URL="http://127.0.0.1:8080/")["SITE_URL"] == "http://127.0.0.1:8080"


def test_production_deploy_check_is_clean():
    """`manage.py check --deploy` with production settings and a proper environment."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=clean_env("portal.settings.production", **production_env()),
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    reported = re.findall(r"^\S+: \(([\w.]+\.[A-Z]\d+)\)", output, flags=re.MULTILINE)
    assert reported == [], output
    assert result.returncode == 0, output
    assert "no issues" in output
