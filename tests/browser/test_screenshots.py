"""Screenshots of the main pages at 375 and 1280 px (whole page), and of the product and
kennisagenda pages as printed (print stylesheet; also as an A4 PDF), into var/screenshots/
(or $SCREENSHOTS_DIR). CI prints the folder's path.
Names: <page>-<width>.png, <page>-print.png, <page>-print.pdf.
"""

import pytest

from .conftest import WIDTHS

pytestmark = pytest.mark.browser

# name: path, or the name of a page type in site.page_types, or a function of the site.
MAIN_PAGES = {
    "home": "HomePage",
    "werkplaatsen": "WerkplaatsIndexPage",
    "werkplaats": "WerkplaatsPage",
    "kennisagenda": "KennisagendaPage",
    "product": "ProductPage",
    "kennisbank": "KennisbankPage",
    "kennisbank-filters": lambda site: f"/kennisbank/?{site.kennisbank_filters}",
    "themas-matrix": "ThemaIndexPage",
    "thema": "LandelijkThemaPage",
    "agenda": "AgendaIndexPage",
    "evenement": "EvenementPage",
    "zoeken": lambda site: f"/zoeken/?q={site.zoekterm}",
    "toegankelijkheid": "/toegankelijkheid/",
    "404": "/deze-pagina-bestaat-niet/",
    "500": "/test-serverfout/",
}


def _path(site, value):
    if callable(value):
        return value(site)
    return site.page_types.get(value, value)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", MAIN_PAGES)
def test_screenshot(open_page, site, screenshots_dir, name, width):
    status = {"404": 404, "500": 500}.get(name, 200)
    page = open_page(_path(site, MAIN_PAGES[name]), width, expect_status=status)
    target = screenshots_dir / f"{name}-{width}.png"
    page.screenshot(path=target, full_page=True)
    assert target.stat().st_size > 10_000


@pytest.mark.parametrize("name", ["product", "kennisagenda"])
def test_print_screenshot(open_page, site, screenshots_dir, name):
    page = open_page(_path(site, MAIN_PAGES[name]), "1280")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    # What only the screen needs is gone on paper; the content is there.
    for selector in [".site-nav", ".zoekformulier", ".skiplink", ".breadcrumbs"]:
        if page.locator(selector).count():
            assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("main h1").is_visible()
    target = screenshots_dir / f"{name}-print.png"
    page.screenshot(path=target, full_page=True)
    assert target.stat().st_size > 10_000
    # And the real thing: the page printed to an A4 PDF (margins from the stylesheet's @page).
    pdf = screenshots_dir / f"{name}-print.pdf"
    page.pdf(path=pdf, format="A4", prefer_css_page_size=True)
    assert pdf.read_bytes().startswith(b"%PDF")
