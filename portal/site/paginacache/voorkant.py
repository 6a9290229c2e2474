"""A caching proxy in front of the app servers (Varnish: scripts/varnish/portal.vcl).

Every response that the page cache stores or serves from its cache carries its dependency tags
in HEADER ("site" for the site-wide generation, then ``pagina:<id>``, ``producten``, ...); the
proxy keeps only such responses. What invalidates the page cache bans the same tags in the
proxy (``verban``, from ``generatie``): a product's tags, or "site" (everything). Wagtail's
frontend cache purges a published page's own URLs through the same backend (``purge``).

Configured in WAGTAILFRONTENDCACHE (from VARNISH_URL). A proxy that cannot be reached is
logged and skipped: a publish never fails on it.
"""

import logging
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger("paginacache")

HEADER = "X-Afhankelijk"
SITE = "site"  # the tag of the site-wide generation: every cached page carries it
TIMEOUT = 2


def kop(tags):
    """The header value of a page that depends on these tags."""
    return " ".join([SITE, *sorted(tags)])


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTPBackend (PURGE of a URL), with a timeout, that can also ban by tag."""

    def purge(self, url):
        deel = urlsplit(url)
        host = deel.netloc or urlsplit(f"{self.cache_scheme}://{self.cache_netloc}").netloc
        self.verstuur("PURGE", deel.path or "/", deel.query, {"Host": host})

    def ban(self, tags):
        self.verstuur("BAN", "/", "", {HEADER: " ".join(sorted(tags))})

    def verstuur(self, methode, pad, query, headers):
        adres = urlunsplit((self.cache_scheme, self.cache_netloc, pad, query, ""))
        try:
            with urlopen(Request(adres, method=methode, headers=headers), timeout=TIMEOUT):  # noqa: S310
                pass
        except OSError as fout:  # HTTPError and URLError too
            logger.error("Voorkant: %s %s mislukt: %s", methode, adres, fout)


def verban(tags):
    """Ban the pages that depend on these tags (None: every page) in every proxy configured."""
    if not settings.WAGTAILFRONTENDCACHE or tags == set():
        return
    try:
        backends = get_backends().values()
    except Exception:
        logger.exception("Voorkant: backends niet te laden.")
        return
    for backend in backends:
        if isinstance(backend, VarnishBackend):
            backend.ban({SITE} if tags is None else tags)
