"""Every public page takes the same number of queries whatever the amount of content.

The demo content plus bulk products (generate_bulk_content) is built once for this module; each
page is counted with the bulk products of the module, then again after many more have been
added. Both counts must equal the expected number. The page cache is off (test settings), so
every request is rendered. `scripts/benchmark_paginas.py queries` prints the same counts for a
database of any size (docs/performance.md has them for 500 and 20,000 products).
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kennisbank.models import ProductPage
from portal.demo import benchmark, bulkinhoud
from tests.support.tree import demo_inhoud

pytestmark = pytest.mark.slow

EERST, ERBIJ = 500, 1500

# Page -> queries, the same at EERST and at EERST + ERBIJ bulk products. Each listing's "public"
# check (portal/basis/openbaar.py) is a subquery of its own query: the separate look-up of all view
# restrictions that Wagtail's `.public()` made per listing is gone. The home page loads its
# featured products apart from their rows (+1), so that a preview shows the edited choice.
# Places (issue 16): a Werkplaats page loads its gemeenten (+1), the kennisbank counts its province
# facet (+1), the search looks the term up among the gemeenten (+1).
# Section links come from the menu's query (portal/basis/secties.py): the home page's own look-up of
# them is gone (-1); the products feed looks up the kennisbank page for its link (+1).
# The kennisbank counts its facets and orders its results in the facet index in memory (issue
# 15): one query for the page of results instead of one per facet, a count and the options
# (-13); the index itself is built once per content version (kennisbank/facetindex.py). The
# theme matrix (-6), a theme's products per Werkplaats (-1) and a product's related products
# (-1) come from the same index. The pages below the site root (menu, section links) are kept per
# content version in each process (portal/basis/secties.py): one query less on every HTML page.
# The footer is rendered once per content version (portal/site/templatetags/voettekst.py): the
# site settings' query is gone (-1), except where the page shows a setting itself (the home page's
# title; a Werkplaats's and a product's structured data, which name the organisation).
# The site of a request and the route to a page seen before are kept per content version
# (portal/site/routering.py): the site's query is gone, and a page is read in one query (plus one
# for the state of its ancestors below the home page) instead of two per level of the tree:
# -1 for the home page and the search, -2 for a section page, -4 for a Werkplaats or a thema,
# -6 for a product. A theme's products per Werkplaats are rendered once per facet index
# (kennisbank.contributions.ProductenPerWerkplaats): their rows and images are not read (-2).
# The Associatie in the structured data (its name from the site settings) is kept per content
# version too (portal/site/templatetags/structured_data_tags.py): -1 for home, Werkplaats, product.
# Wagtail's check of a served page's view restrictions and the check of its ancestors' state use
# the pages that hide others as kept per content version (portal/basis/openbaar.py): -2 for the
# home page, -3 for every page below it.
VERWACHT = {
    "home": 7,
    "werkplaats": 11,
    "product": 11,
    "kennisbank": 4,
    "kennisbank-1-filter": 4,
    "kennisbank-3-filters": 4,
    "kennisbank-q": 5,
    "themas": 3,
    "thema": 6,
    "zoeken": 5,
    "feed": 3,
    "feed-werkplaats": 3,
    "feed-thema": 3,
    "feed-thema-atom": 3,
}


@pytest.fixture(scope="module")
def inhoud(django_db_setup, django_db_blocker, tmp_path_factory):
    """Demo content and EERST bulk products, rolled back after the module."""
    media = tmp_path_factory.mktemp("media")
    with demo_inhoud(django_db_blocker, media):
        bulkinhoud.genereer(EERST, seed=1)
        yield media


def tellingen(client):
    resultaat = {}
    for naam, pad in benchmark.sleutelpaginas():
        # The first request fills Wagtail's caches (site root paths, renditions) and makes image
        # renditions; the cache is emptied first, as local memory culls entries at random.
        caches["default"].clear()
        assert client.get(pad).status_code == 200, pad
        with CaptureQueriesContext(connection) as queries:
            response = client.get(pad)
        assert response.status_code == 200, pad
        resultaat[naam] = len(queries)
    return resultaat


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_content(inhoud, client, settings):
    settings.MEDIA_ROOT = inhoud
    eerst = tellingen(client)
    bulkinhoud.genereer(ERBIJ, seed=2)
    assert ProductPage.objects.live().count() > 3 * EERST
    daarna = tellingen(client)
    assert eerst == daarna
    assert daarna == VERWACHT
