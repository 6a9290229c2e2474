"""Script injection: hostile product fields and query strings never become markup.

The editor of a Werkplaats puts script payloads into every field of a product through the
real admin (title, summary, authors, tags, the blocks of the body, the rich text as a
hand-made Draftail post, the external link) and publishes it. Every public page that shows
the product, the feeds and the API must show the payload as text or data: parsed HTML has
no script but the expected ones, no event handler attributes and no javascript: links;
the JSON-LD block survives a `</script>` in the title; rich text keeps its formatting.
Query strings that pages echo (search term, facet values, sort, page) are escaped too.
"""

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from kennisbank.models import ProductPage
from portal.site.rollen import richt_rollen_in
from tests.support.role_tree import gebruiker
from tests.support.tree import add_product, build_tree
from werkplaatsen.rechten import groep_van

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
SLUIT = "</script><script>alert(2)</script>"
TITEL = f"Rapport {SCRIPT} {IMG} {SLUIT}"
SAMENVATTING = f"Samenvatting {SCRIPT}\n{IMG} & meer"
AUTEUR = f"Anna {IMG}"
TAG = SCRIPT
TAG2 = "wijk' onmouseover='alert(3)"
LINK = "https://example.org/pad?a=\"><script>alert(4)</script>&b='x'"
PAYLOADS = [SCRIPT, IMG, SLUIT, "javascript:alert(1)", "<img src=x onerror=alert(1)>"]

# What a browser's Draftail editor would post, written by hand: text with markup in it,
# bold and italic, a list, a good link and links with javascript: and a quote-breaking URL,
# and a block type and an entity the field does not allow.
RICH_TEXT = {
    "blocks": [
        {
            "key": "a1",
            "type": "unstyled",
            "depth": 0,
            "text": f"Vet schuin {SCRIPT} {IMG}",
            "inlineStyleRanges": [
                {"offset": 0, "length": 3, "style": "BOLD"},
                {"offset": 4, "length": 6, "style": "ITALIC"},
            ],
            "entityRanges": [],
            "data": {},
        },
        {
            "key": "a2",
            "type": "unordered-list-item",
            "depth": 0,
            "text": "veilige link, gevaarlijke link, kapotte link",
            "inlineStyleRanges": [],
            "entityRanges": [
                {"offset": 0, "length": 12, "key": 0},
                {"offset": 14, "length": 16, "key": 1},
                {"offset": 32, "length": 12, "key": 2},
            ],
            "data": {},
        },
        {
            "key": "a3",
            "type": "atomic",
            "depth": 0,
            "text": " ",
            "inlineStyleRanges": [],
            "entityRanges": [{"offset": 0, "length": 1, "key": 3}],
            "data": {},
        },
        {
            "key": "a4",
            "type": "code-block",
            "depth": 0,
            "text": SCRIPT,
            "inlineStyleRanges": [],
            "entityRanges": [],
            "data": {},
        },
    ],
    "entityMap": {
        "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "https://example.org/"}},
        "1": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}},
        "2": {
            "type": "LINK",
            "mutability": "MUTABLE",
            "data": {"url": 'https://example.org/" onmouseover="alert(5)'},
        },
        "3": {
            "type": "IMAGE",
            "mutability": "IMMUTABLE",
            "data": {"id": 1, "src": "x", "alt": IMG, "format": "left"},
        },
    },
}


# --- Helpers ------------------------------------------------------------------------------------


def scripts_ok(soup):
    """Only the page's own scripts: JSON-LD data, and files from /static/ without inline code."""
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            json.loads(script.string)  # data, and the whole of it: not cut short by a </script>
        else:
            assert script.get("src", "").startswith("/static/"), script
            assert not (script.string or "").strip(), script


def veilige_html(response):
    """Parse an HTML response and check it carries no injected markup; return the soup."""
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/html")
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    scripts_ok(soup)
    for element in soup.find_all(True):
        for naam, waarde in element.attrs.items():
            assert not naam.lower().startswith("on"), (element.name, naam, waarde)
            if naam in {"href", "src", "action", "formaction", "srcset"}:
                kaal = re.sub(r"[\x00-\x20]", "", str(waarde)).lower()
                assert not kaal.startswith(("javascript:", "vbscript:", "data:")), waarde
    assert not soup.find("img", src="x")
    assert not soup.find(["iframe", "object", "embed", "math", "base"])
    assert not soup.find("main").find("svg")  # the header's logo is the only SVG
    tekst = response.content.decode()
    for ruw in ("<script>alert", "<img src=x", 'onmouseover="alert', "onmouseover=alert("):
        assert ruw not in tekst, ruw
    return soup


def bevat_tekst(soup, tekst):
    """The payload is on the page as text (escaped), which proves it went through."""
    return any(tekst in s for s in soup.find_all(string=True))


@pytest.fixture
def tree():
    tree = build_tree()
    richt_rollen_in()
    tree["redacteur"] = gebruiker("noord", groep_van(tree["noord"]).name)
    return tree


def productdata(tree, **anders):
    data = {
        "title": TITEL,
        "slug": "gevaarlijk-product",
        "product_type": "rapport",
        "publicatiedatum": "2025-03-14",
        "samenvatting": SAMENVATTING,
        "auteurs": inline_formset([{"persoon": "", "naam": AUTEUR}]),
        "body": streamfield(
            [
                ("kop", {"tekst": f"Kop {SCRIPT}{IMG}", "niveau": "h2"}),
                ("tekst", json.dumps(RICH_TEXT)),
                ("citaat", {"citaat": f"Citaat {SCRIPT}\n{IMG}", "bron": f"Bron {IMG}"}),
                ("link", {"tekst": f"Linktekst {SCRIPT}", "url": LINK}),
            ]
        ),
        "document": "",
        "externe_link": LINK,
        "afbeelding": "",
        "tags": f'"{TAG}", "{TAG2}"',
        "o_onderzoek": "on",
        "voor_professionals": "on",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(anders)
    data = nested_form_data(data)
    data["themas"] = [tree["armoede"].pk]
    return data


def voeg_toe(tree, **anders):
    client = Client()
    client.force_login(tree["redacteur"])
    url = reverse("wagtailadmin_pages:add", args=("kennisbank", "productpage", tree["noord"].pk))
    return client.post(url, productdata(tree, **anders))


@pytest.fixture
def product(tree):
    response = voeg_toe(tree)
    assert response.status_code == 302, response.context["form"].errors
    product = ProductPage.objects.get(slug="gevaarlijk-product")
    assert product.live and product.title == TITEL
    return product


# --- The product and the pages that list it ----------------------------------------------------


def test_the_product_page_shows_every_payload_as_text(product, client):
    soup = veilige_html(client.get(product.url))

    assert soup.h1.get_text() == TITEL
    assert soup.title.get_text().startswith(TITEL)
    assert soup.find("meta", property="og:title")["content"] == TITEL
    assert soup.find("meta", attrs={"name": "description"})["content"].startswith("Samenvatting")
    lead = soup.find("p", class_="lead")
    assert lead.get_text() == SAMENVATTING.replace("\n", "") and lead.find("br")
    assert AUTEUR in soup.find(class_="product__auteurs").get_text()
    assert bevat_tekst(soup, TAG)
    assert soup.find(class_="stream__heading").get_text() == f"Kop {SCRIPT}{IMG}"
    assert soup.find(class_="quote__source").get_text() == f"Bron {IMG}"
    assert soup.find("a", class_="link-block__link")["href"] == LINK
    assert [a["href"] for a in soup.select("ul.actions a")] == [LINK]
    assert bevat_tekst(soup, TAG2)
    assert TITEL in soup.find(class_="citation__tekst").get_text()


def test_the_json_ld_blocks_are_not_closed_by_a_title(product, client):
    response = client.get(product.url)
    soup = veilige_html(response)

    blokken = soup.find_all("script", type="application/ld+json")
    data = {blok["@type"]: blok for blok in (json.loads(b.string) for b in blokken)}
    assert sorted(data) == ["BreadcrumbList", "Report"]
    assert data["Report"]["name"] == data["Report"]["headline"] == TITEL
    assert data["Report"]["description"] == SAMENVATTING
    assert [a["name"] for a in data["Report"]["author"]] == [AUTEUR]
    assert TAG in data["Report"]["keywords"]
    assert data["BreadcrumbList"]["itemListElement"][-1]["name"] == TITEL
    # A browser ends the script element at the first "</script" (any case): all of the
    # JSON of each block must come before it.
    inhoud = response.content.decode()
    opening = '<script type="application/ld+json">'
    begin = 0
    for blok in blokken:
        begin = inhoud.index(opening, begin) + len(opening)
        einde = re.compile("</script", re.IGNORECASE).search(inhoud, begin).start()
        assert json.loads(inhoud[begin:einde]) == json.loads(blok.string)
        assert "<" not in blok.string and ">" not in blok.string


def test_rich_text_keeps_formatting_and_loses_scripts(product, client):
    soup = veilige_html(client.get(product.url))
    tekst = soup.find("div", class_="stream").find("div", class_="rich-text")

    assert tekst.find("b").get_text() == "Vet"
    assert tekst.find("i").get_text() == "schuin"
    assert f"{SCRIPT} {IMG}" in tekst.p.get_text()
    links = tekst.find("ul").find_all("a")
    assert [a.get_text() for a in links] == ["veilige link", "gevaarlijke link", "kapotte link"]
    assert links[0]["href"] == "https://example.org/"
    assert "href" not in links[1].attrs  # javascript: dropped by Wagtail's URL check
    assert links[2]["href"] == 'https://example.org/" onmouseover="alert(5)'
    assert set(links[2].attrs) == {"href"}
    assert not tekst.find(["img", "pre", "code", "script"])
    stored = ProductPage.objects.get(pk=product.pk).body[1].value.source
    assert "<script" not in stored and "javascript:" not in stored and "<img" not in stored


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/kennisbank/",
        "/kennisbank/?thema=armoede&tag=scriptalert1script&sort=titel",
        "/zoeken/?q=rapport",
        "/themas/armoede/",
        "/werkplaatsen/noord/",
    ],
)
def test_pages_that_list_the_product_escape_it(product, client, url):
    soup = veilige_html(client.get(url))

    assert bevat_tekst(soup, TITEL), url


def test_facets_and_chips_show_the_tag_as_text(product, client):
    soup = veilige_html(client.get("/kennisbank/", {"tag": "scriptalert1script"}))

    labels = [label.get_text(" ", strip=True) for label in soup.find_all("label")]
    assert any(label.startswith(TAG) for label in labels), labels
    assert any(TAG in chip.get_text() for chip in soup.find_all("a", class_="chip"))
    assert soup.find("input", attrs={"name": "tag", "checked": True})["value"] == (
        "scriptalert1script"
    )


def test_javascript_urls_are_refused_in_the_admin(tree):
    for anders in (
        {"externe_link": "javascript:alert(1)"},
        {"externe_link": " JaVaScRiPt:alert(1)"},
        {"body": streamfield([("link", {"tekst": "x", "url": "javascript:alert(1)"})])},
        {"body": streamfield([("link", {"tekst": "x", "url": "data:text/html,<script>"})])},
    ):
        response = voeg_toe(tree, **anders)
        assert response.status_code == 200, anders
        assert not ProductPage.objects.filter(slug="gevaarlijk-product").exists()


def test_rich_text_posted_as_html_instead_of_draftail_json_is_not_stored(tree):
    data = productdata(tree, body=streamfield([("tekst", f"<p>{SCRIPT}</p>")]))
    client = Client()
    client.force_login(tree["redacteur"])
    url = reverse("wagtailadmin_pages:add", args=("kennisbank", "productpage", tree["noord"].pk))
    client.raise_request_exception = False

    response = client.post(url, data)

    # Wagtail 8 answers a non-JSON Draftail value with a 500 (JSONDecodeError in the form);
    # what matters here is that nothing is stored.
    assert response.status_code in {200, 400, 500}
    for product in ProductPage.objects.all():
        assert "<script" not in json.dumps(product.body.raw_data)


# --- Feeds ------------------------------------------------------------------------------------

FEEDS = [
    "/feeds/producten/",
    "/feeds/producten/atom/",
    "/feeds/werkplaats/noord/",
    "/feeds/werkplaats/noord/atom/",
    "/feeds/thema/armoede/",
    "/feeds/thema/armoede/atom/",
]
ATOM = "{http://www.w3.org/2005/Atom}"


def geen_markup(html):
    """Feed readers render an RSS description and an Atom summary of type html as HTML."""
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find(True), html


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_carry_the_payload_as_text(product, client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(("application/rss+xml", "application/atom+xml"))
    assert response["X-Content-Type-Options"] == "nosniff"

    root = ET.fromstring(response.content)  # well-formed XML
    if root.tag == "rss":
        [item] = root.iter("item")
        titel, beschrijving = item.findtext("title"), item.findtext("description")
    else:
        [entry] = root.iter(f"{ATOM}entry")
        titel = entry.findtext(f"{ATOM}title")
        summary = entry.find(f"{ATOM}summary")
        beschrijving = summary.text
        assert summary.get("type") == "html"
    assert titel == TITEL
    geen_markup(beschrijving)
    assert BeautifulSoup(beschrijving, "html.parser").get_text() == SAMENVATTING


# --- API ----------------------------------------------------------------------------------


PROBLEEM = "application/problem+json"


def api(client, url, **params):
    response = client.get(url, params)
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    return response, response.json()


def test_the_api_returns_the_payload_as_json_data(product, client):
    response, lijst = api(client, "/api/v2/producten/", fields="*")
    assert response.status_code == 200
    [item] = lijst["items"]
    assert item["title"] == TITEL
    assert item["samenvatting"] == SAMENVATTING
    assert item["auteursnamen"] == [AUTEUR]
    assert TAG in item["tags"]
    assert item["externe_link"] == LINK

    response, detail = api(client, f"/api/v2/producten/{product.pk}/")
    assert detail["title"] == TITEL
    tekst = next(b["value"] for b in detail["body"] if b["type"] == "tekst")
    geen_script = BeautifulSoup(tekst, "html.parser")
    assert not geen_script.find(["script", "img", "pre", "code"])
    assert not any(
        a.get("href", "").lower().startswith("javascript:") for a in geen_script.find_all("a")
    )

    response, paginas = api(
        client,
        "/api/v2/pages/",
        type="kennisbank.ProductPage",
        fields="samenvatting,auteursnamen,tags,externe_link,body",
    )
    [item] = paginas["items"]
    assert (item["title"], item["samenvatting"]) == (TITEL, SAMENVATTING)


@pytest.mark.parametrize(
    "params",
    [
        {"format": "api"},
        {"search": SCRIPT},
        {"werkplaats": SCRIPT},
        {"thema": IMG},
        {"fields": SCRIPT},
        {"order": IMG},
        {SCRIPT: "1"},
    ],
)
def test_the_api_answers_hostile_parameters_in_json(product, client, params):
    for url in ("/api/v2/producten/", "/api/v2/pages/"):
        for accept in ("application/json", "text/html"):
            response = client.get(url, params, HTTP_ACCEPT=accept)
            assert response.status_code in {200, 400}, (url, params)
            # Errors are RFC 9457 problem details (tests/site/test_api_rules.py).
            verwacht = "application/json" if response.status_code == 200 else PROBLEEM
            assert response["Content-Type"] == verwacht, (url, params, accept)
            assert response["X-Content-Type-Options"] == "nosniff"
            response.json()


# --- Echoed query strings -------------------------------------------------------------------


@pytest.fixture
def veel_producten(tree, monkeypatch):
    """Two kennisbank pages and two pages of search results, so that paging links show."""
    monkeypatch.setattr("kennisbank.contributions.PRODUCTEN_PER_PAGINA", 1)
    monkeypatch.setattr("portal.site.zoeken.RESULTATEN_PER_PAGINA", 1)
    add_product(tree["noord"], "Wijkteams een", day=1)
    add_product(tree["noord"], "Wijkteams twee", day=2)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize(
    ("url", "naam"),
    [
        ("/kennisbank/", "q"),
        ("/kennisbank/", "werkplaats"),
        ("/kennisbank/", "thema"),
        ("/kennisbank/", "themagroep"),
        ("/kennisbank/", "type"),
        ("/kennisbank/", "jaar"),
        ("/kennisbank/", "o"),
        ("/kennisbank/", "doelgroep"),
        ("/kennisbank/", "tag"),
        ("/kennisbank/", "sort"),
        ("/kennisbank/", "page"),
        ("/zoeken/", "q"),
        ("/zoeken/", "page"),
    ],
)
def test_echoed_query_strings_are_escaped(veel_producten, client, url, naam, payload):
    params = {naam: payload, payload: payload}
    if url == "/zoeken/" and naam != "q":
        params["q"] = "wijkteams"
    soup = veilige_html(client.get(url, params))

    if naam in {"werkplaats", "thema", "themagroep", "type", "jaar", "o", "doelgroep", "tag"}:
        meldingen = " ".join(n.get_text() for n in soup.find_all(class_="notice"))
        assert f"'{naam}' genegeerd: {payload.strip()}" in meldingen  # reported, as text
    for link in soup.select("a.pagination__link, a.chip"):  # parameters stay parameters
        for sleutel, waarde in parse_qsl(urlsplit(link["href"]).query, keep_blank_values=True):
            assert sleutel in {"page", "q", payload, *PARAMETERS}, link["href"]
            if sleutel == payload:
                assert waarde == payload


PARAMETERS = ["werkplaats", "thema", "themagroep", "type", "jaar", "o", "doelgroep", "tag", "sort"]


def test_paging_links_keep_hostile_parameters_as_parameters(veel_producten, client):
    params = [("werkplaats", "noord"), (IMG, SCRIPT), ("x", IMG)]
    soup = veilige_html(client.get("/kennisbank/?" + urlencode(params)))

    links = soup.select("a.pagination__link")
    assert links
    for link in links:
        assert set(parse_qsl(urlsplit(link["href"]).query)) >= set(params)


@pytest.mark.parametrize("pad", [f"/{SCRIPT}/", f"/kennisbank/{IMG}/", "/zoeken/%3Cscript%3E/"])
def test_not_found_pages_do_not_echo_the_path_as_markup(tree, client, pad):
    response = client.get(pad)

    assert response.status_code == 404
    assert b"<script>alert" not in response.content
    assert b"<img src=x" not in response.content
