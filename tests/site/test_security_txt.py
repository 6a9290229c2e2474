"""/.well-known/security.txt by RFC 9116: the required fields, in date, canonical URL."""

import datetime

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

SITE = "https://www.voorbeeld.nl"


def velden(tekst):
    resultaat = {}
    for regel in tekst.splitlines():
        if regel and not regel.startswith("#"):
            naam, waarde = regel.split(": ", 1)
            resultaat.setdefault(naam, []).append(waarde)
    return resultaat


def test_security_txt_has_the_required_fields_and_is_in_date(client, settings):
    settings.SITE_URL = SITE
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    gegeven = velden(response.content.decode())
    assert all(c.startswith(("mailto:", "https://")) for c in gegeven["Contact"])
    (verloopt,) = gegeven["Expires"]
    verloopt = datetime.datetime.fromisoformat(verloopt)
    nu = datetime.datetime.now(datetime.UTC)
    # RFC 9116: less than a year ahead; renew it before the last month.
    assert nu + datetime.timedelta(days=30) < verloopt < nu + datetime.timedelta(days=366)
    assert gegeven["Preferred-Languages"] == ["nl, en"]
    assert gegeven["Canonical"] == [SITE + reverse("security_txt")]


def test_policy_only_when_configured(client, settings):
    assert "Policy" not in velden(client.get("/.well-known/security.txt").content.decode())
    settings.SECURITY_TXT_POLICY = "https://www.voorbeeld.nl/kwetsbaarheid-melden/"
    gegeven = velden(client.get("/.well-known/security.txt").content.decode())
    assert gegeven["Policy"] == ["https://www.voorbeeld.nl/kwetsbaarheid-melden/"]
