"""The pagination of the kennisbank and the search (templates/components/pagination.html):
which page numbers it links, for every current page of listings of 1 to 12 pages and of a
listing of a thousand pages."""

import pytest
from bs4 import BeautifulSoup
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory

VELDEN = [(aantal, nummer) for aantal in range(1, 13) for nummer in range(1, aantal + 1)]
VELDEN += [(1000, nummer) for nummer in (1, 2, 3, 4, 5, 6, 500, 995, 996, 997, 998, 999, 1000)]


def render(aantal, nummer, query="thema=wonen"):
    pagina = Paginator(range(aantal * 10), 10).page(nummer)
    request = RequestFactory().get(f"/kennisbank/?{query}&page={nummer}")
    html = render_to_string("components/pagination.html", {"pagina": pagina}, request=request)
    return BeautifulSoup(html, "html.parser")


def items(soup):
    """The numbered items in order: a page number, or None for a gap."""
    return [
        None if "pagination__item--gap" in li["class"] else int(li.a.get_text().split()[-1])
        for li in soup.select("li.pagination__item")
        if not {"pagination__item--prev", "pagination__item--next"} & set(li["class"])
    ]


@pytest.mark.parametrize(("aantal", "nummer"), VELDEN)
def test_first_last_and_two_either_side_are_linked_with_one_gap_per_skipped_run(aantal, nummer):
    soup = render(aantal, nummer)

    if aantal == 1:
        assert soup.select("nav.pagination") == []
        return
    getoond = items(soup)
    nummers = [n for n in getoond if n is not None]
    verwacht = sorted({1, aantal} | {n for n in range(nummer - 2, nummer + 3) if 1 <= n <= aantal})
    assert nummers == verwacht
    for links, rechts in zip(nummers, nummers[1:], strict=False):
        tussen = getoond[getoond.index(links) + 1 : getoond.index(rechts)]
        assert tussen == ([None] if rechts - links > 1 else [])
    assert getoond[0] == 1 and getoond[-1] == aantal


@pytest.mark.parametrize(("aantal", "nummer"), VELDEN[1:])
def test_links_keep_the_query_and_mark_the_current_page(aantal, nummer):
    soup = render(aantal, nummer)

    huidige = soup.select("a[aria-current=page]")
    assert [a.get_text().split()[-1] for a in huidige] == [str(nummer)]
    for a in soup.select("a.pagination__link"):
        assert a["href"].startswith("?thema=wonen&page=")
    assert bool(soup.select("a[rel=prev]")) == (nummer > 1)
    assert bool(soup.select("a[rel=next]")) == (nummer < aantal)
    status = soup.select_one(".pagination__status").get_text()
    assert status == f"Pagina {nummer} van {aantal}"
