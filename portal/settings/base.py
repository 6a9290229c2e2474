"""Settings shared by every environment; values that differ come from the environment."""

import os
import zoneinfo
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal.site",
    "portal.demo",
    "portal.volgen",
    "portal.themas",
    "werkplaatsen",
    "kennisbank",
    "agenda",
    "portal.site.paginacache",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "portal.site.gebruikersbeheer_apps.GebruikersbeheerConfig",  # wagtail.users, bounded
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "portal.site.gebruikersbeheer_apps.SuperuserAdminConfig",  # django.contrib.admin
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.site.middleware.NulTekenMiddleware",
    # The JSON API's version and CORS headers, also on the 304s of the next middleware.
    "portal.basis.api.APIHeadersMiddleware",
    # ETag and 304 Not Modified; then whole pages for anonymous visitors (portal/site/paginacache/).
    "django.middleware.http.ConditionalGetMiddleware",
    "portal.site.paginacache.middleware.PaginaCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.site.tweestaps.TweeStapsMiddleware",
    # Logout only by POST; page and collection passwords throttled like logins.
    "portal.site.accounts.AfmeldenMiddleware",
    "portal.site.accounts.WachtwoordBeperkingMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "portal.site.middleware.BeveiligingsheadersMiddleware",
    # The site and a known page's route from what this process keeps (portal/site/routering.py).
    "portal.site.routering.RouteMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.site.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if IS_POSTGRES:
    INSTALLED_APPS.append("django.contrib.postgres")
    # PostgreSQL's JIT compiles any query its planner thinks costly; for the portal's short
    # listing queries the compiling took longer than the query (20-70 ms on related products
    # at 20,000 products). PG_JIT=on brings it back.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c jit={'on' if os.environ.get('PG_JIT') == 'on' else 'off'}"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "0.5"))
# After Redis could not be reached: seconds during which it is not tried again.
REDIS_PAUZE = int(os.environ.get("REDIS_PAUZE", "5"))
if REDIS_URL:
    # Shared by every app server. Short socket timeouts: an unreachable Redis costs a request
    # at most a moment (the page cache then renders without it and logs the error).
    CACHES = {
        # Wagtail's and Django's general cache. An unreachable Redis reads as an empty cache
        # (django-redis IGNORE_EXCEPTIONS): Wagtail looks up its site root paths here on every
        # page that links to another page, and an outage must not turn those into errors.
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "wsd",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT,
                "SOCKET_TIMEOUT": REDIS_TIMEOUT,
                "CONNECTION_POOL_CLASS": "portal.site.redisverbinding.PauzerendePool",
                "IGNORE_EXCEPTIONS": True,
            },
        },
        # The page cache: django-redis keeps one client per process (Django's backend builds
        # one per call), which halves the cost of the one round trip of every cached page.
        "paginas": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "wsd-paginas",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT,
                "SOCKET_TIMEOUT": REDIS_TIMEOUT,
                "CONNECTION_POOL_CLASS": "portal.site.redisverbinding.PauzerendePool",
            },
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "wsd",
        },
        "paginas": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "wsd-paginas",
            "OPTIONS": {"MAX_ENTRIES": 1000},
        },
    }

# Whole-page cache of anonymous GET responses (portal/site/paginacache/): on unless PAGINACACHE=0.
PAGINACACHE = env_bool("PAGINACACHE", True)
PAGINACACHE_ALIAS = "paginas"
PAGINACACHE_TIMEOUT = int(os.environ.get("PAGINACACHE_TIMEOUT", "300"))
# During a Redis outage: how old (since the last confirmation that it is current) a page in a
# server's own memory may be to be served.
PAGINACACHE_NOODDUUR = int(os.environ.get("PAGINACACHE_NOODDUUR", "60"))
# After a change: how long one request may render a page while others get its previous version.
PAGINACACHE_RENDERTIJD = int(os.environ.get("PAGINACACHE_RENDERTIJD", "10"))
# Pages with a query string stored per PAGINACACHE_TIMEOUT (their values are unbounded).
PAGINACACHE_MAX_MET_QUERY = int(os.environ.get("PAGINACACHE_MAX_MET_QUERY", "1000"))
# Pages each process also keeps in its own memory, in front of Redis.
PAGINACACHE_LOKAAL = int(os.environ.get("PAGINACACHE_LOKAAL", "200"))

# Product cards kept per process, rendered once per version of what they show
# (kennisbank/kaarten.py); about 2 kB each. 0: every card rendered on every page.
PRODUCTKAARTEN_LOKAAL = int(os.environ.get("PRODUCTKAARTEN_LOKAAL", "5000"))

# A caching proxy (Varnish, scripts/varnish.sh) in front: VARNISH_URL, e.g. http://127.0.0.1:6081,
# or several separated by commas. Wagtail purges a published page's URLs there, and the page
# cache bans what it invalidates (portal/site/paginacache/voorkant.py). Unset: nothing is sent.
VARNISH_URL = os.environ.get("VARNISH_URL", "")
WAGTAILFRONTENDCACHE = {
    f"varnish{i}": {"BACKEND": "portal.site.paginacache.voorkant.VarnishBackend", "LOCATION": url}
    for i, url in enumerate(u.strip() for u in VARNISH_URL.split(",") if u.strip())
}

# Registrations for events (agenda/inschrijving.py): deleted this many days after the event by
# `manage.py verwijder_aanmeldingen` (run daily from cron). The privacy page states the default.
AANMELDINGEN_BEWAARDAGEN = int(os.environ.get("AANMELDINGEN_BEWAARDAGEN", "30"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "portal.site.accounts.MinimaleLengteValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # First: refuses every login attempt for an account that is locked from this address.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins for one account from one
# address, that account is locked from that address for AXES_COOLOFF_TIME. Locking by the pair
# means a stranger cannot lock an editor out everywhere by failing on purpose.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_MAX_POGINGEN", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_BLOKKADE_MINUTEN", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.site.accounts.te_veel_pogingen"
AXES_CLIENT_IP_CALLABLE = "portal.site.accounts.client_ip"
AXES_VERBOSE = False
# Two-step verification (portal/site/tweestaps.py): optional per editor, in their account menu;
# TWEESTAPS_VERPLICHT=1 makes everyone with access to the admin set it up.
TWEESTAPS_VERPLICHT = env_bool("TWEESTAPS_VERPLICHT", False)
OTP_TOTP_ISSUER = "Werkplaatsen Sociaal Domein"
# Password reset (Wagtail admin): at most this many mails an hour to one address.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "portal.site.accounts.WachtwoordHerstelFormulier"
WACHTWOORD_HERSTEL_PER_UUR = int(os.environ.get("WACHTWOORD_HERSTEL_PER_UUR", "3"))
# Alerts and the newsletter (portal/volgen/): a confirmation link is valid for
# VOLGEN_BEVESTIGING_UREN hours; an unconfirmed sign-up is deleted after VOLGEN_ONBEVESTIGD_DAGEN
# days; at most this many sign-ups per e-mail address and per client address in an hour.
VOLGEN_BEVESTIGING_GELDIG = timedelta(hours=int(os.environ.get("VOLGEN_BEVESTIGING_UREN", "48")))
VOLGEN_ONBEVESTIGD_BEWAREN = timedelta(days=int(os.environ.get("VOLGEN_ONBEVESTIGD_DAGEN", "7")))
VOLGEN_LIMIET_PERIODE = 3600
VOLGEN_AANMELDINGEN_PER_ADRES = int(os.environ.get("VOLGEN_AANMELDINGEN_PER_ADRES", "3"))
VOLGEN_AANMELDINGEN_PER_IP = int(os.environ.get("VOLGEN_AANMELDINGEN_PER_IP", "20"))
# How many reverse proxies in front of the site append to X-Forwarded-For (0: none).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
# Files served at the root of the site by WhiteNoise, such as /favicon.ico.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Werkplaatsen Sociaal Domein"
# The public base URL (portal/basis/site_url.py): canonical URLs, sitemap, feeds, API and
# citations start with it. `manage.py zet_site_url` puts it in Wagtail's default Site.
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/") or "http://127.0.0.1:8000"
WAGTAILAPI_BASE_URL = SITE_URL
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)
WAGTAIL_I18N_ENABLED = False
# The time zones an editor can choose: the IANA names the system knows, without aliases of the
# system's own such as "localtime", which browsers reject (a script error in the account page).
WAGTAIL_USER_TIME_ZONES = sorted(
    zone for zone in zoneinfo.available_timezones() if "/" in zone or zone == "UTC"
)
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.site.forms.AfbeeldingFormulier"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Documents: at most DOCUMENT_MAX_MB megabytes, checked by portal.site.forms.DocumentFormulier in
# every upload form of the admin. Every type is served as a download (attachment), PDF too:
# Wagtail's "default-src 'none'" policy on served documents stops scripts in HTML but not the
# JavaScript a PDF can carry, and the site's links say "Download" anyway. Content types are
# fixed here rather than guessed from the server's mime.types.
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_MB", "50")) * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.site.forms.DocumentFormulier"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILDOCS_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "csv": "text/csv",
    "txt": "text/plain",
}
# Dutch search: PostgreSQL's "dutch" configuration stems words; on SQLite the project's own
# backend stems them with Snowball's Dutch stemmer (portal/basis/dutch_search.py), so that
# "wijkteam" and "wijkteams" find the same pages on either database.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database"
        if IS_POSTGRES
        else "portal.basis.dutch_search",
        "SEARCH_CONFIG": "dutch" if IS_POSTGRES else None,
    }
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Content-Security-Policy (Django's built-in support): no inline script or style.
from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "frame-src": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
# /.well-known/security.txt (RFC 9116, required of Dutch public bodies). Renew EXPIRES yearly:
# the tests fail from a month before it passes.
SECURITY_TXT_CONTACT = os.environ.get(
    "SECURITY_TXT_CONTACT", "mailto:security@werkplaatsensociaaldomein.nl"
)
SECURITY_TXT_EXPIRES = os.environ.get("SECURITY_TXT_EXPIRES", "2027-10-31T23:00:00Z")
SECURITY_TXT_POLICY = os.environ.get("SECURITY_TXT_POLICY", "")
# The OpenAPI document of the JSON API (/api/v2/openapi.json): its contact address, and the
# licence of the open data as an SPDX identifier (e.g. CC-BY-4.0); no licence is stated while
# API_LICENTIE is empty, as the owner has not chosen one.
API_CONTACT_EMAIL = os.environ.get("API_CONTACT_EMAIL", "info@werkplaatsensociaaldomein.nl")
API_LICENTIE = os.environ.get("API_LICENTIE", "").strip()

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# The errors the general cache ignores are logged, once a minute (portal/site/logboek.py).
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "portal.cache"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"eens_per_minuut": {"()": "portal.site.logboek.EensPerTijdvak", "seconden": 60}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"portal.cache": {"filters": ["eens_per_minuut"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
