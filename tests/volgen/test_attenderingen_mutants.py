"""The digest run at its edges: when an alert is due (calendar days, daily and weekly), the
link back to the selection, the counts the command reports, and a mail server that refuses
an address."""

import datetime
import io
import logging
import re
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from kennisbank.models import ProductPage
from portal.basis.site_url import volledige_url
from portal.volgen import selectie
from portal.volgen.attenderingen import aan_de_beurt, verstuur_overzichten
from portal.volgen.models import Attendering
from tests.support.role_tree import tijd_op
from tests.volgen.conftest import gisteren_bevestigd, meld_aan, pad, volg_link
from tests.volgen.test_attenderingen import armoede_in_noord, bevestig, nieuw_product
from tests.volgen.test_smtp import Postbus

pytestmark = pytest.mark.django_db


def verstuur():
    uit, fout = io.StringIO(), io.StringIO()
    call_command("verstuur_attenderingen", stdout=uit, stderr=fout)
    return uit.getvalue(), fout.getvalue()


def volg(client, url, email, frequentie="dagelijks"):
    meld_aan(client, volg_link(client, url), email, frequentie)
    bevestig(client, mail.outbox[-1])


def selectieregel(bericht):
    gevonden = re.findall(r"^Bekijk deze selectie in de kennisbank: (\S+)$", bericht.body, re.M)
    return gevonden[0] if gevonden else None


def test_the_digest_links_back_to_exactly_the_selection(client, tree):
    kennisbank = tree["kennisbank"]
    armoede_in_noord(client, tree, "selectie@example.org")
    volg(client, kennisbank.url, "alles@example.org")
    gisteren_bevestigd()
    mail.outbox.clear()
    nieuw_product(tree, "noord", "Nieuw over armoede in Noord")
    verstuur()
    per_adres = {bericht.to[0]: bericht for bericht in mail.outbox}
    selectie = Attendering.objects.get(email="selectie@example.org").selectie
    assert selectie
    assert selectieregel(per_adres["selectie@example.org"]) == volledige_url(
        f"{kennisbank.url}?{selectie}"
    )
    assert selectieregel(per_adres["alles@example.org"]) == volledige_url(kennisbank.url)
    assert client.get(pad(selectieregel(per_adres["alles@example.org"]))).status_code == 200


def test_without_a_public_kennisbank_the_digest_comes_without_that_link(client, tree):
    armoede_in_noord(client, tree)
    gisteren_bevestigd()
    mail.outbox.clear()
    tree["kennisbank"].unpublish()
    nieuw_product(tree, "noord", "Nieuw over armoede in Noord")
    uit, _fout = verstuur()
    assert uit.startswith("1 attendering(en) verstuurd")
    (bericht,) = mail.outbox
    assert "Nieuw over armoede in Noord" in bericht.body
    assert "Bekijk deze selectie" not in bericht.body
    assert selectieregel(bericht) is None


def test_the_command_counts_every_outcome(client, tree):
    for email in ("een@example.org", "twee@example.org"):
        armoede_in_noord(client, tree, email)
    for email in ("traag1@example.org", "traag2@example.org"):
        meld_aan(client, volg_link(client, tree["kennisbank"].url), email)
    Attendering.objects.filter(email__startswith="traag").update(
        aangemaakt_op=timezone.now() - datetime.timedelta(days=8)
    )
    gisteren_bevestigd(email__in=["een@example.org", "twee@example.org"])
    nieuw_product(tree, "noord", "Nieuw over armoede in Noord")
    mail.outbox.clear()
    uit, fout = verstuur()
    assert uit.startswith(
        "2 attendering(en) verstuurd, 0 mislukt, 0 met een selectie die niet meer bestaat; "
        "2 onbevestigde aanmelding(en) verwijderd;"
    )
    assert fout == ""
    assert sorted(b.to[0] for b in mail.outbox) == ["een@example.org", "twee@example.org"]
    assert not Attendering.objects.filter(email__startswith="traag").exists()


def test_two_selections_that_no_longer_hold_are_counted_and_logged(client, tree, caplog):
    for email in ("a@example.org", "b@example.org"):
        armoede_in_noord(client, tree, email)
    gisteren_bevestigd()
    nieuw_product(tree, "noord", "Nieuw in Noord")
    tree["armoede"].unpublish()
    with caplog.at_level(logging.WARNING, logger="portal.volgen.attenderingen"):
        uit, _fout = verstuur()
    assert "0 attendering(en) verstuurd, 0 mislukt, 2 met een selectie" in uit
    ids = sorted(Attendering.objects.values_list("pk", flat=True))
    assert [r.getMessage() for r in caplog.records] == [
        f"Attendering {pk}: selectie bestaat niet meer." for pk in ids
    ]


def middag(dagen_verder=1):
    """Noon (local time) some days from now: a fixed hour for the calendar-day rules."""
    lokaal = timezone.localtime() + datetime.timedelta(days=dagen_verder)
    return lokaal.replace(hour=12, minute=0, second=0, microsecond=0)


def verstuurd_op(nu, laatst, frequentie):
    """Whether a run at ``nu`` mails an alert last mailed at ``laatst``."""
    Attendering.objects.update(verstuurd_tot=laatst, frequentie=frequentie)
    ProductPage.objects.filter(title="Tussendoor").update(
        first_published_at=laatst + (nu - laatst) / 2
    )
    mail.outbox.clear()
    with tijd_op(nu):
        verstuur()
    return len(mail.outbox) == 1


@pytest.mark.parametrize(
    "frequentie, dagen, uur, verwacht",
    [
        ("dagelijks", 0, 1, False),  # earlier today
        ("dagelijks", 1, 23, True),  # late yesterday, 13 hours ago
        ("wekelijks", 6, 1, False),  # six calendar days, 6 x 24 + 11 hours
        ("wekelijks", 7, 23, True),  # seven calendar days, under 7 x 24 hours
    ],
)
def test_an_alert_is_due_by_calendar_days(client, tree, frequentie, dagen, uur, verwacht):
    armoede_in_noord(client, tree)
    nieuw_product(tree, "noord", "Tussendoor")
    nu = middag()
    laatst = nu.replace(hour=uur) - datetime.timedelta(days=dagen)
    assert verstuurd_op(nu, laatst, frequentie) is verwacht


class WeigerendePostbus(Postbus):
    def __init__(self, weigert):
        super().__init__()
        self.weigert = weigert  # the addresses it refuses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.weigert:
            return "550 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.fixture
def weigerende_postbus(settings):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    bus = WeigerendePostbus({"weigert@example.org"})
    server = Controller(bus, hostname="127.0.0.1", port=poort)
    server.start()
    bus.mailers = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": poort, "timeout": 10},
        }
    }
    yield bus
    server.stop()


def test_a_refused_address_gets_its_digest_on_the_next_run(
    client, tree, weigerende_postbus, settings, caplog
):
    for email in ("weigert@example.org", "ontvangt@example.org"):
        armoede_in_noord(client, tree, email)
    settings.MAILERS = weigerende_postbus.mailers
    gisteren_bevestigd()
    eerder = dict(Attendering.objects.values_list("email", "verstuurd_tot"))
    nieuw_product(tree, "noord", "Nieuw over armoede in Noord")
    with caplog.at_level(logging.ERROR, logger="portal.volgen.attenderingen"):
        uit, fout = verstuur()
    assert uit.startswith("1 attendering(en) verstuurd, 1 mislukt")
    assert "Niet alles kon worden verstuurd" in fout
    assert [ontvangers for ontvangers, _b in weigerende_postbus.berichten] == [
        ["ontvangt@example.org"]
    ]
    geweigerd = Attendering.objects.get(email="weigert@example.org")
    assert geweigerd.verstuurd_tot == eerder["weigert@example.org"]
    assert [r.getMessage() for r in caplog.records] == [
        f"Attendering {geweigerd.pk}: versturen mislukt."
    ]
    # The next run, when the server accepts the address, sends what the refused one missed.
    weigerende_postbus.weigert = set()
    uit, _fout = verstuur()
    assert uit.startswith("1 attendering(en) verstuurd, 0 mislukt")
    ontvangers, bericht = weigerende_postbus.berichten[-1]
    assert ontvangers == ["weigert@example.org"]
    assert (
        "Nieuw over armoede in Noord" in bericht.get_body(preferencelist=("plain",)).get_content()
    )


def test_a_failed_mail_gives_back_only_its_own_period(client, tree, weigerende_postbus, settings):
    """The refused address comes after one that received its digest in the same run: only
    the refused one is sent again, and two refusals count as two."""
    for email in ("ontvangt@example.org", "weigert@example.org", "weigert2@example.org"):
        armoede_in_noord(client, tree, email)
    settings.MAILERS = weigerende_postbus.mailers
    weigerende_postbus.weigert = {"weigert@example.org", "weigert2@example.org"}
    gisteren_bevestigd()
    nieuw_product(tree, "noord", "Nieuw over armoede in Noord")
    uit, _fout = verstuur()
    assert uit.startswith("1 attendering(en) verstuurd, 2 mislukt")
    weigerende_postbus.weigert = set()
    uit, _fout = verstuur()
    assert uit.startswith("2 attendering(en) verstuurd, 0 mislukt")
    ontvangers = [ontvangers for ontvangers, _b in weigerende_postbus.berichten]
    assert ontvangers == [
        ["ontvangt@example.org"],
        ["weigert@example.org"],
        ["weigert2@example.org"],
    ]


def test_a_run_at_the_same_time_sends_a_period_once(client, tree, monkeypatch):
    """Another run claims the period between this run's read of the alert and its claim:
    this run sends nothing for it."""
    attendering = armoede_in_noord(client, tree)
    gisteren_bevestigd()
    nieuw_product(tree, "noord", "Nieuw over armoede in Noord")
    mail.outbox.clear()
    echt = selectie.nieuwe_producten

    def intussen_geclaimd(*args):
        gevonden = echt(*args)
        Attendering.objects.filter(pk=attendering.pk).update(verstuurd_tot=timezone.now())
        return gevonden

    monkeypatch.setattr(selectie, "nieuwe_producten", intussen_geclaimd)
    uit, _fout = verstuur()
    assert uit.startswith("0 attendering(en) verstuurd, 0 mislukt")
    assert mail.outbox == []


def test_a_failed_mail_leaves_a_period_that_another_run_claimed_since(client, tree, monkeypatch):
    attendering = armoede_in_noord(client, tree)
    gisteren_bevestigd()
    nieuw_product(tree, "noord", "Nieuw over armoede in Noord")
    later = timezone.now() + datetime.timedelta(minutes=5)

    def weigert_na_een_andere_run(self, berichten):
        Attendering.objects.filter(pk=attendering.pk).update(verstuurd_tot=later)
        raise OSError("verbinding verbroken")

    monkeypatch.setattr(
        "django.core.mail.backends.locmem.EmailBackend.send_messages", weigert_na_een_andere_run
    )
    uit, _fout = verstuur()
    assert uit.startswith("0 attendering(en) verstuurd, 1 mislukt")
    assert Attendering.objects.get(pk=attendering.pk).verstuurd_tot == later


def test_a_run_for_another_moment_uses_that_moment_throughout(client, tree):
    """``verstuur_overzichten(nu)``: which alerts are due and which unconfirmed sign-ups
    expire follow ``nu``, not the clock."""
    armoede_in_noord(client, tree, "vandaag@example.org")
    meld_aan(client, volg_link(client, tree["kennisbank"].url), "onbevestigd@example.org")
    nieuw_product(tree, "noord", "Nieuw over armoede in Noord")
    Attendering.objects.filter(email="vandaag@example.org").update(  # mailed today
        verstuurd_tot=timezone.now() - datetime.timedelta(minutes=1)
    )
    mail.outbox.clear()
    assert verstuur_overzichten().verstuurd == 0
    over_acht_dagen = timezone.now() + datetime.timedelta(days=8)
    resultaat = verstuur_overzichten(over_acht_dagen)
    assert (resultaat.verstuurd, resultaat.opgeruimd) == (1, 1)
    assert [bericht.to for bericht in mail.outbox] == [["vandaag@example.org"]]
    assert not Attendering.objects.filter(email="onbevestigd@example.org").exists()


def test_whether_an_alert_is_due_follows_the_given_moment():
    attendering = Attendering(frequentie="dagelijks", verstuurd_tot=timezone.now())
    assert not aan_de_beurt(attendering, timezone.now())
    assert aan_de_beurt(attendering, timezone.now() + datetime.timedelta(days=1))
