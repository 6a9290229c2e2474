"""One canonical base URL: every absolute link of the site starts with SITE_URL, whatever host
the request came in on (portal/basis/site_url.py, manage.py zet_site_url)."""

import io
import json
import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page, Site

from kennisbank.models import ProductPage
from portal.basis.site_url import normaal, site_velden, volledige_url
from tests.support.tree import add_product, add_symposium, build_tree

pytestmark = pytest.mark.django_db

BASIS = "https://kennis.example.nl"
URL = re.compile(r"""https?://[^\s"'<>\\]+""")
# Hosts of other parties that a response may name: namespaces and the product's own link.
ANDEREN = ("www.w3.org", "www.sitemaps.org", "schema.org", "purl.org", "example.org")


@pytest.fixture
def site(settings):
    settings.SITE_URL = settings.WAGTAILAPI_BASE_URL = settings.WAGTAILADMIN_BASE_URL = BASIS
    tree = build_tree()
    call_command("zet_site_url", stdout=io.StringIO())
    tree["product"] = add_product(tree["noord"], "Samenwerking in wijkteams")
    tree["symposium"] = add_symposium(tree)
    return tree


def eigen_urls(tekst):
    """The absolute URLs in ``tekst`` that point at this site rather than at another party."""
    return [url for url in URL.findall(tekst) if not any(host in url for host in ANDEREN)]


def assert_all_on_base(tekst, minimaal=1):
    urls = eigen_urls(tekst)
    assert len(urls) >= minimaal, tekst[:500]
    for url in urls:
        assert url.startswith(BASIS + "/"), url


def test_canonical_and_og_url_of_every_page(site, client):
    for pagina in Page.objects.live().descendant_of(site["home"], inclusive=True).specific():
        html = client.get(pagina.url, HTTP_HOST="localhost").content.decode()
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
        og_url = re.search(r'<meta property="og:url" content="([^"]+)"', html).group(1)
        assert canonical == og_url == f"{BASIS}{pagina.url}", pagina
        assert_all_on_base(html)


def test_citation_and_structured_data_of_a_product(site, client):
    response = client.get(site["product"].url)
    assert response.context["apa"].endswith(f" {BASIS}{site['product'].url}")
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', response.content.decode()).group(1))
    assert data["url"] == f"{BASIS}{site['product'].url}"


@pytest.mark.parametrize(
    "naam", ["sitemap", "robots_txt", "feed_producten", "feed_producten_atom", "agenda_ics"]
)
def test_sitemap_robots_feeds_and_calendar(site, client, naam):
    response = client.get(reverse(naam))
    assert response.status_code == 200
    assert_all_on_base(response.content.decode())


def test_feeds_of_a_werkplaats_and_a_thema(site, client):
    ProductPage.objects.get(pk=site["product"].pk).themas.add(site["armoede"])
    for url in (
        reverse("feed_werkplaats", args=["noord"]),
        reverse("feed_thema_atom", args=["armoede"]),
    ):
        tekst = client.get(url).content.decode()
        assert_all_on_base(tekst, minimaal=2)
        assert f"{BASIS}{url}" in tekst or url.endswith("/noord/")


@pytest.mark.parametrize("endpoint", ["/api/v2/producten/", "/api/v2/pages/"])
def test_api_html_url_and_detail_url(site, client, endpoint):
    lijst = client.get(endpoint).json()
    assert lijst["items"]
    for item in lijst["items"]:
        assert item["meta"]["detail_url"].startswith(f"{BASIS}/api/v2/")
        assert item["meta"]["html_url"].startswith(f"{BASIS}/")
    detail = client.get(lijst["items"][0]["meta"]["detail_url"].removeprefix(BASIS)).json()
    assert_all_on_base(json.dumps(detail))


def test_zet_site_url_sets_the_default_site_once(settings):
    build_tree()
    settings.SITE_URL = "http://127.0.0.1:8080"
    uit = io.StringIO()
    call_command("zet_site_url", stdout=uit)
    call_command("zet_site_url", stdout=uit)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8080, settings.SITE_URL)
    assert "al op" in uit.getvalue().splitlines()[-1]


@pytest.mark.parametrize(
    "url", ["", "www.example.nl", "ftp://example.nl", "https://example.nl/pad", "https://x:8443"]
)
def test_unusable_site_urls_are_refused_with_a_message(settings, url):
    build_tree()
    settings.SITE_URL = url
    with pytest.raises(CommandError, match="SITE_URL"):
        call_command("zet_site_url", stdout=io.StringIO())


def test_site_url_helpers():
    assert site_velden("https://www.example.nl/") == {"hostname": "www.example.nl", "port": 443}
    assert site_velden("http://127.0.0.1:8000") == {"hostname": "127.0.0.1", "port": 8000}
    assert normaal("http://Example.NL:80/") == "http://example.nl"
    assert volledige_url("/sitemap.xml") == "http://localhost/sitemap.xml"
    assert volledige_url("https://elders.nl/x") == "https://elders.nl/x"
