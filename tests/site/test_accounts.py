"""Editor accounts through the real Wagtail admin views: login throttling (django-axes),
strong passwords, and a password reset that does not tell who has an account."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.cache import cache
from django.urls import get_resolver, reverse
from django.urls.resolvers import URLResolver
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

WACHTWOORD = "Lange-zin-over-de-wijkteams-2026"
LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def _lege_cache():
    """The reset limit counts in the cache: every test starts without earlier requests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def redacteur(db):
    user = get_user_model().objects.create_user(
        "redacteur.noord",
        "redacteur@werkplaats-noord.nl",
        WACHTWOORD,
        first_name="Noor",
        last_name="Redacteur",
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def inloggen(client, username, password, ip="192.0.2.10", **extra):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=ip,
        **extra,
    )


def ingelogd(client):
    return "_auth_user_id" in client.session


def mislukt(client, username, keer, ip="192.0.2.10", **extra):
    """`keer` failed logins; the one that reaches the limit is itself answered with 429."""
    for poging in range(1, keer + 1):
        response = inloggen(client, username, "verkeerd-wachtwoord", ip, **extra)
        assert response.status_code == (429 if poging == 5 else 200)
        assert not ingelogd(client)


# Login throttling


def test_a_correct_password_logs_in(client, redacteur):
    response = inloggen(client, "redacteur.noord", WACHTWOORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert ingelogd(client)


def test_after_five_failures_even_the_right_password_is_refused(client, redacteur, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    mislukt(client, "redacteur.noord", 5)
    response = inloggen(client, "redacteur.noord", WACHTWOORD)
    assert response.status_code == 429
    assert not ingelogd(client)
    tekst = response.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in tekst
    assert "over 15 minuten opnieuw" in tekst
    assert reverse("wagtailadmin_password_reset") in tekst
    assert client.get("/admin/").status_code == 302


def test_the_lock_is_for_that_account_from_that_address(client, redacteur):
    get_user_model().objects.create_user("collega", "collega@example.org", WACHTWOORD)
    mislukt(client, "redacteur.noord", 5)

    assert inloggen(client, "collega", WACHTWOORD).status_code == 302
    client.logout()
    assert inloggen(client, "redacteur.noord", WACHTWOORD, ip="198.51.100.7").status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_lock(client, redacteur):
    mislukt(client, "redacteur.noord", 5)
    response = inloggen(client, "redacteur.noord", WACHTWOORD, HTTP_X_FORWARDED_FOR="203.0.113.99")
    assert response.status_code == 429


def test_behind_a_proxy_the_address_it_saw_is_locked(client, redacteur, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    mislukt(client, "redacteur.noord", 5, ip=proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 192.0.2.55")
    locked = inloggen(
        client, "redacteur.noord", WACHTWOORD, ip=proxy, HTTP_X_FORWARDED_FOR="192.0.2.55"
    )
    assert locked.status_code == 429
    # The same proxy forwarding another visitor: not locked.
    other = inloggen(
        client, "redacteur.noord", WACHTWOORD, ip=proxy, HTTP_X_FORWARDED_FOR="192.0.2.66"
    )
    assert other.status_code == 302


def test_the_lock_ends_after_the_cool_off(client, redacteur):
    mislukt(client, "redacteur.noord", 5)
    assert inloggen(client, "redacteur.noord", WACHTWOORD).status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert inloggen(client, "redacteur.noord", WACHTWOORD).status_code == 302


def test_a_successful_login_resets_the_count(client, redacteur):
    mislukt(client, "redacteur.noord", 4)
    assert inloggen(client, "redacteur.noord", WACHTWOORD).status_code == 302
    client.logout()
    mislukt(client, "redacteur.noord", 4)
    assert inloggen(client, "redacteur.noord", WACHTWOORD).status_code == 302


def test_unknown_accounts_are_throttled_like_real_ones(client, redacteur):
    mislukt(client, "bestaat.niet", 4)
    assert inloggen(client, "bestaat.niet", "nog-een-gok").status_code == 429


def test_the_django_admin_login_is_throttled_too(client, redacteur):
    redacteur.is_staff = True
    redacteur.save()
    for _ in range(5):
        client.post(
            "/django-admin/login/",
            {"username": "redacteur.noord", "password": "fout"},
            REMOTE_ADDR="192.0.2.10",
        )
    response = client.post(
        "/django-admin/login/",
        {"username": "redacteur.noord", "password": WACHTWOORD},
        REMOTE_ADDR="192.0.2.10",
    )
    assert response.status_code == 429
    assert not ingelogd(client)


# Logout


def logout_namen(resolver=None, ns=""):
    """The names of every logout URL in the URLconf."""
    for patroon in (resolver or get_resolver()).url_patterns:
        if isinstance(patroon, URLResolver):
            sub = ns + (f"{patroon.namespace}:" if patroon.namespace else "")
            yield from logout_namen(patroon, sub)
        elif (patroon.name or "").endswith("logout"):
            yield ns + patroon.name


def sessie_sleutel(client):
    return client.cookies["sessionid"].value


def test_the_admin_account_menu_logs_out_by_post(client, redacteur):
    inloggen(client, "redacteur.noord", WACHTWOORD)
    beginpagina = client.get("/admin/").content.decode()
    assert f'"action": "{reverse("wagtailadmin_logout")}", "method": "POST"' in beginpagina


def test_logging_out_ends_the_session_on_the_server(client, redacteur):
    inloggen(client, "redacteur.noord", WACHTWOORD)
    oud = sessie_sleutel(client)
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=oud).exists()

    # The old cookie, kept or stolen, opens nothing any more.
    client.cookies["sessionid"] = oud
    assert client.get("/admin/").status_code == 302
    assert not ingelogd(client)


@pytest.mark.parametrize("naam", sorted(set(logout_namen())))
@pytest.mark.parametrize("methode", ["get", "head", "options"])
def test_only_a_post_logs_out(client, redacteur, naam, methode):
    redacteur.is_staff = redacteur.is_superuser = True
    redacteur.save()
    inloggen(client, "redacteur.noord", WACHTWOORD)
    oud = sessie_sleutel(client)

    response = getattr(client, methode)(reverse(naam))
    if methode != "options":
        assert response.status_code == 405
    assert "POST" in response["Allow"]
    assert "sessionid" not in response.cookies
    assert "messages" not in response.cookies
    assert sessie_sleutel(client) == oud
    assert Session.objects.filter(session_key=oud).exists()
    assert client.get("/admin/").status_code == 200


# Strong passwords


def ingevuld_formulier(response):
    """What the admin's edit form on the page would post unchanged."""
    return querydict_from_html(response.content.decode(), form_id="w-editor-form").dict()


def wijzig_wachtwoord(client, user, nieuw):
    client.force_login(user)
    url = reverse("wagtailadmin_account")
    data = ingevuld_formulier(client.get(url))
    data.update(
        {
            "password-old_password": WACHTWOORD,
            "password-new_password1": nieuw,
            "password-new_password2": nieuw,
        }
    )
    return client.post(url, data)


ZWAK = {
    "kort1!Ab": "te kort: het moet minstens 12 tekens",
    "qwerty123456": "te algemeen",
    "938475610293847": "alleen cijfers",
    "redacteur.noord1": "lijkt te veel op",
}


@pytest.mark.parametrize("wachtwoord, melding", ZWAK.items())
def test_an_editor_cannot_choose_a_weak_password(client, redacteur, wachtwoord, melding):
    response = wijzig_wachtwoord(client, redacteur, wachtwoord)
    assert response.status_code == 200
    assert melding in response.content.decode()
    redacteur.refresh_from_db()
    assert redacteur.check_password(WACHTWOORD)


def test_an_editor_can_choose_a_strong_password(client, redacteur):
    nieuw = "Sterk-en-lang-wachtwoord-voor-noord"
    response = wijzig_wachtwoord(client, redacteur, nieuw)
    assert response.status_code == 302
    redacteur.refresh_from_db()
    assert redacteur.check_password(nieuw)


def test_an_administrator_cannot_give_a_new_user_a_weak_password(admin_client):
    url = reverse("wagtailusers_users:add")
    formulier = ingevuld_formulier(admin_client.get(url))
    formulier.update(
        {
            "username": "nieuwe.redacteur",
            "email": "nieuw@example.org",
            "first_name": "Nieuwe",
            "last_name": "Redacteur",
            "password1": "welkom123",
            "password2": "welkom123",
        }
    )
    response = admin_client.post(url, formulier)
    assert response.status_code == 200
    assert "te kort" in response.content.decode()
    assert not get_user_model().objects.filter(username="nieuwe.redacteur").exists()

    formulier["password1"] = formulier["password2"] = "Een-goed-wachtwoord-voor-de-redactie"
    response = admin_client.post(url, formulier)
    assert response.status_code == 302
    assert get_user_model().objects.filter(username="nieuwe.redacteur").exists()


# Password reset


def vraag_reset_aan(client, email):
    return client.post(reverse("wagtailadmin_password_reset"), {"email": email}, follow=True)


def test_a_reset_for_an_unknown_address_looks_exactly_like_one_for_a_known(client, redacteur):
    bekend = vraag_reset_aan(client, "redacteur@werkplaats-noord.nl")
    assert len(mail.outbox) == 1
    onbekend = vraag_reset_aan(client, "niemand@example.org")
    assert len(mail.outbox) == 1

    assert bekend.redirect_chain == onbekend.redirect_chain
    assert bekend.status_code == onbekend.status_code == 200

    def zonder_csrf(response):
        return re.sub(r"[A-Za-z0-9]{64}", "", response.content.decode())

    assert zonder_csrf(bekend) == zonder_csrf(onbekend)


def test_a_reset_link_sets_a_new_strong_password(client, redacteur):
    vraag_reset_aan(client, "redacteur@werkplaats-noord.nl")
    bericht = mail.outbox[0]
    assert bericht.to == ["redacteur@werkplaats-noord.nl"]
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", bericht.body)
    assert link, bericht.body

    formulier = client.get(link.group(1), follow=True)
    assert formulier.status_code == 200
    set_url = formulier.redirect_chain[-1][0]

    zwak = client.post(set_url, {"new_password1": "welkom123", "new_password2": "welkom123"})
    assert zwak.status_code == 200
    assert "te kort" in zwak.content.decode()

    nieuw = "Een-heel-nieuw-wachtwoord-voor-noord"
    klaar = client.post(set_url, {"new_password1": nieuw, "new_password2": nieuw})
    assert klaar.status_code == 302
    assert inloggen(client, "redacteur.noord", WACHTWOORD).status_code == 200
    assert inloggen(client, "redacteur.noord", nieuw).status_code == 302

    # The link works once.
    client.logout()
    opnieuw = client.get(link.group(1), follow=True)
    assert "new_password1" not in opnieuw.content.decode()


def test_no_reset_mail_for_an_inactive_account(client, redacteur):
    redacteur.is_active = False
    redacteur.save()
    vraag_reset_aan(client, "redacteur@werkplaats-noord.nl")
    assert mail.outbox == []


def test_reset_mails_to_one_address_are_limited_without_telling(client, redacteur):
    antwoorden = [vraag_reset_aan(client, "Redacteur@werkplaats-noord.nl") for _ in range(5)]
    assert len(mail.outbox) == 3
    assert {a.redirect_chain[-1][0] for a in antwoorden} == {
        reverse("wagtailadmin_password_reset_done")
    }
    # Another address is not held back by it.
    get_user_model().objects.create_user("collega", "collega@example.org", WACHTWOORD)
    vraag_reset_aan(client, "collega@example.org")
    assert len(mail.outbox) == 4
