"""Editor accounts in a real browser: turning on two-step verification and logging in with a
code, and the page of a locked login. The pages must work under the admin's CSP without a
single console error."""

import re
import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP

from . import axe

pytestmark = pytest.mark.browser

WACHTWOORD = "Lange-zin-over-de-leerateliers-2026"
MAAK_REDACTEUR = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
user, _ = get_user_model().objects.get_or_create(username={naam!r})
user.set_password({wachtwoord!r})
user.save()
user.user_permissions.add(Permission.objects.get(codename="access_admin"))
"""


@pytest.fixture
def tab(browser, site, screenshots_dir):
    """A fresh browser context (no cookies of other tests) that fails on console errors."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="nl-NL",
        reduced_motion="reduce",
        bypass_csp=True,
    )
    page = context.new_page()
    fouten = []
    page.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: fouten.append(str(e)))
    yield page
    context.close()
    # The locked login is answered with 429 on purpose; Chromium logs every 4xx document.
    fouten = [f for f in fouten if "responded with a status of 429" not in f]
    assert not fouten, "\n".join(fouten)


def redacteur(site, naam):
    site.manage("shell", "-c", MAAK_REDACTEUR.format(naam=naam, wachtwoord=WACHTWOORD))


def inloggen(page, site, naam, wachtwoord=WACHTWOORD):
    page.goto(site.url("/admin/login/"))
    page.locator("#id_username").fill(naam)
    page.locator("#id_password").fill(wachtwoord)
    with page.expect_navigation():
        page.locator("form.login-form button[type=submit]").click()


def zonder_axe_fouten(page):
    # Wagtail fades its messages in whatever the motion preference: judge the final colours.
    page.evaluate("document.getAnimations().forEach((animatie) => animatie.finish())")
    page.wait_for_function("document.getAnimations().every((a) => a.playState !== 'running')")
    results = axe.run(page)
    assert not results["violations"], f"{page.url}:\n{axe.report(results)}"


def code(sleutel, stappen=0):
    totp = TOTP(b32decode(sleutel.replace(" ", "")))
    totp.time = time.time() + 30 * stappen
    return f"{totp.token():06d}"


def test_an_editor_turns_on_two_step_verification_and_logs_in_with_a_code(
    tab, site, screenshots_dir
):
    redacteur(site, "browser.tweestaps")
    inloggen(tab, site, "browser.tweestaps")
    tab.goto(site.url("/admin/account/"))
    tab.get_by_role("tab", name="Meer acties").click()
    tab.get_by_role("link", name="Tweestapsverificatie").click()
    tab.wait_for_url("**/admin/tweestaps/")
    tab.get_by_role("link", name="Tweestapsverificatie aanzetten").click()
    tab.wait_for_url("**/admin/tweestaps/instellen/")

    qr = tab.locator(".tweestaps-qr svg")
    qr.wait_for(state="visible")
    assert qr.bounding_box()["width"] >= 150  # large enough to scan
    tab.screenshot(path=screenshots_dir / "admin-tweestaps-instellen.png", full_page=True)
    zonder_axe_fouten(tab)
    sleutel = tab.locator("code").inner_text()
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{4})+", sleutel)

    tab.get_by_label("Code uit de app").fill(code(sleutel))
    tab.get_by_label("Uw huidige wachtwoord").fill(WACHTWOORD)
    tab.get_by_role("button", name="Aanzetten").click()
    tab.wait_for_url("**/admin/tweestaps/")
    tab.get_by_text("Tweestapsverificatie staat aan.").first.wait_for(state="visible")

    tab.context.clear_cookies()
    inloggen(tab, site, "browser.tweestaps")
    assert "/admin/tweestaps/code/" in tab.url
    assert tab.get_by_role("heading", name="Vul de code uit uw app in").is_visible()
    tab.screenshot(path=screenshots_dir / "admin-tweestaps-code.png", full_page=True)
    zonder_axe_fouten(tab)
    tab.get_by_label("Code uit de app").fill(code(sleutel, 1))
    tab.get_by_role("button", name="Bevestigen").click()
    tab.wait_for_url(site.url("/admin/"))


def test_a_locked_login_explains_itself(tab, site, screenshots_dir):
    redacteur(site, "browser.geblokkeerd")
    for _ in range(5):
        inloggen(tab, site, "browser.geblokkeerd", "verkeerd-wachtwoord")
    assert tab.get_by_role("heading", name="Inloggen tijdelijk geblokkeerd").is_visible()
    assert tab.get_by_role("alert").inner_text().strip().startswith("Er is 5 keer")
    tab.screenshot(path=screenshots_dir / "admin-te-veel-pogingen.png", full_page=True)
    zonder_axe_fouten(tab)
    tab.get_by_role("link", name="Wachtwoord vergeten?").click()
    tab.wait_for_url("**/admin/password_reset/")
