"""Optional two-step verification through the real admin: an editor turns it on with a code
from an authenticator app, and from then on the admin wants a code after the password."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from tests.support.tree import add_product, build_tree

WACHTWOORD = "Lange-zin-over-de-wijkteams-2026"


@pytest.fixture
def redacteur(db):
    user = get_user_model().objects.create_user(
        "redacteur.zuid", "zuid@example.org", WACHTWOORD, first_name="Zoë", last_name="Zuid"
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def code(apparaat, stappen=0):
    """The code the app shows now, or `stappen` periods of 30 seconds later."""
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    totp.time = time.time() + stappen * apparaat.step
    return f"{totp.token():06d}"


def inloggen(client, volgende="/admin/"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": "redacteur.zuid", "password": WACHTWOORD, "next": volgende},
    )


def zet_aan(client):
    client.get(reverse("tweestaps_instellen"))
    apparaat = TOTPDevice.objects.get(user__username="redacteur.zuid")
    response = client.post(
        reverse("tweestaps_instellen"), {"code": code(apparaat), "wachtwoord": WACHTWOORD}
    )
    assert response.status_code == 302
    apparaat.refresh_from_db()
    return apparaat


def opnieuw_inloggen(client):
    client.logout()
    assert inloggen(client).status_code == 302


def test_without_it_the_password_is_enough(client, redacteur):
    assert inloggen(client).status_code == 302
    assert client.get("/admin/").status_code == 200
    overzicht = client.get(reverse("tweestaps_overzicht"))
    assert "Tweestapsverificatie staat uit" in overzicht.content.decode()


def test_the_account_page_links_to_it(client, redacteur):
    client.force_login(redacteur)
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert reverse("tweestaps_overzicht") in account


def test_setting_it_up_shows_a_qr_code_and_the_key(client, redacteur):
    inloggen(client)
    pagina = client.get(reverse("tweestaps_instellen")).content.decode()
    apparaat = TOTPDevice.objects.get(user=redacteur, confirmed=False)
    assert "<svg" in pagina and "QR-code voor uw authenticator-app" in pagina
    sleutel = apparaat.config_url.split("secret=")[1].split("&")[0]
    assert " ".join(sleutel[i : i + 4] for i in range(0, len(sleutel), 4)) in pagina
    assert "issuer=Werkplaatsen%20Sociaal%20Domein" in apparaat.config_url
    # Reloading keeps the same key, so a code already scanned stays valid.
    client.get(reverse("tweestaps_instellen"))
    assert TOTPDevice.objects.get(user=redacteur).key == apparaat.key


def test_a_wrong_code_or_password_does_not_turn_it_on(client, redacteur):
    inloggen(client)
    client.get(reverse("tweestaps_instellen"))
    apparaat = TOTPDevice.objects.get(user=redacteur)

    fout_wachtwoord = client.post(
        reverse("tweestaps_instellen"), {"code": code(apparaat), "wachtwoord": "gok"}
    )
    assert "Dit wachtwoord klopt niet" in fout_wachtwoord.content.decode()
    foute_code = client.post(
        reverse("tweestaps_instellen"), {"code": "000000", "wachtwoord": WACHTWOORD}
    )
    assert "Deze code klopt niet" in foute_code.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


def test_once_on_every_login_asks_for_the_code(client, redacteur):
    inloggen(client)
    apparaat = zet_aan(client)
    assert client.get("/admin/").status_code == 200

    opnieuw_inloggen(client)
    for url in ["/admin/", "/admin/pages/", reverse("wagtailadmin_account"), "/django-admin/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("tweestaps_verifieren"))

    verzoek = client.get("/admin/pages/", follow=True)
    assert "Vul de code uit uw app in" in verzoek.content.decode()
    volgende = client.post(
        reverse("tweestaps_verifieren"), {"code": code(apparaat, 1), "next": "/admin/pages/"}
    )
    assert volgende.status_code == 302
    assert volgende["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_and_repeated_tries_are_slowed(client, redacteur):
    inloggen(client)
    apparaat = zet_aan(client)
    opnieuw_inloggen(client)

    fout = client.post(reverse("tweestaps_verifieren"), {"code": "123456"})
    assert fout.status_code == 200
    assert "Deze code klopt niet" in fout.content.decode()
    # Right after a wrong code even the right one must wait.
    te_snel = client.post(reverse("tweestaps_verifieren"), {"code": code(apparaat, 1)})
    assert "Te veel onjuiste codes" in te_snel.content.decode()
    assert client.get("/admin/").status_code == 302

    TOTPDevice.objects.update(throttling_failure_timestamp=timezone.now() - timedelta(minutes=5))
    na_het_wachten = client.post(reverse("tweestaps_verifieren"), {"code": code(apparaat, 1)})
    assert na_het_wachten.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_code_cannot_be_used_twice(client, redacteur):
    inloggen(client)
    apparaat = zet_aan(client)
    opnieuw_inloggen(client)
    gebruikt = code(apparaat)  # the code that turned it on
    response = client.post(reverse("tweestaps_verifieren"), {"code": gebruikt})
    assert "Deze code klopt niet" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_after_the_code_it_goes_only_to_this_site(client, redacteur):
    inloggen(client)
    apparaat = zet_aan(client)
    opnieuw_inloggen(client)
    response = client.post(
        reverse("tweestaps_verifieren"),
        {"code": code(apparaat, 1), "next": "https://aanvaller.example/admin/"},
    )
    assert response["Location"] == "/admin/"


def test_the_public_site_does_not_ask_for_the_code(client, redacteur):
    build_tree()
    inloggen(client)
    zet_aan(client)
    opnieuw_inloggen(client)
    assert client.get("/").status_code == 200


def besloten_pagina():
    """A page for logged-in visitors only, and the document it offers."""
    document = get_document_model().objects.create(
        title="Verslag", file=ContentFile(b"verslag", name="verslag.txt")
    )
    pagina = add_product(build_tree()["noord"], "Voor leden", slug="voor-leden", document=document)
    PageViewRestriction.objects.create(page=pagina, restriction_type="login")
    return pagina.url, document.url


def opent(client, url):
    response = client.get(url)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("wagtailcore_login"))
        return False
    assert response.status_code == 200
    return True


def test_without_it_the_password_opens_pages_for_members(client, redacteur):
    url, document = besloten_pagina()
    assert not opent(client, url)
    assert client.get(document).status_code == 404
    inloggen(client)
    assert opent(client, url)
    assert client.get(document).status_code == 200


def test_before_the_code_the_session_has_no_rights_outside_the_admin(client, redacteur):
    url, document = besloten_pagina()
    inloggen(client)
    apparaat = zet_aan(client)
    assert opent(client, url)

    opnieuw_inloggen(client)
    assert not opent(client, url)
    assert client.get(document).status_code == 404
    # The site's login page sends the editor on to the code page, and from there back.
    login = client.get(f"{reverse('wagtailcore_login')}?next={url}")
    assert login["Location"].startswith(reverse("tweestaps_verifieren"))
    verder = client.post(login["Location"], {"code": code(apparaat, 1)})
    assert verder["Location"] == url
    assert opent(client, url)
    assert client.get(document).status_code == 200


def test_when_mandatory_pages_for_members_wait_for_the_setup(client, redacteur, settings):
    settings.TWEESTAPS_VERPLICHT = True
    url, _document = besloten_pagina()
    inloggen(client)
    assert not opent(client, url)
    assert client.get(reverse("wagtailcore_login"))["Location"].startswith(
        reverse("tweestaps_instellen")
    )
    zet_aan(client)
    assert opent(client, url)


def test_when_mandatory_a_member_without_admin_access_needs_no_code(client, redacteur, settings):
    settings.TWEESTAPS_VERPLICHT = True
    url, _document = besloten_pagina()
    redacteur.user_permissions.clear()
    inloggen(client)
    assert opent(client, url)


def test_it_can_be_turned_off_with_the_password(client, redacteur):
    inloggen(client)
    zet_aan(client)

    fout = client.post(reverse("tweestaps_uitzetten"), {"wachtwoord": "gok"}, follow=True)
    assert "Dit wachtwoord klopt niet" in fout.content.decode()
    assert TOTPDevice.objects.filter(user=redacteur).exists()

    uit = client.post(reverse("tweestaps_uitzetten"), {"wachtwoord": WACHTWOORD}, follow=True)
    assert "Tweestapsverificatie staat uit" in uit.content.decode()
    assert not TOTPDevice.objects.filter(user=redacteur).exists()
    opnieuw_inloggen(client)
    assert client.get("/admin/").status_code == 200


def test_when_mandatory_everyone_sets_it_up_first(client, redacteur, settings):
    settings.TWEESTAPS_VERPLICHT = True
    inloggen(client)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("tweestaps_instellen"))
    zet_aan(client)
    assert client.get("/admin/").status_code == 200
    geweigerd = client.post(reverse("tweestaps_uitzetten"), {"wachtwoord": WACHTWOORD})
    assert geweigerd.status_code == 302
    assert TOTPDevice.objects.filter(user=redacteur, confirmed=True).exists()


def test_pages_of_another_user_cannot_be_reached_without_admin_access(client, db):
    get_user_model().objects.create_user("bezoeker", "b@example.org", WACHTWOORD)
    client.force_login(get_user_model().objects.get(username="bezoeker"))
    response = client.get(reverse("tweestaps_instellen"))
    assert response.status_code == 302
    assert not TOTPDevice.objects.exists()


def test_a_superuser_can_remove_the_device_of_a_lost_phone(client, admin_client, redacteur):
    inloggen(client)
    apparaat = zet_aan(client)
    lijst = admin_client.get("/django-admin/otp_totp/totpdevice/")
    assert lijst.status_code == 200
    url = f"/django-admin/otp_totp/totpdevice/{apparaat.pk}/delete/"
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not TOTPDevice.objects.exists()
    opnieuw_inloggen(client)
    assert client.get("/admin/").status_code == 200


def test_the_django_admin_lists_login_attempts(admin_client, redacteur, client):
    client.post(reverse("wagtailadmin_login"), {"username": "redacteur.zuid", "password": "fout"})
    lijst = admin_client.get("/django-admin/axes/accessattempt/")
    assert lijst.status_code == 200
    assert "redacteur.zuid" in lijst.content.decode()
