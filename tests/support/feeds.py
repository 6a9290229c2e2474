"""The feed URLs of the URLconf: every pattern whose view lives in a feed module."""

from django.urls import URLPattern, URLResolver, get_resolver

FEED_MODULES = {"kennisbank.feeds", "agenda.ical"}


def feed_patronen(resolver=None, prefix=""):
    """(route, module) of every URL pattern whose view lives in a feed module."""
    for patroon in (resolver or get_resolver()).url_patterns:
        if isinstance(patroon, URLResolver):
            yield from feed_patronen(patroon, prefix + str(patroon.pattern))
        elif isinstance(patroon, URLPattern) and patroon.callback.__module__ in FEED_MODULES:
            yield "/" + prefix + str(patroon.pattern), patroon.callback.__module__
