"""End to end through a real SMTP server on 127.0.0.1 (aiosmtpd): what arrives is parsed
(headers, the plain-text and HTML parts) and its links are followed with the test client."""

import email
import email.policy
import io
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.test import Client
from lxml import html as lxml_html

from portal.volgen.models import Attendering
from tests.support.tree import add_product
from tests.volgen.conftest import gisteren_bevestigd, meld_aan, pad, post_formulier, volg_link

pytestmark = pytest.mark.django_db


class Postbus:
    def __init__(self):
        self.berichten = []

    async def handle_DATA(self, server, session, envelope):
        bericht = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.berichten.append((envelope.rcpt_tos, bericht))
        return "250 OK"


@pytest.fixture
def postbus(settings):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    bus = Postbus()
    server = Controller(bus, hostname="127.0.0.1", port=poort)
    server.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": poort, "timeout": 10},
        }
    }
    settings.DEFAULT_FROM_EMAIL = "portal@example.org"
    yield bus
    server.stop()


def delen(bericht):
    tekst = bericht.get_body(preferencelist=("plain",)).get_content()
    html = bericht.get_body(preferencelist=("html",)).get_content()
    return tekst, html


def html_links(html, deel):
    return [href for href in lxml_html.fromstring(html).xpath("//a/@href") if deel in href]


def test_sign_up_confirm_digest_and_unsubscribe_over_smtp(tree, postbus):
    client = Client(enforce_csrf_checks=True)
    formulier = volg_link(client, f"{tree['kennisbank'].url}?werkplaats=noord")
    assert meld_aan(client, formulier, "lezer@example.org").status_code == 302

    assert len(postbus.berichten) == 1
    ontvangers, bevestiging = postbus.berichten[0]
    assert ontvangers == ["lezer@example.org"]
    assert bevestiging["From"] == "portal@example.org"
    assert bevestiging["List-Unsubscribe"] is None  # not a list mail yet
    tekst, html = delen(bevestiging)
    [bevestig_url] = html_links(html, "/volgen/bevestigen/")
    assert bevestig_url in tekst
    assert post_formulier(client, pad(bevestig_url)).status_code == 200

    gisteren_bevestigd()
    add_product(tree["noord"], "Nieuw uit Noord", day=600)
    add_product(tree["zuyd"], "Nieuw uit Zuyd", day=601)
    call_command("verstuur_attenderingen", stdout=io.StringIO())
    call_command("verstuur_attenderingen", stdout=io.StringIO())

    assert len(postbus.berichten) == 2
    ontvangers, overzicht = postbus.berichten[1]
    assert ontvangers == ["lezer@example.org"]
    assert overzicht["Subject"] == "Nieuw in de kennisbank: 1 product"
    assert overzicht["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    afmelden = overzicht["List-Unsubscribe"].strip("<>")
    assert afmelden.startswith("http://localhost/volgen/afmelden/")
    tekst, html = delen(overzicht)
    assert "Nieuw uit Noord" in tekst and "Nieuw uit Zuyd" not in tekst
    assert "Nieuw uit Noord" in html and "Nieuw uit Zuyd" not in html

    [product_url] = html_links(html, "/nieuw-uit-noord/")
    assert product_url in tekst
    assert "Nieuw uit Noord" in client.get(pad(product_url)).content.decode()
    [beheer_url] = html_links(html, "/volgen/beheren/")
    assert "lezer@example.org" in client.get(pad(beheer_url)).content.decode()
    [selectie_url] = html_links(html, "/kennisbank/")
    assert [p.title for p in client.get(pad(selectie_url)).context["producten"]] == [
        "Nieuw uit Noord",
        "Oud product over wijkteams",
    ]

    # One-click: a POST without session or CSRF token, as a mail client sends it.
    response = Client(enforce_csrf_checks=True).post(
        pad(afmelden),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Attendering.objects.exists()
    add_product(tree["noord"], "Nog een uit Noord", day=602)
    call_command("verstuur_attenderingen", stdout=io.StringIO())
    assert len(postbus.berichten) == 2
