"""axe-core (shipped by the axe-playwright-python package) on every kind of page, at 375 and
1280 px wide: zero violations of any rule axe runs by default (WCAG 2.0, 2.1 and 2.2 A and
AA, and axe's best practices).

The pages: one of every page type in the demo content (the test fails when a page type has
no live page, or a new page type is not listed here), the three service pages, the kennisbank
with three filters, with no results and on page 2, search without a query, with results and
without results, the /themas/ matrix, and the 404 and 500 pages.
"""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import SCREENSHOTS_DIR, WIDTHS

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    "HomePage",
    "InformatiePagina",
    "WerkplaatsIndexPage",
    "WerkplaatsPage",
    "AssociatiePage",
    "KennisagendaPage",
    "LeeratelierPage",
    "ThemaIndexPage",
    "LandelijkThemaPage",
    "ThemagroepIndexPage",
    "ThemagroepPage",
    "ProductPage",
    "KennisbankPage",
    "AgendaIndexPage",
    "EvenementPage",
    "NieuwsbriefIndexPage",
    "NieuwsbriefPage",
]

# name: (path, or a function of the site that gives it; expected status)
PAGES = {
    "contact": ("/contact/", 200),
    "privacy": ("/privacy/", 200),
    "toegankelijkheid": ("/toegankelijkheid/", 200),
    "landelijk-werkprogramma": (lambda site: site.landelijk_werkprogramma, 200),
    "kennisbank-filters": (lambda site: f"/kennisbank/?{site.kennisbank_filters}", 200),
    "kennisbank-filters-geen-resultaten": (
        lambda site: f"/kennisbank/?{site.kennisbank_filters}&q=xqzvwk",
        200,
    ),
    "kennisbank-pagina-2": ("/kennisbank/?page=2", 200),
    "zoeken-leeg": ("/zoeken/", 200),
    "zoeken-resultaten": (lambda site: f"/zoeken/?q={site.zoekterm}", 200),
    "zoeken-geen-resultaten": ("/zoeken/?q=xqzvwk", 200),
    "volgen-formulier": (lambda site: f"/volgen/?{site.kennisbank_filters}", 200),
    "volgen-aangemeld": ("/volgen/aangemeld/", 200),
    "volgen-ongeldige-link": ("/volgen/beheren/ongeldig/", 400),
    "nieuwsbrief-aanmelden": ("/volgen/nieuwsbrief/", 200),
    "404": ("/deze-pagina-bestaat-niet/", 404),
    "500": ("/test-serverfout/", 500),
}

# axe runs on the whole document; incomplete results ("needs review") are not failures.
AXE_OPTIONS = {"resultTypes": ["violations"]}

_axe = Axe()
_checked = {}


def _check(open_page, path, width, status=200):
    page = open_page(path, width, expect_status=status, bypass_csp=True)
    results = _axe.run(page, options=AXE_OPTIONS)
    _checked[(path, width)] = results.violations_count
    _write_report()
    assert results.violations_count == 0, f"{path} at {width} px:\n{results.generate_report()}"
    return page


def _write_report():
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    rows = [
        {"path": path, "width": int(width), "violations": count}
        for (path, width), count in sorted(_checked.items())
    ]
    (SCREENSHOTS_DIR / "axe-report.json").write_text(
        json.dumps(
            {
                "pages": len({path for path, _w in _checked}),
                "checks": len(rows),
                "violations": sum(row["violations"] for row in rows),
                "results": rows,
            },
            indent=2,
        )
    )


def test_every_page_type_has_a_live_page_and_is_checked(site):
    assert sorted(site.page_types) == sorted(PAGE_TYPES), "update PAGE_TYPES in test_axe.py"
    missing = [name for name, url in site.page_types.items() if not url]
    assert not missing, f"no live page of {missing} in the demo content"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_type_has_no_axe_violations(open_page, site, page_type, width):
    path = site.page_types[page_type]
    assert path, f"no live {page_type}"
    _check(open_page, path, width)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_axe_violations(open_page, site, name, width):
    path, status = PAGES[name]
    if callable(path):
        path = path(site)
    _check(open_page, path, width, status)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_follow_form_with_errors_has_no_axe_violations(open_page, site, width):
    """The sign-up form sent with a wrong address: its error state, without JavaScript's help
    (the form has novalidate, so the server answers)."""
    page = open_page(f"/volgen/?{site.kennisbank_filters}", width, bypass_csp=True)
    page.fill("#id_email", "geen-adres")
    with page.expect_navigation():
        page.click(".volgen__formulier button[type=submit]")
    assert page.locator("#id_email-fout").is_visible()
    results = _axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_axe_reports_a_planted_violation(open_page, site):
    """The check above is not vacuous: an image without alt text and a faint text are found."""
    page = open_page("/", "1280", bypass_csp=True)
    page.evaluate(
        """() => {
          const main = document.querySelector("main");
          main.insertAdjacentHTML("afterbegin",
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
            + '<p style="color:#bbb;background:#fff">Vaag</p>');
        }"""
    )
    ids = {v["id"] for v in _axe.run(page, options=AXE_OPTIONS).response["violations"]}
    assert {"image-alt", "color-contrast"} <= ids
