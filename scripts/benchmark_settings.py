"""Settings of the benchmark: the production settings, plus a trivial view as the ceiling.

Used by scripts/benchmark.sh only (gunicorn --pythonpath scripts). Everything the production
settings read from the environment (SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL,
PAGINACACHE) is set by the script.
"""

from portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmark_urls"
# The ceiling goes through the whole middleware stack, but never through the page cache.
PAGINACACHE_UITGESLOTEN = (
    "/admin/",
    "/django-admin/",
    "/documenten/",
    "/static/",
    "/media/",
    "/_benchmark/",
)
