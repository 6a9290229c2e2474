"""Every product feed, RSS and Atom, read back with a feed parser and compared with the pages.

The feeds are taken from the URLconf (every pattern served by kennisbank/feeds.py); what each
should say is derived from the page it is about. Found by mutation testing
(scripts/mutation.sh feeds): the channel texts and links, the entry fields, the limit and the
link of a filtered feed were not checked anywhere.
"""

import datetime
import html

import feedparser
import pytest
from django.urls import URLPattern, get_resolver, reverse
from django.utils import timezone

from kennisbank import feeds
from kennisbank.models import ProductPage
from portal.themas.models import LandelijkThemaPage
from tests.support.tree import add_product, build_open_data_tree
from werkplaatsen.models import WerkplaatsPage

pytestmark = pytest.mark.django_db


def feedpatronen():
    """(url name, feed view) of every feed of kennisbank/feeds.py in the URLconf."""
    return [
        (p.name, p.callback)
        for p in get_resolver().url_patterns
        if isinstance(p, URLPattern) and isinstance(p.callback, feeds.ProductenFeed)
    ]


def onderwerp_van(view, tree):
    """The page a feed is about (None for the feed of all products) and its URL."""
    if isinstance(view, feeds.WerkplaatsProductenFeed):
        return tree["zuyd"]
    if isinstance(view, feeds.ThemaProductenFeed):
        return tree["armoede"]
    return None


def verwacht(onderwerp, tree):
    """(title, description, link, products) the feed about ``onderwerp`` should have."""
    alle = ProductPage.objects.overzicht()
    if isinstance(onderwerp, WerkplaatsPage):
        return (
            f"Nieuwe producten van {onderwerp.title}",
            f"Kennisproducten van Werkplaats {onderwerp.title}.",
            onderwerp.full_url,
            list(alle.filter(werkplaats=onderwerp)),
        )
    if isinstance(onderwerp, LandelijkThemaPage):
        return (
            f"Nieuwe producten over {onderwerp.title}",
            onderwerp.korte_beschrijving,
            onderwerp.full_url,
            list(alle.filter(themas=onderwerp)),
        )
    return (
        "Nieuwe producten van de Werkplaatsen Sociaal Domein",
        "Publicaties, handreikingen, columns en andere kennisproducten uit alle regio's.",
        tree["kennisbank"].full_url,
        list(alle),
    )


@pytest.fixture
def tree():
    tree = build_open_data_tree()
    tree["armoede"].korte_beschrijving = "Bestaanszekerheid in de wijk."
    tree["armoede"].save_revision().publish()
    # Summaries with characters that are markup in HTML, and a product updated after it came
    # out: its Atom <updated> differs from <published>.
    for product in ProductPage.objects.all():
        product.samenvatting = f"{product.title}: <b>zorg</b> & welzijn"
        product.save_revision().publish()
    ProductPage.objects.filter(title="Armoede in de wijk").update(
        first_published_at=timezone.now() - datetime.timedelta(days=400)
    )
    return tree


def lees(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.bozo_exception)
    return feed


def zelf(feed):
    return [link.href for link in feed.feed.links if link.rel == "self"]


def test_every_feed_says_what_it_is_about(tree, client):
    patronen = feedpatronen()
    assert {naam for naam, _v in patronen} >= {"feed_producten", "feed_producten_atom"}
    for naam, view in patronen:
        onderwerp = onderwerp_van(view, tree)
        url = reverse(naam, kwargs={"slug": onderwerp.slug} if onderwerp else None)
        titel, beschrijving, link, producten = verwacht(onderwerp, tree)
        feed = lees(client, url)
        assert feed.version.startswith("atom" if isinstance(view, feeds.AtomMixin) else "rss")
        assert feed.feed.title == titel, naam
        assert feed.feed.subtitle == beschrijving, naam
        assert feed.feed.link == link, naam
        assert zelf(feed) == [f"http://localhost{url}"], naam
        assert producten, naam
        assert [e.link for e in feed.entries] == [p.full_url for p in producten], naam


def test_every_entry_carries_the_products_fields(tree, client):
    bijgewerkt = ProductPage.objects.get(title="Armoede in de wijk")
    assert bijgewerkt.first_published_at < bijgewerkt.last_published_at
    for naam, view in feedpatronen():
        onderwerp = onderwerp_van(view, tree)
        feed = lees(client, reverse(naam, kwargs={"slug": onderwerp.slug} if onderwerp else None))
        producten = {p.full_url: p for p in verwacht(onderwerp, tree)[3]}
        for entry in feed.entries:
            product = producten[entry.link]
            assert entry.title == product.title
            assert html.unescape(entry.summary) == product.samenvatting
            assert entry.author == str(product.herkomst_naam)
            assert [t.term for t in entry.tags] == [product.get_product_type_display()]
            gepubliceerd = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
            assert gepubliceerd == product.first_published_at.replace(microsecond=0)
            if isinstance(view, feeds.AtomMixin):
                bij = datetime.datetime(*entry.updated_parsed[:6], tzinfo=datetime.UTC)
                assert bij == product.last_published_at.replace(microsecond=0)


def test_a_feed_holds_the_newest_thirty(tree, client):
    for dag in range(feeds.ITEMS_IN_FEED + 1):
        add_product(tree["noord"], f"Reeks {dag}", day=400 + dag)
    nieuwste = list(ProductPage.objects.overzicht()[: feeds.ITEMS_IN_FEED])
    feed = lees(client, reverse("feed_producten"))
    assert feeds.ITEMS_IN_FEED == 30
    assert [e.link for e in feed.entries] == [p.full_url for p in nieuwste]


def test_the_link_of_a_filtered_feed_keeps_the_selection(tree, client):
    kennisbank = tree["kennisbank"].full_url
    feed = lees(client, reverse("feed_producten") + "?q=wijk&utm_source=nieuwsbrief")
    assert feed.feed.link == f"{kennisbank}?q=wijk"
    assert zelf(feed) == [
        f"http://localhost{reverse('feed_producten')}?q=wijk&utm_source=nieuwsbrief"
    ]
    # A query string that selects nothing: the plain kennisbank, no "?".
    feed = lees(client, reverse("feed_producten") + "?utm_source=nieuwsbrief")
    assert feed.feed.link == kennisbank
    assert len(feed.entries) == ProductPage.objects.overzicht().count()


def test_without_a_public_kennisbank_the_feed_links_to_the_site(tree, client):
    tree["kennisbank"].unpublish()
    for naam in ("feed_producten", "feed_producten_atom"):
        feed = lees(client, reverse(naam))
        assert feed.feed.link == "http://localhost/"


def test_hidden_werkplaatsen_and_themas_have_no_feed(verborgen_inhoud, client):
    """The leak scanner's hidden pages (tests/support/verborgen.py): a Werkplaats or thema in
    any hidden state has no feed at all, while its public counterpart has one."""
    soorten = (WerkplaatsPage, LandelijkThemaPage)
    verborgen = [p for p in verborgen_inhoud.verborgen if isinstance(p, soorten)]
    openbaar = [p for p in verborgen_inhoud.tegenhangers.values() if isinstance(p, soorten)]
    assert {type(p) for p in verborgen} == set(soorten)
    assert {type(p) for p in openbaar} == set(soorten)
    per_feed = {
        feeds.WerkplaatsProductenFeed: WerkplaatsPage,
        feeds.ThemaProductenFeed: LandelijkThemaPage,
    }
    for naam, view in feedpatronen():
        soort = next((m for f, m in per_feed.items() if isinstance(view, f)), None)
        if soort is None:
            continue
        for page in verborgen:
            if isinstance(page, soort):
                url = reverse(naam, kwargs={"slug": page.slug})
                assert client.get(url).status_code == 404, (url, page.toestand)
        for page in openbaar:
            if isinstance(page, soort):
                feed = lees(client, reverse(naam, kwargs={"slug": page.slug}))
                assert feed.feed.link == page.full_url
