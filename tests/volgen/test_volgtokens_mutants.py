"""The signed links from the mails as a visitor meets them: the frequency a link confirms,
and for a link that does not work, the one Dutch explanation that fits (forged, expired, or
a signed payload without an address)."""

import datetime
from unittest import mock

import pytest
from django.core import mail, signing
from django.utils import timezone
from lxml import html as lxml_html

from portal.volgen import tokens
from portal.volgen.models import Attendering
from tests.volgen.conftest import link_in, meld_aan, pad, post_formulier, volg_link

pytestmark = pytest.mark.django_db

BESCHADIGD = "Deze link is ongeldig. Gebruik de link precies zoals hij in de e-mail staat."
VERLOPEN = "Deze link is verlopen. Meld u opnieuw aan; u krijgt dan een nieuwe link."
ZONDER_ADRES = "Deze link is ongeldig."


def melding(response):
    """The text of the notice on the "link does not work" page, without its label."""
    assert response.status_code == 400
    (notice,) = lxml_html.fromstring(response.content).xpath("//p[@class='notice__text']")
    label = notice.xpath("./strong")[0].text_content()
    return notice.text_content().removeprefix(label).strip()


def bevestiglink(client, tree, email, frequentie):
    meld_aan(client, volg_link(client, tree["kennisbank"].url), email, frequentie)
    return pad(link_in(mail.outbox[-1].body, "bevestigen"))


def test_a_damaged_link_tells_to_use_it_exactly_as_in_the_mail(client, tree):
    url = bevestiglink(client, tree, "lezer@example.org", "dagelijks")
    beschadigd = url[:-3] + ("A" if url[-3] != "A" else "B") + url[-2:]
    assert melding(client.get(beschadigd)) == BESCHADIGD


def test_an_expired_link_says_it_expired(client, tree, settings):
    url = bevestiglink(client, tree, "laat@example.org", "dagelijks")
    later = timezone.now() + settings.VOLGEN_BEVESTIGING_GELDIG + datetime.timedelta(minutes=1)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        assert melding(client.get(url)) == VERLOPEN
    assert Attendering.objects.get().bevestigd_op is None


@pytest.mark.parametrize("inhoud", [["lijst"], {"id": 1}, {"e": 42}])
def test_a_signed_link_without_an_address_is_refused(client, tree, inhoud):
    token = signing.dumps(inhoud, salt=tokens.BEHEREN)
    assert melding(client.get(f"/volgen/beheren/{token}/")) == ZONDER_ADRES


def test_the_confirmation_link_sets_the_frequency_chosen_with_it(client, tree):
    """Signing up again with another frequency: the new link confirms the new choice."""
    bevestiglink(client, tree, "lezer@example.org", "dagelijks")
    url = bevestiglink(client, tree, "lezer@example.org", "wekelijks")
    assert Attendering.objects.get().frequentie == "dagelijks"
    assert "(wekelijks)" in client.get(url).content.decode()
    assert post_formulier(client, url).status_code == 200
    assert Attendering.objects.get().frequentie == "wekelijks"
