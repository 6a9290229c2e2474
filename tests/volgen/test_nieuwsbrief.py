"""The newsletter: sign-up with double opt-in, preview as a mail, a test to oneself, sending
once to the confirmed subscribers through the real admin view, and who may send."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse

from portal.site.rollen import BEHEER_GROEP, richt_rollen_in
from portal.volgen.models import Attendering, NieuwsbriefIndexPage, NieuwsbriefPage
from portal.volgen.tokens import afmeldtoken
from tests.support.tree import publish
from tests.volgen.conftest import link_in, meld_aan, pad, post_formulier
from werkplaatsen.rechten import ASSOCIATIE_GROEP, groep_van

pytestmark = pytest.mark.django_db


@pytest.fixture
def nieuwsbrief(tree):
    index = publish(tree["home"], NieuwsbriefIndexPage(title="Nieuwsbrief", slug="nieuwsbrief"))
    pagina = publish(
        index,
        NieuwsbriefPage(
            title="Nieuwsbrief december",
            slug="december",
            intro="Het laatste nieuws.",
            body='<p>Lees <a href="/kennisbank/">de kennisbank</a> en <b>meer</b>.</p>',
        ),
    )
    richt_rollen_in()
    return pagina


def medewerker(naam, groep):
    gebruiker = get_user_model().objects.create_user(naam, f"{naam}@example.org", "x")
    gebruiker.groups.add(groep)
    return gebruiker


def geweigerd(response):
    """Wagtail answers PermissionDenied in the admin with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def abonnees(client):
    for email in ("een@example.org", "twee@example.org"):
        assert meld_aan(client, reverse("volgen:nieuwsbrief"), email).status_code == 302
        post_formulier(client, pad(link_in(mail.outbox[-1].body, "bevestigen")))
    meld_aan(client, reverse("volgen:nieuwsbrief"), "onbevestigd@example.org")
    mail.outbox.clear()


def test_the_associatie_tests_then_sends_once_to_confirmed_subscribers(client, nieuwsbrief):
    abonnees(client)
    redacteur = medewerker("associatie", Group.objects.get(name=ASSOCIATIE_GROEP))
    client.force_login(redacteur)
    bewerken = client.get(reverse("wagtailadmin_pages:edit", args=[nieuwsbrief.pk]))
    versturen = reverse("volgen_nieuwsbrief_versturen", args=[nieuwsbrief.pk])
    assert versturen in bewerken.content.decode()
    index = nieuwsbrief.get_parent()
    assert "Nieuwsbrief december" not in client.get(index.url).content.decode()

    assert client.post(versturen, {"actie": "test"}).status_code == 302
    assert [m.to for m in mail.outbox] == [["associatie@example.org"]]
    assert mail.outbox[0].subject == "[Test] Nieuwsbrief december"
    mail.outbox.clear()

    assert client.post(versturen, {"actie": "versturen"}).status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["een@example.org", "twee@example.org"]
    brief = mail.outbox[0]
    assert brief.subject == "Nieuwsbrief december"
    assert "de kennisbank (http://localhost/kennisbank/)" in brief.body
    html, _mimetype = brief.alternatives[0]
    assert 'href="http://localhost/kennisbank/"' in html
    assert brief.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Twice: nobody gets it again.
    client.post(versturen, {"actie": "versturen"})
    assert len(mail.outbox) == 2
    # The archive lists it once sent.
    assert "Nieuwsbrief december" in client.get(index.url).content.decode()


def test_beheer_may_send_and_regional_editors_may_not(client, nieuwsbrief, tree):
    abonnees(client)
    versturen = reverse("volgen_nieuwsbrief_versturen", args=[nieuwsbrief.pk])
    regio = medewerker("noord", groep_van(tree["noord"]))
    client.force_login(regio)
    for response in (
        client.get(versturen),
        client.post(versturen, {"actie": "versturen"}),
        client.post(versturen, {"actie": "test"}),
    ):
        assert geweigerd(response)
    assert (
        "Versturen"
        not in client.get(
            reverse("wagtailadmin_pages:edit", args=[nieuwsbrief.pk])
        ).content.decode()
    )
    assert mail.outbox == []

    client.force_login(medewerker("beheer", Group.objects.get(name=BEHEER_GROEP)))
    assert client.get(versturen).status_code == 200
    client.post(versturen, {"actie": "versturen"})
    assert len(mail.outbox) == 2


def test_the_preview_shows_the_mail(nieuwsbrief):
    verzoek = RequestFactory().get("/")
    verzoek.user = get_user_model().objects.create_user("kijker", "kijker@example.org", "x")
    html = nieuwsbrief.make_preview_request(verzoek, "mail")
    tekst = nieuwsbrief.make_preview_request(verzoek, "tekst")
    assert 'href="http://localhost/kennisbank/"' in html.content.decode()
    assert tekst["Content-Type"].startswith("text/plain")
    assert "de kennisbank (http://localhost/kennisbank/)" in tekst.content.decode()


def test_a_subscriber_who_unsubscribed_gets_no_newsletter(client, nieuwsbrief):
    abonnees(client)
    een = Attendering.objects.get(email="een@example.org")
    client.post(f"/volgen/afmelden/{afmeldtoken(een)}/")
    client.force_login(medewerker("associatie", Group.objects.get(name=ASSOCIATIE_GROEP)))
    client.post(reverse("volgen_nieuwsbrief_versturen", args=[nieuwsbrief.pk]), {"actie": "x"})
    assert [m.to for m in mail.outbox] == [["twee@example.org"]]
