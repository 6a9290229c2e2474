"""Editor accounts: login throttling of the Wagtail admin (django-axes), the same throttling for
the passwords of restricted pages and collections, logout, passwords."""

import hashlib
import logging

from django.conf import settings
from django.contrib.auth.password_validation import MinimumLengthValidator
from django.contrib.auth.views import LogoutView
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from portal.basis.clientadres import client_ip
from portal.site.models import WachtwoordPoging

logger = logging.getLogger(__name__)


def te_veel_pogingen(request, response=None, credentials=None, pagina=False):
    """The answer to a login while the account is locked (AXES_LOCKOUT_CALLABLE), or, with
    `pagina`, to a page or collection password while it is locked for this address."""
    minuten = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "portal/admin/te_veel_pogingen.html",
        {"minuten": minuten, "pogingen": settings.AXES_FAILURE_LIMIT, "pagina": pagina},
        status=429,
    )


# Wagtail's views that check the password of a restricted page or collection: the restriction
# model and the URL argument with its id.
WACHTWOORD_VIEWS = {
    "wagtailcore_authenticate_with_password": (PageViewRestriction, "page_view_restriction_id"),
    "wagtaildocs_authenticate_with_password": (CollectionViewRestriction, "restriction_id"),
}


class WachtwoordBeperkingMiddleware:
    """Throttles guessing at the password of a restricted page or collection, like a login:
    after AXES_FAILURE_LIMIT wrong passwords for one restriction from one address, that address
    gets the lock-out page for AXES_COOLOFF_TIME, even with the right password. Wagtail's own
    view checks the password; an attempt is counted before it runs, so parallel requests cannot
    slip past the limit, and forgotten when the view marks the restriction as passed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        naam = request.resolver_match.url_name
        if request.method != "POST" or naam not in WACHTWOORD_VIEWS:
            return None
        model, argument = WACHTWOORD_VIEWS[naam]
        pk = view_kwargs[argument]
        if not model.objects.filter(pk=pk).exists():
            return None
        sleutel = f"{model._meta.label_lower}:{pk}"
        adres = (client_ip(request) or "")[: WachtwoordPoging._meta.get_field("adres").max_length]
        poging = self.tel_poging(sleutel, adres)
        if not poging:
            return te_veel_pogingen(request, pagina=True)
        response = view_func(request, *view_args, **view_kwargs)
        if pk in request.session.get(model.passed_view_restrictions_session_key, []):
            WachtwoordPoging.objects.filter(beperking=sleutel, adres=adres).delete()
        elif poging >= settings.AXES_FAILURE_LIMIT:
            return te_veel_pogingen(request, pagina=True)
        return response

    @staticmethod
    def tel_poging(sleutel, adres):
        """The number of this attempt since the last success or lock, 0 while locked."""
        nu = timezone.now()
        with transaction.atomic():
            WachtwoordPoging.objects.filter(laatste__lt=nu - settings.AXES_COOLOFF_TIME).delete()
            poging, _nieuw = WachtwoordPoging.objects.select_for_update().get_or_create(
                beperking=sleutel, adres=adres, defaults={"laatste": nu}
            )
            if poging.mislukt >= settings.AXES_FAILURE_LIMIT:
                return 0
            poging.mislukt += 1
            poging.laatste = nu
            poging.save(update_fields=["mislukt", "laatste"])
        return poging.mislukt


class AfmeldenMiddleware:
    """Logging out only by POST, the way the admin's account menu does it. Wagtail's logout view
    deletes the session cookie and says "logged out" even while refusing a GET, leaving the
    session itself valid: other methods are refused before that view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        view_class = getattr(view_func, "view_class", None)
        if view_class and issubclass(view_class, LogoutView) and request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return None


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
