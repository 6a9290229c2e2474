"""Editor accounts: login throttling of the Wagtail admin (django-axes), passwords."""

import hashlib
import logging

from django.conf import settings
from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import PasswordResetForm

logger = logging.getLogger(__name__)


def client_ip(request):
    """The visitor's address for login throttling.

    Behind TRUSTED_PROXY_COUNT reverse proxies, each appending the address it received the
    request from to X-Forwarded-For, the client is that many entries from the right; anything
    further left can be forged by the client. Without proxies: the socket's address.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR")


def te_veel_pogingen(request, response=None, credentials=None):
    """The answer to a login while the account is locked (AXES_LOCKOUT_CALLABLE)."""
    minuten = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "portal/admin/te_veel_pogingen.html",
        {"minuten": minuten, "pogingen": settings.AXES_FAILURE_LIMIT},
        status=429,
    )


class MinimaleLengteValidator(MinimumLengthValidator):
    """Django's minimum length, with its message in Dutch: Django 6.1 reworded the message and
    its Dutch catalogue has not caught up, so editors saw it in English."""

    def get_error_message(self):
        return ngettext(
            "Dit wachtwoord is te kort: het moet minstens %(min_length)d teken bevatten.",
            "Dit wachtwoord is te kort: het moet minstens %(min_length)d tekens bevatten.",
            self.min_length,
        ) % {"min_length": self.min_length}


def herstelmail_toegestaan(email):
    """At most WACHTWOORD_HERSTEL_PER_UUR reset mails an hour to one address, so the reset form
    cannot be used to flood an editor's mailbox. Without a cache, no limit."""
    sleutel = "wachtwoordherstel:" + hashlib.sha256(email.strip().lower().encode()).hexdigest()
    try:
        cache.add(sleutel, 0, 3600)
        aantal = cache.incr(sleutel)
    except Exception:  # noqa: BLE001 - an unreachable cache must not stop a reset
        return True
    if aantal is None:
        return True
    return aantal <= settings.WACHTWOORD_HERSTEL_PER_UUR


class WachtwoordHerstelFormulier(PasswordResetForm):
    """Wagtail's reset form, with a limit per address. Over the limit it answers exactly as
    always (the same page, whether or not the address has an account), but sends nothing."""

    def get_users(self, email):
        if not herstelmail_toegestaan(email):
            logger.warning("Wachtwoordherstel: limiet per uur bereikt; geen mail verstuurd.")
            return iter(())
        return super().get_users(email)
