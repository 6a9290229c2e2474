"""Editor accounts: login throttling of the Wagtail admin (django-axes), passwords."""

from django.conf import settings
from django.contrib.auth.password_validation import MinimumLengthValidator
from django.shortcuts import render
from django.utils.translation import ngettext


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
