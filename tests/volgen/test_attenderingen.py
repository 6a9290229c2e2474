"""Alerts on a kennisbank selection, through the test client and the real command: double
opt-in, the digest of exactly the new matching products, once, and unsubscribing."""

import datetime
import io
from unittest import mock

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from portal.volgen import tokens
from portal.volgen.models import Attendering
from portal.volgen.selectie import FACET_VAN_PAGINA
from tests.support.tree import add_product
from tests.volgen.conftest import (
    gisteren_bevestigd,
    link_in,
    meld_aan,
    pad,
    post_formulier,
    volg_link,
)
from werkplaatsen.models import ThemagroepIndexPage, ThemagroepPage

pytestmark = pytest.mark.django_db


def verstuur():
    uit = io.StringIO()
    call_command("verstuur_attenderingen", stdout=uit)
    return uit.getvalue()


def bevestig(client, bevestigingsmail):
    response = post_formulier(client, pad(link_in(bevestigingsmail.body, "bevestigen")))
    assert response.status_code == 200
    return response


def armoede_in_noord(client, tree, email="lid@example.org"):
    """Sign up for the kennisbank filtered on thema Armoede and Werkplaats Noord, confirmed."""
    kennisbank = f"{tree['kennisbank'].url}?thema=armoede&werkplaats=noord"
    response = meld_aan(client, volg_link(client, kennisbank), email)
    assert response.status_code == 302
    bevestig(client, mail.outbox[-1])
    return Attendering.objects.get(email=email)


def nieuw_product(tree, ouder, titel, thema=True):
    product = add_product(tree[ouder], titel, day=400)
    if thema:
        product.themas.add(tree["armoede"])
        product.save_revision().publish()
    return product


def test_an_unconfirmed_address_receives_only_the_confirmation(client, tree):
    kennisbank = f"{tree['kennisbank'].url}?thema=armoede"
    response = meld_aan(client, volg_link(client, kennisbank), "Nieuw@Example.org")
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nieuw@example.org"]
    assert "/volgen/bevestigen/" in mail.outbox[0].body
    attendering = Attendering.objects.get()
    assert attendering.bevestigd_op is None
    # Even when it looks due, and with new matching products, nothing goes to it.
    Attendering.objects.update(verstuurd_tot=timezone.now() - datetime.timedelta(days=3))
    nieuw_product(tree, "noord", "Nieuw over armoede")
    verstuur()
    assert len(mail.outbox) == 1


def test_the_digest_holds_exactly_the_new_matching_products_once(client, tree):
    armoede_in_noord(client, tree)
    gisteren_bevestigd()
    mail.outbox.clear()
    nieuw_product(tree, "noord", "Nieuw over armoede in Noord")
    nieuw_product(tree, "zuyd", "Nieuw over armoede in Zuyd")
    nieuw_product(tree, "noord", "Nieuw in Noord over iets anders", thema=False)

    assert verstuur().startswith("1 attendering(en) verstuurd")
    assert len(mail.outbox) == 1
    overzicht = mail.outbox[0]
    assert "Nieuw over armoede in Noord" in overzicht.body
    for anders in ("Zuyd", "iets anders", "Oud product"):
        assert anders not in overzicht.body
    html, mimetype = overzicht.alternatives[0]
    assert mimetype == "text/html" and "Nieuw over armoede in Noord" in html
    assert overzicht.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Run twice, mail once.
    assert verstuur().startswith("0 attendering(en) verstuurd")
    assert len(mail.outbox) == 1


def test_no_mail_when_nothing_new_matches(client, tree):
    armoede_in_noord(client, tree)
    gisteren_bevestigd()
    mail.outbox.clear()
    nieuw_product(tree, "zuyd", "Alleen in Zuyd")
    verstuur()
    assert mail.outbox == []


def test_weekly_waits_a_week(client, tree):
    kennisbank = f"{tree['kennisbank'].url}?thema=armoede"
    meld_aan(client, volg_link(client, kennisbank), "week@example.org", frequentie="wekelijks")
    bevestig(client, mail.outbox[-1])
    assert Attendering.objects.get().frequentie == "wekelijks"
    gisteren_bevestigd()
    mail.outbox.clear()
    nieuw_product(tree, "noord", "Nieuw over armoede")
    verstuur()
    assert mail.outbox == []
    acht_dagen = timezone.now() - datetime.timedelta(days=8)
    Attendering.objects.update(verstuurd_tot=acht_dagen)
    verstuur()
    assert len(mail.outbox) == 1


def test_a_search_term_is_part_of_the_selection(client, tree):
    kennisbank = f"{tree['kennisbank'].url}?q=wijkteams"
    response = meld_aan(client, volg_link(client, kennisbank), "zoeker@example.org")
    assert response.status_code == 302
    bevestig(client, mail.outbox[-1])
    assert Attendering.objects.get().selectie == "q=wijkteams"
    gisteren_bevestigd()
    mail.outbox.clear()
    add_product(tree["zuyd"], "Wijkteams in Zuyd", day=500)
    add_product(tree["zuyd"], "Schuldhulp in Zuyd", day=501)
    verstuur()
    assert len(mail.outbox) == 1
    assert "Wijkteams in Zuyd" in mail.outbox[0].body
    assert "Schuldhulp" not in mail.outbox[0].body


@pytest.mark.parametrize("paginatype", sorted(FACET_VAN_PAGINA, key=lambda t: t.__name__))
def test_every_page_that_offers_following_follows_its_own_selection(client, tree, paginatype):
    groepen = ThemagroepIndexPage(title="Themagroepen", slug="groepen")
    tree["home"].add_child(instance=groepen)
    groep = ThemagroepPage(
        title="Armoede",
        slug="groep-armoede",
        korte_beschrijving="x",
        beschrijving="x",
        start_jaar=2020,
    )
    groepen.add_child(instance=groep)
    groep.save_revision().publish()
    product = tree["noord"].get_children().live().first().specific
    product.themagroepen.add(groep)
    product.save_revision().publish()
    pagina = {p.__class__: p for p in (tree["armoede"], tree["noord"], groep)}[paginatype]
    formulier = volg_link(client, pagina.url)
    facet = FACET_VAN_PAGINA[paginatype]
    assert formulier.endswith(f"?{facet}={pagina.slug}")
    response = client.get(formulier)
    assert pagina.title in response.content.decode()


def test_one_click_unsubscribe_stops_the_digests(tree):
    client = Client(enforce_csrf_checks=True)
    armoede_in_noord(client, tree)
    gisteren_bevestigd()
    nieuw_product(tree, "noord", "Eerste nieuwe")
    verstuur()
    kop = mail.outbox[-1].extra_headers["List-Unsubscribe"]
    assert kop.startswith("<http") and kop.endswith(">")
    url = pad(kop[1:-1])

    # A GET only asks; the mail client's POST (RFC 8058) unsubscribes, without a session.
    assert client.get(url).status_code == 200
    assert Attendering.objects.exists()
    response = Client(enforce_csrf_checks=True).post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Attendering.objects.exists()
    mail.outbox.clear()
    nieuw_product(tree, "noord", "Tweede nieuwe")
    Attendering.objects.update(verstuurd_tot=timezone.now() - datetime.timedelta(days=1))
    verstuur()
    assert mail.outbox == []
    # The link keeps answering, without an error.
    assert Client().post(url).status_code == 200


def test_unconfirmed_sign_ups_are_deleted_after_seven_days(client, tree):
    meld_aan(client, volg_link(client, tree["kennisbank"].url), "traag@example.org")
    meld_aan(client, volg_link(client, tree["kennisbank"].url), "vlot@example.org")
    bevestig(client, mail.outbox[-1])
    Attendering.objects.update(aangemaakt_op=timezone.now() - datetime.timedelta(days=8))
    verstuur()
    assert list(Attendering.objects.values_list("email", flat=True)) == ["vlot@example.org"]


def test_an_expired_confirmation_link_is_refused_in_dutch(client, tree, settings):
    meld_aan(client, volg_link(client, tree["kennisbank"].url), "laat@example.org")
    url = pad(link_in(mail.outbox[-1].body, "bevestigen"))
    later = timezone.now() + settings.VOLGEN_BEVESTIGING_GELDIG + datetime.timedelta(minutes=1)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        response = client.post(url)
    assert response.status_code == 400
    assert "verlopen" in response.content.decode()
    assert Attendering.objects.get().bevestigd_op is None


def vervalst(token):
    """The token with one character of its signature changed."""
    return token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]


def test_forged_and_foreign_links_are_refused(client, tree):
    armoede_in_noord(client, tree, "a@example.org")
    armoede_in_noord(client, tree, "b@example.org")
    a = Attendering.objects.get(email="a@example.org")
    b = Attendering.objects.get(email="b@example.org")

    for naam, token in (
        ("bevestigen", tokens.bevestigingstoken(a, "dagelijks")),
        ("afmelden", tokens.afmeldtoken(a)),
        ("beheren", tokens.beheertoken(a.email)),
    ):
        response = client.post(f"/volgen/{naam}/{vervalst(token)}/")
        assert response.status_code == 400, naam
        assert "ongeldig" in response.content.decode()
    # A token of one kind does not work as another.
    assert client.get(f"/volgen/beheren/{tokens.afmeldtoken(a)}/").status_code == 400
    # A payload made for another address, without the key, is refused.
    namaak = signing.dumps({"e": b.email}, key="niet-de-sleutel", salt=tokens.BEHEREN)
    assert client.get(f"/volgen/beheren/{namaak}/").status_code == 400

    # a's manage link shows and removes only a's alerts, whatever id is posted.
    beheer = f"/volgen/beheren/{tokens.beheertoken(a.email)}/"
    pagina = client.get(beheer).content.decode()
    assert "a@example.org" in pagina and "b@example.org" not in pagina
    assert client.post(beheer, {"attendering": b.pk}).status_code == 200
    assert Attendering.objects.filter(pk=b.pk).exists()
    client.post(beheer, {"attendering": a.pk})
    assert not Attendering.objects.filter(pk=a.pk).exists()
    assert Attendering.objects.filter(pk=b.pk).exists()


def test_sign_up_limits_per_address_and_per_client(client, tree, settings):
    settings.VOLGEN_AANMELDINGEN_PER_IP = settings.VOLGEN_AANMELDINGEN_PER_ADRES + 3
    formulier = volg_link(client, tree["kennisbank"].url)
    for _ in range(settings.VOLGEN_AANMELDINGEN_PER_ADRES):
        assert meld_aan(client, formulier, "veel@example.org").status_code == 302
    response = meld_aan(client, formulier, "veel@example.org")
    assert response.status_code == 429
    assert "te veel aanmeldingen" in response.content.decode()
    assert len(mail.outbox) == settings.VOLGEN_AANMELDINGEN_PER_ADRES

    # Every attempt from this client counted, the refused one too: two more are allowed.
    for n in range(2):
        assert meld_aan(client, formulier, f"ander{n}@example.org").status_code == 302
    assert meld_aan(client, formulier, "nog-een@example.org").status_code == 429
    # Another client address may still sign up.
    ander = Client(REMOTE_ADDR="192.0.2.7")
    assert meld_aan(ander, formulier, "nog-een@example.org").status_code == 302


def test_a_wrong_address_gets_a_message_tied_to_the_field(client, tree):
    formulier = volg_link(client, tree["kennisbank"].url)
    response = client.post(formulier, {"email": "geen-adres", "frequentie": "dagelijks"})
    assert response.status_code == 400
    tekst = response.content.decode()
    assert "Vul een geldig e-mailadres in" in tekst
    assert 'aria-describedby="id_email-hulp id_email-fout"' in tekst
    assert 'aria-invalid="true"' in tekst
    assert mail.outbox == []
    assert not Attendering.objects.exists()


def test_a_selection_whose_thema_is_gone_sends_nothing(client, tree):
    """The kennisbank ignores an unknown thema; the digest must not widen to everything."""
    armoede_in_noord(client, tree)
    gisteren_bevestigd()
    mail.outbox.clear()
    nieuw_product(tree, "noord", "Nieuw in Noord")
    tree["armoede"].unpublish()
    assert "1 met een selectie die niet meer bestaat" in verstuur()
    assert mail.outbox == []
