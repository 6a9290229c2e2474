"""Every component that links pages with {% pageurl %} gets the request: with it, Wagtail reads
the site's root paths from the request; without it, from the cache, once per link (with Redis
a round trip per link: dozens per page)."""

import re
from pathlib import Path

from django.conf import settings

SJABLONEN = Path(settings.BASE_DIR) / "templates"
INCLUDE = re.compile(r'\{% include "([^"]+)"([^%]*)%\}')


def met_pageurl():
    return {
        str(pad.relative_to(SJABLONEN))
        for pad in SJABLONEN.rglob("*.html")
        if "{% pageurl" in pad.read_text()
    }


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
    assert {"components/page_card.html", "components/event_card.html"} <= linkend
    gevonden = [naam for _pad, naam, rest in includes() if naam in linkend and " only" in rest]
    assert len(gevonden) >= 30
