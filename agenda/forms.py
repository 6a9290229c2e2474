"""The public registration form of an event."""

from django import forms
from django.contrib.auth.base_user import BaseUserManager
from django.utils.translation import gettext_lazy as _

from agenda.models import Aanmelding


class AanmeldForm(forms.ModelForm):
    class Meta:
        model = Aanmelding
        fields = ["naam", "email", "organisatie", "opmerkingen"]
        labels = {"opmerkingen": _("Opmerkingen (niet verplicht)")}
        help_texts = {
            "email": _("Hierheen sturen we de bevestiging en de link om u af te melden."),
            "opmerkingen": _(
                "Bijvoorbeeld wensen voor eten en drinken, of wat u nodig hebt om goed mee "
                "te kunnen doen (toegankelijkheid)."
            ),
        }
        error_messages = {
            "naam": {"required": _("Vul uw naam in.")},
            "email": {
                "required": _("Vul uw e-mailadres in."),
                "invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
            },
            "organisatie": {"required": _("Vul de naam van uw organisatie in.")},
        }
        widgets = {"opmerkingen": forms.Textarea(attrs={"rows": 4})}

    AUTOCOMPLETE = {"naam": "name", "email": "email", "organisatie": "organization"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam, veld in self.fields.items():
            veld.widget.attrs["autocomplete"] = self.AUTOCOMPLETE.get(naam, "off")
            veld.widget.attrs["class"] = "aanmeldformulier__input"

    def clean_email(self):
        return BaseUserManager.normalize_email(self.cleaned_data["email"].strip())
