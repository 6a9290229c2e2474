"""What axe does not check on every page: one h1 and no skipped heading levels, link texts
that make sense on their own, no inline script or style (the CSP forbids them anyway),
(through the open_page fixture) no request to another host, and no cookies at all.
"""

import pytest

from .test_axe import PAGE_TYPES
from .test_layout import EXTRA

pytestmark = pytest.mark.browser

VAGE_LINKTEKSTEN = {"hier", "klik hier", "lees meer", "meer", "link", "deze pagina", "download"}

STRUCTURE_JS = """() => {
  const naam = (a) => (a.getAttribute("aria-label") || a.innerText || "")
    .replace(/\\s+/g, " ").trim();
  return {
    h1: document.querySelectorAll("h1").length,
    koppen: [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
      .map(h => [Number(h.tagName[1]), h.innerText.trim()]),
    links: [...document.querySelectorAll("a[href]")]
      .filter(a => a.getClientRects().length)
      .map(a => [naam(a), new URL(a.href, location.href).href]),
    inlineScripts: document.querySelectorAll(
      'script:not([src]):not([type="application/ld+json"])').length,
    styleAttributen: document.querySelectorAll("[style]").length,
    lang: document.documentElement.lang,
  };
}"""


@pytest.mark.parametrize("name", [*PAGE_TYPES, *EXTRA, "500"])
def test_headings_links_and_no_inline_code(open_page, site, name):
    if name == "500":
        path, status = "/test-serverfout/", 500
    else:
        path = EXTRA[name](site) if name in EXTRA else site.page_types[name]
        status = 404 if name == "404" else 200
    page = open_page(path, "1280", expect_status=status)
    info = page.evaluate(STRUCTURE_JS)

    assert info["lang"] == "nl"
    assert info["h1"] == 1, info["koppen"]
    niveau = 1
    for level, tekst in info["koppen"]:
        assert level <= niveau + 1, f"heading level skipped before {tekst!r}: {info['koppen']}"
        niveau = level

    door_naam = {}
    for tekst, href in info["links"]:
        assert tekst, f"link without text to {href}"
        assert tekst.lower().rstrip(" →.") not in VAGE_LINKTEKSTEN, (tekst, href)
        door_naam.setdefault(tekst, set()).add(href.split("#")[0])
    dubbel = {tekst: hrefs for tekst, hrefs in door_naam.items() if len(hrefs) > 1}
    assert not dubbel, f"the same link text leads to different places: {dubbel}"

    assert info["inlineScripts"] == 0
    assert info["styleAttributen"] == 0


def test_the_public_site_sets_no_cookies(browser, site):
    """No tracking (or any other) cookie on the public pages, hence no cookie banner."""
    context = browser.new_context()
    try:
        page = context.new_page()
        for path in [
            "/",
            f"/kennisbank/?{site.kennisbank_filters}",
            f"/zoeken/?q={site.zoekterm}",
            site.page_types["ProductPage"],
            site.page_types["EvenementPage"],
            "/privacy/",
        ]:
            page.goto(site.url(path))
        assert context.cookies() == []
        assert page.evaluate("document.cookie") == ""
    finally:
        context.close()
