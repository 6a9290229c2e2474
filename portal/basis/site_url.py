"""The one public base URL of the site (``SITE_URL``), e.g. ``https://www.example.nl``.

Every absolute link the site hands out starts with it: canonical and Open Graph URLs,
the sitemap, feeds, the calendar, the API's ``html_url`` and ``detail_url``, and the
citations on product pages. Wagtail builds page URLs from its Site record, so
``manage.py zet_site_url`` (run by ``scripts/start.sh`` and after every deploy) gives the
default Site the host name and port of ``SITE_URL``; the other links are made here.

Wagtail's Site knows no scheme: port 443 means https, any other port http. ``site_velden``
therefore accepts ``https://host`` (port 443) and ``http://host[:port]`` (not 443).

Only the standard library at import time: the settings use ``site_velden`` to check the value.
"""

from urllib.parse import urlsplit


def site_velden(url):
    """{"hostname", "port"} of Wagtail's Site for ``url``; ValueError (in Dutch) if unusable."""
    delen = urlsplit((url or "").strip())
    if delen.scheme not in ("http", "https") or not delen.hostname:
        raise ValueError(
            f"SITE_URL moet beginnen met http:// of https:// en een host, niet {url!r}."
        )
    if delen.path not in ("", "/") or delen.query or delen.fragment or delen.username:
        raise ValueError(f"SITE_URL is alleen schema, host en eventueel poort, niet {url!r}.")
    try:
        poort = delen.port or (443 if delen.scheme == "https" else 80)
    except ValueError as fout:
        raise ValueError(f"SITE_URL heeft een ongeldige poort: {url!r}.") from fout
    if (delen.scheme == "https") != (poort == 443):
        raise ValueError(
            "SITE_URL: Wagtail kent https alleen op poort 443 en http op elke andere poort, "
            f"niet {url!r}."
        )
    return {"hostname": delen.hostname, "port": poort}


def normaal(url):
    """``url`` as the site writes it: scheme://host[:port], no trailing slash."""
    velden = site_velden(url)
    schema = "https" if velden["port"] == 443 else "http"
    host = velden["hostname"]
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    poort = "" if velden["port"] in (80, 443) else f":{velden['port']}"
    return f"{schema}://{host}{poort}"


def site_url():
    from django.conf import settings

    return normaal(settings.SITE_URL)


def volledige_url(pad):
    """The absolute URL of a site path such as ``/sitemap.xml``; absolute URLs stay as they are."""
    if pad.startswith(("http://", "https://")):
        return pad
    return site_url() + "/" + pad.lstrip("/")
