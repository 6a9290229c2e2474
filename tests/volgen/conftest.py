import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from lxml import html as lxml_html

from kennisbank.models import ProductPage
from portal.volgen.models import Attendering
from tests.support.tree import add_product, build_tree

LANG_GELEDEN = datetime.timedelta(days=10)


@pytest.fixture(autouse=True)
def _lege_cache():
    """The sign-up limits count in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def tree(db):
    tree = build_tree()
    oud = [
        add_product(tree["noord"], "Oud product over wijkteams", day=1),
        add_product(tree["zuyd"], "Oud product uit Zuyd", day=2),
    ]
    oud[0].themas.add(tree["armoede"])
    for product in oud:
        product.save_revision().publish()
    # Published long before anyone signs up.
    ProductPage.objects.update(first_published_at=timezone.now() - LANG_GELEDEN)
    return tree


def links(html):
    return lxml_html.fromstring(html).xpath("//a/@href")


def volg_link(client, url):
    """The "Volg deze selectie" link on the page at ``url``."""
    response = client.get(url)
    assert response.status_code == 200
    gevonden = [href for href in links(response.content) if href.startswith("/volgen/")]
    assert len(gevonden) == 1, gevonden
    return gevonden[0]


def meld_aan(client, formulier_url, email, frequentie="dagelijks"):
    """Fill in the sign-up form as a visitor: its hidden fields as the page gives them."""
    response = client.get(formulier_url)
    assert response.status_code == 200
    doc = lxml_html.fromstring(response.content)
    form = doc.xpath("//form[contains(@class, 'volgen__formulier')]")[0]
    data = {veld.name: veld.value or "" for veld in form.xpath(".//input[@type='hidden']")}
    data["email"] = email
    if form.xpath(".//input[@name='frequentie']"):
        data["frequentie"] = frequentie
    return client.post(formulier_url, data)


def post_formulier(client, url):
    """GET the page at ``url`` and submit its (first) form as a browser would."""
    response = client.get(url)
    assert response.status_code == 200
    form = lxml_html.fromstring(response.content).xpath("//main//form")[0]
    data = {veld.name: veld.value or "" for veld in form.xpath(".//input[@type='hidden']")}
    return client.post(form.get("action") or url, data)


def link_in(tekst, naam):
    """The URL of the /volgen/<naam>/ link in a plain-text mail body."""
    gevonden = re.findall(rf"https?://\S+/volgen/{naam}/\S+/", tekst)
    assert gevonden, tekst
    return gevonden[0]


def pad(url):
    """A site URL as the test client requests it."""
    return re.sub(r"^https?://[^/]+", "", url)


def gisteren_bevestigd(**filters):
    """As if the confirmation happened a day ago: the digest is due today."""
    gisteren = timezone.now() - datetime.timedelta(days=1)
    Attendering.objects.filter(**filters).update(bevestigd_op=gisteren, verstuurd_tot=gisteren)
