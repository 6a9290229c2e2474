"""Passwords of restricted pages and collections are throttled like logins: Wagtail's own
password views, through the real URLconf, with the lock counted in the database."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.urls import get_resolver, reverse
from django.urls.resolvers import URLResolver
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from portal.site.accounts import WACHTWOORD_VIEWS
from portal.site.models import WachtwoordPoging
from tests.support.tree import add_product, build_tree

pytestmark = pytest.mark.django_db

WACHTWOORD = "Wijkteam-Noord-2026"
ADRES = "192.0.2.20"


def besloten_pagina(tree, slug):
    pagina = add_product(tree["noord"], f"Besloten {slug}", slug=slug)
    beperking = PageViewRestriction.objects.create(
        page=pagina, restriction_type="password", password=WACHTWOORD
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[beperking.pk, pagina.pk])
    return url, pagina.url


def besloten_collectie(tree, slug):
    collectie = Collection.get_first_root_node().add_child(name=f"Besloten {slug}")
    document = get_document_model().objects.create(
        title=slug, collection=collectie, file=ContentFile(b"inhoud", name=f"{slug}.txt")
    )
    # A public page links to it: without one, only editors get a document (portal/site/bijlagen.py).
    add_product(tree["noord"], f"Met {slug}", slug=f"met-{slug}", document=document)
    beperking = CollectionViewRestriction.objects.create(
        collection=collectie, restriction_type="password", password=WACHTWOORD
    )
    url = reverse("wagtaildocs_authenticate_with_password", args=[beperking.pk])
    return url, document.url


BESLOTEN = {
    "wagtailcore_authenticate_with_password": besloten_pagina,
    "wagtaildocs_authenticate_with_password": besloten_collectie,
}


@pytest.fixture(params=sorted(BESLOTEN))
def maak(request):
    """Makes a restricted page or collection: (password form URL, URL of what it protects)."""
    tree = build_tree()
    return lambda slug="geheim": BESLOTEN[request.param](tree, slug)


def raden(client, url, wachtwoord, ip=ADRES, **extra):
    return client.post(url, {"password": wachtwoord, "return_url": "/"}, REMOTE_ADDR=ip, **extra)


def mislukt(client, url, keer, ip=ADRES):
    """`keer` wrong passwords: the limit's own attempt and every later one get the lock-out."""
    for poging in range(1, keer + 1):
        response = raden(client, url, "gok", ip)
        assert response.status_code == (429 if poging >= 5 else 200)


def geopend(client, url):
    """Whether `url` shows what it protects, rather than the password form."""
    response = client.get(url)
    return response.status_code == 200 and b'name="password"' not in response.getvalue()


def namen(resolver=None, ns=""):
    for patroon in (resolver or get_resolver()).url_patterns:
        if isinstance(patroon, URLResolver):
            yield from namen(patroon, ns + (f"{patroon.namespace}:" if patroon.namespace else ""))
        elif patroon.name:
            yield ns + patroon.name


def test_every_password_view_of_wagtail_is_throttled_and_tested():
    wachtwoord_views = {naam for naam in namen() if naam.endswith("authenticate_with_password")}
    assert wachtwoord_views == set(WACHTWOORD_VIEWS) == set(BESLOTEN)


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, maak, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    url, beschermd = maak()
    mislukt(client, url, 15)
    response = raden(client, url, WACHTWOORD)
    assert response.status_code == 429
    tekst = response.content.decode()
    assert "Pagina tijdelijk geblokkeerd" in tekst
    assert "wachtwoord over 15 minuten opnieuw" in tekst
    assert "Wachtwoord vergeten?" not in tekst
    assert not geopend(client, beschermd)


def test_the_right_password_opens_it_and_resets_the_count(client, maak):
    url, beschermd = maak()
    mislukt(client, url, 4)
    assert not geopend(client, beschermd)
    assert raden(client, url, WACHTWOORD).status_code == 302
    assert geopend(client, beschermd)
    mislukt(client, url, 4)
    assert raden(client, url, WACHTWOORD).status_code == 302


def test_the_lock_is_for_that_restriction_from_that_address(client, maak):
    url, _ = maak("geheim")
    ander_url, _ = maak("ander-geheim")
    mislukt(client, url, 5)
    assert raden(client, ander_url, WACHTWOORD).status_code == 302
    assert raden(client, url, WACHTWOORD, ip="198.51.100.7").status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_lock(client, maak):
    url, _ = maak()
    mislukt(client, url, 5)
    response = raden(client, url, WACHTWOORD, HTTP_X_FORWARDED_FOR="203.0.113.99")
    assert response.status_code == 429


def test_the_lock_is_shared_through_the_database_and_ends_after_the_cool_off(client, maak):
    url, _ = maak()
    mislukt(client, url, 5)
    cache.clear()
    assert raden(client, url, WACHTWOORD).status_code == 429

    WachtwoordPoging.objects.update(laatste=timezone.now() - timedelta(minutes=16))
    assert raden(client, url, WACHTWOORD).status_code == 302
    assert not WachtwoordPoging.objects.exists()


def test_showing_the_form_counts_no_attempt(client, maak):
    url, _ = maak()
    for _ in range(6):
        assert client.get(url, REMOTE_ADDR=ADRES).status_code in (200, 405)
    assert raden(client, url, WACHTWOORD).status_code == 302


def test_an_unknown_restriction_is_not_found_and_counts_nothing(client, maak):
    url, _ = maak()
    onbekend = url.replace("/authenticate_with_password/", "/authenticate_with_password/9")
    assert raden(client, onbekend, "gok").status_code == 404
    assert not WachtwoordPoging.objects.exists()
