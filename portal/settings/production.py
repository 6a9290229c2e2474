import os

from django.core.exceptions import ImproperlyConfigured

from portal.basis.site_url import site_velden

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY ontbreekt of is te kort (minimaal 50 tekens).")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS ontbreekt: geef de hostnamen komma-gescheiden op.")

# The public base URL: no default, since links to a wrong host would go out in feeds, the
# sitemap and citations (see portal/basis/site_url.py).
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
if not SITE_URL:
    raise ImproperlyConfigured(
        "SITE_URL ontbreekt: geef het openbare adres, bijv. https://www.example.nl."
    )
try:
    site_velden(SITE_URL)
except ValueError as fout:
    raise ImproperlyConfigured(str(fout)) from fout
WAGTAILAPI_BASE_URL = SITE_URL
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

MAILERS = {
    "default": {
        "BACKEND": os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
        "OPTIONS": {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "25")),
        },
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "info@werkplaatsensociaaldomein.nl")

# The page cache needs one cache that every worker process shares: with local memory each
# gunicorn worker would keep its own pages and miss the others' invalidations. So it is on by
# default only with REDIS_URL (PAGINACACHE=1 forces it, for a single-process server).
PAGINACACHE = env_bool("PAGINACACHE", bool(REDIS_URL))  # noqa: F405
