"""Serve anonymous GET and HEAD requests of public pages from the cache.

What is cached: a 200 response to a GET by a visitor without a session (no session or
messages cookie, no Authorization header), outside the admin and the document downloads,
that sets no cookie, asks for no privacy (Cache-Control private, no-cache or no-store), varies
on nothing but Cookie, used no CSP nonce and is not streamed. Logged-in editors carry a session
cookie, so they, the admin and previews (which live under /admin/) are never cached.

Query strings are bounded, since every distinct one would be an entry of its own: a request is
cached only when each of its parameters is one that a public view reads (``PARAMETERS``: the
kennisbank's facets, search, sort and page), its query string is at most MAX_QUERYSTRING
characters, and at most PAGINACACHE_MAX_MET_QUERY pages with a query string were stored in the
last PAGINACACHE_TIMEOUT seconds (``binnen_budget``: the values, free-text search included, are
unbounded). Any other request is rendered as if there were no cache.

The key is the scheme, host, path and the parameters as the view reads them (``request.GET``),
sorted by name so that the order in the address makes no new entry; the entry (only 200s are
stored) holds the headers (including the Content-Security-Policy that the CSP middleware set, so
header and body always agree) and the body, together with the content generation it was
rendered in (``paginacache.generatie``). One round trip to the shared cache decides: the entry
is served only while its generation is the current one. Each process also keeps the pages it
served most recently (``LokaleKopie``); for those the round trip only fetches the generation,
not the page.

When the shared cache fails, the failure is logged once and the cache is skipped for
REDIS_PAUZE seconds (``Storing``); meanwhile a page this process confirmed current less
than PAGINACACHE_NOODDUUR seconds before is served from its memory ("nood"), and any other
page is rendered. So a Redis outage costs neither errors nor a timeout per request, and shows
no page older than that minute. A process that saw the outage bumps the generation once when
Redis answers again, since a publish meanwhile could not.

After a change, the first request for a page renders it, and requests for that page during that
render get its previous version ("vorige") rather than rendering it too (``mag_renderen``).

The middleware sits after WhiteNoise and before the session middleware: static files never get
here, and a hit skips sessions, CSRF, authentication and the view. Django's
ConditionalGetMiddleware, before it, answers revisits with 304 Not Modified using the ETag that
is stored with the entry.
"""

import hashlib
import logging
import re
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, set_response_etag

from kennisbank.facetten import Kennisbankfilter
from portal.basis.afhankelijkheden import verzamel
from portal.site.paginacache.generatie import (
    GENERATIE_SLEUTEL,
    TELLER_SLEUTEL,
    huidige_generatie,
    inhalen,
    markeer_achterstand,
    paginacache,
    tag_sleutel,
    tag_waarden,
)
from portal.site.paginacache.voorkant import HEADER as AFHANKELIJK
from portal.site.paginacache.voorkant import kop

logger = logging.getLogger("paginacache")

UITGESLOTEN = ("/admin/", "/django-admin/", "/documenten/", "/static/", "/media/")
MAX_QUERYSTRING = 1024
PARAMETERS = frozenset({*Kennisbankfilter.FACETTEN, "q", "sort", "page"})
BUDGET_SLEUTEL = "paginacache:budget"
VARY_TOEGESTAAN = {"cookie", "accept-encoding"}
CACHE_CONTROL_PRIVE = {"private", "no-cache", "no-store"}
HEADER = "X-Paginacache"
KOMMA = re.compile(r"\s*,\s*")


class LokaleKopie:
    """The most recently used entries in this process's memory, at most ``maximum`` of them.

    Only a copy: an entry is served from here only when its generation is the current one in
    the shared cache. Entries also expire after PAGINACACHE_TIMEOUT, as in the shared cache.
    While the shared cache is out of reach, an entry is served only if it was confirmed
    current less than ``max_onbevestigd`` seconds before.
    """

    def __init__(self, maximum):
        self.maximum = maximum
        self.entries = OrderedDict()
        self.slot = threading.Lock()

    def get(self, sleutel, max_onbevestigd=None):
        if not self.maximum:
            return None
        nu = time.monotonic()
        with self.slot:
            gevonden = self.entries.get(sleutel)
            if gevonden is None:
                return None
            verloopt, bevestigd, entry = gevonden
            if verloopt <= nu:
                del self.entries[sleutel]
                return None
            if max_onbevestigd is not None and nu - bevestigd > max_onbevestigd:
                return None
            self.entries.move_to_end(sleutel)
            return entry

    def zet(self, sleutel, entry):
        if not self.maximum:
            return
        nu = time.monotonic()
        verloopt = nu + settings.PAGINACACHE_TIMEOUT
        with self.slot:
            self.entries[sleutel] = (verloopt, nu, entry)
            self.entries.move_to_end(sleutel)
            while len(self.entries) > self.maximum:
                self.entries.popitem(last=False)

    def bevestig(self, sleutel):
        """The shared cache just confirmed that this entry is current."""
        with self.slot:
            gevonden = self.entries.get(sleutel)
            if gevonden is not None:
                self.entries[sleutel] = (gevonden[0], time.monotonic(), gevonden[2])


class Storing:
    """Remembers that the shared cache failed, so that requests skip it for REDIS_PAUZE
    seconds: an unreachable Redis then costs neither a timeout per request nor a traceback in
    the log per request (one per pause)."""

    def __init__(self):
        self.tot = 0.0

    def actief(self):
        return time.monotonic() < self.tot

    def meld(self, wat):
        """Call from an except block."""
        eerste = not self.actief()
        markeer_achterstand()
        pauze = settings.REDIS_PAUZE
        self.tot = time.monotonic() + pauze
        if eerste:
            logger.exception(
                "Paginacache: %s mislukt; de komende %s s zonder gedeelde cache.", wat, pauze
            )


class PaginaCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # Pointless in front of a cache in local memory itself.
        gedeeld = not isinstance(paginacache(), LocMemCache)
        maximum = settings.PAGINACACHE_LOKAAL if gedeeld else 0
        self.lokaal = LokaleKopie(maximum)
        self.storing = Storing()

    def __call__(self, request):
        if not settings.PAGINACACHE or not self.verzoek_cachebaar(request):
            return self.get_response(request)
        try:
            sleutel = self.sleutel(request)
        except DisallowedHost:
            return self.get_response(request)  # CommonMiddleware answers 400
        stand, entry = None, None
        if not self.storing.actief():
            inhalen()
            stand, entry = self.lees(sleutel)
        if stand is None:
            return self.zonder_gedeelde_cache(request, sleutel)
        if entry is not None and self.actueel(sleutel, entry, stand):
            return self.herstel(entry)
        if entry is not None and not self.mag_renderen(request, sleutel, stand):
            response = self.herstel(entry)
            response[HEADER] = "vorige"
            del response[AFHANKELIJK]  # stale: no proxy may keep it
            return response

        with verzamel() as afhankelijkheden:
            response = self.get_response(request)
        if request.method != "GET":
            return response
        if self.response_cachebaar(request, response) and self.binnen_budget(request):
            self.bewaar(sleutel, stand, afhankelijkheden.tags(), response)
            response[HEADER] = "miss"
        elif entry is not None:
            self.vergeet(sleutel)  # e.g. unpublished: the previous version must not stand in
        return response

    def mag_renderen(self, request, sleutel, stand):
        """Whether this request renders a page whose entry is of an older generation.

        After every change all pages are of an older generation at once. The first request for
        a page renders it; the ones that arrive during that render get the previous version
        ("vorige") instead of rendering it too, so a publish under load does not pile up
        renders. The claim lasts until the new entry is stored, or PAGINACACHE_RENDERTIJD.
        """
        if request.method != "GET":
            return True
        try:
            return paginacache().add(self.claim(sleutel, stand), 1, settings.PAGINACACHE_RENDERTIJD)
        except Exception:
            self.storing.meld("claimen")
            return True

    @staticmethod
    def claim(sleutel, stand):
        generatie, teller = stand
        return f"{sleutel}:render:{generatie}:{teller}"

    # -- decisions --------------------------------------------------------------------------

    def verzoek_cachebaar(self, request):
        if request.method not in ("GET", "HEAD"):
            return False
        if request.path.startswith(UITGESLOTEN):
            return False
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERYSTRING:
            return False
        if not set(request.GET) <= PARAMETERS:
            return False
        if "HTTP_AUTHORIZATION" in request.META:
            return False
        cookies = request.COOKIES
        return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies

    def response_cachebaar(self, request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if response.has_header("Content-Encoding"):
            return False
        if getattr(request, "_csp_nonce", None):
            return False  # a nonce must be new for every response
        if response.has_header("Cache-Control"):
            richtlijnen = {
                deel.split("=", 1)[0].strip().lower()
                for deel in KOMMA.split(response["Cache-Control"])
            }
            if richtlijnen & CACHE_CONTROL_PRIVE:
                return False
        if response.has_header("Vary"):
            vary = {v.strip().lower() for v in KOMMA.split(response["Vary"]) if v.strip()}
            if not vary <= VARY_TOEGESTAAN:
                return False
        return True

    def binnen_budget(self, request):
        """Whether a page with this query string may still be stored in this time window.

        Counted per PAGINACACHE_TIMEOUT seconds, the time an entry lives: so at most twice
        PAGINACACHE_MAX_MET_QUERY such entries exist at once, however many addresses are asked.
        """
        if not request.GET:
            return True
        duur = settings.PAGINACACHE_TIMEOUT
        teller = f"{BUDGET_SLEUTEL}:{int(time.time() // duur)}"
        try:
            paginacache().add(teller, 0, 2 * duur)
            gebruikt = paginacache().incr(teller)
        except Exception:
            self.storing.meld("tellen")
            return False
        return gebruikt <= settings.PAGINACACHE_MAX_MET_QUERY

    def zonder_gedeelde_cache(self, request, sleutel):
        """The shared cache is out of reach: serve this process's copy if it was confirmed
        current a moment ago (PAGINACACHE_NOODDUUR seconds), otherwise render the page."""
        noodduur = settings.PAGINACACHE_NOODDUUR
        entry = self.lokaal.get(sleutel, max_onbevestigd=noodduur)
        if entry is None:
            return self.get_response(request)
        response = self.herstel(entry)
        response[HEADER] = "nood"
        del response[AFHANKELIJK]  # not confirmed current: no proxy may keep it
        return response

    # -- storage ----------------------------------------------------------------------------

    def sleutel(self, request):
        # Sorted by name, each name's values in their order: the same meaning for every view.
        adres = (request.scheme, request.get_host(), request.path, sorted(request.GET.lists()))
        return "paginacache:pagina:" + hashlib.sha256(repr(adres).encode()).hexdigest()

    def lees(self, sleutel):
        """((generation, counter), entry); (None, None) when the cache fails.

        The generation and the counter always come from the shared cache, so every hit is
        checked against the latest change made through any server. The entry comes from this
        process's memory when it has it (one small round trip instead of fetching the page), and
        otherwise from the shared cache in the same round trip.
        """
        lokaal = self.lokaal.get(sleutel)
        sleutels = [GENERATIE_SLEUTEL, TELLER_SLEUTEL]
        try:
            gevonden = paginacache().get_many(sleutels if lokaal else [*sleutels, sleutel])
            if lokaal is not None and not self.zelfde_stand(lokaal, gevonden):
                lokaal = None  # the shared cache may hold a newer render of another process
                gevonden[sleutel] = paginacache().get(sleutel)
        except Exception:
            self.storing.meld("lezen")
            return None, None
        generatie = gevonden.get(GENERATIE_SLEUTEL)
        if generatie is None:
            generatie = huidige_generatie()  # first request after a flush: start one
        return (generatie, gevonden.get(TELLER_SLEUTEL)), lokaal or gevonden.get(sleutel)

    @staticmethod
    def zelfde_stand(entry, gevonden):
        return (entry.get("generatie"), entry.get("teller")) == (
            gevonden.get(GENERATIE_SLEUTEL),
            gevonden.get(TELLER_SLEUTEL),
        )

    def actueel(self, sleutel, entry, stand):
        """Whether the entry may be served: rendered in the current generation, and nothing it
        depends on changed since (the counter is the same, or else each of its tags is)."""
        generatie, teller = stand
        if entry.get("generatie") != generatie or entry.get("verloopt", 0) <= time.time():
            return False
        if entry.get("teller") != teller:
            afhankelijk = entry.get("afhankelijk")
            if afhankelijk is None:
                return False  # stored without its dependencies: nothing to compare
            try:
                if paginacache().get_many(list(afhankelijk)) != afhankelijk:
                    return False
                # Still current: with the new counter, the next request needs no tags. It
                # keeps its expiry: content that changes with time alone is rendered again.
                entry = {**entry, "teller": teller}
                paginacache().set(sleutel, entry, max(1, entry["verloopt"] - time.time()))
            except Exception:
                self.storing.meld("lezen")
                return False
        if self.lokaal.get(sleutel) is entry:
            self.lokaal.bevestig(sleutel)
        else:
            self.lokaal.zet(sleutel, entry)
        return True

    def bewaar(self, sleutel, stand, tags, response):
        """Store the response with the generation and counter read before it was rendered, and
        the values of the tags it depends on. Not stored when a product changed while it was
        being rendered: it may show the product as it was."""
        if not response.has_header("ETag"):
            set_response_etag(response)
        # Browsers keep the page but ask again every time: ETag makes that a 304.
        patch_cache_control(response, no_cache=True)
        response[AFHANKELIJK] = kop(tags)  # for a caching proxy in front (paginacache.voorkant)
        generatie, teller = stand
        try:
            teller_nu, afhankelijk = tag_waarden([tag_sleutel(tag) for tag in tags])
            if teller_nu != teller:
                del response[AFHANKELIJK]
                return
            entry = {
                "generatie": generatie,
                "teller": teller,
                "verloopt": time.time() + settings.PAGINACACHE_TIMEOUT,
                "afhankelijk": afhankelijk,
                "headers": [(k, v) for k, v in response.headers.items() if k != HEADER],
                "inhoud": response.content,
            }
            paginacache().set(sleutel, entry, settings.PAGINACACHE_TIMEOUT)
        except Exception:
            self.storing.meld("opslaan")
            del response[AFHANKELIJK]
            return
        self.lokaal.zet(sleutel, entry)

    def vergeet(self, sleutel):
        try:
            paginacache().delete(sleutel)
        except Exception:
            self.storing.meld("verwijderen")

    def herstel(self, entry):
        response = HttpResponse(entry["inhoud"])  # only 200s are stored
        for naam, waarde in entry["headers"]:
            response.headers[naam] = waarde
        response[HEADER] = "hit"
        return response
