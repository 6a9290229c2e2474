"""Every component that links pages with {% pageurl %} gets the request: with it, Wagtail reads
the site's root paths from the request; without it, from the cache, once per link (with Redis
a round trip per link: dozens per page). A template that hands the request on to such a
component needs it too: without it, ``request=request`` passes an empty string, which breaks
the link."""

import re
from pathlib import Path

from django.conf import settings

SJABLONEN = Path(settings.BASE_DIR) / "templates"
INCLUDE = re.compile(r'\{% include "([^"]+)"([^%]*)%\}')


def met_pageurl():
    """The templates that link pages with the request: those with {% pageurl %}, and those
    that hand the request on to one of them."""
    teksten = {
        str(pad.relative_to(SJABLONEN)): pad.read_text() for pad in SJABLONEN.rglob("*.html")
    }
    linkend = {naam for naam, tekst in teksten.items() if "{% pageurl" in tekst}
    while True:
        erbij = {
            naam
            for naam, tekst in teksten.items()
            if naam not in linkend
            and any(
                doel in linkend and "request=request" in rest
                for doel, rest in INCLUDE.findall(tekst)
            )
        }
        if not erbij:
            return linkend
        linkend |= erbij


def includes():
    for pad in sorted(SJABLONEN.rglob("*.html")):
        for naam, rest in INCLUDE.findall(pad.read_text()):
            yield pad.relative_to(SJABLONEN), naam, rest


def test_every_include_of_a_linking_component_passes_the_request():
    linkend = met_pageurl()
    zonder = [
        f"{pad}: {naam}"
        for pad, naam, rest in includes()
        if naam in linkend and " only" in rest and "request=request" not in rest
    ]
    assert zonder == []


def test_the_check_sees_the_includes_it_is_about():
    linkend = met_pageurl()
    assert {
        "components/page_card.html",
        "components/event_card.html",
        "werkplaatsen/plaatsantwoord.html",  # through the Werkplaats cards it includes
    } <= linkend
    gevonden = [naam for _pad, naam, rest in includes() if naam in linkend and " only" in rest]
    assert len(gevonden) >= 30
