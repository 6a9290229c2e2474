"""Two-step verification for the admin, optional per editor: a code from an authenticator app
(TOTP, RFC 6238, through django-otp) after the password.

An editor turns it on in their account; from then on every login to the admin asks for the
app's code. With TWEESTAPS_VERPLICHT on, everyone with access to the admin must set it up.
Until the code is entered, the session carries no rights outside the admin either: the public
site, restricted pages, documents and the API see an anonymous visitor.
"""

from base64 import b32encode

import segno
from asgiref.sync import sync_to_async
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.middleware import OTPMiddleware
from django_otp.plugins.otp_totp.models import TOTPDevice

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
# Admin URLs that stay open to a user who still has to enter a code.
VRIJ = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "tweestaps_verifieren",
}


class TweeStapsMiddleware(OTPMiddleware):
    """Marks whether the user entered a code this session (django-otp). In the admin, sends
    one who must and has not to the code page; elsewhere, treats them as anonymous, and sends
    them from the site's login page to the code page."""

    def __call__(self, request):
        self._install_lazy_accessors(request)
        if not request.path_info.startswith(ADMIN_PREFIXES):
            return self.publiek(request)
        doel = self.doorsturen_naar(request)
        if doel:
            return redirect_to_login(request.get_full_path(), reverse(doel))
        return self.get_response(request)

    def publiek(self, request):
        gebruiker, agebruiker = request.user, request.auser
        request.user = SimpleLazyObject(lambda: zonder_rechten(gebruiker))

        async def auser():
            return await sync_to_async(zonder_rechten)(await agebruiker())

        request.auser = auser
        if request.path_info == reverse("wagtailcore_login") and request.method == "GET":
            doel = stap_nodig(gebruiker)
            if doel:
                return redirect_to_login(request.GET.get("next") or "/", reverse(doel))
        return self.get_response(request)

    @staticmethod
    def doorsturen_naar(request):
        naam = resolve(request.path_info).url_name
        if naam in VRIJ:
            return None
        doel = stap_nodig(request.user)
        if doel == "tweestaps_instellen" and naam == doel:
            return None
        return doel


def stap_nodig(user):
    """Where a user who still has to take the second step goes to take it, or None."""
    if not user.is_authenticated or user.is_verified():
        return None
    if user_has_device(user, confirmed=True):
        return "tweestaps_verifieren"
    if settings.TWEESTAPS_VERPLICHT and user.has_perm("wagtailadmin.access_admin"):
        return "tweestaps_instellen"
    return None


def zonder_rechten(user):
    """The user, or an anonymous one while their second step is still due."""
    return AnonymousUser() if stap_nodig(user) else user


class CodeVeld(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            label=gettext_lazy("Code uit de app"),
            max_length=8,
            help_text=gettext_lazy("De zes cijfers die uw authenticator-app nu toont."),
            widget=forms.TextInput(
                attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
            ),
            **kwargs,
        )


def code_controleren(form, apparaat):
    """Checks the form's code against the device; refusals explain themselves."""
    toegestaan, info = apparaat.verify_is_allowed()
    if not toegestaan:
        tot = (info or {}).get("locked_until") or timezone.now()
        seconden = max(1, int((tot - timezone.now()).total_seconds()) + 1)
        raise forms.ValidationError(
            _("Te veel onjuiste codes. Probeer het over %(seconden)d seconden opnieuw.")
            % {"seconden": seconden}
        )
    code = "".join(form.cleaned_data.get("code", "").split())
    if not apparaat.verify_token(code):
        raise forms.ValidationError(
            _("Deze code klopt niet. Controleer de tijd op uw telefoon en probeer de nieuwe code.")
        )


class CodeFormulier(forms.Form):
    code = CodeVeld()

    def __init__(self, apparaat, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.apparaat = apparaat

    def clean(self):
        if "code" in self.cleaned_data:
            code_controleren(self, self.apparaat)
        return self.cleaned_data


class WachtwoordFormulier(forms.Form):
    """The user's current password, asked before two-step verification is turned on or off."""

    wachtwoord = forms.CharField(
        label=gettext_lazy("Uw huidige wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_wachtwoord(self):
        wachtwoord = self.cleaned_data["wachtwoord"]
        if not self.user.check_password(wachtwoord):
            raise forms.ValidationError(_("Dit wachtwoord klopt niet."))
        return wachtwoord


class InstelFormulier(WachtwoordFormulier):
    code = CodeVeld()
    field_order = ["code", "wachtwoord"]

    def __init__(self, apparaat, *args, **kwargs):
        super().__init__(apparaat.user, *args, **kwargs)
        self.apparaat = apparaat

    def clean(self):
        # The code is only tried with the right password: a wrong one costs no attempt.
        if "wachtwoord" in self.cleaned_data and "code" in self.cleaned_data:
            code_controleren(self, self.apparaat)
        return self.cleaned_data


def veilige_volgende(request):
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters()
def verifieren(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    apparaat = TOTPDevice.objects.devices_for_user(request.user, confirmed=True).first()
    if apparaat is None or request.user.is_verified():
        return redirect(veilige_volgende(request))
    form = CodeFormulier(apparaat, request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, apparaat)
        return redirect(veilige_volgende(request))
    context = {"form": form, "next": veilige_volgende(request)}
    return render(request, "portal/admin/tweestaps/verifieren.html", context)


def overzicht(request):
    apparaten = TOTPDevice.objects.devices_for_user(request.user, confirmed=True)
    context = {
        "apparaat": apparaten.first(),
        "verplicht": settings.TWEESTAPS_VERPLICHT,
        "uitzetten": WachtwoordFormulier(request.user),
    }
    return render(request, "portal/admin/tweestaps/overzicht.html", context)


def nieuw_apparaat(user):
    """The device being set up: kept between page loads, so a scanned code stays valid."""
    apparaat = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return apparaat or TOTPDevice.objects.create(
        user=user, name=_("Authenticator-app"), confirmed=False
    )


@never_cache
@sensitive_post_parameters()
def instellen(request):
    if user_has_device(request.user, confirmed=True):
        return redirect("tweestaps_overzicht")
    apparaat = nieuw_apparaat(request.user)
    form = InstelFormulier(apparaat, request.POST or None)
    if request.method == "POST" and form.is_valid():
        apparaat.confirmed = True
        apparaat.save(update_fields=["confirmed"])
        otp_login(request, apparaat)
        messages.success(request, _("Tweestapsverificatie staat aan."))
        return redirect("tweestaps_overzicht")
    geheim = b32encode(apparaat.bin_key).decode()
    context = {
        "form": form,
        "qr": segno.make(apparaat.config_url, error="m").svg_inline(
            scale=5, title=_("QR-code voor uw authenticator-app")
        ),
        "geheim": " ".join(geheim[i : i + 4] for i in range(0, len(geheim), 4)),
    }
    return render(request, "portal/admin/tweestaps/instellen.html", context)


@require_POST
@sensitive_post_parameters()
def uitzetten(request):
    form = WachtwoordFormulier(request.user, request.POST)
    if settings.TWEESTAPS_VERPLICHT:
        messages.error(request, _("Tweestapsverificatie is verplicht en kan niet uit."))
    elif form.is_valid():
        TOTPDevice.objects.filter(user=request.user).delete()
        messages.success(request, _("Tweestapsverificatie staat uit."))
    else:
        messages.error(request, form.errors["wachtwoord"][0])
    return redirect("tweestaps_overzicht")
