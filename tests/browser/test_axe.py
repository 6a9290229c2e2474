"""axe-core (the npm package pinned in package.json, see tests/browser/axe.py) on every kind of
page, at 375 and 1280 px wide: zero violations of the rules tagged WCAG 2.0, 2.1 and 2.2 A and
AA, and of axe's best practices.

The pages: one of every page type in the demo content (every type from Wagtail's
page models; the test fails when one has no live page), the three service pages, the kennisbank
with three filters, with no results and on page 2, search without a query, with results and
without results, the /themas/ matrix, and the 404 and 500 pages.
"""

import json

import pytest
from wagtail.models import get_page_models

from portal.demo.evenementen import SYMPOSIUM_2027

from . import axe
from .conftest import ROOT, SCREENSHOTS_DIR, WIDTHS

pytestmark = pytest.mark.browser

# Every concrete page type, as tests/browser/discover.py finds them: a new type is checked
# without editing this file (and fails until the demo content has a live page of it).
PAGE_TYPES = sorted(
    model.__name__
    for model in get_page_models()
    if not model._meta.abstract and model.__name__ != "Page"
)

# The demo's coming symposium, with registration on this site.
SYMPOSIUM_MET_AANMELDEN = f"/agenda/{SYMPOSIUM_2027['slug']}/"

# name: (path, or a function of the site that gives it; expected status)
PAGES = {
    "evenement-aanmeldformulier": (SYMPOSIUM_MET_AANMELDEN, 200),
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

_checked = {}


def _check(open_page, path, width, status=200):
    page = open_page(path, width, expect_status=status, bypass_csp=True)
    _check_open(page, path, width)
    return page


def _check_open(page, name, width):
    results = axe.run(page)
    assert results["testEngine"]["version"] == axe.version()
    _checked[(name, width)] = {v["id"]: len(v["nodes"]) for v in results["violations"]}
    _write_report()
    assert not results["violations"], f"{name} at {width} px:\n{axe.report(results)}"


def _write_report():
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    rows = [
        {"path": path, "width": int(width), "violations": sum(rules.values()), "rules": rules}
        for (path, width), rules in sorted(_checked.items())
    ]
    (SCREENSHOTS_DIR / "axe-report.json").write_text(
        json.dumps(
            {
                "axe_version": axe.version(),
                "tags": axe.TAGS,
                "pages": len({path for path, _w in _checked}),
                "checks": len(rows),
                "violations": sum(row["violations"] for row in rows),
                "results": rows,
            },
            indent=2,
        )
    )


def test_every_page_type_has_a_live_page_and_is_checked(site):
    assert sorted(site.page_types) == sorted(PAGE_TYPES), "models and demo site differ"
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
def test_registration_error_and_success_have_no_axe_violations(open_page, width):
    """Submitted for real: first empty (the error state), then filled in (the success page)."""
    page = open_page(SYMPOSIUM_MET_AANMELDEN, width, bypass_csp=True)
    formulier = page.locator("#aanmeldformulier")
    with page.expect_navigation():
        formulier.locator("button[type=submit]").click()
    assert page.locator("#aanmeldfouten").is_visible()
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    _check_open(page, f"{SYMPOSIUM_MET_AANMELDEN} (fouten)", width)

    page.fill("#id_naam", "Axe Test")
    page.fill("#id_email", f"axe-{width}@example.org")
    page.fill("#id_organisatie", "Testorganisatie")
    with page.expect_navigation():
        formulier.locator("button[type=submit]").click()
    assert "/ontvangen/" in page.url
    assert page.locator("h1").inner_text() == "U bent aangemeld"
    _check_open(page, f"{SYMPOSIUM_MET_AANMELDEN} (aangemeld)", width)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_follow_form_with_errors_has_no_axe_violations(open_page, site, width):
    """The sign-up form sent with a wrong address: its error state, without JavaScript's help
    (the form has novalidate, so the server answers)."""
    page = open_page(f"/volgen/?{site.kennisbank_filters}", width, bypass_csp=True)
    page.fill("#id_email", "geen-adres")
    with page.expect_navigation():
        page.click(".volgen__formulier button[type=submit]")
    assert page.locator("#id_email-fout").is_visible()
    _check_open(page, "/volgen/ (fouten)", width)


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
    ids = {v["id"] for v in axe.run(page)["violations"]}
    assert {"image-alt", "color-contrast"} <= ids


def test_the_pinned_axe_core_runs(open_page):
    """The axe in node_modules is the one package-lock.json pins, and it is what the page runs."""
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert axe.version() == lock["packages"]["node_modules/axe-core"]["version"]
    page = open_page("/", "1280", bypass_csp=True)
    assert axe.run(page)["testEngine"] == {"name": "axe-core", "version": axe.version()}
