"""Keyboard only: the skip link, the main navigation, the kennisbank facets (with and without
JavaScript, on a phone and a laptop) and the pagination are reached with Tab and operated
with Enter (and Space for a checkbox), and every element on the way shows a visible focus
indicator and is scrolled into view.
"""

from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import WIDTHS
from .keyboard import assert_focus_visible, focused, tab_until

pytestmark = pytest.mark.browser


def query(page):
    return parse_qs(urlsplit(page.url).query)


@pytest.mark.parametrize("width", WIDTHS)
def test_skip_link_comes_first_and_moves_focus_to_the_content(open_page, site, width):
    page = open_page(site.page_types["ProductPage"], width)
    page.keyboard.press("Tab")
    info = focused(page)
    assert_focus_visible(info)
    assert "skiplink" in info["cls"], info
    assert info["text"] == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
    # The next Tab lands inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("Boolean(document.activeElement.closest('main'))")
    assert_focus_visible(focused(page))


@pytest.mark.parametrize("width", WIDTHS)
def test_main_navigation_by_tab_and_enter(open_page, width):
    page = open_page("/", width)
    info = tab_until(page, lambda i: i["inNav"] and i["text"] == "Kennisbank", limit=20)
    assert info["href"] == "/kennisbank/"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/kennisbank/"
    current = page.locator('nav[aria-label="Hoofdmenu"] a[aria-current="page"]')
    assert current.inner_text().strip() == "Kennisbank"
    # All menu items are reachable in order, and the current one is marked.
    page.keyboard.press("Tab")  # the skip link
    reached = []
    for _ in range(20):
        page.keyboard.press("Tab")
        info = focused(page)
        assert_focus_visible(info)
        if info["inNav"]:
            reached.append(info["text"])
        elif reached:
            break
    assert reached == [
        link.inner_text().strip() for link in page.locator('nav[aria-label="Hoofdmenu"] a').all()
    ]
    assert len(reached) >= 5


def _to_first_facet_option(page, width, javascript):
    """From the top of /kennisbank/, open the facets by keyboard; focus the first option."""
    paneel = page.locator("[data-filters-paneel]")
    eerste = page.locator(".facet__checkbox").first
    if width == "375":
        # Small screen: the facets start as one closed disclosure.
        assert not paneel.evaluate("d => d.open")
        assert not eerste.is_visible()
        tab_until(page, lambda i: "filters__toon" in i["cls"], limit=40)
        page.keyboard.press("Enter")
        assert paneel.evaluate("d => d.open")
    else:
        # Wide screen: no toggle; from the search field, Tab goes straight to the facets.
        assert not page.locator(".filters__toon").is_visible()
        assert eerste.is_visible() or page.locator(".facet__summary").first.is_visible()
        assert paneel.evaluate("d => d.open") == javascript
        tab_until(page, lambda i: i["id"] == "kennisbank-q", limit=40)
    page.keyboard.press("Tab")
    info = focused(page)
    assert_focus_visible(info)
    assert "facet__summary" in info["cls"], info
    assert info["text"] == "Werkplaats"
    assert not page.locator(".facet").first.evaluate("d => d.open")  # opened with Enter
    page.keyboard.press("Enter")
    assert page.locator(".facet").first.evaluate("d => d.open")
    page.keyboard.press("Tab")
    info = focused(page)
    assert_focus_visible(info)
    assert info["tag"] == "input" and info["type"] == "checkbox", info
    return info


@pytest.mark.parametrize("width", WIDTHS)
def test_facets_by_keyboard_with_javascript(open_page, width):
    """Space on a facet applies it at once; focus comes back to the same checkbox."""
    page = open_page("/kennisbank/", width)
    alle = page.locator("[data-resultaten-aantal]").inner_text()
    # The form says that a choice applies at once (shown inside the panel).
    assert page.locator("[data-filters-uitleg]").evaluate("el => !el.hidden")
    optie = _to_first_facet_option(page, width, javascript=True)
    naam, waarde = page.evaluate("[document.activeElement.name, document.activeElement.value]")

    with page.expect_navigation():
        page.keyboard.press("Space")
    page.wait_for_load_state("load")
    assert query(page).get(naam) == [waarde]
    page.wait_for_function(f"() => document.activeElement?.id === {optie['id']!r}")
    info = focused(page)
    assert_focus_visible(info)
    assert info["checked"]
    aantal = page.locator("[data-resultaten-aantal]").inner_text()
    assert aantal != alle
    page.wait_for_function("() => document.querySelector('form [role=status]')?.textContent")
    assert page.locator("form [role=status]").inner_text() == aantal
    assert page.locator(".chips .chip").count() == 1

    # Space again takes the filter off.
    with page.expect_navigation():
        page.keyboard.press("Space")
    page.wait_for_load_state("load")
    assert naam not in query(page)
    page.wait_for_function(f"() => document.activeElement?.id === {optie['id']!r}")
    assert not focused(page)["checked"]


@pytest.mark.parametrize("width", WIDTHS)
def test_facets_by_keyboard_without_javascript(open_page, width):
    """Without JavaScript: tick with Space, then Tab to "Toon producten" and press Enter."""
    page = open_page("/kennisbank/", width, java_script_enabled=False)
    assert page.locator("[data-filters-uitleg]").evaluate("el => el.hidden")
    _to_first_facet_option(page, width, javascript=False)
    naam, waarde = page.evaluate("[document.activeElement.name, document.activeElement.value]")
    page.keyboard.press("Space")
    assert focused(page)["checked"]
    assert urlsplit(page.url).query == ""  # nothing happens until the button
    tab_until(page, lambda i: i["tag"] == "button" and i["text"] == "Toon producten")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert query(page).get(naam) == [waarde]
    assert page.locator(".chips .chip").count() == 1


def test_sort_order_is_not_applied_while_arrowing_through_it(open_page):
    """A <select> changed with the arrow keys must not reload the page (WCAG 3.2.2)."""
    page = open_page("/kennisbank/", "1280")
    tab_until(page, lambda i: i["id"] == "kennisbank-sort")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert urlsplit(page.url).query == ""
    gekozen = page.locator("#kennisbank-sort").input_value()
    tab_until(page, lambda i: i["tag"] == "button" and i["text"] == "Toon producten")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert query(page).get("sort") == [gekozen]


@pytest.mark.parametrize("width", WIDTHS)
def test_pagination_by_tab_and_enter(open_page, width):
    page = open_page("/kennisbank/", width)
    info = tab_until(page, lambda i: i["inPagination"] and i["text"].startswith("Volgende"))
    assert info["href"] == "?page=2"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert query(page)["page"] == ["2"]
    assert "pagina 2" in page.title()
    current = page.locator(".pagination [aria-current=page]")
    assert current.inner_text().split()[-1] == "2"

    info = tab_until(page, lambda i: i["inPagination"] and i["text"].startswith("Vorige"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert query(page)["page"] == ["1"]
    assert page.locator(".pagination [aria-current=page]").inner_text().split()[-1] == "1"


@pytest.mark.parametrize("width", WIDTHS)
def test_pagination_keeps_the_filters(open_page, site, width):
    page = open_page(f"/kennisbank/?{site.kennisbank_meer_paginas}", width)
    info = tab_until(page, lambda i: i["inPagination"] and i["text"].startswith("Volgende"))
    before = query(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    after = query(page)
    assert after.pop("page") == ["2"]
    assert after == before, info


def test_the_focus_check_notices_a_missing_focus_ring(open_page):
    """The check above is not vacuous: with outlines switched off, it reports no focus."""
    page = open_page("/", "1280", bypass_csp=True)
    page.add_style_tag(content="*, *::after { outline: none !important; }")
    page.keyboard.press("Tab")
    assert not focused(page)["visible"]
