"""Responsive layout: no horizontal scrolling at 320 px (WCAG 1.4.10 Reflow), the kennisbank
facets as a closed disclosure on a phone and open on a laptop (with and without JavaScript),
and the /themas/ matrix usable on a phone: it scrolls in its own box, by keyboard too, with
its header row and first column kept in view.
"""

import pytest

from .test_axe import PAGE_TYPES

pytestmark = pytest.mark.browser

EXTRA = {
    "kennisbank-filters": lambda site: f"/kennisbank/?{site.kennisbank_filters}",
    "zoeken": lambda site: f"/zoeken/?q={site.zoekterm}",
    "404": lambda site: "/deze-pagina-bestaat-niet/",
}


@pytest.mark.parametrize("name", [*PAGE_TYPES, *EXTRA])
def test_no_horizontal_scrolling_at_320px(open_page, site, name):
    path = EXTRA[name](site) if name in EXTRA else site.page_types[name]
    page = open_page(path, "320", expect_status=404 if name == "404" else 200)
    breedte = page.evaluate("document.documentElement.scrollWidth")
    if breedte > 320:
        te_breed = page.evaluate(
            """() => [...document.querySelectorAll("body *")]
                .filter(el => el.getBoundingClientRect().right > 321
                    && !el.closest(".table-scroll, .visually-hidden"))
                .slice(0, 5).map(el => el.tagName + "." + el.className)"""
        )
        pytest.fail(f"{path} is {breedte} px wide at 320 px: {te_breed}")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_facets_collapse_into_a_disclosure_on_a_phone(open_page, javascript):
    page = open_page("/kennisbank/", "375", java_script_enabled=javascript)
    toggle = page.locator(".filters__toon")
    assert toggle.is_visible()
    assert toggle.inner_text().strip().endswith("Filters en sorteren")
    assert not page.locator(".facet__summary").first.is_visible()
    # The search field and the results stay visible above the fold's disclosure.
    assert page.locator("#kennisbank-q").is_visible()
    assert page.locator(".card-list--products").is_visible()
    toggle.click()
    assert page.locator(".facet__summary").first.is_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_facets_are_shown_on_a_laptop(open_page, javascript):
    page = open_page("/kennisbank/", "1280", java_script_enabled=javascript)
    assert not page.locator(".filters__toon").is_visible()
    assert page.locator(".facet__summary").count() >= 5
    for summary in page.locator(".facet__summary").all():
        assert summary.is_visible()
    # Also for assistive technology (without JavaScript the panel is shown by CSS alone),
    # and the +/- sign of a facet is not read out as part of its name.
    toegankelijk = page.locator("form.filters").aria_snapshot()
    assert "- group: Werkplaats" in toegankelijk, toegankelijk
    assert "+ Werkplaats" not in toegankelijk
    # Filters left, results right.
    filters = page.locator(".layout-filters__filters").bounding_box()
    resultaten = page.locator(".layout-filters__resultaten").bounding_box()
    assert filters["x"] + filters["width"] <= resultaten["x"]


def test_facet_panel_shows_what_is_chosen_on_a_phone(open_page, site):
    page = open_page(f"/kennisbank/?{site.kennisbank_filters}", "375")
    keuzes = page.locator(".filters__keuze").all_inner_texts()
    assert keuzes == ["Werkplaats", "Landelijk thema", "Soort product"]
    assert page.locator(".chips .chip").count() == 3


def test_theme_matrix_scrolls_with_its_headers_in_view_on_a_phone(open_page, site):
    page = open_page(site.page_types["ThemaIndexPage"], "375")
    box = page.locator(".table-scroll--matrix")
    assert box.get_attribute("tabindex") == "0"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")  # it does scroll sideways
    assert box.evaluate("el => el.scrollHeight > el.clientHeight")  # and up and down

    box.focus()
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    for _ in range(8):
        page.keyboard.press("ArrowDown")
    page.wait_for_function(
        "() => { const b = document.querySelector('.table-scroll--matrix');"
        " return b.scrollLeft > 50 && b.scrollTop > 50; }"
    )
    kader = box.bounding_box()
    # The column headers stay at the top of the box, the Werkplaats names at its left.
    kop = page.locator(".table--matrix thead th").nth(2).bounding_box()
    assert abs(kop["y"] - kader["y"]) <= 2, (kop, kader)
    naam = page.locator(".table--matrix tbody th[scope=row]").nth(8).bounding_box()
    assert abs(naam["x"] - kader["x"]) <= 2, (naam, kader)
    hoek = page.locator(".table--matrix .table__corner").bounding_box()
    assert abs(hoek["x"] - kader["x"]) <= 2 and abs(hoek["y"] - kader["y"]) <= 2
    # Header cells do not let the cells scrolled under them show through.
    assert page.evaluate(
        "getComputedStyle(document.querySelector('.table--matrix thead th')).backgroundColor"
    ) not in ("rgba(0, 0, 0, 0)", "transparent")
